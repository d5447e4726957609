"""Typing reaches the preview's DOM, and only what changed is touched (real QtWebEngine)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.webengine

HEADLINES = "Array.from(document.querySelectorAll('[data-field=headline]')).map(e => e.textContent)"
BLOCK_TEXT = "document.querySelectorAll('[data-field=body] .md-block')[{i}].textContent"


def test_typing_a_headline_reaches_every_copy_in_the_page(pane, document, wait_ready, wait_js):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    for text in ("충청광역연합", "충청광역연합, 바이오·모빌리티 <미래> 그리다"):
        document.set("headline", text)
    copies = wait_js(
        view, HEADLINES, lambda v: v and set(v) == {"충청광역연합, 바이오·모빌리티 <미래> 그리다"}
    )
    assert len(copies) >= 2  # the article head and the sticky reading bar


def test_typing_into_the_real_document_reaches_the_body(pane, wait_ready, wait_js):
    from PySide6.QtGui import QTextCursor

    from editor.ui.document import ArticleDocument

    doc = ArticleDocument()
    doc.load_sample()
    pane.set_document(doc)
    wait_ready(pane)
    cursor = QTextCursor(doc.body_document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    for ch in "\n\n새로 쓴 마지막 문단":
        cursor.insertText(ch)  # one signal per keystroke, like typing
    last = (
        "(() => { const c = document.querySelectorAll('[data-field=body] .md-block');"
        " return c[c.length - 1].textContent; })()"
    )
    wait_js(pane.views["desktop"], last, lambda v: v == "새로 쓴 마지막 문단")


def test_a_body_edit_replaces_only_the_changed_block(pane, document, wait_ready, js, wait_js):
    paragraphs = [f"문단 {n}: 세종시가 자율주행 셔틀을 시험한다." for n in range(30)]
    document.article.body = "\n\n".join(paragraphs)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    js(
        view,
        """(() => {
        const body = document.querySelector('[data-field=body]');
        for (const row of body.querySelectorAll('.md-block')) row.firstElementChild.__kept = true;
        window.__mutations = 0;
        new MutationObserver(records => { window.__mutations += records.length; })
            .observe(body, {childList: true, subtree: true, characterData: true});
        return body.querySelectorAll('.md-block').length; })()""",
    )
    paragraphs[12] = "문단 12: 고친 문장.\n이어 쓴 줄."
    document.set("body", "\n\n".join(paragraphs))
    wait_js(view, BLOCK_TEXT.format(i=12), lambda v: v and v.startswith("문단 12: 고친"))
    kept = js(
        view,
        """Array.from(document.querySelectorAll('[data-field=body] .md-block'))
        .map(row => row.firstElementChild.__kept === true)""",
    )
    assert kept == [i != 12 for i in range(30)]
    assert js(view, "window.__mutations") <= 2  # one removal, one insertion
    lines = js(
        view,
        """Array.from(document.querySelectorAll('[data-field=body] .md-block'))
        .map(row => Number(row.dataset.line))""",
    )
    assert lines == [2 * i + (1 if i > 12 else 0) for i in range(30)]


ON_SCREEN = """Array.from(document.querySelectorAll('[data-field=body] .md-block'))
    .findIndex(row => { const r = row.firstElementChild.getBoundingClientRect();
                        return r.top > innerHeight * 0.2 && r.bottom < innerHeight; })"""
ROW_BOX = """(() => { const r = document.querySelectorAll('[data-field=body] .md-block')[{i}]
    .firstElementChild.getBoundingClientRect(); return [r.top, r.bottom, innerHeight]; })()"""


def test_an_edit_on_screen_keeps_the_scroll_position(pane, document, wait_ready, js, wait_js):
    paragraphs = [f"문단 {n}: " + "시민들이 셔틀에 오르고 있다. " * 12 for n in range(60)]
    document.article.body = "\n\n".join(paragraphs)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    js(view, "window.scrollTo(0, 3000), window.scrollY")
    before = wait_js(view, "window.scrollY", lambda y: y and y > 2000)
    shown = js(view, ON_SCREEN)
    assert shown > 0
    paragraphs[shown] = f"문단 {shown}: 보이는 문단을 고쳤다."
    document.set("body", "\n\n".join(paragraphs))
    document.set("headline", "제목도 바꿨다")
    wait_js(view, BLOCK_TEXT.format(i=shown), lambda v: v and v.endswith("고쳤다."))
    assert abs(js(view, "window.scrollY") - before) < 1


def test_an_edit_off_screen_scrolls_the_edited_block_into_view(
    pane, document, wait_ready, js, wait_js
):
    paragraphs = [f"문단 {n}: " + "시민들이 셔틀에 오르고 있다. " * 12 for n in range(60)]
    document.article.body = "\n\n".join(paragraphs)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    top, _bottom, height = js(view, ROW_BOX.replace("{i}", "50"))
    assert top > height  # below the fold
    paragraphs[50] = "문단 50: 아래쪽 문단을 고쳤다."
    document.set("body", "\n\n".join(paragraphs))
    wait_js(view, BLOCK_TEXT.format(i=50), lambda v: v and v.endswith("고쳤다."))
    top, bottom, height = js(view, ROW_BOX.replace("{i}", "50"))
    assert 0.1 * height <= top and bottom <= height


def test_clicking_a_paragraph_reports_its_source_line(pane, document, wait_ready, js, qtbot):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    third = pane.blocks[2]
    with qtbot.waitSignal(pane.block_clicked, timeout=5000) as signal:
        js(
            view,
            "document.querySelectorAll('[data-field=body] .md-block')[2]"
            ".firstElementChild.click(), true",
        )
    assert signal.args == [third.line]


def test_scroll_to_source_line_brings_the_block_into_view(pane, document, wait_ready, wait_js):
    document.article.body = "\n\n".join(f"문단 {n}: " + "긴 문장이다. " * 30 for n in range(40))
    pane.set_document(document)
    wait_ready(pane)
    pane.scroll_to_source_line(61)  # inside block 30 (lines 60 and beyond)
    top = (
        "document.querySelectorAll('[data-field=body] .md-block')[30]"
        ".firstElementChild.getBoundingClientRect().top"
    )
    wait_js(pane.views["desktop"], top, lambda t: t is not None and 0 <= t < 400)


def test_document_images_load_through_the_scheme(pane, document, wait_ready, wait_js):
    pane.set_document(document)
    wait_ready(pane)
    images = (
        "Array.from(document.images).filter(i => i.src.startsWith('article:'))"
        ".map(i => [i.getAttribute('src'), i.complete && i.naturalWidth])"
    )
    loaded = wait_js(
        pane.views["desktop"],
        images,
        lambda v: v and len(v) >= 2 and all(w and w > 0 for _, w in v),
    )
    assert {src for src, _ in loaded} >= {"images/shuttle-lead.jpg", "images/shuttle-stop.jpg"}
    assert "images/shuttle-lead.jpg" in pane.scheme_handler.served


def test_headline_lines_are_measured_in_the_real_layouts(qtbot, pane, document, wait_ready):
    measured: dict[str, tuple[int, str]] = {}
    pane.headline_lines_measured.connect(lambda lay, n, h: measured.__setitem__(lay, (n, h)))
    pane.set_mode("both", 360)
    pane.set_document(document)
    wait_ready(pane)
    qtbot.waitUntil(lambda: {"desktop", "mobile"} <= set(measured), timeout=10000)
    assert measured["desktop"][0] == 1  # the sample's headline fits one line on PC
    assert measured["mobile"][0] == 2  # and two on a 360 px phone
    long = "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓히고 야간 운행과 예약 서비스까지 시험한다"
    document.set("headline", long)
    qtbot.waitUntil(
        lambda: measured["mobile"][1] == long and measured["desktop"][1] == long, timeout=10000
    )
    assert measured["desktop"][0] == 2 and measured["mobile"][0] >= 3


def test_the_editor_scrolling_as_one_types_moves_the_page_once(
    make_pane, document, wait_ready, js, wait_js, qtbot
):
    pane = make_pane(debounce_ms=400)  # the editor's scroll comes well before the patch
    paragraphs = [f"문단 {n}: " + "시민들이 셔틀에 오르고 있다. " * 12 for n in range(60)]
    document.article.body = "\n\n".join(paragraphs)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    js(
        view,
        """(() => { window.__scrolls = [];
        addEventListener('scroll', () => __scrolls.push(scrollY)); return 1; })()""",
    )
    paragraphs[50] = "문단 50: 아래쪽 문단을 고쳤다."
    document.set("body", "\n\n".join(paragraphs))
    pane.scroll_to_source_line(2 * 40)  # the editor scrolled with the typing
    qtbot.waitUntil(lambda: not pane.timer.isActive(), timeout=5000)
    wait_js(view, BLOCK_TEXT.format(i=50), lambda v: v and v.endswith("고쳤다."))
    top, bottom, height = js(view, ROW_BOX.replace("{i}", "50"))
    assert 0.1 * height <= top and bottom <= height  # the edited block is what shows
    wait_js(view, "window.__scrolls.length", lambda n: n and n >= 1)
    assert len({round(y) for y in js(view, "window.__scrolls")}) == 1  # one move, no jump

"""A body too long to preview pauses the preview with a notice; it resumes when it shrinks.

Measured before the pause existed (benchmarks machine): a 10 MB body (4M Hangul characters)
took 6.4 s to render on the worker and ~20 s until Chromium showed the page; a single 11 MB
paragraph made every patch cost the UI thread ~275 ms.
"""

from __future__ import annotations

import pytest

from editor.ui.preview.pane import MAX_PREVIEW_CHARS

pytestmark = pytest.mark.webengine

BODY_TEXT = "(() => document.querySelector('[data-field=body]').textContent)()"
TEN_MB = "가나다라 마바사아 자차카타 파하. " * 500_000  # 10.5 MB of UTF-8, 9.5M characters
TEN_MB_OF_PARAGRAPHS = ("가나다라 마바사아 자차카타 파하. " * 40 + "\n\n") * 13_000


def _counting_renders(monkeypatch, pane) -> list[int]:
    calls: list[int] = []
    original = pane.renderer.render_blocks
    monkeypatch.setattr(
        pane.renderer, "render_blocks", lambda text: calls.append(len(text)) or original(text)
    )
    return calls


def _pages_served(pane) -> list[str]:
    return [p for p in pane.scheme_handler.served if p.endswith(".html") or ".html?" in p]


def test_a_10_mb_body_shows_a_notice_instead_of_the_page(
    qtbot, pane, document, wait_ready, wait_js, monkeypatch
):
    renders = _counting_renders(monkeypatch, pane)
    document.article.body = TEN_MB
    pane.set_document(document)
    qtbot.waitUntil(lambda: pane.paused_label.isVisible())
    assert pane.paused and not pane.stage.isVisible()
    assert f"({len(TEN_MB):,} characters)" in pane.paused_label.text()
    for _ in range(30):  # typing: each debounce only reads the length
        document.set("body", document.article.body + "가")
        pane.flush()
    assert f"({len(TEN_MB) + 30:,} characters)" in pane.paused_label.text()
    qtbot.wait(200)
    assert renders == [] and _pages_served(pane) == [] and pane.views == {}
    document.set("body", "짧아진 본문이다.")
    wait_ready(pane)
    assert not pane.paused and pane.stage.isVisible() and not pane.paused_label.isVisible()
    wait_js(pane.views["desktop"], BODY_TEXT, lambda text: "짧아진 본문이다." in text)


def test_crossing_the_limit_while_typing_pauses_and_resumes_in_place(
    qtbot, pane, document, wait_ready, wait_js, monkeypatch
):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    loads = view._loads
    document.set("headline", "긴 본문을 붙여 넣기 전의 제목")
    renders = _counting_renders(monkeypatch, pane)
    base = document.article.body
    document.set("body", base + "\n\n" + "가" * MAX_PREVIEW_CHARS)  # a paste
    qtbot.waitUntil(lambda: pane.paused_label.isVisible())
    document.set("headline", "멈춘 동안 고친 제목")  # remembered while paused
    pane.flush()
    assert renders == [] and pane.paused
    document.set("body", base + "\n\n붙여 넣은 글을 지웠다.")
    wait_ready(pane)
    # The template's newline after the body stays last (the rows are in groups).
    wait_js(view, BODY_TEXT, lambda text: text.rstrip().endswith("붙여 넣은 글을 지웠다."))
    wait_js(
        view,
        "document.querySelector('h1[data-field=headline]').textContent",
        lambda text: text == "멈춘 동안 고친 제목",
    )
    assert view._loads == loads  # patched in place: the reader keeps the scroll position
    assert all(n <= MAX_PREVIEW_CHARS for n in renders)


def test_a_body_at_the_limit_still_previews(qtbot, pane, document, wait_ready):
    document.article.body = "가" * MAX_PREVIEW_CHARS
    pane.set_document(document)
    wait_ready(pane, timeout=60_000)
    assert not pane.paused and not pane.paused_label.isVisible()


def test_the_document_tells_its_body_length_without_copying_it(qtbot):
    from editor.ui.document import ArticleDocument

    doc = ArticleDocument()
    assert doc.body_length() == 0
    doc.set_body("첫 문단\n\n둘째 문단")
    assert doc.body_length() == len(doc.body_text()) == len("첫 문단\n\n둘째 문단")


def test_the_notice_reads_in_korean(qtbot, qapp, pane, document):
    from PySide6.QtCore import QLocale

    from editor.ui import i18n

    try:
        assert i18n.install_translators(qapp, "ko")
        document.article.body = TEN_MB
        pane.set_document(document)
        qtbot.waitUntil(lambda: pane.paused_label.isVisible())
        assert pane.paused_label.text() == (
            f"본문이 너무 길어 미리보기를 잠시 멈췄습니다 ({len(TEN_MB):,}자). "
            "내보내기와 저장은 그대로 됩니다."
        )
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(QLocale(QLocale.Language.English))


def test_typing_in_a_paused_body_never_copies_it_out(qtbot, pane, monkeypatch):
    from PySide6.QtGui import QTextCursor

    from editor.ui.document import ArticleDocument

    doc = ArticleDocument()
    doc.set_body(TEN_MB_OF_PARAGRAPHS)
    pane.set_document(doc)
    qtbot.waitUntil(lambda: pane.paused_label.isVisible())
    copies: list[int] = []
    real_body_text = ArticleDocument.body_text
    monkeypatch.setattr(
        ArticleDocument, "body_text", lambda self: copies.append(1) or real_body_text(self)
    )
    cursor = QTextCursor(doc.body_document)
    cursor.setPosition(len(TEN_MB_OF_PARAGRAPHS) // 2)
    for _ in range(20):
        cursor.insertText("한")
        pane.flush()
    assert copies == []  # the preview read the length, never the 10 MB text
    assert f"({len(TEN_MB_OF_PARAGRAPHS) + 20:,} characters)" in pane.paused_label.text()

"""The body's blocks sit in groups: an edit touches one group, the page looks the same."""

from __future__ import annotations

import random

import pytest
from korean_corpus import korean_article

from editor.render.preview_updates import GROUP_ROWS

pytestmark = pytest.mark.webengine

ROWS = "document.querySelectorAll('[data-field=body] .md-block')"
GROUPS = """Array.from(document.querySelector('[data-field=body]').children)
    .map(g => [g.className, g.childElementCount])"""
ROW_KEYS = f"Array.from({ROWS}).map(r => [r.dataset.key, Number(r.dataset.line)])"
# Every box in the body, and every row's text as laid out: the same numbers, the same page.
GEOMETRY = f"""(() => {{
  const body = document.querySelector('[data-field=body]');
  const boxes = Array.from(body.querySelectorAll('*:not(.md-group):not(.md-block)'))
    .map(el => {{ const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }});
  const rows = Array.from({ROWS}).map(row => {{
    const range = document.createRange(); range.selectNodeContents(row);
    return Array.from(range.getClientRects()).map(r => [r.x, r.y, r.width, r.height]); }});
  return JSON.stringify([boxes, rows, document.documentElement.scrollHeight]);
}})()"""
FLATTEN = """(() => {
  for (const g of document.querySelectorAll('[data-field=body] > .md-group'))
    g.replaceWith(...g.childNodes);
  return document.querySelectorAll('[data-field=body] > .md-group').length; })()"""
GROUP_STYLE = """(() => { const s = getComputedStyle(document.querySelector('.md-group'));
  return [s.display, s.margin, s.padding, s.borderWidth, s.backgroundColor, s.contain]; })()"""


def _paragraphs(count: int) -> list[str]:
    return [f"문단 {n}: 세종시가 자율주행 셔틀을 시험한다." for n in range(count)]


@pytest.mark.parametrize(("layout", "width"), [("desktop", 0), ("mobile", 390)])
def test_the_groups_change_no_box_on_the_page(make_pane, document, wait_ready, js, layout, width):
    # The corpus body has lists, quotes, tables, figures, mini-heads and spacers.
    document.article.body = "\n\n".join([korean_article().body] * 3)  # several groups
    pane = make_pane(width=1300 if layout == "desktop" else 420)
    pane.set_mode(layout, width)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views[layout]
    assert len(js(view, GROUPS)) > 1
    assert js(view, GROUP_STYLE) == ["block", "0px", "0px", "0px", "rgba(0, 0, 0, 0)", "none"]
    grouped = js(view, GEOMETRY)
    assert js(view, FLATTEN) == 0  # the body as it was before the groups
    assert js(view, GEOMETRY) == grouped


def test_an_edit_in_a_long_body_touches_only_its_block(pane, document, wait_ready, js, wait_js):
    paragraphs = _paragraphs(10 * GROUP_ROWS)
    document.article.body = "\n\n".join(paragraphs)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    assert js(view, GROUPS) == [["md-group", GROUP_ROWS]] * 10
    js(
        view,
        f"""(() => {{
        for (const row of {ROWS}) row.firstElementChild.__kept = true;
        window.__touched = new Set();
        new MutationObserver(records => records.forEach(r => window.__touched.add(r.target)))
            .observe(document.body, {{childList: true, subtree: true, characterData: true,
                                      attributes: true}});
        return 1; }})()""",
    )
    paragraphs[150] = "문단 150: 고친 문장이다."
    document.set("body", "\n\n".join(paragraphs))
    wait_js(view, f"{ROWS}[150].textContent", lambda v: v and v.endswith("고친 문장이다."))
    kept = js(view, f"Array.from({ROWS}).map(row => row.firstElementChild.__kept === true)")
    assert kept == [i != 150 for i in range(len(paragraphs))]
    # Only the edited block's group saw a change: nothing else in the page was touched.
    touched = js(view, "Array.from(window.__touched).map(n => n.className)")
    assert touched == ["md-group"]
    assert js(view, f"Array.from(window.__touched)[0] === {ROWS}[150].parentElement")


def test_groups_stay_small_and_in_order_through_many_edits(pane, document, wait_ready, js, wait_js):
    rng = random.Random(17)
    paragraphs = _paragraphs(40)
    document.article.body = "\n\n".join(paragraphs)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    serial = 1000
    for step in range(12):
        at = rng.randrange(len(paragraphs) + 1)
        if step % 3 == 2:  # a cut: several blocks go
            del paragraphs[at : at + rng.randrange(1, 30)]
        else:  # a paste: up to 150 blocks in one place
            pasted = [f"붙인 문단 {serial + k}." for k in range(rng.randrange(1, 150))]
            paragraphs[at:at] = pasted
            serial += len(pasted)
        document.set("body", "\n\n".join(paragraphs))
        pane.flush()
        expected = [[b.key, b.line] for b in pane.blocks]
        wait_js(view, ROW_KEYS, lambda rows, e=expected: rows == e)
        groups = js(view, GROUPS)
        assert all(name == "md-group" and 0 < n <= 2 * GROUP_ROWS for name, n in groups)

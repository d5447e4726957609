"""Script, frames, handlers and javascript: links in every field stay inert in the preview DOM.

The article is the export tests' hostile one: `<script>`, `<iframe>`, `on…=` and `javascript:`
in the headline, subhead, caption, alt text, credit, section, tags, author and body. Checked
in the page as loaded and after each field is patched into a page already showing.
"""

from __future__ import annotations

import pytest
from hostile_cases import hostile_article, photo

from editor.ui.preview.page import PreviewPage

pytestmark = pytest.mark.webengine

# What the page holds that could run or load: read from the DOM, not from our HTML.
SCAN = """(() => {
  const all = [...document.querySelectorAll('*')];
  const attr = (e, n) => (e.getAttribute(n) || '').trim().toLowerCase();
  return {
    scripts: [...document.scripts].filter(s => !s.nonce || /alert/.test(s.textContent))
      .map(s => s.outerHTML.slice(0, 120)),
    frames: document.querySelectorAll('iframe, frame, object, embed').length,
    handlers: all.filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on')))
      .map(e => e.outerHTML.slice(0, 120)),
    links: all.filter(e => ['href', 'src', 'action', 'formaction', 'xlink:href']
      .some(n => /^(javascript|vbscript|data:text)/.test(attr(e, n))))
      .map(e => e.outerHTML.slice(0, 120)),
    text: document.body.innerText,
    alt: [...document.querySelectorAll('img[data-field=lead-image]')].map(i => i.alt),
  };
})()"""
WORDS = (
    "제목",  # headline
    "부제",
    "계속",  # subhead
    "첫 문단",
    "이어서",
    "굵게",
    "링크 뒤",
    "사진 뒤 글",
    "블록",
    "마지막 문단",
    "끝말",  # body
    "▲ 캡션",
    "보기",  # caption
    "사진=",
    "제공",  # credit
    "기자",
    "이름",  # author
    "정상",  # tags
)


@pytest.fixture
def alerts(monkeypatch) -> list[str]:
    """Record any alert() a page runs (none should)."""
    seen: list[str] = []
    monkeypatch.setattr(PreviewPage, "javaScriptAlert", lambda _self, _url, text: seen.append(text))
    return seen


def _assert_inert(pane, js) -> None:
    for view in pane.active_views():
        found = js(view, SCAN)
        assert found["scripts"] == [], found["scripts"]
        assert found["frames"] == 0
        assert found["handlers"] == [], found["handlers"]
        assert found["links"] == [], found["links"]
        missing = [w for w in WORDS if w not in found["text"]]
        assert not missing, f"{view.layout_name} lost {missing}"
        assert found["alt"] and found["alt"][0].startswith("대체")


def _assert_no_request(pane) -> None:
    """Nothing left the machine: only remote URLs were asked for, and all were blocked."""
    blocked = pane.interceptor.blocked
    assert all(url.startswith(("http://", "https://")) for url in blocked), blocked
    assert not [p for p in pane.scheme_handler.served if "javascript" in p or "evil" in p]


def test_a_hostile_article_loads_inert_in_both_layouts(make_pane, document, wait_ready, js, alerts):
    document.article = hostile_article({"images/lead.jpg": photo(900, 600)})
    pane = make_pane()
    pane.set_mode("both", 360)
    pane.set_document(document)
    wait_ready(pane)
    _assert_inert(pane, js)
    _assert_no_request(pane)
    assert alerts == []


def test_hostile_fields_patched_into_a_shown_page_stay_inert(
    qtbot, pane, document, wait_ready, js, wait_js, alerts
):
    hostile = hostile_article(dict(document.article.images))
    hostile.lead_image.src = document.article.lead_image.src
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    loads = view._loads
    for field in ("headline", "subhead", "section", "tags", "authors", "lead_image", "body"):
        document.set(field, getattr(hostile, field))
    pane.flush()
    wait_js(view, "document.body.innerText", lambda text: "끝말" in text and "정상" in text)
    assert view._loads == loads  # patched in place, not reloaded
    _assert_inert(pane, js)
    _assert_no_request(pane)
    assert alerts == []

"""Find marks its matches in the real preview page too (CSS Custom Highlight API)."""

from __future__ import annotations

import pytest

from editor.core.find import Query
from editor.ui.find_bar import preview_script

pytestmark = pytest.mark.webengine

MARKED = (
    "(() => { const h = CSS.highlights.get('article-find');"
    " return h ? Array.from(h).map(r => r.toString()) : null; })()"
)


def test_matches_are_highlighted_in_the_page(pane, document, wait_ready, js, wait_js):
    document.set("body", "검찰이 조사했다.\n\n검찰청과 검찰은 달랐다.")
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    wait_js(
        view,
        "document.querySelector('[data-field=body]').textContent",
        lambda t: t and "검찰청" in t,
    )
    js(view, preview_script(Query("검찰", whole_word=True)))
    assert wait_js(view, MARKED, lambda v: v is not None) == ["검찰", "검찰"]
    js(view, preview_script(Query("")))
    assert js(view, MARKED) is None

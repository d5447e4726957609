"""The preview page collects the garbage its patches leave (issue 17's memory part)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.webengine

COUNT_COLLECTS = "(window.gc = () => { window.collects = (window.collects || 0) + 1; }, 0)"


def test_the_page_collects_once_every_hundred_patches(
    pane, document, wait_ready, js, wait_js, qtbot
):
    # V8 left ~30 KB a patch uncollected (the renderer +17 MB over 500 refreshes); the real
    # gc() comes from --expose-gc (editor/ui/app.py), this one only counts the calls.
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    js(view, COUNT_COLLECTS)
    for n in range(200):
        with qtbot.waitSignal(pane.page_updated, timeout=5000):
            document.set("body", document.article.body + f" 타{n}")
            pane.flush()
    assert wait_js(view, "window.collects", lambda c: c is not None and c >= 2) == 2

"""The preview's first page: what it asks for (real QtWebEngine)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.webengine

FONTS = "Array.from(document.fonts).map(f => f.weight + ' ' + f.status).sort()"


def test_the_apps_own_fonts_are_named_not_fetched(pane, document, wait_ready, wait_js):
    # Pretendard comes from the app's own TrueType files by name (local()): Chromium maps
    # them instead of decoding the WOFF2 into the renderer (~10 MB) and has no fetch to wait
    # for; a profile's own font would still be preloaded with the page.
    pane.set_document(document)
    wait_ready(pane)
    wait_js(pane.views["desktop"], FONTS, lambda v: v == ["400 loaded", "700 loaded"])
    served = [p.split("?")[0] for p in pane.scheme_handler.served]
    assert served[0] == "desktop.html"
    assert [p for p in served if p.endswith(".woff2")] == []
    assert any(p.startswith("images/") for p in served)

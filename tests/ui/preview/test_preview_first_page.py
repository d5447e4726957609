"""The preview's first page: what it asks for, in which order (real QtWebEngine)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.webengine

FONTS = "Array.from(document.fonts).map(f => f.weight + ' ' + f.status).sort()"


def test_the_fonts_are_asked_for_with_the_page_before_its_images(
    pane, document, wait_ready, wait_js
):
    # Chromium's work on the two Pretendard weights is the longest part of the first page;
    # preloaded, they come right after the page's style sheets instead of after its layout.
    pane.set_document(document)
    wait_ready(pane)
    wait_js(pane.views["desktop"], FONTS, lambda v: v == ["400 loaded", "700 loaded"])
    served = [p.split("?")[0] for p in pane.scheme_handler.served]
    fonts = [i for i, p in enumerate(served) if p.endswith(".woff2")]
    images = [i for i, p in enumerate(served) if p.startswith("images/")]
    assert served[0] == "desktop.html"
    assert len(fonts) == 2 and len({served[i] for i in fonts}) == 2  # each once: no refetch
    assert images and max(fonts) < min(images)

"""The pages in a real browser engine: no sideways scroll, images on screen, Pretendard used."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from editor import resources  # noqa: E402
from editor.render.page import Layout  # noqa: E402
from editor.render.preview_measure import HEADLINE_LINES_JS  # noqa: E402
from editor.render.profiles import load_profile  # noqa: E402
from editor.storage import read_article  # noqa: E402
from editor.ui.page_probe import PageProbe, write_page  # noqa: E402

pytestmark = pytest.mark.webengine

CASES = [
    (Layout.MOBILE, (360, 390, 412)),
    (Layout.DESKTOP, (1280,)),
    (Layout.RESPONSIVE, (360, 412, 800, 1280)),
]

LAYOUT_JS = """(() => {
  const shown = [...document.images].filter(i => i.getAttribute('src') && i.offsetParent);
  const faces = [...document.fonts].filter(f => f.family.replace(/["']/g, '') === 'Pretendard');
  return {
    scrollWidth: document.scrollingElement.scrollWidth,
    innerWidth: window.innerWidth,
    images: shown.map(i => {
      const r = i.getBoundingClientRect();
      return {natural: i.naturalWidth, left: r.left, right: r.right};
    }),
    fontCheck: document.fonts.check('16px Pretendard', '가'),
    loadedFaces: faces.filter(f => f.status === 'loaded').length,
    headlineFont: getComputedStyle(document.querySelector('h1[data-field="headline"]')).fontFamily,
  };
})()"""


@pytest.fixture(scope="module")
def article():
    return read_article(resources.sample_path())


@pytest.fixture(scope="module")
def probe(qapp):
    probe = PageProbe()
    yield probe
    probe.close()


@pytest.fixture(scope="module")
def pages(article, tmp_path_factory) -> dict[tuple[str, Layout], Path]:
    folder = tmp_path_factory.mktemp("pages")
    return {
        (pid, layout): write_page(article, load_profile(pid), layout, folder)
        for pid in ("sisacatch", "plain")
        for layout in Layout
    }


@pytest.mark.parametrize("profile_id", ["sisacatch", "plain"])
@pytest.mark.parametrize(("layout", "widths"), CASES)
def test_layout_fits_the_screen(probe, pages, profile_id, layout, widths):
    assert probe.load(pages[profile_id, layout], widths[0])
    for width in widths:
        probe.resize(width)
        found = probe.evaluate(LAYOUT_JS)
        where = f"{profile_id} {layout} at {width}px"
        assert found["innerWidth"] == width, where
        assert found["scrollWidth"] <= found["innerWidth"], f"sideways scroll: {where}"
        assert found["images"], where
        for image in found["images"]:
            assert image["natural"] > 0, f"image not loaded: {where}"
            assert image["left"] >= 0 and image["right"] <= width + 0.5, f"off screen: {where}"
        assert found["fontCheck"], where
        assert found["loadedFaces"] >= 1, f"Pretendard not loaded: {where}"
        assert found["headlineFont"].startswith("Pretendard"), where
        lines = probe.evaluate(HEADLINE_LINES_JS)
        assert 1 <= lines <= 4, where


def test_sticky_bar_appears_only_after_scrolling(probe, pages):
    probe.load(pages["sisacatch", Layout.DESKTOP], 1280, 800)
    state = "getComputedStyle(document.querySelector('.readbar')).visibility"
    assert probe.evaluate(state) == "hidden"
    probe.evaluate("window.scrollTo(0, 1200)")
    assert probe.wait_for(f"{state} === 'visible'")
    probe.evaluate("window.scrollTo(0, 0)")
    assert probe.wait_for(f"{state} === 'hidden'")

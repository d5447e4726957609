"""The exported index.html in a real browser engine: fits a phone and a desktop, images load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from exporthelp import photo  # noqa: E402
from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtWebEngineCore import QWebEngineSettings  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402

from editor.export import export_article  # noqa: E402

pytestmark = [pytest.mark.webengine, pytest.mark.slow]

PROBE_JS = """JSON.stringify((() => {
  const images = [...document.images];
  return {
    innerWidth: window.innerWidth,
    scrollWidth: document.scrollingElement.scrollWidth,
    count: images.length,
    broken: images.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.currentSrc || i.src),
  };
})())"""
ALL_LOADED_JS = "[...document.images].every(i => i.complete)"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    from exporthelp import SAMPLE

    from editor.storage import read_article

    article = read_article(SAMPLE)
    article.images["images/세로.jpg"] = photo(600, 400, orientation=6, gps=True)
    article.body += "\n\n![세로 사진](images/세로.jpg)\n"
    return export_article(article, "html", tmp_path_factory.mktemp("web"))


def run_js(qtbot, view: QWebEngineView, script: str):
    found: list = []
    view.page().runJavaScript(script, 0, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10000)
    return found[0]


@pytest.mark.parametrize("width", [375, 1280])
def test_index_fits_the_screen_and_every_image_loads(qtbot, bundle, width):
    view = QWebEngineView()
    qtbot.addWidget(view)
    view.settings().setAttribute(QWebEngineSettings.WebAttribute.ShowScrollBars, False)
    view.resize(width, 900)
    view.show()
    with qtbot.waitSignal(view.loadFinished, timeout=20000) as loaded:
        view.load(QUrl.fromLocalFile(str(bundle / "index.html")))
    assert loaded.args == [True]
    qtbot.waitUntil(lambda: run_js(qtbot, view, ALL_LOADED_JS) is True, timeout=10000)
    found = json.loads(run_js(qtbot, view, PROBE_JS))
    assert found["innerWidth"] == width
    assert found["scrollWidth"] <= found["innerWidth"], f"sideways scroll at {width}px"
    assert found["count"] >= 3
    assert found["broken"] == [], found["broken"]

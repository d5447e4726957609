"""Fixtures for the preview: the article: scheme (registered before any QApplication),
a document double, a shown pane, and waits on the page's DOM."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from editor import resources
from editor.core.model import Article
from editor.storage import read_article
from editor.ui.preview.scheme import register_schemes

register_schemes()  # at import: QtWebEngine needs its schemes before the QApplication


class FakeDocument(QObject):
    """The part of ArticleDocument the preview uses (ui/preview/pane.PreviewDocument)."""

    changed = Signal(str)

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def display_name(self) -> str:
        return "preview-test.article"

    def body_length(self) -> int:
        return len(self.article.body)

    def set(self, field: str, value: Any) -> None:
        """Change a field and say so, as ArticleDocument does."""
        setattr(self.article, field, value)
        self.changed.emit(field)


@pytest.fixture(scope="session", autouse=True)
def app_fonts(qapp, tmp_path_factory):
    """Register the bundled fonts from their TrueType cache, as the app does at start.

    The preview names them (render/page.font_face_css): without them it would fetch the
    WOFF2 files instead, and the tests would not see the page the app shows.
    """
    from editor.ui import font_cache, theme

    folder = tmp_path_factory.mktemp("font-cache")
    for name in theme.FONT_FILES:
        woff2 = resources.path("fonts", "pretendard", name)
        assert font_cache.unpack(woff2, font_cache.cached_path(woff2, folder))
    real_root = font_cache.cache_root
    font_cache.cache_root = lambda: folder
    try:
        assert theme.load_fonts() == "Pretendard"
    finally:
        font_cache.cache_root = real_root


@pytest.fixture
def article() -> Article:
    return read_article(resources.sample_path())


@pytest.fixture
def document(article) -> FakeDocument:
    return FakeDocument(article)


@pytest.fixture
def make_pane(qtbot):
    """Return a factory of shown PreviewPanes of a given size."""
    from editor.ui.preview import PreviewPane

    made: list[PreviewPane] = []

    def make(width: int = 1300, height: int = 800, show: bool = True, **kwargs: Any) -> PreviewPane:
        pane = PreviewPane(debounce_ms=kwargs.pop("debounce_ms", 10), **kwargs)
        made.append(pane)
        pane.resize(width, height)
        if show:
            pane.show()
        return pane

    yield make
    for pane in made:  # delete now: a page left for exit may outlive its web profile
        pane.close()
        pane.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def pane(make_pane):
    return make_pane()


def _wait_ready(qtbot, pane, timeout: int = 15000) -> None:
    """Wait until every view the pane shows has loaded its page and is up to date."""

    def ready() -> bool:
        views = pane.active_views()
        return bool(views) and all(v.is_ready and not pane.timer.isActive() for v in views)

    qtbot.waitUntil(ready, timeout=timeout)


def _json_call(view, code: str, callback: Callable[[Any], None]) -> None:
    """Run code and pass its value, carried as JSON (exact for lists, null, numbers)."""
    script = f"JSON.stringify(({code}) ?? null)"
    view.run_script(script, lambda text: callback(json.loads(text) if text else None))


def _run_js(qtbot, view, code: str, timeout: int = 5000) -> Any:
    """Run JavaScript in the preview script's world and return its result."""
    box: list[Any] = []
    _json_call(view, code, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    return box[0]


def _wait_js(qtbot, view, code: str, predicate: Callable[[Any], bool], timeout: int = 5000) -> Any:
    """Poll JavaScript until its result satisfies predicate; return that result."""
    state: dict[str, Any] = {"pending": False, "value": None, "ok": False}

    def done(value: Any) -> None:
        state.update(pending=False, value=value, ok=bool(predicate(value)))

    def poll() -> bool:
        if not state["pending"] and not state["ok"]:
            state["pending"] = True
            _json_call(view, code, done)
        return state["ok"]

    try:
        qtbot.waitUntil(poll, timeout=timeout)
    except Exception as exc:  # pytest-qt's TimeoutError: say what the page last said
        raise AssertionError(f"{code!r} last returned {state['value']!r}") from exc
    return state["value"]


@pytest.fixture
def wait_ready(qtbot):
    """wait_ready(pane): wait until the pane's pages are loaded and current."""
    return lambda pane, timeout=15000: _wait_ready(qtbot, pane, timeout)


@pytest.fixture
def js(qtbot):
    """js(view, code): run JavaScript in the preview's world and return the result."""
    return lambda view, code, timeout=5000: _run_js(qtbot, view, code, timeout)


@pytest.fixture
def wait_js(qtbot):
    """wait_js(view, code, predicate): poll JavaScript until predicate holds."""
    return lambda view, code, predicate, timeout=5000: _wait_js(
        qtbot, view, code, predicate, timeout
    )

"""PageProbe: a small offscreen browser for screenshots and the tests that ask Chromium.

It loads a page at a viewport width and answers JavaScript questions synchronously (a local
event loop, never a sleep), so the same code serves pytest-qt tests and a command line. The
app itself measures the headline without it (editor/render/headline_meter.py); the tests
hold that meter against this probe's answers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, Qt, QTimer, QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QApplication

from editor.core.model import Article
from editor.render.page import Layout, render_page
from editor.render.profiles import SiteProfile
from editor.render.urls import FileUrls

DEFAULT_WIDTHS = (360, 390, 412, 1280)
_app: QApplication | None = None


class ProbeTimeout(RuntimeError):
    """The page did not answer in time."""


def ensure_app() -> QApplication:
    """Return the running QApplication, creating one (for command-line use) if none runs."""
    global _app
    app = QApplication.instance()
    if app is None:
        from editor.ui.file_open import ArticleApplication  # the one app class

        QApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
        app = _app = ArticleApplication([])
    return app  # type: ignore[return-value]


class PageProbe:
    """An offscreen page at a chosen viewport width that answers JavaScript questions."""

    def __init__(
        self,
        width: int = 1280,
        height: int = 900,
        timeout_ms: int = 20000,
        *,
        scrollbars: bool = False,
    ) -> None:
        ensure_app()
        self.timeout_ms = timeout_ms
        self.view = QWebEngineView()
        # Phones draw overlay scrollbars that take no width; so does the probe by default.
        self.view.settings().setAttribute(
            QWebEngineSettings.WebAttribute.ShowScrollBars, scrollbars
        )
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.view.resize(width, height)
        self.view.show()

    @property
    def page(self) -> QWebEnginePage:
        return self.view.page()

    def _wait(self, done: list[Any], what: str) -> None:
        """Spin a local event loop until done holds a value or the timeout passes."""
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        poll = QTimer()
        poll.timeout.connect(lambda: loop.quit() if done else None)
        timer.start(self.timeout_ms)
        poll.start(10)
        while not done and timer.isActive():
            loop.exec()
        poll.stop()
        if not done:
            raise ProbeTimeout(f"Timed out waiting for {what}.")

    def load(self, path: Path, width: int | None = None, height: int | None = None) -> bool:
        """Load a local file at a viewport size, wait for it and its fonts; return success."""
        if width:
            self.resize(width, height)
        done: list[bool] = []
        self.page.loadFinished.connect(done.append)
        try:
            self.page.load(QUrl.fromLocalFile(str(Path(path).resolve())))
            self._wait(done, f"{path} to load")
        finally:
            self.page.loadFinished.disconnect(done.append)
        self.wait_for("document.fonts.status === 'loaded' && document.readyState === 'complete'")
        return done[0]

    def resize(self, width: int, height: int | None = None) -> None:
        """Set the viewport size and wait until the page has laid out at it."""
        self.view.resize(width, height or self.view.height())
        if self.page.url().isValid() and not self.page.url().isEmpty():
            self.wait_for(f"window.innerWidth === {int(width)}")

    def evaluate(self, script: str) -> Any:
        """Run a JavaScript expression in the page and return its (JSON-able) value."""
        result: list[Any] = []
        self.page.runJavaScript(f"JSON.stringify({script}) ?? 'null'", 0, result.append)
        self._wait(result, "a script result")
        return json.loads(result[0]) if isinstance(result[0], str) else None

    def wait_for(self, condition: str) -> Any:
        """Evaluate condition until it is truthy (or time out); return its value."""
        loop_left = max(1, self.timeout_ms // 20)
        for _ in range(loop_left):
            value = self.evaluate(condition)
            if value:
                return value
            self.pause(20)
        raise ProbeTimeout(f"Timed out waiting for {condition}.")

    def pause(self, ms: int) -> None:
        """Let Qt run for ms milliseconds (events flow; this is not a blocking sleep)."""
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def close(self) -> None:
        """Release the view and its page now (a page outliving its profile warns at exit)."""
        self.view.close()
        shiboken6.delete(self.view)


def layout_for_width(profile: SiteProfile, width: int) -> Layout:
    """Return the layout the site serves at a viewport width."""
    return Layout.MOBILE if width < profile.breakpoint else Layout.DESKTOP


def write_page(article: Article, profile: SiteProfile, layout: Layout, folder: Path) -> Path:
    """Render a page to a file in folder (loaded by URL: setHtml has a 2 MB limit)."""
    target = folder / f"{profile.id}-{layout}.html"
    html = render_page(article, profile, layout, urls=FileUrls(profile, article.images))
    target.write_text(html, encoding="utf-8")
    return target

"""The preview's web page: our script in an isolated world, links out, no navigation."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources as importlib_resources

from PySide6.QtCore import QFile, QIODevice, QObject, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineScript

from editor.ui.preview.scheme import HOST, SCHEME, url_for

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
WORLD_ID = int(WORLD)
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def open_external(url: QUrl) -> None:
    """Open a link in the system's browser or mail program (with the user's environment)."""
    from editor.ui.environment import open_url

    open_url(url)


@cache
def _qwebchannel_source() -> str:
    file = QFile(":/qtwebchannel/qwebchannel.js")
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        return ""
    return bytes(file.readAll().data()).decode("utf-8")


@cache
def _bridge_source() -> str:
    return (
        importlib_resources.files(__package__).joinpath("_static", "bridge.js").read_text("utf-8")
    )


def _script(name: str, source: str, point: QWebEngineScript.InjectionPoint) -> QWebEngineScript:
    script = QWebEngineScript()
    script.setName(name)
    script.setSourceCode(source)
    script.setWorldId(WORLD_ID)
    script.setInjectionPoint(point)
    script.setRunsOnSubFrames(False)
    return script


class PreviewBridge(QObject):
    """The object the page script talks to over QWebChannel."""

    clicked = Signal(int)  # source line of the block clicked
    ready = Signal()
    zoom_requested = Signal(int)  # +1 in, -1 out: Ctrl+wheel over the page

    @Slot(int)
    def block_clicked(self, line: int) -> None:
        """Report a click on the block that starts at a source line."""
        self.clicked.emit(int(line))

    @Slot(int)
    def zoom(self, delta: int) -> None:
        """Report Ctrl+wheel over the page (the browser's own zoom would reflow it)."""
        self.zoom_requested.emit(1 if int(delta) > 0 else -1)

    @Slot()
    def page_ready(self) -> None:
        """Report that the page script is connected."""
        self.ready.emit()


class PreviewPage(QWebEnginePage):
    """A page that shows article: pages only and hands every link to the system."""

    link_opened = Signal(QUrl)

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.opener: Callable[[QUrl], None] = open_external
        self.console: list[str] = []
        self.loading_ahead: str | None = None  # the path load_ahead asked for, until adopted
        self.bridge = PreviewBridge(self)
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self.bridge)
        self.setWebChannel(self._channel, WORLD_ID)
        scripts = self.scripts()
        done = QWebEngineScript.InjectionPoint.DocumentReady
        scripts.insert(
            _script(
                "qwebchannel",
                _qwebchannel_source(),
                QWebEngineScript.InjectionPoint.DocumentCreation,
            )
        )
        scripts.insert(_script("article-preview", _bridge_source(), done))

    def load_ahead(self, path: str) -> None:
        """Load an article: page before its view exists, the first load its view would make."""
        self.loading_ahead = path
        self.load(url_for(f"{path}?v=1"))

    def acceptNavigationRequest(
        self,
        url: QUrl,
        kind: QWebEnginePage.NavigationType,  # noqa: N802
        is_main_frame: bool,
    ) -> bool:
        """Allow our own page loads; send clicked links to the system browser."""
        if kind == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            if _same_document(url, self.url()):
                return True
            if url.scheme().lower() in EXTERNAL_SCHEMES:
                self.opener(url)
                self.link_opened.emit(url)
            return False
        return is_main_frame and url.scheme() == SCHEME and url.host() == HOST

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:  # noqa: N802
        """Keep console output (CSP reports, script errors) for diagnostics."""
        self.console.append(f"{source}:{line}: {message}")
        del self.console[:-200]


def _same_document(url: QUrl, current: QUrl) -> bool:
    """Tell whether url only moves to an anchor of the current page."""
    strip = QUrl.UrlFormattingOption.RemoveFragment
    return url.hasFragment() and url.adjusted(strip) == current.adjusted(strip)

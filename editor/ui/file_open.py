"""Documents the system hands over by event, not on the command line.

macOS opens a document (a double-click in Finder, a drop on the Dock icon, `open FILE`) by
sending the running app a QFileOpenEvent; argv stays empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

OpenWindow = Callable[[Path], object]


class ArticleApplication(QApplication):
    """The app's QApplication: also turns QFileOpenEvent into file_open_requested.

    A subclass, not an event filter: a Python filter on the application sees every event of
    the app, and with QtWebEngine running even a filter that does nothing crashes PySide6 6.11.
    """

    file_open_requested = Signal(str)  # a local file path
    file_opener_installed = False

    def event(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Announce the file of a FileOpen event; handle every other event as Qt does."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file() or event.url().toLocalFile()
            if name:
                self.file_open_requested.emit(name)
                return True
        return super().event(event)


def install_file_open(
    app: QApplication, windows: Callable[[], Sequence[MainWindow]], open_window: OpenWindow
) -> bool:
    """Make the app open the documents the system sends it; False if it cannot hear them."""
    if not isinstance(app, ArticleApplication):
        return False
    if not app.file_opener_installed:  # once, however often run() is called
        app.file_open_requested.connect(
            lambda name: open_document(Path(name), windows(), open_window)
        )
        app.file_opener_installed = True
    return True


def open_document(path: Path, windows: Sequence[MainWindow], open_window: OpenWindow) -> object:
    """Show path: its window if open, else an untouched window, else a new window.

    A window with work in it is never replaced, so opening from Finder asks nothing; an
    untouched one goes through File → Open's path (lock warning, errors as messages).
    """
    target = Path(path).resolve()
    for window in windows:
        if window.document.path == target:
            _bring_forward(window)
            return window
    window = _untouched(windows)
    if window is None:
        return open_window(target)
    if window.open_path(target):
        _bring_forward(window)
    return window


def _untouched(windows: Sequence[MainWindow]) -> MainWindow | None:
    """Return the active (else the newest) window if it holds an untitled, unchanged article."""
    active = QApplication.activeWindow()
    window = active if active in windows else (windows[-1] if windows else None)
    if window is None or not window.document.is_untitled or window.document.is_modified:
        return None
    return window


def _bring_forward(window: MainWindow) -> None:
    window.show()
    window.raise_()
    window.activateWindow()

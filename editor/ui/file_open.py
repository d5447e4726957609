"""Documents the system hands over by event, not on the command line.

macOS opens a document (a double-click in Finder, a drop on the Dock icon, `open FILE`) by
sending the running app a QFileOpenEvent; argv stays empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

OpenWindow = Callable[[Path], object]


class FileOpenFilter(QObject):
    """Watch the application for QFileOpenEvent and open each file it names."""

    def __init__(
        self,
        windows: Callable[[], Sequence[MainWindow]],
        open_window: OpenWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._windows = windows
        self._open_window = open_window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Open the file of a FileOpen event; let every other event through."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            name = event.file() or event.url().toLocalFile()
            if name:
                open_document(Path(name), self._windows(), self._open_window)
                return True
        return super().eventFilter(watched, event)


def install_file_open(
    app: QApplication, windows: Callable[[], Sequence[MainWindow]], open_window: OpenWindow
) -> FileOpenFilter:
    """Make the app open the documents the system sends it (once, however often called)."""
    file_filter = app.findChild(FileOpenFilter)
    if file_filter is not None:
        return file_filter
    file_filter = FileOpenFilter(windows, open_window, app)
    app.installEventFilter(file_filter)
    return file_filter


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

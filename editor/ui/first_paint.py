"""Run something once a widget has painted its first frame (QtWebEngine waits for this)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FALLBACK_MS = 1000  # a window that is never painted (minimised, offscreen tests) still gets it


class _FirstPaint(QObject):
    """Call back once, on the event-loop turn after the widget's first paint event."""

    def __init__(
        self, widget: QWidget, callback: Callable[[], None], fallback_ms: int | None
    ) -> None:
        super().__init__(widget)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        if fallback_ms is not None:
            QTimer.singleShot(fallback_ms, self, self._fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)  # the whole frame is painted and flushed then
        return False

    def _fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            callback()


def after_first_paint(
    widget: QWidget, callback: Callable[[], None], fallback_ms: int | None = FALLBACK_MS
) -> None:
    """Call callback once widget has painted its first frame (or after fallback_ms)."""
    _FirstPaint(widget, callback, fallback_ms)

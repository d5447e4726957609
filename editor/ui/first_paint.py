"""Run something once a widget has painted its first frame, or the preview its first page."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

FALLBACK_MS: int | None = 1000  # a window never painted (minimised, offscreen) still gets it
PREVIEW_FALLBACK_MS: int | None = 4000  # a page that never loads must not hold the rest
_DEFAULT = -1  # "the module's fallback, as it is when called" (the start-up probe turns it off)


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
    widget: QWidget, callback: Callable[[], None], fallback_ms: int | None = _DEFAULT
) -> None:
    """Call callback once widget has painted its first frame (or after fallback_ms)."""
    _FirstPaint(widget, callback, FALLBACK_MS if fallback_ms == _DEFAULT else fallback_ms)


def after_preview_painted(
    preview: QWidget, callback: Callable[[], None], fallback_ms: int | None = _DEFAULT
) -> None:
    """Call callback once the preview has painted its first loaded page (or after fallback_ms).

    A preview without web views (the placeholder) calls back on the next turn. The page
    counts as painted on the turn after the view's first paint event once it has loaded.
    """
    fallback_ms = PREVIEW_FALLBACK_MS if fallback_ms == _DEFAULT else fallback_ms
    once = _FirstPaint(preview, callback, fallback_ms)
    preview.removeEventFilter(once)  # the preview's own frame is not the page
    QTimer.singleShot(0, once, lambda: _watch_first_view(preview, once))  # its views exist then


def _watch_first_view(preview: QWidget, once: _FirstPaint) -> None:
    views = getattr(preview, "active_views", lambda: [])()
    if not views:
        once._fire()
        return
    view = views[0]
    target = view.focusProxy() or view  # Chromium paints into the view's child widget
    view.ready.connect(
        lambda: after_first_paint(target, once._fire, None), Qt.ConnectionType.SingleShotConnection
    )


class _Background(QObject):
    done = Signal()

    def run(self, work: Callable[[], object]) -> None:
        try:
            work()
        except Exception:  # noqa: BLE001, S110 - what it prepared is done again when needed
            pass
        self.done.emit()


_jobs: set[_Background] = set()  # alive until their work is done, whatever their parent does


def in_background(
    parent: QObject, work: Callable[[], object], callback: Callable[[], None]
) -> None:
    """Run work on a thread, then callback on parent's thread (also if work failed).

    For what the UI thread needs soon but not now, and that only warms a cache or an
    import: while Chromium's first page is served on the UI thread, that work there would
    hold the page up; on a thread it mostly runs while this thread waits on Chromium.
    The callback never comes if parent was deleted meanwhile. The job that carries the
    thread's signal is not parent's child: one deleted with a window closed while its work
    ran was then signalled from the thread (a crash in a test run).
    """
    import shiboken6

    job = _Background()
    _jobs.add(job)

    def finish() -> None:
        _jobs.discard(job)
        job.deleteLater()
        if shiboken6.isValid(parent):
            callback()

    job.done.connect(finish, Qt.ConnectionType.QueuedConnection)
    threading.Thread(target=job.run, args=(work,), name="warm-up", daemon=True).start()

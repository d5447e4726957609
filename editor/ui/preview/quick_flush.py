"""Put Chromium's new frame on screen when the UI thread goes idle, not 5 ms later.

QtWebEngine draws a page into a QQuickWidget. When Chromium hands over a frame, the widget
only starts a 5 ms precise timer ("exhaustDelay" in QQuickWidget::triggerUpdate, so that
updates from many sources batch into one render) and renders when it fires: every patch the
reporter types reached the screen 5 ms after Chromium had finished it (docs/performance.md,
"Issue 17, session 7: refresh"). Once the event loop has handled everything posted and is
about to wait, nothing is left to batch: deliver that timer's event now. The widget's own
timerEvent stops the timer and renders, exactly as when the timer fires.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QCoreApplication,
    QObject,
    Qt,
    QTimerEvent,
    Slot,
)
from PySide6.QtWidgets import QWidget

EXHAUST_MS = 5  # QQuickWidget's update timer: its interval, always a precise timer


def pending_render(widget: QObject, dispatcher: QAbstractEventDispatcher) -> int:
    """Return the id of a QQuickWidget's waiting update timer (its 5 ms one), or 0."""
    if not widget.inherits("QQuickWidget"):
        return 0  # Qt makes every timer under 20 ms precise: the class says whose it is
    for timer in dispatcher.registeredTimers(widget):
        if timer.interval == EXHAUST_MS and timer.timerType == Qt.TimerType.PreciseTimer:
            return timer.timerId
    return 0


def render_now(widget: QObject, dispatcher: QAbstractEventDispatcher) -> bool:
    """Render a QQuickWidget whose update is waiting for its timer; tell if it was."""
    timer_id = pending_render(widget, dispatcher)
    if timer_id:
        QCoreApplication.sendEvent(widget, QTimerEvent(timer_id))
    return bool(timer_id)


class QuickFlush(QObject):
    """For one web view: render its waiting frame each time the event loop goes idle."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self._view = view
        self._dispatcher = QAbstractEventDispatcher.instance(view.thread())
        if self._dispatcher is not None:
            self._dispatcher.aboutToBlock.connect(self._on_about_to_block)

    @Slot()
    def _on_about_to_block(self) -> None:
        # Runs at every idle turn of the UI thread: a look at one widget's timers, no more.
        # A hidden view (a closed pane on its way out) is left to Qt's own timer.
        proxy = self._view.focusProxy()
        if proxy is not None and proxy.isVisible():
            render_now(proxy, self._dispatcher)

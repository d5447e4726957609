"""A frame Chromium hands over is rendered at the UI thread's next idle turn, not 5 ms later."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractEventDispatcher, QBasicTimer, QEvent, QMetaObject, QObject, Qt
from PySide6.QtQuickWidgets import QQuickWidget

from editor.ui.preview.quick_flush import pending_render, render_now


def _dispatcher() -> QAbstractEventDispatcher:
    return QAbstractEventDispatcher.instance()


def test_a_quick_widgets_waiting_render_is_done_now(qtbot):
    widget = QQuickWidget()
    qtbot.addWidget(widget)
    widget.resize(80, 60)
    widget.show()
    # What a new frame does (QQuickWindow's scene changed): start the 5 ms update timer.
    QMetaObject.invokeMethod(widget, "triggerUpdate")
    assert pending_render(widget, _dispatcher())
    assert render_now(widget, _dispatcher())
    # The widget's own timerEvent took it: the timer is stopped, nothing waits any more.
    assert not pending_render(widget, _dispatcher())
    assert not render_now(widget, _dispatcher())


class _Timers(QObject):
    """Not a QQuickWidget, with a 5 ms timer (Qt makes it precise) and a 16 ms one."""

    def __init__(self) -> None:
        super().__init__()
        self.events = 0
        self.coarse, self.slow = QBasicTimer(), QBasicTimer()
        self.coarse.start(5, Qt.TimerType.CoarseTimer, self)
        self.slow.start(16, Qt.TimerType.PreciseTimer, self)

    def timerEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.events += 1


def test_other_timers_are_left_alone(qapp):
    timers = _Timers()
    assert not render_now(timers, _dispatcher())
    assert timers.events == 0
    timers.coarse.stop()
    timers.slow.stop()


@pytest.mark.webengine
def test_a_patch_reaches_the_screen_without_waiting_for_the_timer(
    qtbot, pane, document, wait_ready, wait_js
):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    proxy = view.focusProxy()
    waited: list[int] = []  # at each idle turn, after the view's own flush has run
    paints: list[int] = []

    class PaintCount(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    counter = PaintCount()
    proxy.installEventFilter(counter)
    record = lambda: waited.append(pending_render(proxy, _dispatcher()))  # noqa: E731
    _dispatcher().aboutToBlock.connect(record)
    try:
        document.set("body", document.article.body.replace("세종시", "세종특별자치시", 1))
        wait_js(
            view,
            "document.querySelector('[data-field=body]').textContent",
            lambda text: "세종특별자치시" in text,
        )
        qtbot.waitUntil(lambda: bool(paints), timeout=5000)
        qtbot.wait(50)  # a few idle turns more: any frame after the patch is in them
    finally:
        _dispatcher().aboutToBlock.disconnect(record)
        proxy.removeEventFilter(counter)
    assert waited, "the event loop never went idle"
    assert not any(waited), "an idle turn left Chromium's frame waiting for the 5 ms timer"

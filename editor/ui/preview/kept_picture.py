"""The pane's kept picture: held over the pane until Chromium has painted the same pixels.

Half of PreviewPane (pane.py), as kept_pages.py is. The window's first frame painted the
picture kept for the article (picture.py); the pane, installed on the next turn, takes it
over (`adopt_picture`) when its kept pages are the ones the picture showed, and holds it on
top of itself. Once Chromium has painted the kept page in every view the mode shows, the
pane grabs itself without the picture and swaps only when the two are the same pixels
(retrying for a few frames, as the page may still be settling); the result is announced by
`picture_swapped` (how many pixels differed: 0 is the rule, anything else forgets the
picture so the next start keeps a new one).

Anything that makes the picture wrong drops it at once: the article edited, the editor
scrolled past the first block, another mode, zoom or size, the share card hidden, the
preview detached. Input on the picture is never lost: a click or wheel over a page is held
and handed to that page right after the swap (a page Chromium has not painted cannot take
it any sooner, and dropping the picture would only show a blank view meanwhile); a click on
the controls beside the pages drops the picture and reaches the control at once, since the
controls are live under the picture.

Pictures are kept CAPTURE_AFTER_MS after the first page was painted, when the page shows the
article as opened, untouched and at the top (a grab of ~5 ms, compressed and written on a
pool thread).
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QRunnable, Qt, QThreadPool, QTimer
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QWidget

from editor.render.preview_sync import mode_layouts, parse_mode
from editor.ui import first_paint
from editor.ui.preview.picture import PaneState, Picture, PictureStore, picture_key, pixel_format

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor.ui.preview.view import PreviewView

CAPTURE_AFTER_MS = 1200  # after the first page painted: the take-over and its patch are done
CAPTURE_TRIES = 5  # a pane still busy then is tried again, a second apart
SETTLED_MS = 150  # a picture is kept when two grabs this far apart are the same pixels
# Chromium's first frame may come before a photo is decoded: the picture stays until the
# live pane shows the same pixels, looked at every SWAP_RETRY_MS (a grab costs ~5 ms), for
# at most SWAP_TRIES (~3 s: a slow machine's photos); then it gives way as it is.
SWAP_RETRY_MS = 40
SWAP_TRIES = 75
REPLAY_MS = 100  # held input reaches a page this long after its first frame (settled input)
HOLD_MS = 1500  # input held for a page waits at most this long for Chromium to paint it
PIXELS = pixel_format()
# The page has loaded, every image has come (or failed) and the fonts are in.
PAGE_COMPLETE = (
    "document.readyState === 'complete' && document.fonts.status === 'loaded'"
    " && Array.from(document.images).every((image) => image.complete)"
)
_INPUT = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
}


class PictureOverlay(QWidget):
    """The kept picture on top of the pane; it hands the pane the input it receives."""

    def __init__(self, pane: QWidget, picture: Picture, on_input: Callable[[QEvent], None]):
        super().__init__(pane)
        self.setObjectName("preview_picture")
        self.picture = picture
        self._on_input = on_input
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Not opaque to Qt: the views under it still get their paint events (Chromium's
        # first paint is what the swap waits for).
        self.setGeometry(pane.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paint the picture (1:1 device pixels)."""
        painter = QPainter(self)
        painter.drawImage(0, 0, self.picture.image)
        painter.end()

    def event(self, event: QEvent) -> bool:
        """Hand clicks and wheel turns to the pane (held for a page, or passed to a control)."""
        if event.type() in _INPUT:
            self._on_input(event)
            event.accept()
            return True
        return super().event(event)


def _copy_event(event: QEvent, target: QWidget, pos: QPoint) -> QEvent:
    """Return the input event again, for target, at pos in target's coordinates."""
    local = pos.toPointF()
    global_pos = target.mapToGlobal(pos).toPointF()
    if isinstance(event, QWheelEvent):
        return QWheelEvent(
            local,
            global_pos,
            event.pixelDelta(),
            event.angleDelta(),
            event.buttons(),
            event.modifiers(),
            event.phase(),
            event.inverted(),
        )
    assert isinstance(event, QMouseEvent)
    return QMouseEvent(
        event.type(), local, global_pos, event.button(), event.buttons(), event.modifiers()
    )


class KeptPicture:
    """The pane's part that holds the kept picture until the live page shows the same."""

    _picture: PictureOverlay | None = None
    _picture_waiting: list[Callable[[], None]]
    _picture_painted: set[str]
    _picture_held: list[tuple[QEvent, str, QPoint]]
    _picture_touched = False  # the article changed since it opened: its page is patched
    _picture_proven = ""  # key of the picture that gave way to the same pixels this start
    picture_store: PictureStore

    def _init_picture(self, store: PictureStore | None) -> None:
        self.picture_store = store if store is not None else PictureStore()
        self._picture_waiting, self._picture_painted, self._picture_held = [], set(), []
        self._hold_timer = QTimer(self, singleShot=True, interval=HOLD_MS)
        self._hold_timer.timeout.connect(partial(self._drop_picture, "input waited"))

    # Taking the picture over from the window's first frame -------------------------------
    def adopt_picture(self, placeholder: QWidget) -> bool:
        """Hold the picture the window's first frame painted, if it shows the kept pages."""
        picture = getattr(placeholder, "picture", None)
        if picture is None or not self._first_page_pending:
            return False
        layouts = mode_layouts(parse_mode(picture.state.mode))
        if any(picture.page_keys.get(name) != self._kept_keys.get(name) for name in layouts):
            return False  # the profile or the code changed since: its page differs
        if self.pane_state() != picture.state:
            return False
        self._picture = PictureOverlay(self, picture, self._on_picture_input)
        if first_paint.PREVIEW_FALLBACK_MS is not None:  # a page that never paints
            drop = partial(self._drop_picture, "timeout")
            QTimer.singleShot(first_paint.PREVIEW_FALLBACK_MS, self, drop)
        return True

    def pane_state(self) -> PaneState:
        """Return the pane's state as the picture's key sees it."""
        dpr = self.devicePixelRatioF()
        zoom = self.stage.zoom
        size = (round(self.width() * dpr), round(self.height() * dpr))
        visible = self.share_card_action.isChecked()
        return PaneState(
            self.mode_asked, self.mobile_width, zoom.fit.value, zoom.step, visible, *size, dpr
        )

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Drop the picture when the pane's size changes (it would no longer fit)."""
        super().resizeEvent(event)
        self.check_picture()

    def check_picture(self) -> None:
        """Drop the picture at once if the pane no longer looks as it did."""
        if self._picture is None:
            return
        if self.pane_state() != self._picture.picture.state or self.detacher.window is not None:
            self._drop_picture("state")
        else:
            self._picture.setGeometry(self.rect())

    # The swap ----------------------------------------------------------------------------
    def _after_picture(self, view: PreviewView, then: Callable[[], None]) -> None:
        """Swap once every view has painted its kept page; then call then (the take-over)."""
        self._picture_painted.add(view.layout_name)
        if self._picture is None:
            if self._picture_held:  # the picture went first (input waited): the page is here now
                QTimer.singleShot(REPLAY_MS, self, self._deliver_held)
            then()
            return
        self._picture_waiting.append(then)
        if set(mode_layouts(self.mode)) <= self._picture_painted:
            self._try_swap(0)

    def _try_swap(self, tries: int) -> None:
        if self._picture is None:
            return
        picture = self._picture.picture.image
        live = self._grab_live()
        if live == picture:
            self._drop_picture("swapped", differing=0)
        elif tries >= SWAP_TRIES:
            self._drop_picture("swapped", differing=pixels_differing(picture, live))
        else:
            QTimer.singleShot(SWAP_RETRY_MS, self, partial(self._try_swap, tries + 1))

    def _grab_live(self) -> QImage:
        """Return the pane's pixels as they are under the picture."""
        overlay = self._picture
        if overlay is not None:
            overlay.setVisible(False)
        image = self.grab().toImage().convertToFormat(PIXELS)
        if overlay is not None:
            overlay.setVisible(True)
        return image

    def _drop_picture(self, reason: str, differing: int = -1) -> None:
        """Take the picture away; hand over held input; let the take-over go on."""
        overlay, self._picture = self._picture, None
        if overlay is None:
            return
        self._hold_timer.stop()
        overlay.hide()
        overlay.deleteLater()
        self.picture_dropped = reason
        if reason == "swapped":
            if differing:  # the page did not show these pixels: the next start keeps new ones
                self.picture_store.forget(overlay.picture.key)
            else:
                self._picture_proven = overlay.picture.key  # true: no need to keep it again
            self.picture_swapped.emit(differing)
        QTimer.singleShot(REPLAY_MS, self, self._deliver_held)
        waiting, self._picture_waiting = self._picture_waiting, []
        for then in waiting:
            then()

    # Input on the picture ----------------------------------------------------------------
    def _on_picture_input(self, event: QEvent) -> None:
        pos = event.position().toPoint()
        for view in self.active_views():
            if view.isVisible() and view.rect().contains(view.mapFrom(self, pos)):
                self._picture_held.append((_copy_event(event, self, pos), view.layout_name, pos))
                if not self._hold_timer.isActive():
                    self._hold_timer.start()
                return
        self._drop_picture("input")
        target = self.childAt(pos)
        if target is not None:
            self._send(event, target, target.mapFrom(self, pos))

    def _deliver_held(self) -> None:
        """Hand held input to the pages that have painted (the others keep theirs until then)."""
        held, self._picture_held = self._picture_held, []
        for event, layout, pos in held:
            if layout in self._picture_painted:
                self._deliver(event, layout, pos)
            else:
                self._picture_held.append((event, layout, pos))

    def _deliver(self, event: QEvent, layout: str, pos: QPoint) -> None:
        view = self.views.get(layout)
        if view is not None:
            target = view.focusProxy() or view
            self._send(event, target, target.mapFrom(self, pos))

    @staticmethod
    def _send(event: QEvent, target: QWidget, pos: QPoint) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.sendEvent(target, _copy_event(event, target, pos))

    # Keeping a picture for the next start -------------------------------------------------
    def _picture_later(self) -> None:
        """Keep the pane's picture a moment after its first page is painted."""
        QTimer.singleShot(CAPTURE_AFTER_MS, self, partial(self._capture_picture, 0))

    def _capture_picture(self, tries: int) -> None:
        """Once every page has its photos and fonts, grab the pane, then again to compare."""
        if not self._may_capture(tries):
            return
        if picture_key(self._document.article, self.pane_state()) == self._picture_proven:
            return  # the picture this start showed is the one it would keep
        views, answers = self.active_views(), []

        def answered(view_done: object) -> None:
            answers.append(view_done is True)
            if len(answers) < len(views):
                return
            if not all(answers):  # a photo still on its way: two equal grabs would not tell
                if tries < CAPTURE_TRIES:
                    QTimer.singleShot(1000, self, partial(self._capture_picture, tries + 1))
                return
            first = self._grab_live()
            QTimer.singleShot(SETTLED_MS, self, partial(self._capture_settled, first, tries))

        for view in views:
            view.run_script(PAGE_COMPLETE, answered)

    def _capture_settled(self, first: QImage, tries: int) -> None:
        if not self._may_capture(tries):
            return
        image = self._grab_live()
        # Still painting (a photo, a font), or a grab of a view Chromium has not drawn into
        # yet (offscreen, the process's first view grabs blank): try again a little later.
        if image != first or any(self._blank_in(image, view) for view in self.active_views()):
            if tries < CAPTURE_TRIES:
                QTimer.singleShot(1000, self, partial(self._capture_picture, tries + 1))
            return
        article = self._document.article
        urls = self.builder.urls
        pages = {
            v.layout_name: self.page_cache.key(article, v.layout_name, urls)
            for v in self.active_views()
        }
        if None in pages.values():
            return
        state = self.pane_state()
        picture = Picture(picture_key(article, state), state, pages, image)
        self.picture_store.keep_pane_min_width(self.minimumSizeHint().width())
        QThreadPool.globalInstance().start(
            QRunnable.create(partial(self.picture_store.store, picture))
        )

    def _blank_in(self, image: QImage, view: PreviewView) -> bool:
        """Tell whether the view's part of a grab of the pane is one flat colour (no page)."""
        dpr = image.devicePixelRatio()
        shown = QRect(view.mapTo(self, QPoint(0, 0)), view.size())
        frame = view.parentWidget()  # the desktop page is wider than the frame showing it
        if frame is not None:
            shown = shown.intersected(QRect(frame.mapTo(self, QPoint(0, 0)), frame.size()))
        left, top = round(shown.x() * dpr), round(shown.y() * dpr)
        width, height = round(shown.width() * dpr), round(shown.height() * dpr)
        points = [
            (left + width * i // 9, top + height * j // 9) for i in range(1, 9) for j in range(1, 9)
        ]
        inside = [(x, y) for x, y in points if image.valid(x, y)]
        return len({image.pixel(x, y) for x, y in inside}) <= 1

    def _may_capture(self, tries: int) -> bool:
        """Tell whether the pane shows the article as opened, untouched, at the page's top."""
        if self._document is None or self._picture is not None or self._picture_touched:
            return False
        busy = self._first_page_pending or self.timer.isActive() or self.body_render.running
        views = self.active_views()
        if busy or not views or not all(v.is_ready for v in views):
            if tries < CAPTURE_TRIES:
                QTimer.singleShot(1000, self, partial(self._capture_picture, tries + 1))
            return False
        if self.paused or not self.isVisible() or self.detacher.window is not None:
            return False
        return all(v.page().scrollPosition().isNull() for v in views)  # the top, as shown first


def pixels_differing(first: QImage, second: QImage) -> int:
    """Return how many pixels differ between two images (all of them if the sizes differ)."""
    if first.size() != second.size():
        return max(first.width() * first.height(), second.width() * second.height())
    # Each converted image is kept while its bits are read (a temporary could go first).
    one, two = first.convertToFormat(PIXELS), second.convertToFormat(PIXELS)
    a, b = (
        memoryview(bytes(one.constBits())).cast("I"),
        memoryview(bytes(two.constBits())).cast("I"),
    )
    return sum(x != y for x, y in zip(a, b, strict=True))

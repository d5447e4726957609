"""Where the preview pages sit: the desktop page, a phone, or both side by side."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from editor.render.preview_zoom import (
    DESKTOP_WIDTH,
    STEP,
    Column,
    Zoom,
    column_scroll_x,
    desktop_zoom,
)
from editor.ui.preview.view import PreviewView

MIN_PHONE_WIDTH = 120
BOTH_PHONE_SHARE = 0.42  # at most this part of the width goes to the phone in "both"


class PhoneFrame(QFrame):
    """A phone-shaped bezel around a mobile view, scaled down when space is short."""

    SIDE, TOP, BOTTOM = 10, 24, 28

    def __init__(self, view: PreviewView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setObjectName("phone_frame")
        self.setStyleSheet("#phone_frame { background: #1c1f24; border-radius: 26px; }")
        box = QVBoxLayout(self)
        box.setContentsMargins(self.SIDE, self.TOP, self.SIDE, self.BOTTOM)
        box.addWidget(view)
        view.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    @property
    def natural_width(self) -> int:
        return self.view.css_width + 2 * self.SIDE

    def fit_width(self, available: int, scale: float = 1.0) -> None:
        """Give the view its true CSS width (times scale), or less (scaled) if short of room.

        The page's CSS viewport stays css_width whatever the view's width: it is scaled,
        never reflowed.
        """
        wanted = round(self.view.css_width * scale)
        inner = max(MIN_PHONE_WIDTH, min(wanted, available - 2 * self.SIDE))
        self.view.setFixedWidth(inner)
        self.setFixedWidth(inner + 2 * self.SIDE)
        self.view.apply_zoom()


class DesktopFrame(QScrollArea):
    """The desktop page at its own width, zoomed; what does not fit scrolls sideways.

    The view is made DESKTOP_WIDTH x zoom device px wide, so its CSS viewport is always the
    page's own width: a narrow pane clips the page, it never squeezes it.
    """

    def __init__(self, view: PreviewView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desktop_frame")
        self.view = view
        self.zoom = Zoom()
        self.column = Column()
        self.factor = 1.0
        self.refitted: Callable[[float], None] | None = None  # told the new zoom factor
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the page scrolls
        self.setWidget(view)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumWidth(120)

    def measure_column(self) -> None:
        """Ask the loaded page where its article column is; fit to it when it answers."""
        self.view.run("columnBox", callback=self._on_column_measured)

    def _on_column_measured(self, result: object) -> None:
        try:  # carried as JSON: a list does not survive runJavaScript's conversion
            left, width, body_px = json.loads(result) if isinstance(result, str) else None
        except (TypeError, ValueError):
            return
        if width > 0 and body_px > 0:
            self.set_zoom(self.zoom, Column(left, width, body_px))

    def set_zoom(self, zoom: Zoom, column: Column | None = None) -> None:
        """Draw the page at the reader's zoom (and the column as the page measured it)."""
        self.zoom, self.column = zoom, column or self.column
        self.refit(scroll=True)

    def viewport_size(self) -> tuple[int, int]:
        """Return the viewport's width and height, worked out from the frame and the bar.

        Not viewport().size(): the viewport is a plain QWidget that Qt made, and PySide's
        first wrapper of one (~10–15 ms of CPU) would come between the window's paint and
        the page's load (as HeadlineEdit.viewport_width avoids it in the first frame).
        """
        rect, margins = self.contentsRect(), self.viewportMargins()
        bar = self.horizontalScrollBar()  # the vertical one is always off: the page scrolls
        scroll = bar.sizeHint().height() if bar.isVisibleTo(self) else 0
        width = rect.width() - margins.left() - margins.right()
        return width, rect.height() - margins.top() - margins.bottom() - scroll

    def refit(self, *, scroll: bool = False) -> None:
        """Size the view for the pane's width; bring the column into view when asked."""
        width, height = self.viewport_size()
        self.factor = desktop_zoom(self.zoom, width, self.column)
        self.view.setFixedSize(round(DESKTOP_WIDTH * self.factor), height)
        self.view.apply_zoom()
        if scroll:
            x = column_scroll_x(self.zoom, self.factor, self.column)
            self.horizontalScrollBar().setValue(x)
        if self.refitted is not None:
            self.refitted(self.factor)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Refit the page to the new width (its layout width stays the same)."""
        super().resizeEvent(event)
        self.refit(scroll=event.oldSize().width() != event.size().width())


class PreviewStage(QWidget):
    """Lay out the desktop view and the phone for the current mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 8, 8, 8)
        self._row.setSpacing(12)
        self._desktop: DesktopFrame | None = None
        self._phone: PhoneFrame | None = None
        self.zoom = Zoom()
        self.setMinimumWidth(200)

    def set_zoom(self, zoom: Zoom) -> None:
        """Zoom the desktop page (fitted) and scale the phone by the reader's steps."""
        self.zoom = zoom
        if self._desktop is not None:
            self._desktop.set_zoom(zoom)
        self._fit()

    def show_views(self, desktop: DesktopFrame | None, phone: PhoneFrame | None) -> None:
        """Show the desktop view, the phone, or both, and hide the rest."""
        while self._row.count():
            item = self._row.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
        self._desktop, self._phone = desktop, phone
        if desktop is not None:
            self._row.addWidget(desktop, 1)
            desktop.show()
            desktop.set_zoom(self.zoom)
        if phone is not None:
            if desktop is None:
                self._row.addStretch(1)
            self._row.addWidget(phone, 0)
            if desktop is None:
                self._row.addStretch(1)
            phone.show()
        self._fit()

    def _fit(self) -> None:
        if self._phone is None:
            return
        margins = self._row.contentsMargins()
        available = self.width() - margins.left() - margins.right()
        if self._desktop is not None:
            available = int(min(self._phone.natural_width, available * BOTH_PHONE_SHARE))
        self._phone.fit_width(available, STEP**self.zoom.step)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Refit the phone to the new width."""
        super().resizeEvent(event)
        self._fit()

"""Where the preview pages sit: the desktop page, a phone, or both side by side."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

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

    def fit_width(self, available: int) -> None:
        """Give the view its true CSS width, or less (scaled) if available is narrower."""
        inner = max(MIN_PHONE_WIDTH, min(self.view.css_width, available - 2 * self.SIDE))
        self.view.setFixedWidth(inner)
        self.setFixedWidth(inner + 2 * self.SIDE)
        self.view.apply_zoom()


class PreviewStage(QWidget):
    """Lay out the desktop view and the phone for the current mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 8, 8, 8)
        self._row.setSpacing(12)
        self._desktop: PreviewView | None = None
        self._phone: PhoneFrame | None = None
        self.setMinimumWidth(200)

    def show_views(self, desktop: PreviewView | None, phone: PhoneFrame | None) -> None:
        """Show the desktop view, the phone, or both, and hide the rest."""
        while self._row.count():
            item = self._row.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()
        self._desktop, self._phone = desktop, phone
        if desktop is not None:
            self._row.addWidget(desktop, 1)
            desktop.show()
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
        self._phone.fit_width(available)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Refit the phone to the new width."""
        super().resizeEvent(event)
        self._fit()

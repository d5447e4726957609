"""The preview's own controls: fit, zoom in/out/reset, share card, its own window."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from editor.render.preview_zoom import Fit, Zoom


class PreviewControls(QWidget):
    """A slim bar over the pages; its shortcuts work while the preview has the focus."""

    zoom_changed = Signal(object)  # Zoom

    def __init__(self, share_card_action: QAction, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("preview_controls")
        self.zoom = Zoom()
        self.fit_group = QActionGroup(self)
        self.fit_column_action = self._fit_action("fit_column", self.tr("Fit Column"), Fit.COLUMN)
        self.fit_page_action = self._fit_action("fit_page", self.tr("Whole Page"), Fit.PAGE)
        self.zoom_out_action = self._action(
            "zoom_out", "−", self.tr("Zoom Out (Ctrl+−)"), ["Ctrl+-"], lambda: self.step(-1)
        )
        self.zoom_reset_action = self._action(
            "zoom_reset", "", self.tr("Actual Fit (Ctrl+0)"), ["Ctrl+0"], self.reset
        )
        self.zoom_in_action = self._action(
            "zoom_in", "+", self.tr("Zoom In (Ctrl++)"), ["Ctrl++", "Ctrl+="], lambda: self.step(1)
        )
        self.share_card_action = share_card_action
        self.detach_action = self._action(
            "detach_preview",
            self.tr("Own Window"),
            self.tr("Show the preview in its own window"),
            [],
            lambda: None,
        )
        self.detach_action.setCheckable(True)
        self._build()
        self._show_zoom()

    def _fit_action(self, name: str, text: str, fit: Fit) -> QAction:
        action = QAction(text, self, checkable=True)
        action.setObjectName(f"{name}_action")
        action.setToolTip(text)
        action.triggered.connect(lambda _on=False: self.set_zoom(self.zoom.with_fit(fit)))
        self.fit_group.addAction(action)
        return action

    def _action(self, name, text, tip, keys, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        action.setObjectName(f"{name}_action")
        action.setToolTip(tip)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 0)
        row.setSpacing(2)
        actions = [self.fit_column_action, self.fit_page_action, None]
        actions += [self.zoom_out_action, self.zoom_reset_action, self.zoom_in_action, None]
        actions += [self.share_card_action, self.detach_action]
        for action in actions:
            if action is None:
                row.addSpacing(10)
                continue
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(action.objectName().replace("_action", "_button"))
            button.setAutoRaise(True)
            row.addWidget(button)
        row.addStretch(1)
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("preview_zoom_label")
        self.zoom_label.setProperty("role", "count")
        row.addWidget(self.zoom_label)

    def add_shortcuts_to(self, widget: QWidget) -> None:
        """Make the zoom keys work anywhere in widget (the pane, or its own window)."""
        widget.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])

    # Zoom --------------------------------------------------------------------------------
    def set_zoom(self, zoom: Zoom) -> None:
        """Take a zoom choice (from the settings, or a control) and announce it."""
        self.zoom = zoom
        self._show_zoom()
        self.zoom_changed.emit(zoom)

    def step(self, delta: int) -> None:
        self.set_zoom(self.zoom.zoomed(delta))

    def reset(self) -> None:
        self.set_zoom(self.zoom.reset())

    def show_factor(self, factor: float) -> None:
        """Show the desktop page's zoom as a percentage."""
        self.zoom_label.setText(f"{round(factor * 100)}%")

    def _show_zoom(self) -> None:
        action = self.fit_column_action if self.zoom.fit is Fit.COLUMN else self.fit_page_action
        action.setChecked(True)
        self.zoom_reset_action.setText(self.tr("Fit") if self.zoom.step == 0 else "↺")

"""The preview in its own window: for a second monitor, full screen with F11."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

translate = QCoreApplication.translate


class PreviewWindow(QWidget):
    """A top-level window holding the preview pane; closing it puts the pane back."""

    closed = Signal()

    def __init__(self, pane: QWidget, title: str, owner: QWidget | None = None) -> None:
        super().__init__(owner, Qt.WindowType.Window)  # goes when its editor window goes
        self.setObjectName("preview_window")
        self.setWindowTitle(title)
        self.pane = pane
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(pane)
        self.full_screen_action = QAction(self.tr("Full Screen"), self, checkable=True)
        self.full_screen_action.setObjectName("preview_full_screen_action")
        self.full_screen_action.setShortcut(QKeySequence("F11"))
        self.full_screen_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.full_screen_action.toggled.connect(self.set_full_screen)
        self.addAction(self.full_screen_action)
        leave = QAction(self)
        leave.setShortcut(QKeySequence("Esc"))
        leave.triggered.connect(lambda: self.full_screen_action.setChecked(False))
        self.addAction(leave)
        self.resize(1100, 760)

    def set_full_screen(self, on: bool) -> None:
        """Give the preview the whole screen (F11), or its window back."""
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.closed.emit()
        super().closeEvent(event)


class Detacher:
    """Move a pane out of its splitter into a PreviewWindow and back."""

    def __init__(self, pane: QWidget) -> None:
        self.pane = pane
        self.window: PreviewWindow | None = None
        self._splitter: QSplitter | None = None
        self._placeholder: QWidget | None = None

    @property
    def is_detached(self) -> bool:
        return self.window is not None

    def detach(self, title: str) -> PreviewWindow | None:
        """Show the pane in its own window; a button in its old place brings it back."""
        splitter = self.pane.parentWidget()
        if self.window is not None or not isinstance(splitter, QSplitter):
            return self.window
        sizes, index = splitter.sizes(), splitter.indexOf(self.pane)
        self._splitter, self._placeholder = splitter, self._make_placeholder()
        splitter.replaceWidget(index, self._placeholder)
        splitter.setSizes(sizes)
        self.window = PreviewWindow(self.pane, title, splitter.window())
        self.window.closed.connect(self.attach)
        self.pane.show()
        self.window.show()
        return self.window

    def attach(self) -> None:
        """Put the pane back where it was and close its window."""
        if self.window is None or self._splitter is None or self._placeholder is None:
            return
        window, self.window = self.window, None
        sizes = self._splitter.sizes()
        self._splitter.replaceWidget(self._splitter.indexOf(self._placeholder), self.pane)
        self._splitter.setSizes(sizes)
        self.pane.show()
        self._placeholder.deleteLater()
        self._placeholder = None
        window.closed.disconnect(self.attach)
        window.close()
        window.deleteLater()

    def _make_placeholder(self) -> QWidget:
        box = QWidget()
        box.setObjectName("preview_detached_placeholder")
        label = QLabel(translate("PreviewWindow", "The preview is in its own window."), box)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        button = QPushButton(translate("PreviewWindow", "Bring It Back"), box)
        button.setObjectName("attach_preview_button")
        button.clicked.connect(lambda _checked=False: self.attach())
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return box

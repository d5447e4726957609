"""The headline field: one paragraph that wraps and grows to two lines instead of scrolling.

A QLineEdit hides the end of a long headline (it scrolls sideways). This is a plain-text edit
with no line breaks, sized to its wrapped text (one or two lines, a scrollbar only beyond),
and with the QLineEdit calls the form and the review code use (text, setText, textEdited …).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextCursor, QTextLayout, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


class HeadlineEdit(QPlainTextEdit):
    """A wrapping one-paragraph field; textEdited fires on the user's edits only."""

    textEdited = Signal(str)  # noqa: N815 - QLineEdit's name, so callers need not care

    def __init__(self, parent: QWidget | None = None, max_lines: int = 2) -> None:
        super().__init__(parent)
        self._max_lines = max_lines
        self._programmatic = False
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(3)
        self.document().contentsChange.connect(self._on_contents_change)
        self.textChanged.connect(self._fit)
        self._fit()

    # QLineEdit's interface ---------------------------------------------------------------
    def text(self) -> str:
        """Return the headline."""
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 - QLineEdit's name
        """Replace the headline without it counting as an edit."""
        self._programmatic = True
        try:
            self.setPlainText(" ".join(text.splitlines()))
        finally:
            self._programmatic = False

    def clear(self) -> None:
        """Empty the field without it counting as an edit."""
        self.setText("")

    def insert(self, text: str) -> None:
        """Insert text at the cursor, as typing would."""
        self.textCursor().insertText(" ".join(text.splitlines()))

    def end(self, mark: bool) -> None:
        """Move the cursor to the end (selecting if mark)."""
        mode = QTextCursor.MoveMode.KeepAnchor if mark else QTextCursor.MoveMode.MoveAnchor
        self.moveCursor(QTextCursor.MoveOperation.End, mode)

    def setSelection(self, start: int, length: int) -> None:  # noqa: N802 - QLineEdit's name
        """Select length characters from start."""
        cursor = self.textCursor()
        limit = self.document().characterCount() - 1
        cursor.setPosition(min(start, limit))
        cursor.setPosition(min(start + length, limit), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selectedText(self) -> str:  # noqa: N802 - QLineEdit's name
        return self.textCursor().selectedText()

    def hasSelectedText(self) -> bool:  # noqa: N802 - QLineEdit's name
        return self.textCursor().hasSelection()

    def selectionStart(self) -> int:  # noqa: N802 - QLineEdit's name
        return self.textCursor().selectionStart()

    def selectionEnd(self) -> int:  # noqa: N802 - QLineEdit's name
        return self.textCursor().selectionEnd()

    def cursorPosition(self) -> int:  # noqa: N802 - QLineEdit's name
        return self.textCursor().position()

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 - QLineEdit's name
        cursor = self.textCursor()
        cursor.setPosition(min(position, self.document().characterCount() - 1))
        self.setTextCursor(cursor)

    # A headline has no line breaks ------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter moves on to the next field instead of breaking the headline."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        """Paste a multi-line text as one line."""
        if source.hasText():
            self.insert(source.text().strip())

    # Size to fit --------------------------------------------------------------------------
    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if not self._programmatic and (removed or added):
            self.textEdited.emit(self.toPlainText())

    def viewport_width(self) -> int:
        """Return the viewport's width, worked out from the frame and the scroll bar.

        Not viewport().width(): the viewport is a plain QWidget that Qt made, and PySide's
        first wrapper for one creates the Python type (and enums) of every QWidget
        subclass it might be, ~70 classes and ~80 enums, inside the first frame.
        """
        margins = self.viewportMargins()
        bar = self.verticalScrollBar()
        scroll = bar.sizeHint().width() if bar.isVisibleTo(self) else 0
        return self.contentsRect().width() - margins.left() - margins.right() - scroll

    def _lines(self) -> int:
        """Return how many lines the text wraps to at the field's width (laid out here:
        the edit's own layout is lazy and not there before the first paint)."""
        width = self.viewport_width() - 2 * self.document().documentMargin()
        text = self.toPlainText()
        if not text or width <= 0:
            return 1
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        count = 0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            count += 1
        layout.endLayout()
        return max(1, count)

    def _fit(self) -> None:
        lines = min(self._max_lines, self._lines())
        margins = self.contentsMargins()
        doc_margin = 2 * self.document().documentMargin()
        height = lines * self.fontMetrics().lineSpacing() + doc_margin
        self.setFixedHeight(int(height + margins.top() + margins.bottom()) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.height())

    def visible_lines(self) -> int:
        """Return how many lines the field shows now (1 or 2)."""
        return min(self._max_lines, self._lines())

"""Notes' passages highlighted where they are edited: the body, the subhead, the form's lines.

Finding every passage costs a search of the body per note, so it runs once typing pauses
(a debounce), never per keystroke.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

from editor.core import review
from editor.core.review import Note
from editor.ui.review.fields import field_widgets
from editor.ui.text_fields import set_marks

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

HIGHLIGHT_DELAY_MS = 250
NOTE_COLOR = QColor("#fff0b3")
ACTIVE_COLOR = QColor("#ffd25e")


def note_icon(size: int = 14) -> QIcon:
    """Return a small yellow note marker."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#c99700"))
    painter.setBrush(ACTIVE_COLOR)
    painter.drawRoundedRect(1, 2, size - 3, size - 5, 2, 2)
    painter.end()
    return QIcon(pixmap)


class NoteHighlighter(QObject):
    """Mark each open note's passage; the selected note stronger than the rest."""

    def __init__(
        self,
        window: MainWindow,
        on_marker: Callable[[str], None],
        delay_ms: int = HIGHLIGHT_DELAY_MS,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._on_marker = on_marker
        self.active_id = ""
        self.spans: dict[str, tuple[str, int, int]] = {}  # note id → field, start, end
        self._markers: dict[QLineEdit, QAction] = {}
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.refresh)

    def schedule(self) -> None:
        """Refresh once typing pauses."""
        self.timer.start()

    def set_active(self, note_id: str) -> None:
        """Highlight one note more strongly than the others."""
        self.active_id = note_id
        self.refresh()

    def refresh(self) -> None:
        """Find every open note's passage now and mark it."""
        self.timer.stop()
        article = self._window.document.article
        by_field: dict[str, list[tuple[Note, int, int]]] = {}
        self.spans = {}
        for note in review.notes(article):
            span = None if note.resolved else review.locate(article, note)
            if span is not None:
                by_field.setdefault(note.field, []).append((note, *span))
                self.spans[note.id] = (note.field, *span)
        for name, widget in field_widgets(self._window).items():
            if name == "slug":
                continue  # the slug is edited through the headline's widget
            found = by_field.get(name, [])
            if isinstance(widget, QPlainTextEdit):
                set_marks(widget, "notes", self._selections(widget, found))
            elif isinstance(widget, QLineEdit):
                self._mark_line(widget, found)

    def _selections(
        self, widget: QPlainTextEdit, found: list[tuple[Note, int, int]]
    ) -> list[QTextEdit.ExtraSelection]:
        selections = []
        for note, start, end in found:
            selection = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(ACTIVE_COLOR if note.id == self.active_id else NOTE_COLOR)
            fmt.setToolTip(f"{note.author}: {note.text}")
            selection.format = fmt
            cursor = QTextCursor(widget.document())
            last = widget.document().characterCount() - 1
            cursor.setPosition(min(start, last))
            # an empty passage (a note on a point) still shows as one marked character
            cursor.setPosition(min(max(end, start + 1), last), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selections.append(selection)
        return selections

    def _mark_line(self, edit: QLineEdit, found: list[tuple[Note, int, int]]) -> None:
        marker = self._markers.get(edit)
        if not found:
            if marker is not None:
                edit.removeAction(marker)
                del self._markers[edit]
            return
        if marker is None:
            marker = edit.addAction(note_icon(), QLineEdit.ActionPosition.TrailingPosition)
            marker.setObjectName("note_marker_action")
            marker.triggered.connect(lambda _checked=False, e=edit: self._on_marker_triggered(e))
            self._markers[edit] = marker
        marker.setToolTip("\n".join(f"“{n.quote}” — {n.author}: {n.text}" for n, _s, _e in found))
        marker.setData([n.id for n, _s, _e in found])

    def marker(self, edit: QLineEdit) -> QAction | None:
        """Return the note marker shown in a line edit, if any."""
        return self._markers.get(edit)

    def _on_marker_triggered(self, edit: QLineEdit) -> None:
        marker = self._markers.get(edit)
        if marker is not None and marker.data():
            self._on_marker(marker.data()[0])

"""The notes panel: the desk's notes on passages, with replies, resolve and reopen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core import review
from editor.core.review import Note
from editor.ui.document import ArticleDocument
from editor.ui.review.fields import TEXT_FIELDS, field_label

Anchor = tuple[str, int, int]  # field, start, end
QUOTE_CHARS = 40
NOTE_LIST_CSS = (
    "QListWidget::item { padding: 6px 4px; border-bottom: 1px solid #e3e6eb; }"
    "QListWidget::item:selected { background: #e8f0fe; color: #111111; }"
)


def short_time(iso: str) -> str:
    """Return an ISO time as MM-DD HH:MM (the raw text if it is not a time)."""
    try:
        return datetime.fromisoformat(iso).strftime("%m-%d %H:%M")
    except ValueError:
        return iso


def elide(text: str, limit: int = QUOTE_CHARS) -> str:
    """Shorten text to limit characters on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class NotesPanel(QWidget):
    """List the notes; add one on the selected passage, reply, resolve or reopen it."""

    note_activated = Signal(object)  # Note
    notes_changed = Signal()

    def __init__(
        self,
        document: ArticleDocument,
        anchor: Callable[[], Anchor | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notes_panel")
        self._doc, self._anchor = document, anchor
        self.pending: Anchor | None = None
        self.show_resolved_check = QCheckBox(self.tr("Show resolved"), self)
        self.show_resolved_check.setObjectName("show_resolved_check")
        self.show_resolved_check.toggled.connect(lambda _on: self.show_notes())
        self.note_list = QListWidget(self)
        self.note_list.setObjectName("note_list")
        self.note_list.setWordWrap(True)
        self.note_list.setStyleSheet(NOTE_LIST_CSS)
        self.note_list.currentItemChanged.connect(self._on_note_list_current_changed)
        self.note_list.itemClicked.connect(self._on_note_list_item_clicked)
        self.anchor_label = QLabel(self)
        self.anchor_label.setObjectName("note_anchor_label")
        self.anchor_label.setProperty("role", "count")
        self.anchor_label.setWordWrap(True)
        self.composer = QPlainTextEdit(self)
        self.composer.setObjectName("note_composer")
        self.composer.setPlaceholderText(
            self.tr("Write a note on the selected passage, or a reply")
        )
        self.composer.setFixedHeight(self.composer.fontMetrics().lineSpacing() * 3 + 20)
        self.composer.setTabChangesFocus(True)
        self.add_button = self._button("add_note_button", self.tr("Add Note"), self.add_note)
        self.reply_button = self._button("reply_button", self.tr("Reply"), self.reply)
        self.resolve_button = self._button(
            "resolve_button", self.tr("Resolve"), self.toggle_resolved
        )
        self._build_layout()
        self.show_notes()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setProperty("compact", True)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.show_resolved_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.reply_button)
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.note_list, 1)
        layout.addWidget(self.anchor_label)
        layout.addWidget(self.composer)
        layout.addLayout(buttons)

    # Showing -----------------------------------------------------------------------------
    def show_notes(self) -> None:
        """List the notes as they stand now (keeping the selected one selected)."""
        keep = self.current_note()
        article = self._doc.article
        order = {name: i for i, name in enumerate(TEXT_FIELDS)}
        found = sorted(
            review.notes(article), key=lambda n: (n.resolved, order.get(n.field, 99), n.offset)
        )
        self.note_list.blockSignals(True)
        self.note_list.clear()
        for note in found:
            if note.resolved and not self.show_resolved_check.isChecked():
                continue
            orphan = review.locate(article, note) is None
            self.note_list.addItem(self._item(note, orphan))
            if keep and note.id == keep.id:
                self.note_list.setCurrentRow(self.note_list.count() - 1)
        self.note_list.blockSignals(False)
        self._update_buttons()
        self._show_anchor()

    def _item(self, note: Note, orphan: bool) -> QListWidgetItem:
        author = note.author or self.tr("(no name)")
        head = f"{author} · {short_time(note.time)}"
        if note.resolved:
            head += "  " + self.tr("[resolved]")
        where = f"{field_label(note.field)} “{elide(note.quote)}”"
        if orphan:
            where += "  " + self.tr("⚠ passage no longer in the text")
        lines = [head, where, note.text]
        lines += [f"  ↳ {r.author}: {r.text}" for r in note.replies]
        item = QListWidgetItem("\n".join(lines))
        item.setData(Qt.ItemDataRole.UserRole, note.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, orphan)
        if note.resolved:
            item.setForeground(QBrush(QColor("#8a93a0")))
        elif orphan:
            item.setForeground(QBrush(QColor("#b26a00")))
        return item

    def current_note(self) -> Note | None:
        """Return the selected note, if any."""
        item = self.note_list.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((n for n in review.notes(self._doc.article) if n.id == wanted), None)

    def select_note(self, note_id: str) -> None:
        """Select a note in the list (showing resolved notes if it is one)."""
        for row in range(self.note_list.count()):
            if self.note_list.item(row).data(Qt.ItemDataRole.UserRole) == note_id:
                self.note_list.setCurrentRow(row)
                return

    # Acting ------------------------------------------------------------------------------
    def begin_note(self) -> Anchor | None:
        """Take the selected passage as the next note's anchor and move to the composer."""
        self.pending = self._anchor()
        self._show_anchor()
        self.composer.setFocus()
        return self.pending

    def add_note(self, text: str | None = None) -> Note | None:
        """Add a note with the composer's text on the pending or selected passage."""
        text = (text if text is not None else self.composer.toPlainText()).strip()
        anchor = self.pending or self._anchor()
        if not text or anchor is None:
            self._show_anchor(hint=True)
            self.composer.setFocus()
            return None
        self.pending = None
        note = self._doc.add_note(*anchor, text)
        self._changed(note.id)
        return note

    def reply(self, text: str | None = None) -> bool:
        """Reply to the selected note with the composer's text."""
        note, text = self.current_note(), (text or self.composer.toPlainText()).strip()
        if note is None or not text:
            return False
        self._doc.reply_to_note(note.id, text)
        self._changed(note.id)
        return True

    def toggle_resolved(self) -> bool:
        """Resolve the selected note, or reopen it when it is resolved."""
        note = self.current_note()
        if note is None:
            return False
        self._doc.set_note_resolved(note.id, not note.resolved)
        if not note.resolved:
            self.show_resolved_check.setChecked(True)  # keep the note in sight
        self._changed(note.id)
        return True

    def _changed(self, note_id: str) -> None:
        self.composer.clear()
        self.show_notes()
        self.note_list.blockSignals(True)  # stay in the panel; do not jump to the passage
        self.select_note(note_id)
        self.note_list.blockSignals(False)
        self._update_buttons()
        self.notes_changed.emit()

    def _show_anchor(self, hint: bool = False) -> None:
        if self.pending:
            name, start, end = self.pending
            passage = review.field_text(self._doc.article, name)[start:end]
            text = self.tr("New note on {field} “{quote}”").format(
                field=field_label(name), quote=elide(passage or "")
            )
        elif hint:
            text = self.tr("Select a passage in the form or the body, then write the note.")
        else:
            text = ""
        self.anchor_label.setText(text)
        self.anchor_label.setVisible(bool(text))

    def _update_buttons(self) -> None:
        note = self.current_note()
        self.reply_button.setEnabled(note is not None)
        self.resolve_button.setEnabled(note is not None)
        self.resolve_button.setText(
            self.tr("Reopen") if note is not None and note.resolved else self.tr("Resolve")
        )

    def _on_note_list_current_changed(self, *_items: object) -> None:
        self._update_buttons()
        note = self.current_note()
        if note is not None:
            self.note_activated.emit(note)

    def _on_note_list_item_clicked(self, _item: QListWidgetItem) -> None:
        note = self.current_note()
        if note is not None:
            self.note_activated.emit(note)

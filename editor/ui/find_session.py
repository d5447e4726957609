"""Matches of one query over several text widgets, stepping, replacing one or all.

Offsets are code points (editor.core.find); text_fields converts them for Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from editor.core.find import FindError, Match, Query, find_all, replace_all
from editor.ui import messages, text_fields
from editor.ui.highlighter import MarkdownHighlighter
from editor.ui.underlines import visible_blocks

Targets = Callable[[], list[tuple[str, QWidget]]]
# From this many matches the underlines between the first and the last go before the edit
# (their owners' re-check brings them back): every edit moves every QTextCursor of the
# document and each underline holds one, so 842 edits under 1,570 spelling underlines cost
# ~66 ms in cursor updates alone. Letting one go costs ~25 µs (Qt lays out its paragraph to
# repaint it), an edit ~45 ns per cursor: releasing pays from about 500 edits on.
RELEASE_FROM = 500


@dataclass(frozen=True)
class Hit:
    """One match in one field."""

    field: str
    start: int
    end: int


class FindSession(QObject):
    """The current query's matches over every target, and which one is current."""

    matches_changed = Signal()

    def __init__(self, targets: Targets, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._targets = targets
        self.query = Query("")
        self.hits: list[Hit] = []
        self.current = -1
        self.error = ""

    def widgets(self) -> dict[str, QWidget]:
        """Return the searched widgets by field name."""
        return dict(self._targets())

    def search(self, query: Query) -> None:
        """Find every match of query, keeping the current one near where it was."""
        self.query = query
        self.error = ""
        self.hits = []
        try:
            for name, widget in self._targets():
                text = text_fields.text_of(widget)
                self.hits += [Hit(name, m.start, m.end) for m in find_all(text, query)]
        except FindError as exc:
            self.error, self.hits = messages.error_words(exc), []
        self.current = min(self.current, len(self.hits) - 1)
        self.matches_changed.emit()

    def step(self, forward: bool) -> Hit | None:
        """Make the next (or previous) match current, wrapping around; select it."""
        if not self.hits:
            return None
        after = self._after_cursor(forward)
        self.current = after % len(self.hits)
        hit = self.hits[self.current]
        widget = self.widgets()[hit.field]
        widget.setFocus()
        text_fields.select(widget, text_fields.text_of(widget), hit.start, hit.end)
        self.matches_changed.emit()
        return hit

    def _after_cursor(self, forward: bool) -> int:
        if self.current >= 0:
            return self.current + (1 if forward else -1)
        order = [name for name, _w in self._targets()]
        focused = next((n for n, w in self._targets() if w.hasFocus()), order[-1])
        widget = self.widgets()[focused]
        start, end = text_fields.selected_span(widget, text_fields.text_of(widget))
        rank = order.index(focused)
        for index, hit in enumerate(self.hits):
            hit_rank = order.index(hit.field)
            if (hit_rank, hit.start) >= (rank, start if forward else end):
                return index if forward else index - 1
        return 0 if forward else -1

    def replace_current(self, replacement: str) -> None:
        """Replace the current match (if it is still there) and move to the next."""
        if not (0 <= self.current < len(self.hits)):
            self.step(True)
            return
        hit = self.hits[self.current]
        widget = self.widgets()[hit.field]
        text = text_fields.text_of(widget)
        found = [m for m in _matches(text, self.query, replacement) if m.start == hit.start]
        if found:
            text_fields.replace_span(
                widget, text, found[0].start, found[0].end, found[0].replacement
            )
        index = self.current
        self.search(self.query)
        self.current = index - 1
        self.step(True)

    def replace_all(self, replacement: str) -> int:
        """Replace every match, one undo step per field; return how many were replaced."""
        total = 0
        for _name, widget in self._targets():
            text = text_fields.text_of(widget)
            found = _matches(text, self.query, replacement)
            if found:
                replace_in(widget, text, found)
                total += len(found)
        self.current = -1
        self.search(self.query)
        return total


def _matches(text: str, query: Query, replacement: str) -> list[Match]:
    try:
        return find_all(text, query, replacement)
    except FindError:
        return []


def replace_in(widget: QWidget, text: str, found: list[Match]) -> None:
    """Apply replacements to a widget as one undoable edit."""
    if isinstance(widget, QLineEdit):
        text_fields.replace_span(widget, text, 0, len(text), replace_all(text, found))
        return
    if not isinstance(widget, QPlainTextEdit):
        return
    positions = text_fields.to_qt(text, [o for m in found for o in (m.start, m.end)])
    highlighter = widget.document().findChild(MarkdownHighlighter)
    held = highlighter.deferred(lambda: visible_blocks(widget)) if highlighter else nullcontext()
    with held:
        if len(found) >= RELEASE_FROM:
            text_fields.release_marks(widget, positions[0], positions[-1])
        text_fields.replacing(widget, [(m.start, m.end, m.replacement) for m in found])
        # One edit block, applied back to front so earlier offsets stay valid.
        cursor = QTextCursor(widget.document())
        cursor.beginEditBlock()
        for index in range(len(found) - 1, -1, -1):
            cursor.setPosition(positions[2 * index])
            cursor.setPosition(positions[2 * index + 1], QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(found[index].replacement)
        cursor.endEditBlock()

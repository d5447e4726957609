"""The body's spelling underlines, drawn by its highlighter, not as extra selections.

As extra selections, Qt drew an underlined word's paragraph lines once more per word on every
paint (~1.4 ms to paint the edited paragraph at 100,000 characters against ~0.8 ms without
underlines). The highlighter draws them as formats in its one pass over the paragraph
instead (`MarkdownHighlighter.add_underlines`). Their owner (editor/ui/spell_check.py) keeps
them in a `ParagraphMarks`, as offsets into each paragraph's text (no QTextCursor: Qt moves
every cursor of a document on each keystroke), which its context menu reads, and calls
`redraw` when they change. Boxes without a highlighter keep extra selections.

House-style marks stay extra selections: a word can be both misspelled and against house
style (됬다), and a character's format holds one underline, where extra selections draw both.
They are few (none in the 100,000-character benchmark body), and an extra selection costs
only in a paragraph that has one.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from editor.ui import text_fields
from editor.ui.body_text import block_texts
from editor.ui.highlighter import MarkdownHighlighter

Selections = Sequence[QTextEdit.ExtraSelection]


def drawing_highlighter(widget: QWidget) -> MarkdownHighlighter | None:
    """Return the highlighter that draws a text box's underlines (the body's), if it has one."""
    if not isinstance(widget, QPlainTextEdit):
        return None
    return widget.document().findChild(MarkdownHighlighter)


def visible_blocks(widget: QPlainTextEdit) -> tuple[int, int]:
    """Return the first and last block numbers on screen."""
    first = widget.firstVisibleBlock().blockNumber()
    bottom = widget.cursorForPosition(widget.viewport().rect().bottomRight())
    return first, max(first, bottom.blockNumber())


def _start(selection: QTextEdit.ExtraSelection) -> int:
    return selection.cursor.selectionStart()


def position_of(selections: Selections, position: int) -> int:
    """Return where a mark starting at position goes in marks sorted by position."""
    return bisect.bisect_left(selections, position, key=_start)


def redraw(widget: QPlainTextEdit, positions: Iterable[int]) -> None:
    """Draw again the paragraphs from the first to the last position (their marks changed)."""
    highlighter = drawing_highlighter(widget)
    positions = list(positions)
    if highlighter is None or not positions:
        return
    doc = widget.document()
    first = doc.findBlock(min(positions)).blockNumber()
    last = doc.findBlock(max(positions)).blockNumber()
    if first < 0 or last < 0:  # past the end: the text shrank since
        last = doc.blockCount() - 1
        first = min(max(first, 0), last)
    highlighter.redraw(first, last, lambda: visible_blocks(widget))


Span = tuple[int, int]  # code-point offsets into one paragraph's text
Edit = text_fields.Replacement
# The changed paragraphs' texts as a contentsChange left them, from a copy of the text kept
# per paragraph (BodyText.blocks: the change, first and last block numbers), if it has them.
Kept = Callable[[tuple[int, int, int], int, int], "list[str] | None"]


class ParagraphMarks:
    """A text box's underlines kept per paragraph as offsets into its text, not as cursors.

    Every QTextCursor of a document is moved by each edit, and Qt emits cursorPositionChanged
    once per cursor it moved: with a cursor per misspelling (1,570 in the 100,000-character
    benchmark body) a keystroke cost ~0.4 M instructions more than the same keystroke in a
    small body (callgrind, the same paragraph). Here a keystroke re-reads the paragraph it
    changed and moves that paragraph's marks alone, as Qt would have moved their cursors.

    kept, if given, answers the changed paragraphs' new texts (the body's BodyText has read
    them already: a replace-all at 100k re-read ~1,700 paragraphs here a second time).
    """

    def __init__(self, document: QTextDocument, fmt: QTextCharFormat, kept: Kept | None = None):
        self._doc = document
        self.format = fmt
        self._kept = kept
        self._texts: list[str] = []
        self._spans: list[list[Span]] = []
        self._expected: list[Edit] | None = None  # the replacements the next change makes
        self.paragraphs_read = 0  # from the document by the last follow (tests read it)
        self.reload()

    def reload(self) -> None:
        """Read every paragraph again; every mark is dropped (the owner checks again)."""
        self._texts = block_texts(self._doc.begin(), self._doc.lastBlock())
        self._spans = [[] for _ in self._texts]

    def follow(self, position: int, removed: int, added: int) -> bool:
        """Move the marks of the paragraphs a change touched (contentsChange); False: all lost.

        Safe to call twice for one change: a paragraph whose text held keeps its marks.
        """
        doc = self._doc
        first, last = doc.findBlock(position), doc.findBlock(position + added)
        if not last.isValid():
            last = doc.lastBlock()
        start, end = first.blockNumber(), last.blockNumber()
        old_end = end - (doc.blockCount() - len(self._texts))
        expected, self._expected = self._expected, None
        if not first.isValid() or start > end or old_end < start - 1:
            self.reload()  # a change Qt described oddly: start again rather than guess
            return False
        new = self._kept((position, removed, added), start, end) if self._kept else None
        self.paragraphs_read = 0 if new is not None else end - start + 1
        if new is None:
            new = block_texts(first, last)
        old = self._texts[start : old_end + 1]
        if new != old:
            spans = self._spans[start : old_end + 1]
            if expected is not None and any(spans):  # into offsets of the changed run
                offset = sum(map(len, self._texts[:start])) + start
                expected = [(a - offset, b - offset, t) for a, b, t in expected]
            self._texts[start : old_end + 1] = new
            self._spans[start : old_end + 1] = _moved(old, spans, new, expected)
        return True

    def expect(self, edits: list[Edit]) -> None:
        """Take the replacements the next change will make, in code points of the whole text.

        A change reports one range however many replacements an edit block made; knowing
        them, every mark moves as its cursor would (else: as if one replacement).
        """
        self._expected = sorted(edits)

    def set_paragraph(self, number: int, text: str, spans: list[Span]) -> bool:
        """Mark paragraph number (whose text is text) with spans; False if it has changed."""
        if not 0 <= number < len(self._texts) or self._texts[number] != text:
            return False
        self._spans[number] = sorted(spans)
        return True

    def release(self, start: int, end: int) -> None:
        """Forget the marks lying inside the Qt positions start..end."""
        first, last = self._doc.findBlock(start), self._doc.findBlock(end)
        if not first.isValid():
            return
        if not last.isValid():
            last = self._doc.lastBlock()
        low, high = first.blockNumber(), min(last.blockNumber(), len(self._spans))
        if high - low > 1:  # the paragraphs between lie wholly inside: every mark goes
            self._spans[low + 1 : high] = [[] for _ in range(high - low - 1)]
        for block in (first, last) if low != last.blockNumber() else (first,):
            number, at = block.blockNumber(), block.position()
            if number < len(self._spans) and self._spans[number]:
                spans = self._qt_spans(number)
                self._spans[number] = [
                    span
                    for span, (a, b) in zip(self._spans[number], spans, strict=True)
                    if not start <= at + a <= at + b <= end
                ]

    def _qt_spans(self, number: int) -> list[Span]:
        """Return paragraph number's marks in Qt's (UTF-16) offsets."""
        spans = self._spans[number]
        flat = text_fields.to_qt(self._texts[number], [o for span in spans for o in span])
        return list(zip(flat[::2], flat[1::2], strict=True))

    def spans_between(self, start: int, _end: int) -> list[tuple[int, int, QTextCharFormat]]:
        """Return (start, end, format) in Qt positions of the marks of the paragraph at start."""
        block = self._doc.findBlock(start)
        number = block.blockNumber()
        if not 0 <= number < len(self._spans) or not self._spans[number]:
            return []
        at = block.position()
        return [(at + a, at + b, self.format) for a, b in self._qt_spans(number)]

    def words(self) -> list[str]:
        """Return the marked words, in order."""
        return [
            text[a:b]
            for text, spans in zip(self._texts, self._spans, strict=True)
            for a, b in spans
        ]

    def cursor_at(self, position: int) -> QTextCursor | None:
        """Return a cursor selecting the marked word at a Qt position, if there is one."""
        block = self._doc.findBlock(position)
        number, at = block.blockNumber(), block.position()
        if not 0 <= number < len(self._spans):
            return None
        for a, b in self._qt_spans(number):
            if at + a <= position <= at + b and a < b:
                cursor = QTextCursor(self._doc)
                cursor.setPosition(at + a)
                cursor.setPosition(at + b, QTextCursor.MoveMode.KeepAnchor)
                return cursor
        return None

    def selections(self) -> list[QTextEdit.ExtraSelection]:
        """Return the marks as extra selections (how other boxes draw them)."""
        found = []
        block = self._doc.begin()
        while block.isValid() and block.blockNumber() < len(self._spans):
            for a, b in self._qt_spans(block.blockNumber()):
                selection = QTextEdit.ExtraSelection()
                selection.cursor = QTextCursor(self._doc)
                selection.cursor.setPosition(block.position() + a)
                selection.cursor.setPosition(block.position() + b, QTextCursor.MoveMode.KeepAnchor)
                selection.format = self.format
                found.append(selection)
            block = block.next()
        return found


def _moved(
    old: list[str], spans: list[list[Span]], new: list[str], edits: list[Edit] | None = None
) -> list[list[Span]]:
    """Return the marks of paragraphs old as they move when their text becomes new's.

    edits are the replacements that made new (offsets into the old paragraphs joined);
    without them, or if they do not make new, the change is one replacement: of what
    differs between the old and the new text joined. A mark's ends move as a QTextCursor's
    would: one inside replaced text goes to the end of its replacement, one at or after a
    replacement moves with it.
    """
    if not any(spans):
        return [[] for _ in new]
    before, after = "\n".join(old), "\n".join(new)
    if edits is None or not _make(before, edits, after):
        head = _common_prefix(before, after)
        tail = _common_prefix(before[head:][::-1], after[head:][::-1])
        edits = [(head, len(before) - tail, after[head : len(after) - tail])]
    move = _mover(edits)
    moved: list[Span] = []
    offset = 0
    for text, row in zip(old, spans, strict=True):
        moved += [(move(offset + a), move(offset + b)) for a, b in row]
        offset += len(text) + 1
    starts = (
        [0, len(after) + 1]
        if len(new) == 1
        else list(accumulate((len(t) + 1 for t in new), initial=0))
    )
    result: list[list[Span]] = [[] for _ in new]
    for a, b in moved:  # each paragraph keeps the part of a mark inside it
        number = bisect.bisect_right(starts, a) - 1
        while number < len(new) and starts[number] < b:
            at = starts[number]
            low, high = max(a, at), min(b, at + len(new[number]))
            if low < high:
                result[number].append((low - at, high - at))
            number += 1
    return result


def _make(before: str, edits: list[Edit], after: str) -> bool:
    """Tell whether the sorted, disjoint replacements edits turn before into after."""
    parts, at = [], 0
    for start, end, text in edits:
        if not at <= start <= end <= len(before):
            return False
        parts += [before[at:start], text]
        at = end
    parts.append(before[at:])
    return "".join(parts) == after


def _mover(edits: list[Edit]) -> Callable[[int], int]:
    """Return where a position of the old text goes when the replacements are made.

    They are made back to front (each one's offsets stay valid), as the find bar does.
    """
    if len(edits) == 1:  # a keystroke's change: no search
        ((first, last, new),) = edits

        def move_one(x: int) -> int:
            return (
                x if x < first else first + len(new) if x <= last else x + len(new) - last + first
            )

        return move_one
    starts = [start for start, _end, _text in edits]
    shifts = list(accumulate((len(t) - (b - a) for a, b, t in edits), initial=0))

    def move(x: int) -> int:
        index = bisect.bisect_right(starts, x) - 1
        if index < 0:
            return x
        start, end, text = edits[index]
        return shifts[index] + (start + len(text) if x <= end else x + len(text) - end + start)

    return move


def _common_prefix(a: str, b: str) -> int:
    """Return the length of the longest common prefix of a and b (comparisons in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low

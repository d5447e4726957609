"""The body's spelling underlines, drawn by its highlighter, not as extra selections.

As extra selections, Qt drew an underlined word's paragraph lines once more per word on every
paint (~1.4 ms to paint the edited paragraph at 100,000 characters against ~0.8 ms without
underlines). The highlighter draws them as formats in its one pass over the paragraph
instead (`MarkdownHighlighter.add_underlines`). Their owner (editor/ui/spell_check.py) keeps
the marks, sorted by position, which its context menu reads, and calls `redraw` when they
change. Boxes without a highlighter keep extra selections.

House-style marks stay extra selections: a word can be both misspelled and against house
style (됬다), and a character's format holds one underline, where extra selections draw both.
They are few (none in the 100,000-character benchmark body), and an extra selection costs
only in a paragraph that has one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

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


def spans_between(
    selections: Selections, start: int, end: int
) -> list[tuple[int, int, QTextCharFormat]]:
    """Return (start, end, format) of the marks reaching into start..end, from sorted marks.

    Marks stay sorted as the text changes: every edit moves positions in order.
    """
    index = position_of(selections, start)
    if index and selections[index - 1].cursor.selectionEnd() > start:
        index -= 1  # a mark that began in the paragraph before (split by a line break)
    found = []
    for i in range(index, len(selections)):
        cursor = selections[i].cursor
        first, last = cursor.selectionStart(), cursor.selectionEnd()
        if first >= end:
            break
        if last > max(first, start):
            found.append((first, last, selections[i].format))
    return found


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

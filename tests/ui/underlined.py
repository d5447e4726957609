"""What a text box shows underlined: its paragraphs' layout formats and its extra selections."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

Style = QTextCharFormat.UnderlineStyle
WAVY = Style.SpellCheckUnderline
DOTTED = Style.DotLine


def drawn_spans(edit: QPlainTextEdit, style: Style) -> list[tuple[int, int]]:
    """Return the Qt spans drawn with an underline style, in order, runs next to each other joined.

    The body's highlighter draws underlines as formats of each paragraph's layout (split
    where the Markdown format changes); the other boxes draw them as extra selections.
    """
    spans = []
    block = edit.document().firstBlock()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == style:
                spans.append((block.position() + r.start, block.position() + r.start + r.length))
        block = block.next()
    for selection in edit.extraSelections():
        if selection.format.underlineStyle() == style:
            spans.append((selection.cursor.selectionStart(), selection.cursor.selectionEnd()))
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def drawn_words(edit: QPlainTextEdit, style: Style) -> list[str]:
    """Return the passages drawn with an underline style, in order."""
    text = edit.document().toRawText()
    return [text[start:end] for start, end in drawn_spans(edit, style)]


def spell_selections(edit: QPlainTextEdit) -> int:
    """Return how many extra selections of the box draw a spelling underline."""
    return sum(1 for s in edit.extraSelections() if s.format.underlineStyle() == WAVY)

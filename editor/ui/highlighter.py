"""Light Markdown highlighting, one block at a time (Qt re-highlights only changed blocks)."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

IN_FENCE = 1  # block state: inside a fenced code block

_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_QUOTE = re.compile(r"^ {0,3}>")
_RULE = re.compile(r"^ {0,3}([-*_])(\s*\1){2,}\s*$")
_LIST = re.compile(r"^\s*([-*+]|\d{1,9}[.)])\s")
_INLINE = [
    ("image", re.compile(r"!\[[^\]]*\]\([^)]*\)")),
    ("link", re.compile(r"(?<!!)\[[^\]]*\]\([^)]*\)")),
    ("code", re.compile(r"`[^`]+`")),
    ("bold", re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")),
    ("italic", re.compile(r"(?<![*\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*\w])")),
    ("strike", re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")),
    ("html", re.compile(r"</?[A-Za-z][^>\n]*>")),
    ("mark", re.compile(r"[△▲▷◆■●]")),  # newsroom enumerations and caption marks
]


def _format(
    color: str,
    *,
    bold: bool = False,
    italic: bool = False,
    strike: bool = False,
    background: str = "",
) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(color))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontItalic(italic)
    fmt.setFontStrikeOut(strike)
    if background:
        fmt.setBackground(QColor(background))
    return fmt


class MarkdownHighlighter(QSyntaxHighlighter):
    """Colour headings, quotes, lists, emphasis, links, images, code and raw HTML."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.blocks_highlighted = 0  # tests and benchmarks read it: work follows the edit
        self._formats = {
            "heading": _format("#1f3a5f", bold=True),
            "quote": _format("#5b6675", italic=True),
            "list": _format("#c0392b", bold=True),
            "rule": _format("#9aa3ad"),
            "fence": _format("#6b4f2a", background="#f6f3ee"),
            "image": _format("#2e7d32"),
            "link": _format("#1565c0"),
            "code": _format("#6b4f2a", background="#f6f3ee"),
            "bold": _format("#111111", bold=True),
            "italic": _format("#333333", italic=True),
            "strike": _format("#777777", strike=True),
            "html": _format("#8e44ad"),
            "mark": _format("#c0392b", bold=True),
        }

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Highlight one paragraph; fenced code carries over through the block state."""
        self.blocks_highlighted += 1
        inside = self.previousBlockState() == IN_FENCE
        if _FENCE.match(text):
            self.setFormat(0, len(text), self._formats["fence"])
            self.setCurrentBlockState(0 if inside else IN_FENCE)
            return
        self.setCurrentBlockState(IN_FENCE if inside else 0)
        if inside:
            self.setFormat(0, len(text), self._formats["fence"])
            return
        if self._highlight_line(text):
            return
        for name, pattern in _INLINE:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self._formats[name])

    def _highlight_line(self, text: str) -> bool:
        """Format whole-line constructs; return True when nothing inline is left to do."""
        if _HEADING.match(text):
            self.setFormat(0, len(text), self._formats["heading"])
            return True
        if _RULE.match(text):
            self.setFormat(0, len(text), self._formats["rule"])
            return True
        if _QUOTE.match(text):
            self.setFormat(0, len(text), self._formats["quote"])
        match = _LIST.match(text)
        if match:
            self.setFormat(match.start(1), match.end(1) - match.start(1), self._formats["list"])
        return False

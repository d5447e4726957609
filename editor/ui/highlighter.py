"""Light Markdown highlighting, one block at a time (Qt re-highlights only changed blocks).

A bulk edit (replace all) changes hundreds of paragraphs at once; highlighting them all in the
edit cost ~25 ms of a 100,000-character replace. `deferred()` holds Qt's re-highlight during
such an edit, highlights the changed paragraphs on screen at once and the rest in slices from
the event loop, in order, so the editor answers at once and every paragraph is right soon after.

The body's spelling underlines are drawn here too, as formats of the same one pass
(`add_underlines`, editor/ui/underlines.py): as extra selections Qt drew an underlined word's
paragraph lines again for each word on every paint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext

from PySide6.QtCore import Q_ARG, SIGNAL, SLOT, QMetaObject, QObject, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)

from editor.ui.body_layout import BodyLayout

IN_FENCE = 1  # block state: inside a fenced code block
SLICE_BLOCKS = 200  # paragraphs highlighted per event-loop turn after a bulk edit (~4 ms)
# Qt's own connection from the document to the highlighter (a private slot, stable since Qt 4):
# if a Qt release renames it, disconnecting fails and bulk edits highlight as they always did.
_CHANGE_SIGNAL = SIGNAL("contentsChange(int,int,int)")
_REFORMAT_NAME = "_q_reformatBlocks"
_REFORMAT_SLOT = SLOT(f"{_REFORMAT_NAME}(int,int,int)")
Visible = Callable[[], tuple[int, int]]  # first and last block number on screen
# The underlines of a span of the document (Qt positions), as (start, end, format), in order.
Underlines = Callable[[int, int], Iterable[tuple[int, int, QTextCharFormat]]]
Follow = Callable[[int, int, int], object]  # an underline source moving its marks (contentsChange)

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
# Every inline pattern needs one of these characters, and every whole-line construct starts
# with one of _LINE_STARTS: most paragraphs of prose have neither and skip a dozen regexes
# (a replace-all re-highlights every paragraph it touches, ~1,700 in a 100,000-char body).
_INLINE_ANY = re.compile(r"[!\[`*_~<△▲▷◆■●]")
_LINE_STARTS = frozenset("#>-*_+0123456789")


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
        self._pending: tuple[QTextCursor, QTextCursor] | None = None  # after a bulk edit
        self._slice_timer = QTimer(self, singleShot=True, interval=0)
        self._slice_timer.timeout.connect(self._highlight_slice)
        self._holding = 0  # a bulk edit runs: highlight after it (deferred)
        self._one_paragraph = False  # a keystroke edits one paragraph: highlight only it
        self._visible: Visible = lambda: (-1, -1)  # what the pending slices leave to paint
        self._underlines: list[Underlines] = []
        self._follow: list[Follow] = []  # called with each change before it is highlighted
        # Edits reach Qt's re-highlight through _on_document_contents_change, which can hold
        # it or narrow it (if a Qt release renames the slot, edits highlight as they always did).
        self._routed = QObject.disconnect(document, _CHANGE_SIGNAL, self, _REFORMAT_SLOT)
        if self._routed:
            document.contentsChange.connect(self._on_document_contents_change)
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

    # Bulk edits ---------------------------------------------------------------------------
    @contextmanager
    def deferred(self, visible: Visible) -> Iterator[None]:
        """Hold re-highlighting during a bulk edit; then do the visible part now, the rest soon."""
        doc = self.document()
        changed: list[tuple[int, int]] = []

        def note(position: int, _removed: int, added: int) -> None:
            changed.append((position, position + added))

        doc.contentsChange.connect(note)
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
            doc.contentsChange.disconnect(note)
        if self._routed and changed:
            first = doc.findBlock(min(a for a, _b in changed)).blockNumber()
            last = doc.findBlock(max(b for _a, b in changed)).blockNumber()
            self._highlight_later(first, last, visible)

    @contextmanager
    def one_paragraph(self) -> Iterator[None]:
        """Highlight only the edited paragraph (and those its fence state reaches) meanwhile.

        The caller promises the edit stays inside one paragraph. Qt would also highlight
        the next paragraphs after an input-method step (it reports its paragraph as removed
        and added again), and each one it highlights is laid out and painted again.
        """
        self._one_paragraph = True
        try:
            yield
        finally:
            self._one_paragraph = False

    def _on_document_contents_change(self, position: int, removed: int, added: int) -> None:
        for follow in self._follow:
            follow(position, removed, added)
        if self._holding:
            return
        if self._one_paragraph:
            removed = added = 0  # this paragraph; Qt carries a changed fence state on
        self._qt_reformat(position, removed, added)

    def redraw(self, first: int, last: int, visible: Visible) -> None:
        """Highlight paragraphs first..last again (their underlines changed): on screen now."""
        self._highlight_later(first, last, visible)

    def _highlight_later(self, first: int, last: int, visible: Visible) -> None:
        doc = self.document()
        self._visible = visible
        on_screen = visible()
        top, bottom = max(first, on_screen[0]), min(last, on_screen[1])
        if top <= bottom:
            self._reformat(doc.findBlockByNumber(top), doc.findBlockByNumber(bottom))
        # Cursors, not block numbers: typing between two slices moves them along with the text.
        start = QTextCursor(doc.findBlockByNumber(first))
        end = QTextCursor(doc.findBlockByNumber(last))
        if self._pending is not None:  # a pass is still running: widen it
            start.setPosition(min(start.position(), self._pending[0].position()))
            end.setPosition(max(end.position(), self._pending[1].position()))
        self._pending = (start, end)
        self._slice_timer.start()

    def _highlight_slice(self) -> None:
        """Highlight the next slice of paragraphs a bulk edit changed, in order."""
        if self._pending is None:
            return
        start, end = self._pending
        first, last = start.block(), end.block()
        stop = self.document().findBlockByNumber(
            min(last.blockNumber(), first.blockNumber() + SLICE_BLOCKS - 1)
        )
        layout = self.document().documentLayout()
        # Off screen, a paragraph whose formats changed only needs its old layout dropped (it
        # is laid out when it scrolls into view), not laid out again at once, as Qt does.
        lazy = layout.off_screen(self._visible()) if isinstance(layout, BodyLayout) else None
        with lazy or nullcontext():
            self._reformat(first, stop)
        after = stop.next()
        if stop.blockNumber() >= last.blockNumber() or not after.isValid():
            self._pending = None
            return
        start.setPosition(after.position())
        self._slice_timer.start()

    def _reformat(self, first: QTextBlock, last: QTextBlock) -> None:
        """Highlight first..last as Qt does after an edit (and on while a fence state moves).

        Qt's own slot: ~17 µs a paragraph against ~70 µs through rehighlightBlock, which wraps
        every paragraph in an edit block of its own.
        """
        self._qt_reformat(first.position(), 0, last.position() - first.position())

    def _qt_reformat(self, position: int, removed: int, added: int) -> None:
        QMetaObject.invokeMethod(
            self,
            _REFORMAT_NAME,
            Qt.ConnectionType.DirectConnection,
            Q_ARG(int, position),
            Q_ARG(int, removed),
            Q_ARG(int, added),
        )

    @property
    def pending(self) -> bool:
        """Tell whether paragraphs changed by a bulk edit still wait to be highlighted."""
        return self._pending is not None

    # Underlines --------------------------------------------------------------------------
    def add_underlines(self, underlines: Underlines, follow: Follow | None = None) -> None:
        """Draw the underlines a source gives for each paragraph as part of its highlighting.

        The source stays their owner (its context menu reads it); it calls `redraw` when
        they change. follow, if given, hears each change of the document before the
        changed paragraphs are highlighted again, so that it can move its marks first.
        """
        self._underlines.append(underlines)
        if follow is not None and self._routed:
            self._follow.append(follow)
        elif follow is not None:  # Qt highlights first: the marks catch up at the next change
            self.document().contentsChange.connect(follow)

    def _draw_underlines(self) -> None:
        block = self.currentBlock()
        start = block.position()
        end = start + block.length() - 1
        for underlines in self._underlines:
            for first, last, fmt in underlines(start, end):
                self._underline(max(first, start) - start, min(last, end) - start, fmt)

    def _underline(self, start: int, end: int, underline: QTextCharFormat) -> None:
        """Add an underline's properties over start..end, keeping each run's Markdown format."""
        while start < end:
            base = self.format(start)
            stop = start + 1
            while stop < end and self.format(stop) == base:
                stop += 1
            merged = QTextCharFormat(base)
            merged.merge(underline)
            self.setFormat(start, stop - start, merged)
            start = stop

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Highlight one paragraph and draw its underlines."""
        self.blocks_highlighted += 1
        self._highlight_markdown(text)
        if self._underlines:
            self._draw_underlines()

    def _highlight_markdown(self, text: str) -> None:
        """Format one paragraph's Markdown; fenced code carries over through the block state."""
        inside = self.previousBlockState() == IN_FENCE
        if _FENCE.match(text):
            self.setFormat(0, len(text), self._formats["fence"])
            self.setCurrentBlockState(0 if inside else IN_FENCE)
            return
        self.setCurrentBlockState(IN_FENCE if inside else 0)
        if inside:
            self.setFormat(0, len(text), self._formats["fence"])
            return
        if text.lstrip(" \t")[:1] in _LINE_STARTS and self._highlight_line(text):
            return
        if not _INLINE_ANY.search(text):
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

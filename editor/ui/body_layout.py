"""The body's text layout: a keystroke repaints the paragraphs it changed, not the whole view.

Qt's QPlainTextDocumentLayout treats every change as reaching `position + removed + added`.
A preedit step (ㅎ → 하) reports its paragraph as removed and added again, and the
highlighter adds the next paragraphs it looked at, so a jamo cleared the layout of about
nine paragraphs and repainted the whole viewport: ~2.5 ms of the ~4 ms a Korean keystroke
cost at 580×400 px, and more with spelling underlines to draw again. While the body editor
says a keystroke only edits text inside one paragraph (`edit_in_paragraph`), a change is
what it is: the paragraphs from `position` to `position + added`. They are laid out again at
once and repainted alone when their height is unchanged; else from their top down. In the
edited paragraph, from the line before the cursor's: text typed at the cursor cannot change
the lines above that one (unless the highlighter reformats them, as a closing `*` does; then
the whole paragraph). Painting a 5-line paragraph's glyphs was most of a keystroke's paint.

Off screen (`off_screen`), a paragraph whose formats changed (its underlines, after a spell
check's answer) only drops its old layout: it is laid out when it scrolls into view. Qt lays
it out at once, and repaints the whole view for one it had not laid out yet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

# A keystroke's change covers its paragraph and the next ones the highlighter looked at
# (a blank line and the paragraph after it); a change reaching further is left to Qt.
NEAR_PARAGRAPHS = 4


class BodyLayout(QPlainTextDocumentLayout):
    """A plain-text layout that lays out and repaints only what a keystroke changed."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.narrowed = 0  # changes repainted paragraph by paragraph (tests read it)
        self._heights: dict[int, float] = {}  # paragraph number -> height before the key
        self._blocks = -1  # the paragraph count when the keystroke began
        self._on_screen: tuple[int, int] | None = None  # while formats change off screen
        self._edited: tuple[int, int, list] = (-1, 0, [])  # paragraph, cursor, formats before
        # Set by the editor: repaint a paragraph from one of its lines, to its bottom or (when
        # what follows moved) to the bottom of the view.
        self.repaint_from: Callable[[QTextBlock, int, bool], None] | None = None

    @contextmanager
    def edit_in_paragraph(self, block: QTextBlock, at: int) -> Iterator[None]:
        """Hold the heights of block and the paragraphs after it while one keystroke runs.

        The caller promises the text changes only inside block, at offset `at` (no paragraph
        break typed, no selection replaced); formats may change further on.
        """
        self._edited = (block.blockNumber(), at, _before(block.layout().formats(), at))
        heights: dict[int, float] = {}
        for _ in range(NEAR_PARAGRAPHS):
            if not block.isValid() or not block.isVisible() or not block.layout().lineCount():
                break  # not laid out: its old height is unknown
            heights[block.blockNumber()] = self.blockBoundingRect(block).height()
            block = block.next()
        self._heights, self._blocks = heights, self.document().blockCount()
        try:
            yield
        finally:
            self._heights, self._edited = {}, (-1, 0, [])

    @contextmanager
    def off_screen(self, visible: tuple[int, int]) -> Iterator[None]:
        """Meanwhile, drop the layout of a changed paragraph outside visible (block numbers).

        The caller promises only formats change meanwhile: heights hold, nothing moves.
        """
        self._on_screen = visible
        try:
            yield
        finally:
            self._on_screen = None

    def documentChanged(self, position: int, removed: int, added: int) -> None:  # noqa: N802 - Qt's name
        """Lay out the changed paragraphs now; repaint them alone if their height held."""
        if self._on_screen is not None and self._dropped_off_screen(position, added):
            return
        blocks = self._changed_paragraphs(position, added)
        if blocks is None:
            super().documentChanged(position, removed, added)
            return
        before = sum(self._heights[b.blockNumber()] for b in blocks)
        for block in blocks:
            block.clearLayout()
            self.ensureBlockLayout(block)
        moved = sum(self.blockBoundingRect(b).height() for b in blocks) != before
        if self.repaint_from is None:
            if moved:
                self.requestUpdate()  # what follows moved: the whole view, as Qt does
                return
            self.narrowed += 1
            for block in blocks:
                self.updateBlock.emit(block)
            return
        self.narrowed += not moved
        self.repaint_from(blocks[0], self._first_changed_line(blocks[0]), moved)
        for block in blocks[1:]:
            if not moved:
                self.updateBlock.emit(block)

    def _first_changed_line(self, block: QTextBlock) -> int:
        """Return the first line of the edited paragraph a keystroke can have changed."""
        number, at, formats = self._edited
        if block.blockNumber() != number or _before(block.layout().formats(), at) != formats:
            return 0
        line = block.layout().lineForTextPosition(at)
        # The line before too: a syllable typed at a line's start may fit at the previous end.
        return max(0, line.lineNumber() - 1) if line.isValid() else 0

    def _changed_paragraphs(self, position: int, added: int) -> list[QTextBlock] | None:
        """Return the paragraphs a held keystroke changed (None: leave the change to Qt)."""
        doc = self.document()
        if not self._heights or added <= 0 or doc.blockCount() != self._blocks:
            return None
        block = doc.findBlock(position)
        last = doc.findBlock(position + added - 1).blockNumber()
        blocks: list[QTextBlock] = []
        while block.isValid() and block.blockNumber() <= last:
            if block.blockNumber() not in self._heights:
                return None
            blocks.append(block)
            block = block.next()
        return blocks or None

    def _dropped_off_screen(self, position: int, added: int) -> bool:
        """Drop the layouts of changed paragraphs that are all off screen; False if one is on."""
        assert self._on_screen is not None
        top, bottom = self._on_screen
        doc = self.document()
        first = doc.findBlock(position)
        last = doc.findBlock(max(position, position + added - 1)).blockNumber()
        if first.blockNumber() <= bottom and last >= top:
            return False
        block = first
        while block.isValid() and block.blockNumber() <= last:
            block.clearLayout()
            block = block.next()
        return True


def _before(ranges: list, at: int) -> list:
    """Return a paragraph's format ranges cut at offset at: what typing there cannot move."""
    # Copies: a range's format lives in the range, which Python frees with the list.
    return [
        (r.start, min(r.length, at - r.start), QTextCharFormat(r.format))
        for r in ranges
        if r.start < at
    ]

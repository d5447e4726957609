"""The body's text kept paragraph by paragraph, so reading it costs what the last edit touched.

Copying the body out of the QTextDocument (`toRawText`) costs ~1.7 ms at 100,000 characters,
and the preview does it on every refresh. `BodyText` keeps one string per QTextBlock instead,
re-reads only the blocks a `contentsChange` names, and joins them when asked (~0.1 ms at
100k, and only once per change). It works in block numbers, never in character positions, so
Qt's UTF-16 positions and Python's code points (emoji, supplementary Hanja) never meet.

The body's spelling marks (editor/ui/underlines.py) take the changed paragraphs' new texts
from here (`blocks`) instead of reading them out of the document a second time: a replace-all
at 100,000 characters changes ~1,700 paragraphs, ~11 ms to read each time.
"""

from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument

Change = tuple[int, int, int]  # contentsChange's position, chars removed, chars added


class BodyText:
    """The text of a QTextDocument, paragraphs joined by "\\n", kept up to date per block."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._blocks: list[str] = []
        self._text: str | None = None
        self._revision = -1
        self._suspect = False  # text() saw a change we were not told of: re-read it all next
        self._change: tuple[int, Change] | None = None  # the last change read, at its revision
        self.blocks_read = 0  # by the last update (tests read it: work follows the edit)
        self.whole_reads = 0  # times the whole document was read (tests: only at a load)
        self.reload()

    def reload(self) -> None:
        """Read every block again."""
        self.whole_reads += 1
        self._blocks = block_texts(self._document.begin(), self._document.lastBlock())
        self._text = None
        self._revision = self._document.revision()
        self._suspect = False
        self.blocks_read = len(self._blocks)

    def contents_changed(self, position: int, removed: int, added: int) -> None:
        """Re-read the blocks of a change (QTextDocument.contentsChange, edit finished).

        The blocks before the one at position are untouched, and so are those after the one
        at position + added; the old run between them had as many blocks as the new one
        less the blocks the document gained.
        """
        document = self._document
        first = document.findBlock(position)
        last = document.findBlock(position + added)
        if not last.isValid():
            last = document.lastBlock()
        gained = document.blockCount() - len(self._blocks)
        start, end = first.blockNumber(), last.blockNumber()
        old_end = end - gained
        if self._suspect or not first.isValid() or start > end or old_end < start - 1:
            self.reload()  # a change Qt described oddly: read it all rather than guess
        else:
            self._blocks[start : old_end + 1] = block_texts(first, last)
            self._text = None
            self._revision = document.revision()
            self.blocks_read = end - start + 1
        self._change = (self._revision, (position, removed, added))

    def blocks(self, change: Change, first: int, last: int) -> list[str] | None:
        """Return the texts of blocks first..last as change left them; None if not read yet.

        Only once this object has read that very change (it is connected to contentsChange
        before any other reader of the body): one edit block may report its edit in several
        signals at one revision (setPlainText: removed, then added).
        """
        document = self._document
        if self._change != (document.revision(), change):
            return None
        if len(self._blocks) != document.blockCount() or not 0 <= first <= last:
            return None
        return self._blocks[first : last + 1]

    def text(self) -> str:
        """Return the whole text (the same string until the next change)."""
        document = self._document
        if document.revision() != self._revision or document.blockCount() != len(self._blocks):
            # Read mid-edit (contentsChange comes when the edit block ends) or a change we
            # were not told of: answer from the document, and re-read it all at the next
            # change (splicing that change into a newer text would be wrong).
            self._suspect = True
            self.whole_reads += 1
            return "\n".join(block_texts(document.begin(), document.lastBlock()))
        if self._text is None:
            self._text = "\n".join(self._blocks)
        return self._text


def block_texts(first: QTextBlock, last: QTextBlock) -> list[str]:
    """Return the texts of the blocks from first to last, both included."""
    texts = []
    block, stop = first, last.blockNumber()
    while block.isValid():
        texts.append(block.text())
        if block.blockNumber() >= stop:
            break
        block = block.next()
    return texts

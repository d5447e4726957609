"""Blink's line filling of a text in a box, with the bundled font shaped by HarfBuzz.

Apart from headline_meter.py so that its boxes, and `check`'s kept counts, need neither
HarfBuzz nor ICU loaded (~100 M instructions): only a count not kept before loads them.
"""

from __future__ import annotations

from itertools import accumulate

from icu4py.breakers import CharacterBreaker

from editor.render.font_metrics import Shaper, layout_units, load_face
from editor.render.headline_meter import HeadlineBox, collapse
from editor.render.linebreak import SPACES, break_opportunities


class LineFiller:
    """Counts the lines a text takes in a box, as Blink's line breaker fills them."""

    def __init__(self, text: str, box: HeadlineBox, shaper: Shaper) -> None:
        self.text = text
        self.box = box
        self.limit = int(box.width * 64)  # LayoutUnit
        self.sums = [0, *accumulate(shaper.advances(text))] if text else [0]

    def fits(self, start: int, end: int) -> bool:
        while end > start and self.text[end - 1] in SPACES:
            end -= 1  # trailing spaces hang
        return layout_units(self.sums[end] - self.sums[start]) <= self.limit

    def line_end(self, start: int) -> int:
        """Return where the line starting at start ends."""
        ends = [*break_opportunities(self.text, start, keep_all=self.box.keep_all), len(self.text)]
        best = None
        for end in ends:
            if not self.fits(start, end):
                break
            best = end
        if best is not None:
            return best
        if not self.box.anywhere:
            return ends[0]
        return self._grapheme_end(start, ends[0])

    def _grapheme_end(self, start: int, word_end: int) -> int:
        """Return the last grapheme boundary in a too-wide word that still fits (≥ one)."""
        best = None
        for begin, end in CharacterBreaker(self.text[start:word_end], "ko").segments():
            if best is not None and not self.fits(start, start + end):
                break
            best = start + end
            del begin
        return best or word_end

    def count(self) -> int:
        lines, start = 0, 0
        while start < len(self.text):
            lines += 1
            start = self.line_end(start)
        return lines


def count_lines(text: str, box: HeadlineBox, font_file) -> int:  # noqa: ANN001
    """Return how many lines text takes in box, shaped with font_file."""
    text = collapse(text)
    if not text:
        return 0
    shaper = Shaper(load_face(font_file), box.font_size, box.letter_spacing)
    return LineFiller(text, box, shaper).count()

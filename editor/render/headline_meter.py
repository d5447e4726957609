"""How many lines the headline takes on the site, measured without a browser.

The profile's `headline_box` (site.yaml) states what its CSS gives the article head's
headline: weight, letter-spacing, word-break, overflow-wrap, and per layout the font size
and the box's width (the viewport less padding on phones, the column on desktop). The meter
shapes the headline with the bundled font (HarfBuzz, as Chromium does) and fills lines the
way Blink's line breaker does: the last break opportunity (`linebreak`) whose text, trailing
spaces hanging, fits in the box; a word wider than the whole box breaks between graphemes
when overflow-wrap allows it. tests/render/test_headline_meter_webengine.py holds it against
QtWebEngine's own count on a corpus of headlines at 360, 390, 412 and 1280 px.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from icu4py.breakers import CharacterBreaker

from editor.render.font_metrics import Shaper, layout_units, load_face
from editor.render.linebreak import SPACES, break_opportunities

DEFAULT_WIDTHS = (360, 390, 412, 1280)
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)(px|em)?\s*$")
_COLLAPSE = re.compile(r"[ \t\n\r\f]+")


@dataclass(frozen=True)
class HeadlineBox:
    """The headline's box at one viewport width, as the profile's CSS lays it out."""

    font_size: float
    letter_spacing: float  # px
    width: float  # px of content box
    weight: int = 700
    keep_all: bool = True
    anywhere: bool = True


def _length(value: object, theme: dict, em: float = 0.0) -> float:
    """Return a CSS length in px: a number, "12px", "-0.04em", or the name of a theme key."""
    text = str(theme.get(str(value), value))
    match = _LENGTH.match(text)
    if not match:
        raise ValueError(f"not a length: {value!r}")
    number = float(match.group(1))
    return number * em if match.group(2) == "em" else number


def headline_box(profile, viewport: int) -> HeadlineBox | None:  # noqa: ANN001
    """Return the headline's box at a viewport width, or None if the profile states none."""
    spec = profile.get("headline_box")
    if not spec:
        return None
    theme = profile.get("theme") or {}
    layout = spec.get("mobile" if viewport < profile.breakpoint else "desktop") or {}
    size = _length(layout.get("font_size", 16), theme)
    width = min(float(viewport), _length(layout.get("width", viewport), theme))
    width -= 2 * _length(layout.get("padding", 0), theme)
    return HeadlineBox(
        font_size=size,
        letter_spacing=_length(spec.get("letter_spacing", 0), theme, em=size),
        width=width,
        weight=int(spec.get("weight", 700)),
        keep_all=spec.get("word_break", "keep-all") == "keep-all",
        anywhere=spec.get("overflow_wrap", "anywhere") in ("anywhere", "break-word"),
    )


def _font_file(profile, weight: int):  # noqa: ANN001, ANN202
    """Return the profile's font file nearest the weight (the stack's first family)."""
    faces = [f for f in profile.fonts if f.style == "normal"]
    if not faces:
        raise ValueError("the profile bundles no font to measure with")
    return min(faces, key=lambda f: abs(f.weight - weight)).path


def collapse(text: str) -> str:
    """Return text as white-space: normal shows it (runs of white space are one space)."""
    return _COLLAPSE.sub(" ", text).strip(" ")


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


def measure_lines(
    headline: str,
    profile,
    widths: Iterable[int] = DEFAULT_WIDTHS,  # noqa: ANN001
) -> dict[int, int]:
    """Return how many lines the headline takes at each viewport width ({} without a box)."""
    lines: dict[int, int] = {}
    for width in widths:
        box = headline_box(profile, width)
        if box is None:
            return {}
        lines[width] = count_lines(headline, box, _font_file(profile, box.weight))
    return lines

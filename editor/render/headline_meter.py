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

import os
import re
from collections.abc import Iterable
from dataclasses import astuple, dataclass

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


def measure_lines(
    headline: str,
    profile,
    widths: Iterable[int] = DEFAULT_WIDTHS,  # noqa: ANN001
) -> dict[int, int]:
    """Return how many lines the headline takes at each viewport width ({} without a box)."""
    from editor.render.line_filler import count_lines  # HarfBuzz and ICU: only to measure

    lines: dict[int, int] = {}
    for width in widths:
        box = headline_box(profile, width)
        if box is None:
            return {}
        lines[width] = count_lines(headline, box, _font_file(profile, box.weight))
    return lines


def measure_key(headline: str, profile, widths: Iterable[int] = DEFAULT_WIDTHS) -> str:  # noqa: ANN001
    """Return all that measure_lines' answer depends on but the code (for a kept answer).

    Raises:
        OSError: the font file cannot be read; ValueError: the profile's box is not valid.
    """
    parts: list[object] = [collapse(headline)]
    for width in widths:
        box = headline_box(profile, width)
        if box is None:
            return f"{parts!r}:no box"
        font = _font_file(profile, box.weight)
        stat = os.stat(font)
        parts.append((width, astuple(box), str(font), stat.st_size, stat.st_mtime_ns))
    return repr(parts)

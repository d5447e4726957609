"""Where Chromium may end a line: UAX #14 through ICU, with Blink's own rules on top.

Blink's `LazyLineBreakIterator::NextBreakablePosition` (kAfterSpaceRun) decides in this
order: never before a space, always after a run of spaces, a table for Latin-1 pairs (made
from ICU's answer for each pair alone, `-` before a digit only after a letter or digit),
`word-break: keep-all` suppressing breaks between two letters or numbers (Unicode L* or N*,
a combining mark counting as its base, except Southeast Asian scripts), and otherwise ICU's
line iterator, restarted at each line start (so nothing before the line is its context).
The page's `lang` picks ICU's rules; for `ko` with `line-break: auto` they are the root
`line_normal` rules.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from icu4py.breakers import LineBreaker

SPACES = frozenset(" \t\n")
_LETTER_OR_NUMBER = ("L", "N")
# Line_Break=SA (complex context): Thai, Lao, Myanmar, Khmer, Tai Tham, Tai Viet, Tai Le…
_SA_RANGES = (
    (0x0E00, 0x0EFF),
    (0x1000, 0x109F),
    (0x1780, 0x17FF),
    (0x1950, 0x19DF),
    (0x1A20, 0x1AAF),
    (0xA9E0, 0xA9FF),
    (0xAA60, 0xAADF),
)


def _complex_context(ch: str) -> bool:
    """Return whether ch belongs to a script ICU breaks with a dictionary (UAX #14 SA)."""
    cp = ord(ch)
    return any(low <= cp <= high for low, high in _SA_RANGES)


def _letter_unit(ch: str) -> bool:
    return unicodedata.category(ch)[0] in _LETTER_OR_NUMBER and not _complex_context(ch)


def keeps_together(last_last: str, last: str, ch: str) -> bool:
    """Return whether keep-all forbids a break between last and ch (Blink's rule)."""
    base = last_last if unicodedata.category(last)[0] == "M" else last
    return bool(base) and _letter_unit(base) and _letter_unit(ch)


def _ascii_pair_breaks(last: str, ch: str) -> bool:
    """Return Blink's answer for two printable ASCII characters (its FillAscii table)."""
    # Before an opening bracket, and after '-' and '?' (IE's rule), and nowhere else.
    allowed = ch in "(<[{" or last in "-?"
    refused = (
        ch in "!),./:;?]}"
        or (last == "-" and (ch == "$" or ch.isdigit()))
        or (last == "?" and ch in "\"'")
        or last in "$'(/<@[{\x7f^_`"
        or last.isalnum()
    )
    return allowed and not refused


@lru_cache(maxsize=4096)
def _pair_breaks(last: str, ch: str) -> bool:
    """Return Blink's table answer for two Latin-1 characters standing alone."""
    if last <= "\x7f" and ch <= "\x7f":
        return _ascii_pair_breaks(last, ch)
    return any(start == 1 for start, _ in LineBreaker(last + ch, "en").segments())


def _fast_break(last_last: str, last: str, ch: str) -> bool | None:
    """Return Blink's table answer for a Latin-1 pair, or None when ICU must decide."""
    if last < "!" or ch < "!":
        return False
    if last == "-":
        if ch > "\x7f":
            return None
        if ch.isascii() and ch.isdigit():
            return bool(last_last) and last_last.isascii() and last_last.isalnum()
    if last <= "\xff" and ch <= "\xff":
        return _pair_breaks(last, ch)
    return None


def _icu_boundaries(text: str, start: int, locale: str) -> set[int]:
    """Return ICU's line boundaries in text[start:], as offsets into text."""
    return {start + begin for begin, _ in LineBreaker(text[start:], locale).segments()}


def break_opportunities(text: str, start: int, *, keep_all: bool, locale: str = "ko") -> list[int]:
    """Return the offsets after start where a line beginning at start may break, in order.

    A break at offset i puts text[i] first on the next line; the end of the text is not listed.
    """
    icu: set[int] | None = None
    found = []
    for i in range(start + 1, len(text)):
        ch, last = text[i], text[i - 1]
        last_last = text[i - 2] if i - 2 >= start else ""
        if ch in SPACES:
            continue
        if last in SPACES:
            found.append(i)
            continue
        fast = _fast_break(last_last, last, ch)
        if fast:
            found.append(i)
            continue
        if keep_all and keeps_together(last_last, last, ch):
            continue
        if fast is False:
            continue
        if icu is None:
            icu = _icu_boundaries(text, start, locale)
        if i in icu:
            found.append(i)
    return found

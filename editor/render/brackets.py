"""Brackets and backticks that open nothing, escaped, so reading a body stays linear.

Python-Markdown looks for the `]` (and then the `)`) of every `[` it meets, and for the
closing run of every backtick run, so 8 KB of `[` took 15 s to a minute. CommonMark readers
match brackets once with a stack; this does the same and writes every `[` that cannot open
a link or image, and every backtick of a run nothing closes, with a backslash — which every
reader shows as the character itself, so nothing changes on the page.
"""

from __future__ import annotations

import bisect
import re

from editor.render.reading import normalise_label, prose_spans, scan_brackets

FEW = 16  # a block with at most this many "[" is left as typed (the cost is small)
_TICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# "(destination "title")" after "]": one level of nested parentheses, as real URLs use.
_INLINE_TAIL = re.compile(
    r"""\([ \t]*\n?[ \t]*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"""
    r"""(?:[ \t]*\n?[ \t]+(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"""
    r"""[ \t]*\n?[ \t]*\)"""
)


# How an idle character is written: with a backslash for Markdown that travels.
ESCAPED = {"[": "\\[", "`": "\\`"}


def escape_idle_brackets(
    text: str, labels: frozenset[str] = frozenset(), marks: dict[str, str] = ESCAPED
) -> str:
    """Return text with each `[` that opens no link or image (by CommonMark) escaped,
    and each backtick of a run that no run closes.

    Args:
        labels: the body's defined reference labels (normalised), which `[x]` may name.
        marks: what replaces an idle `[` and backtick.
    """
    if text.count("[") <= FEW and text.count("`") <= FEW:
        return text
    escape: list[int] = []
    for offset, span in prose_spans(text):
        escape += _idle(span, offset, labels)
    if not escape:
        return text
    pieces, last = [], 0
    for position in sorted(escape):
        pieces += [text[last:position], marks[text[position]]]
        last = position + 1
    return "".join(pieces) + text[last:]


def _idle(span: str, offset: int, labels: frozenset[str]) -> list[int]:
    """Return the positions (in the whole text) of the `[` of a span that open nothing."""
    positions: list[int] = []
    scan_brackets(span, positions)
    blanks = [m.start() for m in _BLANK_LINE.finditer(span)]
    stack: list[int] = []
    pairs: dict[int, int] = {}
    idle: list[int] = []
    paragraph = -1
    for p in positions:
        if span[p] == "`":  # an unclosed backtick run: escape each backtick
            idle += range(p, _TICKS.match(span, p).end())  # type: ignore[union-attr]
            continue
        here = bisect.bisect_left(blanks, p)
        if here != paragraph:  # a link never spans paragraphs
            idle += stack
            stack, paragraph = [], here
        if span[p] == "[":
            stack.append(p)
        elif stack:
            pairs[stack.pop()] = p
    idle += stack
    protected: list[tuple[int, int]] = []  # link destinations: left as typed
    for start in sorted(pairs):
        if not _opens_link(span, start, pairs, labels, protected):
            idle.append(start)
    protected.sort()
    starts = [a for a, _ in protected]
    kept = []
    for p in idle:
        k = bisect.bisect_right(starts, p) - 1
        if k < 0 or p >= protected[k][1]:
            kept.append(offset + p)
    return kept


def _opens_link(
    span: str, start: int, pairs: dict[int, int], labels: frozenset[str], protected: list
) -> bool:
    """Tell whether the bracket pair at start is a link: inline, full, collapsed or shortcut."""
    end = pairs[start]
    after = end + 1
    if span.startswith("(", after):
        tail = _INLINE_TAIL.match(span, after)
        if tail:
            protected.append((after, tail.end()))
            return True
    if span.startswith("[", after) and after in pairs:
        label = span[after + 1 : pairs[after]]
        if label.strip():
            return normalise_label(label) in labels
    return normalise_label(span[start + 1 : end]) in labels

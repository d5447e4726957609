"""CommonMark's small rules for a body's structure, read one way (standard library only).

What is code (one fence rule, indented code), which lines are link reference definitions,
where a bracket closes, what a link destination and title are. Everything that needs to know
(the body's reading of images, links and headings in editor/core/body_reading.py, counts,
the renderer's normaliser, the exports) asks here; it lives in core so core may use it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from editor.core.steps import Steps, drain

# CommonMark's fence rule, the one every reader of the body uses: up to 3 spaces, then 3+
# backticks (whose info string has no backtick) or 3+ tildes. A closing fence is the same
# character, at least as long, with nothing but spaces after it.
FENCE = re.compile(r"^( {0,3})(`{3,}+(?![^\n]*`)|~{3,}+)")
_CLOSING_FENCE = re.compile(r"^ {0,3}(`{3,}+|~{3,}+)[ \t]*$")
_LABEL = r"\[((?:[^\[\]\\]|\\.){1,999})\]"
_DEFINITION = re.compile(
    rf"^ {{0,3}}{_LABEL}:[ \t]*(<[^<>\n]*>|[^\s<\x00-\x1f][^\s\x00-\x1f]*)"
    r"""(?:[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$"""
)


def open_fence(line: str) -> str | None:
    """Return the fence (e.g. ``` or ~~~~) a line opens by CommonMark's rule, or None."""
    match = FENCE.match(line)
    return match.group(2) if match else None


def closes_fence(line: str, fence: str) -> bool:
    """Tell whether a line closes a fenced code block opened by fence."""
    match = _CLOSING_FENCE.match(line)
    return bool(match) and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)


@dataclass(frozen=True)
class Definition:
    """A link reference definition, by CommonMark's grammar (single line)."""

    label: str  # normalised: case-folded, inner whitespace collapsed
    url: str
    title: str
    line: int


def parse_definition(line: str) -> tuple[str, str, str] | None:
    """Return (label, url, title) if a line is a whole CommonMark link reference definition."""
    match = _DEFINITION.match(line)
    if not match or not match.group(1).strip():
        return None
    url = match.group(2)
    if url.startswith("<"):
        url = url[1:-1]
    title = match.group(3)[1:-1] if match.group(3) else ""
    return normalise_label(match.group(1)), url, title


def normalise_label(label: str) -> str:
    """Return a link label as the renderer matches it (lower case, whitespace collapsed)."""
    return " ".join(label.split()).lower()


def code_lines(lines: list[str]) -> list[bool]:
    """Mark the lines that are code: fenced (one fence rule) or indented after a gap.

    Indented code is only recognised outside lists (inside one, indented lines continue
    an item); a line that opens or closes a fence counts as code.
    """
    return drain(code_line_steps(lines))


def code_line_steps(lines: list[str]) -> Steps[list[bool]]:
    """code_lines, yielding every 256 lines."""
    marks = [False] * len(lines)
    fence: str | None = None
    gap, in_list, indented = True, False, False
    for i, line in enumerate(lines):
        if i & 255 == 255:
            yield
        if fence:
            marks[i] = True
            fence = None if closes_fence(line, fence) else fence
            continue
        fence = open_fence(line)
        if fence:
            marks[i] = True
            continue
        if not line.strip():
            gap = True
            continue
        width = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        if width >= 4 and (gap or indented) and not in_list:
            marks[i] = indented = True
        else:
            indented = False
            if width == 0:
                in_list = bool(re.match(r"([-*+]|\d{1,9}[.)])([ \t]|$)", line))
            else:
                in_list = in_list or bool(re.match(r"\s*([-*+]|\d{1,9}[.)])([ \t]|$)", line))
        gap = False
    return marks


def prose_spans(source: str, marks: list[bool] | None = None) -> Iterator[tuple[int, str]]:
    """Yield (offset, text) of each run of lines that is not code (marks: code_lines')."""
    lines = source.split("\n")
    marks = code_lines(lines) if marks is None else marks
    offset, start, run = 0, 0, []
    for line, code in zip(lines, marks, strict=True):
        if code:
            if run:
                yield start, "\n".join(run)
            run = []
        else:
            if not run:
                start = offset
            run.append(line)
        offset += len(line) + 1
    if run:
        yield start, "\n".join(run)


def definitions(source: str, marks: list[bool] | None = None) -> list[Definition]:
    """Return the body's link reference definitions (not in code, not after a paragraph line)."""
    if "]:" not in source:
        return []  # the common case, found at C speed
    lines = source.split("\n")
    marks = code_lines(lines) if marks is None else marks
    found: list[Definition] = []
    previous_is_text = False
    for number, (line, code) in enumerate(zip(lines, marks, strict=True)):
        parsed = None if code or previous_is_text else parse_definition(line)
        if parsed:
            found.append(Definition(*parsed, number))
        previous_is_text = bool(line.strip()) and not code and parsed is None
    return found


# -- brackets, code spans and link destinations ------------------------------------------
_TICKS = re.compile(r"`+")
# A link's optional title and its closing parenthesis, after the destination.
LINK_TITLE = re.compile(
    r"""[ \t\n]*(?:("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t\n]*\)"""
)


def bracket_end(
    text: str, start: int, span_end: Callable[[str, int], int] | None = None
) -> int | None:
    """Return the index of the ] closing the [ at start (nesting, escapes, code spans).

    span_end: where the code span at an index ends (default: code_span_end, at its closing run).
    """
    span_end = span_end or code_span_end
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            i = span_end(text, i)
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def code_span_end(text: str, i: int) -> int:
    """Return the end of the code span at i, or just past its backticks when none closes."""
    length = len(_TICKS.match(text, i).group(0))  # type: ignore[union-attr]
    for closing in _TICKS.finditer(text, i + length):
        if len(closing.group(0)) == length:
            return closing.end()
    return i + length


def parse_destination(text: str, start: int) -> tuple[str, str, int] | None:
    """Parse `dest "title")` after "](": return (dest, rest incl. ")", end) or None."""
    i = start
    while i < len(text) and text[i] in " \t\n":
        i += 1
    if text.startswith("<", i):
        close = text.find(">", i)
        if close < 0 or "\n" in text[i:close]:
            return None
        dest, i = text[i : close + 1], close + 1
    else:
        begin, depth = i, 0
        while i < len(text) and not text[i].isspace():
            if text[i] == "\\":
                i += 2
                continue
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        dest = text[begin:i]
    title = LINK_TITLE.match(text, i)
    if title is None:
        return None
    return dest, text[i : title.end()], title.end()

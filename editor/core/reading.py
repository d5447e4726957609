"""The one reading of a body's Markdown structure (CommonMark's rules, standard library only).

What is code (one fence rule, indented code), which lines are link reference definitions,
and which images, links and headings the body holds, with where they are. Everything that
needs to know (counts, the checklist, the images an article keeps, the renderer's
normaliser, the exports) asks here; it lives in core so core may use it too.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

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
    return drain(_code_line_steps(lines))


def _code_line_steps(lines: list[str]) -> Steps[list[bool]]:
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


# -- images, links and headings ----------------------------------------------------------
@dataclass(frozen=True)
class Found:
    """An image or link of the body, as CommonMark reads it.

    kind: "image" or "link"; text: the alt or link text as written (inner Markdown kept);
    url: the destination, escapes and entities undone (a reference resolved); alone: an
    image that is its paragraph's only content (the page captions it with its title).
    """

    kind: str
    text: str
    url: str
    title: str
    start: int
    end: int
    line: int
    alone: bool = False

    @property
    def alt(self) -> str:
        """Return the image's alt text as a reader writes it: escapes undone, marks gone."""
        return _EMPHASIS_MARKS.sub("", unescape(self.text))


@dataclass(frozen=True)
class Heading:
    """A heading: its level, its text as written, its first source line, how it was made."""

    level: int
    text: str
    line: int
    setext_lines: int = 0  # lines of a paragraph that an underline made a heading


@dataclass(frozen=True)
class Reading:
    """What the body holds: images and links in source order, headings, definitions."""

    found: tuple[Found, ...]
    headings: tuple[Heading, ...]
    definitions: tuple[Definition, ...]

    @property
    def images(self) -> list[Found]:
        return [f for f in self.found if f.kind == "image"]

    @property
    def links(self) -> list[Found]:
        return [f for f in self.found if f.kind == "link"]


_EMPHASIS_MARKS = re.compile(r"(?<!\\)[*`]+")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_TICKS = re.compile(r"`+")
_SPECIAL = re.compile(r"[\\`<\[]|!\[")
_REFERENCE = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]")
_TITLE = re.compile(
    r"""[ \t\n]*(?:("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t\n]*\)"""
)
_RAW_IMG = re.compile(r"<img\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_RAW_ATTR = re.compile(
    r"""([A-Za-z_:][\w.:-]*)(?:[ \t\n]*=[ \t\n]*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
)
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_NOT_PARAGRAPH = re.compile(r" {0,3}(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]|<|\|)")


def _entities(text: str) -> str:
    """Return html.unescape(text), importing html only for text with an entity in it.

    `html` loads the 2,231 named entities (~8 M instructions): the sample's first frame
    reads no entity. html.unescape itself returns text without "&" as it is.
    """
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


def unescape(text: str) -> str:
    """Undo backslash escapes and entities, as CommonMark does in URLs, titles and alt."""
    return _entities(_ESCAPE.sub(r"\1", text))


def read_body(source: str) -> Reading:
    """Return the images, links and headings of a body (code excluded), with positions."""
    cached = _last.get(source)
    return drain(read_steps(source)) if cached is None else cached


def read_steps(source: str) -> Steps[Reading]:
    """Read a body as read_body does, yielding between steps of at most a few hundred lines.

    At 100,000 characters the reading is ~25 ms of Python: a caller on the UI thread
    (the status bar's count) spreads it over event-loop turns.
    """
    cached = _last.get(source)
    if cached is not None:
        return cached
    lines = source.split("\n")
    marks = yield from _code_line_steps(lines)  # once: definitions, prose and headings share it
    found_defs = definitions(source, marks)
    yield
    labels = {d.label: d for d in found_defs}
    found: list[Found] = []
    prose = lines[:]
    for definition in found_defs:  # a definition line holds no link (blanked, offsets kept)
        prose[definition.line] = " " * len(prose[definition.line])
    joined = "\n".join(prose)
    yield
    for offset, text in prose_spans(joined, marks):
        if "[" in text or "<" in text:
            found += yield from _link_steps(text, offset, labels, source)
        yield
    starts = [0] + [m.end() for m in re.finditer("\n", source)]
    found = [replace(f, line=bisect.bisect_right(starts, f.start) - 1) for f in found]
    yield
    headings = tuple(_headings(lines, marks))
    yield
    reading = Reading(tuple(found), headings, tuple(found_defs))
    _last.clear()
    _last[source] = reading
    return reading


_last: dict[str, Reading] = {}  # the last body read (counts, checklist and export ask in a row)


def _link_steps(
    text: str, offset: int, labels: dict[str, Definition], source: str
) -> Steps[list[Found]]:
    """Find images and links in a run of prose: escapes and code spans skipped, nesting kept."""
    out: list[Found] = []
    i, n, turn = 0, len(text), 0
    while i < n:
        turn += 1
        if turn & 15 == 0:
            yield
        special = _SPECIAL.search(text, i)
        if special is None:
            break
        i = special.start()
        ch = text[i]
        if ch == "\\":
            i += 2
        elif ch == "`":
            i = _code_span_end(text, i)
        elif ch == "<":
            raw = _RAW_IMG.match(text, i)
            attrs = _attributes(raw.group(0)[4:-1]) if raw else {}
            if raw and attrs.get("src"):
                alt, title, url = attrs.get("alt", ""), attrs.get("title", ""), attrs["src"]
                out.append(_found("image", alt, url, title, offset + i, offset + raw.end(), source))
            i = raw.end() if raw else i + 1
        elif ch == "[" or text.startswith("![", i):
            item = _link_at(text, i, labels)
            if item is None:
                i += 2 if ch == "!" else 1
                continue
            kind, inner, url, title, end = item
            out.append(_found(kind, inner, url, title, offset + i, offset + end, source))
            if kind == "link":  # images and links inside the text are read too
                out += yield from _link_steps(inner, offset + i + 1, labels, source)
            i = end
        else:
            i += 1
    return out


def _attributes(inside: str) -> dict[str, str]:
    """Return the attributes of a raw tag's inside, values unquoted and entities decoded."""
    found: dict[str, str] = {}
    for name, value in _RAW_ATTR.findall(inside):
        value = value[1:-1] if value[:1] in "\"'" and value else value
        found.setdefault(name.lower(), _entities(value))
    return found


def _found(kind: str, text: str, url: str, title: str, start: int, end: int, source: str) -> Found:
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    # The lines above and below, found without copying the source around them (167 links
    # at 100k copied ~8 M characters).
    above = source[source.rfind("\n", 0, line_start - 1) + 1 : line_start - 1] if line_start else ""
    after = source.find("\n", line_end + 1)
    below = source[line_end + 1 : len(source) if after < 0 else after]
    alone = (
        kind == "image"
        and source[line_start:line_end].strip() == source[start:end]
        and not above.strip()
        and not below.strip()
    )
    return Found(kind, text, url, title, start, end, 0, alone)  # line: set by read_body


def _link_at(
    text: str, i: int, labels: dict[str, Definition]
) -> tuple[str, str, str, str, int] | None:
    """Read an inline or reference link/image at i: (kind, text, url, title, end) or None."""
    image = text.startswith("![", i)
    open_at = i + 1 if image else i
    close = bracket_end(text, open_at)
    if close is None:
        return None
    kind, inner = ("image" if image else "link"), text[open_at + 1 : close]
    if text.startswith("(", close + 1):
        parsed = parse_destination(text, close + 2)
        if parsed:
            dest, rest, end = parsed
            bare = dest[1:-1] if dest.startswith("<") else dest
            title = _TITLE.match(rest)
            quoted = title.group(1)[1:-1] if title and title.group(1) else ""
            return kind, inner, unescape(bare), unescape(quoted), end
    label, end = inner, close + 1
    ref = _REFERENCE.match(text, close + 1)
    if ref:
        label, end = (ref.group(1) or inner), ref.end()
    definition = labels.get(normalise_label(label))
    if definition is None:
        return None
    return kind, inner, unescape(definition.url), unescape(definition.title), end


def bracket_end(
    text: str, start: int, code_span_end: Callable[[str, int], int] | None = None
) -> int | None:
    """Return the index of the ] closing the [ at start (nesting, escapes, code spans).

    code_span_end: where the code span at an index ends (default: at its closing run).
    """
    code_span_end = code_span_end or _code_span_end
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            i = code_span_end(text, i)
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _code_span_end(text: str, i: int) -> int:
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
    title = _TITLE.match(text, i)
    if title is None:
        return None
    return dest, text[i : title.end()], title.end()


def _headings(lines: list[str], marks: list[bool]) -> Iterator[Heading]:
    """Yield ATX and setext headings of top-level paragraphs, outside code."""
    paragraph: list[int] = []
    for number, (line, code) in enumerate(zip(lines, marks, strict=True)):
        first = line.lstrip(" ")[:1]
        atx = None if code or first != "#" else _ATX.match(line)
        underline = None if code or not paragraph or first not in "=-" else _SETEXT.match(line)
        if underline:
            text = " ".join(lines[k].strip() for k in paragraph)
            level = 1 if underline.group(1)[0] == "=" else 2
            yield Heading(level, text, paragraph[0], len(paragraph))
            paragraph = []
        elif atx:
            yield Heading(len(atx.group(1)), (atx.group(2) or "").strip(), number)
            paragraph = []
        elif code or not line.strip() or _NOT_PARAGRAPH.match(line) or open_fence(line):
            paragraph = []
        else:
            paragraph.append(number)

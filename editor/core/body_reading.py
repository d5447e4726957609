"""The body's reading: its images, links and headings as CommonMark reads them, with places.

One reading for everything that needs them (counts, the checklist, the images an article
keeps, the exports), kept for the last body read, and done in steps (`read_steps`) so a caller
on the UI thread can spread it over event-loop turns; read_body does the steps at once. The
small rules it applies (fences, definitions, brackets, destinations) are editor/core/reading's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from editor.core.reading import (
    LINK_TITLE,
    Definition,
    bracket_end,
    code_line_steps,
    code_span_end,
    definitions,
    normalise_label,
    open_fence,
    parse_destination,
    prose_spans,
)
from editor.core.steps import Steps, drain


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
_SPECIAL = re.compile(r"[\\`<\[]|!\[")
_REFERENCE = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]")
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
    marks = yield from code_line_steps(lines)  # once: definitions, prose and headings share it
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
            i = code_span_end(text, i)
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
            title = LINK_TITLE.match(rest)
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

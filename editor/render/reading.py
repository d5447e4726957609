"""The one reading of a body's small CommonMark rules, shared by preview, export and checklist.

What is code (one fence rule, indented code, code spans), what a `<` starts (a tag, an
autolink, or just text), and which lines are link reference definitions are decided here
once. The renderer uses it to make Python-Markdown read the body as CommonMark does; the
checklist uses the same findings to name passages (raw HTML the sanitiser removes).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from editor.core.checklist import HtmlFact
from editor.render.blocks import closes_fence, open_fence
from editor.render.sanitize import ALLOWED_TAGS, CLEAN_CONTENT_TAGS

# HTML's element names (WHATWG, plus SVG/MathML roots and common obsolete ones): a tag with
# another name (<JTBC>, <Parasite>) is not markup a reporter meant, so it is shown as typed.
_ELEMENT_NAMES = """a abbr acronym address area article aside audio b base basefont bdi bdo big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd
    del details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form
    frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd
    label legend li link main map mark marquee math menu menuitem meta meter nav nobr noembed
    noframes noscript object ol optgroup option output p param picture plaintext pre progress
    q rb rp rt rtc ruby s samp script search section select slot small source span strike
    strong style sub summary sup svg table tbody td template textarea tfoot th thead time
    title tr track tt u ul var video wbr xmp"""
HTML_ELEMENTS = frozenset(_ELEMENT_NAMES.split())
_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""(?:[ \t\n]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t\n]*=[ \t\n]*(?:[^ \t\n"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_RAW_HTML = re.compile(
    rf"<(?P<open>{_TAG_NAME}){_ATTRIBUTE}*[ \t\n]*/?>"
    rf"|</(?P<close>{_TAG_NAME})[ \t\n]*>"
    r"|<!---?>|<!--(?:[^-]|-(?!->))*?-->"
    r"|<\?.*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[.*?\]\]>",
    re.S,
)
_AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\x00-\x20<>]*>"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_BACKTICKS = re.compile(r"`+")
_DESTINATION_BEFORE = re.compile(r"(?:\]\(|\]:)[ \t]*\Z")
_LABEL = r"\[((?:[^\[\]\\]|\\.){1,999})\]"
_DEFINITION = re.compile(
    rf"^ {{0,3}}{_LABEL}:[ \t]*(<[^<>\n]*>|[^\s<\x00-\x1f][^\s\x00-\x1f]*)"
    r"""(?:[ \t]+("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?[ \t]*$"""
)


@dataclass(frozen=True)
class RawHtml:
    """A `<…>` of the body and what becomes of it.

    kind: "kept" (allowed markup), "dropped" (an HTML tag the sanitiser removes, its words
    stay), "removed" (script, style, iframe…: removed with their content), "text" (not
    HTML by CommonMark's grammar or no HTML element: shown as typed).
    """

    start: int
    end: int
    text: str
    kind: str
    name: str = ""


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
    marks = [False] * len(lines)
    fence: str | None = None
    gap, in_list, indented = True, False, False
    for i, line in enumerate(lines):
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


def prose_spans(source: str) -> Iterator[tuple[int, str]]:
    """Yield (offset, text) of each run of lines that is not code."""
    lines = source.split("\n")
    marks = code_lines(lines)
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


def raw_html(source: str) -> list[RawHtml]:
    """Return every `<` of the body outside code, with what becomes of it."""
    found: list[RawHtml] = []
    for offset, text in prose_spans(source):
        found += _scan(text, offset)
    return found


def _scan(text: str, offset: int) -> list[RawHtml]:
    """Scan prose for `<`, skipping backslash escapes and code spans (linear in the text)."""
    runs: dict[int, list[int]] = {}
    for match in _BACKTICKS.finditer(text):
        runs.setdefault(len(match.group(0)), []).append(match.start())
    found: list[RawHtml] = []
    i, n = 0, len(text)
    while i < n:
        i = _next_special(text, i)
        if i >= n:
            break
        ch = text[i]
        if ch == "\\":
            i += 2
        elif ch == "`":
            length = len(_BACKTICKS.match(text, i).group(0))  # type: ignore[union-attr]
            positions = runs[length]
            k = bisect.bisect_right(positions, i)
            i = positions[k] + length if k < len(positions) else i + length
        else:
            item = _classify(text, i, offset)
            found.append(item)
            i = item.end - offset
    return found


_SPECIAL = re.compile(r"[\\`<]")


def _next_special(text: str, i: int) -> int:
    match = _SPECIAL.search(text, i)
    return match.start() if match else len(text)


def _classify(text: str, i: int, offset: int) -> RawHtml:
    """Say what the `<` at i is: an autolink or allowed tag (kept), or text."""
    auto = _AUTOLINK.match(text, i)
    if auto:
        return RawHtml(offset + i, offset + auto.end(), auto.group(0), "kept")
    if _DESTINATION_BEFORE.search(text, max(0, i - 8), i):
        return RawHtml(offset + i, offset + i + 1, "<", "kept")  # <dest> of a link
    match = _RAW_HTML.match(text, i)
    if not match:
        return RawHtml(offset + i, offset + i + 1, "<", "text")
    name = (match.group("open") or match.group("close") or "").lower()
    if not name:
        kind = "removed"  # a comment, processing instruction or declaration
    elif name not in HTML_ELEMENTS:
        return RawHtml(offset + i, offset + match.end(), match.group(0), "text", name)
    elif name in CLEAN_CONTENT_TAGS:
        kind = "removed"
    else:
        kind = "kept" if name in ALLOWED_TAGS else "dropped"
    return RawHtml(offset + i, offset + match.end(), match.group(0), kind, name)


def escape_text_tags(source: str) -> str:
    """Write every `<` that is text (not a tag by CommonMark, or no HTML element) as &lt;.

    Python-Markdown would read `<PD수첩>` or `<JTBC>` as a tag and the sanitiser would
    delete it; CommonMark reads the first as text, and an unknown element is text a
    reporter typed (a programme title), so both are shown as typed.
    """
    if "<" not in source:
        return source
    pieces: list[str] = []
    last = 0
    for item in raw_html(source):
        if item.kind == "text":
            pieces += [source[last : item.start], "&lt;"]
            last = item.start + 1
    return "".join(pieces) + source[last:] if pieces else source


def definitions(source: str) -> list[Definition]:
    """Return the body's link reference definitions (not in code, not after a paragraph line)."""
    if "]:" not in source:
        return []  # the common case, found at C speed
    lines = source.split("\n")
    marks = code_lines(lines)
    found: list[Definition] = []
    previous_is_text = False
    for number, (line, code) in enumerate(zip(lines, marks, strict=True)):
        parsed = None if code or previous_is_text else parse_definition(line)
        if parsed:
            found.append(Definition(*parsed, number))
        previous_is_text = bool(line.strip()) and not code and parsed is None
    return found


def html_facts(source: str) -> list[HtmlFact]:
    """Return the checklist's facts: raw HTML the body will not show as typed, by passage.

    A removed element (script, style…) is named with its content, up to its end tag.
    """
    found = []
    for item in raw_html(source):
        if item.kind == "kept" or (item.kind == "text" and not item.name):
            continue  # shown as typed anyway (a lone "<", <PD수첩>): nothing to say
        if item.text.startswith("</"):
            continue  # the opening tag already names the element
        end = item.end
        if item.kind == "removed" and item.name:
            close = re.search(rf"</{item.name}\s*>", source[item.end :], re.I)
            end = item.end + close.end() if close else len(source)
        found.append(HtmlFact(item.start, end, item.text, item.kind))
    return found

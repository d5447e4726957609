"""The one reading of a body's small CommonMark rules, shared by preview, export and checklist.

What is code (one fence rule, indented code, code spans), what a `<` starts (a tag, an
autolink, or just text), and which lines are link reference definitions are decided here
once. The renderer uses it to make Python-Markdown read the body as CommonMark does; the
checklist uses the same findings to name passages (raw HTML the sanitiser removes).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from editor.core.checklist import HtmlFact
from editor.core.reading import (  # the structure reading lives in core; kept importable here
    Definition,
    code_lines,
    definitions,
    normalise_label,
    parse_definition,
    prose_spans,
)
from editor.render.sanitize import ALLOWED_TAGS, CLEAN_CONTENT_TAGS

__all__ = [
    "Definition",
    "RawHtml",
    "code_lines",
    "definitions",
    "escape_text_tags",
    "html_facts",
    "normalise_label",
    "parse_definition",
    "prose_spans",
    "raw_html",
]

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
_TAG = re.compile(
    rf"<(?P<open>{_TAG_NAME}){_ATTRIBUTE}*[ \t\n]*/?>|</(?P<close>{_TAG_NAME})[ \t\n]*>"
)
# Comments, processing instructions, CDATA and declarations: (opening, closing) strings.
_OTHER_HTML = (("<!--", "-->"), ("<?", "?>"), ("<![CDATA[", "]]>"), ("<!", ">"))
AUTOLINK = re.compile(
    r"<[A-Za-z][A-Za-z0-9.+-]{1,31}:[^\x00-\x20<>]*>"
    r"|<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>"
)
_BACKTICKS = re.compile(r"`+")
_DESTINATION_BEFORE = re.compile(r"(?:\]\(|\]:)[ \t]*\Z")


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


def raw_html(source: str) -> list[RawHtml]:
    """Return every `<` of the body outside code, with what becomes of it."""
    found: list[RawHtml] = []
    for offset, text in prose_spans(source):
        found += _scan(text, offset)
    return found


def _scan(text: str, offset: int, brackets: list[int] | None = None) -> list[RawHtml]:
    """Scan prose for `<` (and, when asked, `[`/`]`), skipping escapes and code spans.

    Linear in the text: code-span closers are looked up by bisecting the backtick runs,
    and the closers of comments and the like are searched once per kind.
    """
    runs: dict[int, list[int]] = {}
    for match in _BACKTICKS.finditer(text):
        start, end = match.span()
        window = text[max(0, start - 64) : start]
        start += (len(window) - len(window.rstrip("\\"))) % 2  # "\`" is no backtick
        if start < end:
            runs.setdefault(end - start, []).append(start)
    closers: dict[str, int] = {}
    special = _SPECIAL_BRACKETS if brackets is not None else _SPECIAL
    found: list[RawHtml] = []
    i, n = 0, len(text)
    while i < n:
        match = special.search(text, i)
        if not match:
            break
        i = match.start()
        ch = text[i]
        if ch == "\\":
            i += 2
        elif ch == "`":
            length = len(_BACKTICKS.match(text, i).group(0))  # type: ignore[union-attr]
            positions = runs.get(length, [])
            k = bisect.bisect_right(positions, i)
            if k >= len(positions) and brackets is not None:
                brackets.append(offset + i)  # a run no run of its length closes: text
            i = positions[k] + length if k < len(positions) else i + length
        elif ch == "<":
            item = _classify(text, i, offset, closers)
            found.append(item)
            i = item.end - offset
        else:
            brackets.append(offset + i)  # type: ignore[union-attr]
            i += 1
    return found


_SPECIAL = re.compile(r"[\\`<]")
_SPECIAL_BRACKETS = re.compile(r"[\\`<\[\]]")


def scan_brackets(text: str, positions: list[int]) -> None:
    """Append to positions every `[` and `]` of prose that is not escaped, code or HTML,
    and the start of every backtick run that no run of its length closes."""
    _scan(text, 0, positions)


def _find_after(text: str, token: str, i: int, closers: dict[str, int]) -> int:
    """Return text.find(token, i), remembering the answer so repeated searches stay linear."""
    known = closers.get(token)
    if known is not None and (known < 0 or known >= i):
        return known
    closers[token] = text.find(token, i)
    return closers[token]


def _classify(text: str, i: int, offset: int, closers: dict[str, int]) -> RawHtml:
    """Say what the `<` at i is: an autolink or allowed tag (kept), or text."""
    auto = AUTOLINK.match(text, i)
    if auto:
        return RawHtml(offset + i, offset + auto.end(), auto.group(0), "kept")
    if _DESTINATION_BEFORE.search(text, max(0, i - 8), i):
        return RawHtml(offset + i, offset + i + 1, "<", "kept")  # <dest> of a link
    for opening, closing in _OTHER_HTML:
        if text.startswith(opening, i) and (opening != "<!" or text[i + 2 : i + 3].isalpha()):
            if opening == "<!--" and text.startswith(("<!-->", "<!--->"), i):
                end = text.index(">", i) + 1
            else:
                close = _find_after(text, closing, i + len(opening), closers)
                if close < 0:
                    return RawHtml(offset + i, offset + i + 1, "<", "text")
                end = close + len(closing)
            return RawHtml(offset + i, offset + end, text[i:end], "removed")
    match = _TAG.match(text, i)
    if not match:
        return RawHtml(offset + i, offset + i + 1, "<", "text")
    name = (match.group("open") or match.group("close") or "").lower()
    if name not in HTML_ELEMENTS:
        return RawHtml(offset + i, offset + match.end(), match.group(0), "text", name)
    if name in CLEAN_CONTENT_TAGS:
        kind = "removed"
    else:
        kind = "kept" if name in ALLOWED_TAGS else "dropped"
    return RawHtml(offset + i, offset + match.end(), match.group(0), kind, name)


def escape_text_tags(source: str, mark: str = "&lt;") -> str:
    """Write every `<` that is text (not a tag by CommonMark, or no HTML element) as mark.

    Python-Markdown would read `<PD수첩>` or `<JTBC>` as a tag and the sanitiser would
    delete it; CommonMark reads the first as text, and an unknown element is text a
    reporter typed (a programme title), so both are shown as typed. With the default mark
    (&lt;, for Markdown that travels) a `<` before a space, which no reader takes for a
    tag, stays as typed.
    """
    if "<" not in source:
        return source
    pieces: list[str] = []
    last = 0
    for item in raw_html(source):
        if item.kind != "text":
            continue
        if mark == "&lt;" and not source[item.start + 1 : item.start + 2].strip():
            continue
        pieces += [source[last : item.start], mark]
        last = item.start + 1
    return "".join(pieces) + source[last:] if pieces else source


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


MAX_NESTING = 16  # list items and quotes opened on one line; deeper is no real article
_NESTED_MARKER = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>)(?=[ \t]|$)")


def cap_nesting(source: str) -> str:
    """Escape the list or quote markers past MAX_NESTING at the start of a line.

    `1. 1. 1. …` or `> > > …` on one line nests one level per marker; Python-Markdown
    recurses per level (and raised RecursionError), so a marker that deep is text.
    """
    if source.count(">") + source.count(". ") + source.count("- ") <= MAX_NESTING:
        return source
    lines = source.split("\n")
    for number, line in enumerate(lines):
        at, depth = 0, 0
        while depth <= MAX_NESTING:
            match = _NESTED_MARKER.match(line, at)
            if not match:
                break
            depth, at = depth + 1, match.end()
        if depth > MAX_NESTING:
            marker = at - 1  # the marker's last character: ">", "-", "." or ")"
            lines[number] = line[:marker] + "\\" + line[marker:]
    return "\n".join(lines)

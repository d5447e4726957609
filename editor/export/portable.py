"""Portable Markdown: the body as CommonMark that reads the way the preview shows it.

Block by block (the blocks the preview renders): the normalised Markdown is kept; raw HTML
in it is replaced by what the preview's sanitiser (nh3) keeps of it, so the words around
stay; links and images whose URLs the sanitiser would drop lose their URL; image names are
rewritten to the bundle's. A block that CommonMark would read as an HTML block is written
as the preview's own sanitised HTML for that block.
"""

from __future__ import annotations

import bisect
import functools
import html
import re
from collections.abc import Callable

from editor.core.reading import bracket_end, parse_destination
from editor.export.portable_forms import (
    WORD_JOINER,
    char_form,
    line_start_form,
    lone_image,
    separate_blocks,
)
from editor.render.blocks import FENCE as _FENCE
from editor.render.blocks import closes_fence, open_fence
from editor.render.markdown import (
    BodyRenderer,
    labels,
    link_definitions,
    prepare_source,
    split_blocks,
)
from editor.render.reading import AUTOLINK, code_lines, parse_definition
from editor.render.sanitize import URL_SCHEMES, VOID_ELEMENTS, clean_html

Rename = Callable[[str], str | None]  # an article image reference -> its bundle path

_TAG_NAME = r"[A-Za-z][A-Za-z0-9-]*"
_ATTRIBUTE = r"""(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_OPEN_TAG = re.compile(rf"<({_TAG_NAME}){_ATTRIBUTE}*\s*(/?)>")
_CLOSE_TAG = re.compile(rf"</({_TAG_NAME})\s*>")
_OTHER_HTML = re.compile(
    r"<!--(?:-?>|[\s\S]*?-->)|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>"
    r"|<!\[CDATA\[[\s\S]*?\]\]>"
)
_VOID = VOID_ELEMENTS
_RAW_TEXT = {
    "script",
    "style",
    "iframe",
    "textarea",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "noscript",
    "template",
    "object",
    "select",
    "plaintext",
}
# What may interrupt a paragraph in CommonMark (besides a fence and HTML blocks 1-6).
_INTERRUPTS = re.compile(
    r" {0,3}(?:>|#{1,6}(?:[ \t]|$)|(?:[-*+]|1[.)])[ \t]+\S|([-*_])(?:[ \t]*\1){2,}[ \t]*$"
    r"|=+[ \t]*$|-+[ \t]*$)"
)
# In a list or a quote the container's end may end a code span early: code holding
# markup is not copied as written there.
_RISKY = re.compile(r"<|\]\(|\]:")
_TICKS = re.compile(r"`+")
_MARKER = re.compile(r"[ \t]*(?:[-*+>#=_~`|:<]|\d{1,9}[.)])")
_LABEL_LINE = re.compile(r" {0,3}\[[^\]]*\]:")
_CONTAINER_LINE = re.compile(r"^[ \t]*(?:>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))", re.M)
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])")
_DEFINITION = re.compile(r"^( {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*)(<[^>\n]*>|\S+)(.*)$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_URL_ATTR = re.compile(r'(\s(?:src|href)=")([^"]*)(")')
_PRE = re.compile(r"<pre\b.*?</pre>", re.S | re.I)
# CommonMark's HTML-block starts (conditions 1-7) at the start of a block.
_HTML_BLOCK_1_5 = re.compile(
    r"^ {0,3}(?:<(?:script|pre|style|textarea)(?:\s|>|$)|<!--|<\?|"
    r"<![A-Za-z]|<!\[CDATA\[)",
    re.I,
)
_BLOCK_TAGS = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
_HTML_BLOCK_6 = re.compile(rf"^ {{0,3}}</?(?:{_BLOCK_TAGS})(?:\s|/?>|$)", re.I)
_HTML_BLOCK_7 = re.compile(
    rf"^ {{0,3}}(?:<{_TAG_NAME}{_ATTRIBUTE}*\s*/?>|</{_TAG_NAME}\s*>)"
    r"[ \t]*$"
)


def safe_url(url: str) -> bool:
    """Tell whether the sanitiser keeps a URL: relative, or one of its schemes."""
    decoded = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url.replace("\\", "")))
    match = _SCHEME.match(decoded)
    return match is None or match.group(1).lower() in URL_SCHEMES


def is_remote(url: str) -> bool:
    """Tell whether a URL would load from the network (the preview drops such images)."""
    return url.strip().lower().startswith(("http:", "https:", "//"))


def portable_body(body: str, rename: Rename) -> str:
    """Return the body as portable CommonMark, block by block as the preview renders it."""
    renderer = BodyRenderer()
    definitions = link_definitions(body)
    body_code = code_lines(body.split("\n"))  # a block's code read in the whole body's context
    out: list[str] = []
    for block in split_blocks(body):
        lines = block.text.split("\n")
        if all(parse_definition(line) for line in lines):
            out.append(_definitions(block.text, rename))
            continue
        preview = renderer.render_block(block.text, definitions)
        if not preview.strip():
            continue  # a spacer, a comment, a script: the preview shows nothing
        if block.text in renderer.unreadable:
            out.append(html_block(preview, rename))  # what the renderer could not read
            continue
        text = _not_definitions(prepare_source(block.text, labels(definitions)))
        code, rest = _leading_code(text, body_code[block.line])
        parts = [code] if code else []
        if rest.strip():
            if code:  # the prose after the code, as the preview renders it alone
                preview = renderer.render_block(rest, definitions)
            if _starts_html_block(rest):
                parts.append(html_block(preview, rename))
            else:
                written = separate_blocks(_definitions(_settled(rest, rename), rename))
                parts.append(lone_image(written, preview))
        out.append(_closed("\n".join(parts)))
    return "\n\n".join(out) + "\n" if out else ""


def _closed(block: str) -> str:
    """Close a fence a block leaves open, so it cannot swallow the blocks after it.

    Sanitising can leave a fence line behind (``` after a removed <script>); each block
    must end as it began, outside code, as the exporter read the next one.
    """
    fence = None
    for line in block.split("\n"):
        still_open = fence and not closes_fence(line, fence)
        fence = fence if still_open else (None if fence else open_fence(line))
    return block + "\n" + fence if fence else block


def _settled(text: str, rename: Rename) -> str:
    """Sanitise prose until it no longer changes.

    Removing markup can leave new block syntax at a line's start (a fence after a removed
    <script>); a reader would take it for code while this pass read on, so read it again.
    """
    for _ in range(4):
        again = _inline(text, rename)
        if again == text:
            return text
        text = again
    return html.escape(text, quote=False)  # never settled: the text alone, inert


def _not_definitions(text: str) -> str:
    """Escape the `[` of a line shaped like a label that is no CommonMark definition.

    `[정정]: 지난 3일 보도에서…` is a paragraph in CommonMark; kramdown would take it for
    a link definition and print nothing.
    """
    if "]:" not in text:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if _LABEL_LINE.match(line) and parse_definition(line) is None:
            lines[number] = line.replace("[", "\\[", 1)
    return "\n".join(lines)


def _leading_code(text: str, indented_code: bool) -> tuple[str, str]:
    """Split a block into the code it opens with (by CommonMark's rules) and the rest.

    Only this code is copied as written; whatever follows a closing fence or ends an
    indented code block is prose again and goes through the sanitiser. indented_code: the
    whole body reads the block's first line as code (after a list item it continues the
    item instead, which the block alone cannot tell).
    """
    lines = text.split("\n")
    fence = open_fence(lines[0])
    if fence:
        ends = (k + 1 for k in range(1, len(lines)) if closes_fence(lines[k], fence))
        count = next(ends, len(lines))
    elif not indented_code:
        count = 0
    else:
        marks = code_lines(lines)
        count = 0
        while count < len(lines) and marks[count]:
            count += 1
    return "\n".join(lines[:count]), "\n".join(lines[count:])


def _starts_html_block(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return bool(
        _HTML_BLOCK_1_5.match(first) or _HTML_BLOCK_6.match(first) or _HTML_BLOCK_7.match(first)
    )


def html_block(preview: str, rename: Rename) -> str:
    """Return sanitised HTML as one CommonMark HTML block (no blank line ends it early)."""
    text = rewrite_urls(preview, rename)
    text = _PRE.sub(lambda m: m.group(0).replace("\n", "&#10;"), text)
    text = re.sub(r"\n\s*\n", "\n", text).strip()
    if not (_HTML_BLOCK_6.match(text) or text.lower().startswith("<pre")):
        text = f"<div>{text}</div>"
    return text


def rewrite_urls(fragment: str, rename: Rename) -> str:
    """Point src and href attributes of sanitised HTML at the bundle's image names."""

    def replace(match: re.Match[str]) -> str:
        new = rename(html.unescape(match.group(2)))
        if new is None:
            return match.group(0)
        return match.group(1) + html.escape(new, quote=True) + match.group(3)

    return _URL_ATTR.sub(replace, fragment)


def _definitions(text: str, rename: Rename) -> str:
    """Check the URL of every link reference definition; rename image paths."""
    out = []
    for line in text.split("\n"):
        match = _DEFINITION.match(line)
        if match and not _in_fence(out):
            line = match.group(1) + _destination(match.group(2), rename) + match.group(3)
        out.append(line)
    return "\n".join(out)


def _in_fence(previous: list[str]) -> bool:
    return sum(1 for line in previous if _FENCE.match(line)) % 2 == 1


def _destination(dest: str, rename: Rename) -> str:
    """Return a link destination made safe, renamed when it names an article image."""
    bare = dest[1:-1] if dest.startswith("<") and dest.endswith(">") else dest
    url = _unescape(bare)
    if not safe_url(url):
        return "<>"
    new = rename(url)
    if new is None:
        return dest
    return f"<{new}>" if re.search(r"[\s()<>\\]", new) else new


def _unescape(text: str) -> str:
    """Undo Markdown backslash escapes and HTML entities, as CommonMark does in URLs."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text))


# -- inline: a small scanner over one block ------------------------------------------------
def _inline(text: str, rename: Rename, *, nested: bool = False) -> str:
    """Sanitise raw HTML, links and images in a block's text; leave the rest as written.

    nested: text inside a link's brackets (no line of it starts a block).
    """
    out: list[str] = []
    i, n = 0, len(text)
    # From the first list item or quote on, the container's end may end a fence early.
    container = _CONTAINER_LINE.search(text)
    contained_from = container.start() if container else n
    while i < n:
        if not nested and (i == 0 or text[i - 1] == "\n"):
            skip = _fenced_code_end(text, i, i >= contained_from)
            if skip:
                out.append(text[i:skip])
                i = skip
                continue
            form = line_start_form(text, i)
            if form:
                out.append(form[0])
                i = form[1]
                continue
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            out.append(text[i : i + 2])
            i += 2
        elif ch == "`":
            end = _code_span_end(text, i)
            if _RISKY.search(text, i, end) and not _sure_code_span(text, i, end):
                end = i + len(_TICKS.match(text, i).group(0))  # type: ignore[union-attr]
            out.append(text[i:end])
            i = end
        elif ch == "<":
            replacement, end = _html_at(text, i, rename)
            if not replacement and (i == 0 or text[i - 1] == "\n") and _MARKER.match(text, end):
                replacement = WORD_JOINER  # what the removal leaves must not start a block
            out.append(replacement)
            i = end
        elif text.startswith("[^", i):
            out.append("\\[")  # a footnote in goldmark, kramdown and pandoc; text in the app
            i += 1
        elif ch == "[" or text.startswith("![", i):
            replacement, i = _link_at(text, i, rename)
            out.append(replacement)
        else:
            form = char_form(text, i)
            out.append(form[0] if form else ch)
            i = form[1] if form else i + 1
    return "".join(out)


def _fenced_code_end(text: str, start: int, contained: bool) -> int:
    """Return the end of fenced code opening on the line at start, or 0.

    Copied as written only when every reader surely reads it as code: a fence by the one
    fence rule in top-level prose, up to its closing fence by the same rule. In a list or
    quote (whose end also ends the fence) it is prose to the sanitiser, like any text.
    """
    line_end = text.find("\n", start)
    line = text[start : len(text) if line_end < 0 else line_end]
    fence = open_fence(line)
    if contained or not fence:
        return 0
    at = line_end
    while at >= 0:
        nxt = text.find("\n", at + 1)
        if closes_fence(text[at + 1 : len(text) if nxt < 0 else nxt], fence):
            return len(text) if nxt < 0 else nxt
        at = nxt
    return len(text)


def _code_span_end(text: str, i: int) -> int:
    """Return the end of a code span starting at i, or just past the backticks if none.

    A code span never reaches past a line that starts a block (a fence ends the paragraph).
    """
    run = re.compile(r"`+").match(text, i).group(0)  # type: ignore[union-attr]
    closing = re.compile(rf"(?<!`){run}(?!`)")
    match = closing.search(text, i + len(run), _next_block_line(text, i))
    return match.end() if match else i + len(run)


def _sure_code_span(text: str, start: int, end: int) -> bool:
    """Tell whether every CommonMark reader pairs these backticks as this code span.

    Only a span on one line of a plain paragraph (no list, quote, HTML or other block
    starting on any line) whose earlier lines each pair their own backticks is sure:
    however a reader cuts the lines into blocks, it pairs the same runs.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if "\n" in text[start:end]:
        return False
    lines = text[:line_start].split("\n")[:-1] + [text[line_start:start]]
    for number, line in enumerate(lines):
        if _CONTAINER.match(line) or line.lstrip().startswith("<"):
            return False
        if number and _interrupts(line):
            return False
        if number < len(lines) - 1 and not _self_paired(line):
            return False
    return _self_paired(text[line_start:start])


def _self_paired(line: str) -> bool:
    """Tell whether each backtick run of a line is closed by a run on the same line."""
    runs = [len(m.group(0)) for m in _TICKS.finditer(line)]
    open_run = None
    for run in runs:
        if open_run is None:
            open_run = run
        elif run == open_run:
            open_run = None
    return open_run is None


def _interrupts(line: str) -> bool:
    """Tell whether a line ends the paragraph above it, by CommonMark's rules."""
    return bool(
        open_fence(line)
        or _INTERRUPTS.match(line)
        or _HTML_BLOCK_1_5.match(line)
        or _HTML_BLOCK_6.match(line)
    )


def _next_block_line(text: str, i: int) -> int:
    """Return where the first line after position i that may start a block begins."""
    starts = _block_line_starts(text)
    at = bisect.bisect_left(starts, i + 1)
    return starts[at] if at < len(starts) else len(text)


@functools.lru_cache(maxsize=4)
def _block_line_starts(text: str) -> list[int]:
    """Return where each line after the first that may start a block begins, in order.

    Read once per text: asked for every backtick run, a scan from each run to the next
    such line made a body of lone backticks quadratic (16 KB took 2.4 s).
    """
    starts = []
    start = text.find("\n")
    while start >= 0:
        nxt = text.find("\n", start + 1)
        if _interrupts(text[start + 1 : len(text) if nxt < 0 else nxt]):
            starts.append(start + 1)
        start = nxt
    return starts


def _html_at(text: str, i: int, rename: Rename) -> tuple[str, int]:
    """Return what replaces the raw HTML starting at i, and where scanning goes on."""
    auto = AUTOLINK.match(text, i)  # a URI or e-mail autolink, as CommonMark defines
    if auto:
        return (auto.group(0) if safe_url(auto.group(0)[1:-1]) else ""), auto.end()
    other = _OTHER_HTML.match(text, i)
    if other:
        return "", other.end()
    close = _CLOSE_TAG.match(text, i)
    if close:
        return "", close.end()  # a stray end tag: the browser ignores it too
    tag = _OPEN_TAG.match(text, i)
    if not tag:
        # Not a tag here: text. Escaped when a reader might still start markup with it
        # (an unclosed comment swallows everything after it).
        return ("&lt;" if re.match(r"<[A-Za-z!?/]", text[i : i + 2]) else "<"), i + 1
    name = tag.group(1).lower()
    if name in _VOID or tag.group(2):
        return _sanitise(tag.group(0), rename), tag.end()
    end = _matching_close(text, tag.end(), name)
    if end is None:
        if name in _RAW_TEXT:
            return "", len(text)  # the preview drops the rest of the block with it
        opened = _sanitise(tag.group(0) + "x", rename)
        return opened.rsplit("x", 1)[0] if opened.endswith(f"</{name}>") else "", tag.end()
    return _sanitise(text[i:end], rename), end


def _matching_close(text: str, start: int, name: str) -> int | None:
    """Return the end of the end tag closing an element opened just before start."""
    return _close_map(text, name.lower()).get(start)


@functools.lru_cache(maxsize=64)
def _close_map(text: str, name: str) -> dict[int, int]:
    """Match every <name> of text with its </name> in one pass (end of opening -> end)."""
    pattern = re.compile(rf"<(/?)({re.escape(name)})\b[^>]*>", re.I)
    opened: list[int] = []
    found: dict[int, int] = {}
    for match in pattern.finditer(text):
        if not match.group(1):
            opened.append(match.end())
        elif opened:
            found[opened.pop()] = match.end()
    return found


def _sanitise(fragment: str, rename: Rename) -> str:
    """Run raw HTML through the preview's sanitiser; keep it on the lines it spanned."""
    cleaned = clean_html(fragment)
    return rewrite_urls(cleaned, rename)


def _link_at(text: str, i: int, rename: Rename) -> tuple[str, int]:
    """Check an inline link or image starting at i; return its replacement and end."""
    image = text.startswith("![", i)
    open_at = i + 1 if image else i
    close_at = bracket_end(text, open_at, _code_span_end)
    if close_at is None or not text.startswith("(", close_at + 1):
        return text[i : open_at + 1], open_at + 1
    parsed = parse_destination(text, close_at + 2)
    if parsed is None:
        return text[i : open_at + 1], open_at + 1
    dest, rest, end = parsed
    inner = _inline(text[open_at + 1 : close_at], rename, nested=True)
    url = _unescape(dest[1:-1] if dest.startswith("<") else dest)
    if not safe_url(url) or (image and is_remote(url)):
        return inner, end  # the preview drops the URL: keep the words only
    return ("!" if image else "") + f"[{inner}](" + _destination(dest, rename) + rest, end

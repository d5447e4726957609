"""Portable Markdown: the body as CommonMark that reads the way the preview shows it.

Block by block (the blocks the preview renders): the normalised Markdown is kept; raw HTML
in it is replaced by what the preview's sanitiser (nh3) keeps of it, so the words around
stay; links and images whose URLs the sanitiser would drop lose their URL; image names are
rewritten to the bundle's. A block that CommonMark would read as an HTML block is written
as the preview's own sanitised HTML for that block.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from editor.render.markdown import BodyRenderer, link_definitions, prepare_source, split_blocks
from editor.render.reading import parse_definition
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
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9.+-]{1,31}):[^\s<>]*>")
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
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
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
    out: list[str] = []
    for block in split_blocks(body):
        lines = block.text.split("\n")
        if all(parse_definition(line) for line in lines):
            out.append(_definitions(block.text, rename))
            continue
        preview = renderer.render_block(block.text, definitions)
        if not preview.strip():
            continue  # a spacer, a comment, a script: the preview shows nothing
        text = prepare_source(block.text)
        if _is_code(text):
            out.append(text)
        elif _starts_html_block(text):
            out.append(html_block(preview, rename))
        else:
            out.append(_definitions(_inline(text, rename), rename))
    return "\n\n".join(out) + "\n" if out else ""


def _is_code(text: str) -> bool:
    first = text.split("\n", 1)[0]
    if _FENCE.match(first):
        return True
    return first.startswith(("    ", "\t"))


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
def _inline(text: str, rename: Rename) -> str:
    """Sanitise raw HTML, links and images in a block's text; leave the rest as written."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        if i == 0 or text[i - 1] == "\n":
            skip = _fenced_code_end(text, i)
            if skip:
                out.append(text[i:skip])
                i = skip
                continue
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            out.append(text[i : i + 2])
            i += 2
        elif ch == "`":
            end = _code_span_end(text, i)
            out.append(text[i:end])
            i = end
        elif ch == "<":
            replacement, i = _html_at(text, i, rename)
            out.append(replacement)
        elif ch == "[" or text.startswith("![", i):
            replacement, i = _link_at(text, i, rename)
            out.append(replacement)
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def _fenced_code_end(text: str, start: int) -> int:
    """Return the end of fenced code opening on the line at start (in a list item), or 0."""
    match = re.compile(r"[ \t]*(`{3,}|~{3,})").match(text, start)
    if not match:
        return 0
    fence = match.group(1)
    close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.M)
    line_end = text.find("\n", start)
    after = close.search(text, line_end + 1) if line_end >= 0 else None
    return after.end() if after else len(text)


def _code_span_end(text: str, i: int) -> int:
    """Return the end of a code span starting at i, or just past the backticks if none."""
    run = re.match(r"`+", text[i:]).group(0)  # type: ignore[union-attr]
    closing = re.compile(rf"(?<!`){run}(?!`)")
    match = closing.search(text, i + len(run))
    return match.end() if match else i + len(run)


def _html_at(text: str, i: int, rename: Rename) -> tuple[str, int]:
    """Return what replaces the raw HTML starting at i, and where scanning goes on."""
    auto = _AUTOLINK.match(text, i)
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
        return "<", i + 1  # not a tag: CommonMark reads it as text
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
    depth = 1
    pattern = re.compile(rf"<(/?)({re.escape(name)})\b[^>]*>", re.I)
    for match in pattern.finditer(text, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return match.end()
    return None


def _sanitise(fragment: str, rename: Rename) -> str:
    """Run raw HTML through the preview's sanitiser; keep it on the lines it spanned."""
    cleaned = clean_html(fragment)
    return rewrite_urls(cleaned, rename)


def _link_at(text: str, i: int, rename: Rename) -> tuple[str, int]:
    """Check an inline link or image starting at i; return its replacement and end."""
    image = text.startswith("![", i)
    open_at = i + 1 if image else i
    close_at = _bracket_end(text, open_at)
    if close_at is None or not text.startswith("(", close_at + 1):
        return text[i : open_at + 1], open_at + 1
    parsed = _parse_destination(text, close_at + 2)
    if parsed is None:
        return text[i : open_at + 1], open_at + 1
    dest, rest, end = parsed
    inner = _inline(text[open_at + 1 : close_at], rename)
    url = _unescape(dest[1:-1] if dest.startswith("<") else dest)
    if not safe_url(url) or (image and is_remote(url)):
        return inner, end  # the preview drops the URL: keep the words only
    return ("!" if image else "") + f"[{inner}](" + _destination(dest, rename) + rest, end


def _bracket_end(text: str, start: int) -> int | None:
    """Return the index of the ] that closes the [ at start (nesting, escapes, code)."""
    depth, i = 0, start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "`":
            i = _code_span_end(text, i)
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return None


def _parse_destination(text: str, start: int) -> tuple[str, str, int] | None:
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
    title = re.match(
        r"""\s*(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\))?\s*\)""", text[i:], re.S
    )
    if title is None:
        return None
    return dest, text[i : i + title.end()], i + title.end()

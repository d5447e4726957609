"""The one Markdown factory: body text to sanitised HTML, block by block, cached.

Python-Markdown does the parsing; a small normaliser first makes it read what reporters
write the way CommonMark (Hugo's goldmark, markdown-it) reads it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.inlinepatterns import SimpleTagInlineProcessor

from editor.render.blocks import LIST_ITEM as _LIST_ITEM
from editor.render.blocks import Block, BlockSplitter, closes_fence, open_fence, split_blocks
from editor.render.brackets import escape_idle_brackets
from editor.render.fenced import FencedCodeExtension
from editor.render.reading import Definition, cap_nesting, definitions, escape_text_tags
from editor.render.sanitize import clean_html

__all__ = [
    "Block",
    "BodyRenderer",
    "link_definitions",
    "make_markdown",
    "normalise",
    "prepare_source",
    "render_body",
    "render_inline",
    "split_blocks",
]
_LINK_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
_BLOCK_START = re.compile(r"^ {0,3}(#{1,6}(\s|$)|>|(`{3,}|~{3,})|([-*_])\s*(\4\s*){2,}$)")
_NOT_HEADING = re.compile(r" {0,3}#{1,6}[^#\s]")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_CACHE_SIZE = 8192
_STRONG_EM = re.compile(r"<strong><em>((?:(?!</?(?:em|strong)>).)*)</em></strong>", re.S)


class _StrikeExtension(Extension):
    """GFM strikethrough (~~text~~), which Hugo and markdown-it's gfm mode read."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.inlinePatterns.register(
            SimpleTagInlineProcessor(r"(~{2})(?!~)(.+?)(?<!~)\1", "del"), "gfm_strike", 40
        )


def make_markdown() -> markdown.Markdown:
    """Return a configured Python-Markdown instance (not thread-safe; one per thread)."""
    # Instances, not names: a name makes Markdown scan every installed package's entry
    # points (importlib.metadata), ~50 ms of the preview's first render, for nothing.
    return markdown.Markdown(
        extensions=[
            TableExtension(),
            FencedCodeExtension(),
            SaneListExtension(),
            _StrikeExtension(),
        ],
        output_format="html",
        lazy_ol=False,
    )


def _indent_width(text: str) -> int:
    return len(text.expandtabs(4))


def normalise(source: str) -> str:
    """Rewrite CommonMark constructs Python-Markdown reads differently into forms it shares.

    A list right after a paragraph line gets its blank line; nested list items indented by
    their parent's content width (2 spaces after "- ") are re-indented to 4; "1)" markers
    become "1."; a backslash at the end of a line becomes a hard break.
    """
    lines = _loosen_lists(source.split("\n"))
    out: list[str] = []
    fence: str | None = None
    fence_indent = 0
    stack: list[int] = []  # content columns of the open list items
    kinds: dict[int, str] = {}  # the marker kind last seen at each depth: - * + . )
    prev = "blank"  # blank | para | list | other
    para_start = 0  # where in out the current paragraph began
    for i, line in enumerate(lines):
        if fence:
            if closes_fence(line, fence):
                fence, prev = None, "other"
                line = _dedent(line, fence_indent)
            else:
                line = _dedent(line, fence_indent)
            out.append(line)
            continue
        opened = open_fence(line)
        if opened:
            # Python-Markdown reads only unindented fences: move the fence to column 0 and
            # its content with it, as CommonMark strips the fence's indent from each line.
            fence = opened
            fence_indent = 0 if stack else len(line) - len(line.lstrip(" "))  # lists: as is
            if prev == "para":
                out.append("")
            out.append(line[fence_indent:])
            prev = "other"
            continue
        if not line.strip():
            out.append(line)
            prev = "blank"
            continue
        if prev == "para" and not stack and _SETEXT.match(line) and len(out) - para_start > 1:
            out[para_start:] = _atx_heading(out[para_start:], line)
            prev = "other"
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if line.endswith("\\") and not line.endswith("\\\\") and nxt.strip():
            line = line[:-1] + "  "
        if _NOT_HEADING.match(line):
            line = line.replace("#", "\\#", 1)  # #해시태그: CommonMark needs a space after #
        if prev == "para" and _LINK_DEF.match(line):
            line = line.replace("[", "\\[", 1)  # cannot interrupt a paragraph in CommonMark
        item = _LIST_ITEM.match(line)
        if item and _starts_list(item, prev, stack):
            indent = _indent_width(item.group(1))
            while stack and indent < stack[-1]:
                stack.pop()
            depth = len(stack)
            kind = item.group(2)[-1]
            if prev == "para" and not stack:
                out.append("")
            elif depth in kinds and kinds[depth] != kind:
                # CommonMark starts a new list when the marker changes; a comment keeps
                # Python-Markdown from joining the two (the sanitiser drops it).
                out.extend(["", "<!-- -->", ""] if depth == 0 else [""])
            kinds = {d: k for d, k in kinds.items() if d < depth}
            kinds[depth] = kind
            marker = item.group(2)
            if marker.endswith(")"):
                marker = marker[:-1] + "."
            gap = len(item.group(4).expandtabs(4))
            content_col = indent + len(item.group(2)) + (gap if 1 <= gap <= 4 else 1)
            stack.append(content_col)
            out.append(" " * (4 * depth) + marker + " " + item.group(5))
            prev = "list"
            continue
        indent = _indent_width(line) - _indent_width(line.lstrip(" \t"))
        if stack and indent > 0 and (prev in ("list", "blank") or prev == "para"):
            depth = sum(1 for col in stack if col <= indent)
            if depth:
                del stack[depth:]
                code = indent - stack[depth - 1] >= 4  # an indented code block in the item
                out.append(" " * (4 * depth + (4 if code else 0)) + line.lstrip(" \t"))
                prev = "list" if prev != "blank" else "para"
                continue
        if prev == "blank":
            stack, kinds = [], {}
        out.append(line)
        if _BLOCK_START.match(line):
            prev = "other"
        elif prev != "list" or not stack:
            para_start = para_start if prev == "para" else len(out) - 1
            prev = "para"
    if fence:
        out.append(fence)  # CommonMark closes an open fence at the end of the document
    return "\n".join(out)


def _atx_heading(paragraph: list[str], underline: str) -> list[str]:
    """Return a paragraph of several lines over a setext underline as one ATX heading.

    CommonMark makes every line of the paragraph the heading; Python-Markdown (and pandoc,
    kramdown) only the last. The lines keep their count (blank) so block lines stay put.
    """
    text = " ".join(line.strip() for line in paragraph)
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # not a closing sequence
    level = "#" if underline.strip()[0] == "=" else "##"
    return [f"{level} {text}"] + [""] * len(paragraph)


def _dedent(line: str, width: int) -> str:
    """Remove up to width leading spaces from a line of fenced code."""
    return line[min(width, len(line) - len(line.lstrip(" "))) :]


def _loosen_lists(lines: list[str]) -> list[str]:
    """Give every item of a loose top-level list its blank line, as CommonMark reads it.

    CommonMark makes a whole list loose when any two items are apart; Python-Markdown only
    the items after the gap.
    """
    out: list[str] = []
    run: list[int] = []  # indexes in out of the current list's top-level items
    loose = False
    run_kind = ""
    for line in lines:
        item = _LIST_ITEM.match(line)
        top_item = bool(item) and not line[:1].isspace()
        if top_item:
            kind = item.group(2)[-1]
            if kind != run_kind:
                run, loose, run_kind = [], False, kind
            if run and out and not out[-1].strip():
                loose = True
            run.append(len(out))
        elif line.strip() and not line[:1].isspace() and out and not out[-1].strip():
            run, loose, run_kind = [], False, ""
        out.append(line)
        if loose and len(run) > 1:
            for index in reversed(run[1:]):
                if out[index - 1].strip():
                    out.insert(index, "")
            run = [
                i
                for i, ln in enumerate(out)
                if i >= run[0]
                and _LIST_ITEM.match(ln)
                and not ln[:1].isspace()
                and _LIST_ITEM.match(ln).group(2)[-1] == run_kind
            ]
    return out


def _starts_list(item: re.Match[str], prev: str, stack: list[int]) -> bool:
    """Apply CommonMark's rule for a list item that would interrupt a paragraph."""
    if stack or prev != "para":
        return True
    if not item.group(5).strip():
        return False  # an empty item cannot interrupt a paragraph
    number = item.group(3)
    return number is None or number == "1"


def link_definitions(source: str) -> tuple[Definition, ...]:
    """Return the reference-link definitions of a body, which every block may use.

    Only whole CommonMark definitions count (`[정정]: 지난 3일 보도에서…` is a paragraph);
    one right after a paragraph line is paragraph text, as in CommonMark.
    """
    return tuple(definitions(source))


# Characters that are text, marked for Python-Markdown with noncharacters it passes through
# untouched: an escape or entity there is one inline match each, and Python-Markdown copies
# the whole paragraph per match (16 KB of "<" took seconds). Put back after rendering.
_MARKS = {"<": "\ufdd0", "[": "\ufdd1", "`": "\ufdd2"}
_UNMARK = {"\ufdd0": "&lt;", "\ufdd1": "[", "\ufdd2": "`"}
_MARKED = re.compile("[\ufdd0-\ufdd2]")


def prepare_source(
    text: str, labels: frozenset[str] = frozenset(), *, for_renderer: bool = False
) -> str:
    """Return a block's Markdown written so every reader reads it as CommonMark does.

    `[` that opens no link and backticks nothing closes are escaped (keeps reading linear),
    `<` that is text is written &lt; (so `<PD수첩>` and `<JTBC>` stay), then the normaliser
    rewrites the constructs Python-Markdown reads differently. labels: the body's defined
    reference labels; for_renderer: mark text characters for Python-Markdown instead.
    """
    text = cap_nesting(text)
    if for_renderer:
        text = _MARKED.sub("\ufffd", text)  # never typed; kept from meaning a mark
        bracketed = escape_idle_brackets(text, labels, _MARKS)
        return normalise(escape_text_tags(bracketed, _MARKS["<"]))
    return normalise(escape_text_tags(escape_idle_brackets(text, labels)))


def labels(found: tuple[Definition, ...]) -> frozenset[str]:
    """Return the labels a body defines."""
    return frozenset(d.label for d in found)


def as_typed(text: str) -> str:
    """Return a block as escaped text paragraphs (for what the renderer cannot read)."""
    from markupsafe import escape

    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def _without_definitions(text: str) -> str:
    """Blank the definition lines of a block (the renderer is handed them separately)."""
    found = definitions(text)
    if not found:
        return text
    lines = text.split("\n")
    for item in found:
        lines[item.line] = ""
    return "\n".join(lines)


class BodyRenderer:
    """Render a body to sanitised HTML, re-rendering only the blocks that changed."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._cache: OrderedDict[tuple[str, tuple[Definition, ...]], str] = OrderedDict()
        self._lock = threading.Lock()
        self.splitter = BlockSplitter()  # re-splits only around the last edit
        # The last render_blocks: its source, definitions and each block's HTML.
        self._last: tuple[str | None, tuple[Definition, ...], list[str]] = (None, (), [])
        self.unreadable: set[str] = set()  # blocks shown as typed (nested past reading)

    def _md(self) -> markdown.Markdown:
        md = getattr(self._local, "md", None)
        if md is None:
            md = self._local.md = make_markdown()
        return md

    def render_block(self, text: str, definitions: tuple[Definition, ...] = ()) -> str:
        """Return the sanitised HTML of one block (cached), given the body's definitions."""
        key = (text, definitions)
        with self._lock:
            html = self._cache.get(key)
            if html is not None:
                self._cache.move_to_end(key)
                return html
        md = self._md()
        md.reset()
        # Definitions go straight into the renderer's table: appended as text, a line that
        # only looks like one would be printed after every block.
        md.references.update({d.label: (d.url, d.title or None) for d in definitions})
        source = prepare_source(_without_definitions(text), labels(definitions), for_renderer=True)
        try:
            converted = _MARKED.sub(lambda m: _UNMARK[m.group(0)], md.convert(source))
            html = _STRONG_EM.sub(r"<em><strong>\1</strong></em>", clean_html(converted))
        except RecursionError:
            # Hundreds of nested lists or quotes on one line: shown as typed, never a crash.
            html = as_typed(text)
            with self._lock:
                self.unreadable.add(text)
        with self._lock:
            self._cache[key] = html
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return html

    def render_blocks(self, source: str) -> list[tuple[Block, str]]:
        """Return each block of a body with its HTML."""
        definitions = link_definitions(source)
        blocks, edit = self.splitter.split_edit(source)
        last_source, last_definitions, last_htmls = self._last
        if edit is not None and edit.previous is last_source and definitions == last_definitions:
            # Only the re-split blocks can be new: the rest keep the last render's HTML, with
            # no lookup per block (at 100k characters ~800 lookups, ~0.6 ms a refresh).
            end = edit.start + edit.added
            htmls = [
                *last_htmls[: edit.start],
                *self._lookup(blocks[edit.start : end], definitions),
                *last_htmls[edit.start + edit.removed :],
            ]
        else:
            htmls = self._lookup(blocks, definitions)
        self._last = (source, definitions, htmls)
        return list(zip(blocks, htmls, strict=True))

    def _lookup(self, blocks: list[Block], definitions: tuple[Definition, ...]) -> list[str]:
        """Return the HTML of blocks, from the cache where it holds them."""
        found: list[str | None] = []
        # One lock and no call per block: a new document looks up every block.
        with self._lock:
            get, touch = self._cache.get, self._cache.move_to_end
            for block in blocks:
                key = (block.text, definitions)
                html = get(key)
                if html is not None:
                    touch(key)
                found.append(html)
        return [
            html if html is not None else self.render_block(b.text, definitions)
            for b, html in zip(blocks, found, strict=True)
        ]

    def render(self, source: str) -> str:
        """Return the sanitised HTML of a whole body."""
        return "\n".join(html for _, html in self.render_blocks(source) if html)


_default = BodyRenderer()


def render_body(source: str) -> str:
    """Render a Markdown body to sanitised HTML (the one path preview and exports share)."""
    return _default.render(source)


def render_inline(text: str) -> str:
    """Render a one-line field (caption, subhead) to escaped text; no Markdown, no HTML."""
    from markupsafe import escape

    return str(escape(text))

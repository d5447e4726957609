"""Incremental preview updates: which body blocks and page fields changed (no Qt).

The preview page is loaded once; afterwards only differences travel to it. The body is a
row of wrappers `<div class="md-block" data-line data-key>`, held in groups of about
GROUP_ROWS (`<div class="md-group">`), and the page's article-driven elements carry
`data-field`. Patches count wrappers across the groups (bridge.js keeps the groups). This module computes, in plain Python, the smallest patch that
turns what the page shows into what the document says.
"""

from __future__ import annotations

import bisect
import html as html_lib
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING, NamedTuple

from editor.render.sanitize import VOID_ELEMENTS

if TYPE_CHECKING:  # Markdown loads with the first render: a kept page needs none of it
    from editor.render.blocks import Block

BODY_FIELD = "body"
_VOID = VOID_ELEMENTS


class ShownBlock(NamedTuple):
    """One body block as the page shows it.

    A NamedTuple, not a frozen dataclass: every refresh builds one per block (~800 at 100k
    characters) and a frozen dataclass's __init__ costs ~3x as much.
    """

    key: str
    line: int
    html: str


def shown_blocks(rendered: Sequence[tuple[Block, str]]) -> list[ShownBlock]:
    """Return render_blocks output as the blocks a page shows."""
    return [ShownBlock(block.key, block.line, html) for block, html in rendered]


def wrap_block(block: ShownBlock) -> str:
    """Return the wrapper element of one block."""
    return (
        f'<div class="md-block" data-line="{block.line}" data-key="{block.key}">{block.html}</div>'
    )


def wrap_blocks(blocks: Sequence[ShownBlock]) -> str:
    """Return one wrapper per block (what a patch inserts)."""
    return "".join(wrap_block(b) for b in blocks)


# Chromium lays out an edit by walking the edited block's parent's children: with ~800
# blocks straight in the body (100,000 characters) that was ~4 ms of the renderer per edit;
# in groups it walks one group and the groups (~0.4 ms). A group is a plain block box with no
# padding or border, so margins collapse through it and the page looks the same
# (docs/performance.md, "Issue 17, session 5"). bridge.js splits a group past 2 * GROUP_ROWS.
GROUP_ROWS = 32


def group_blocks(blocks: Sequence[ShownBlock]) -> str:
    """Return the body as the preview page holds it: block wrappers in groups."""
    return "".join(
        f'<div class="md-group">{wrap_blocks(blocks[i : i + GROUP_ROWS])}</div>'
        for i in range(0, len(blocks), GROUP_ROWS)
    )


@dataclass
class BodyPatch:
    """Replace `remove` wrappers at `start` by `insert`, then move line numbers by `shifts`.

    shifts holds (first index, end index, delta) runs over the new list, for blocks that
    stayed but start on another source line now.
    """

    start: int
    remove: int
    insert: list[ShownBlock]
    shifts: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.remove and not self.insert and not self.shifts

    def to_json(self) -> dict[str, object]:
        """Return the patch as the page script takes it."""
        return {
            "start": self.start,
            "remove": self.remove,
            "html": wrap_blocks(self.insert),
            "shifts": [list(s) for s in self.shifts],
        }


def diff_blocks(old: Sequence[ShownBlock], new: Sequence[ShownBlock]) -> BodyPatch:
    """Return the patch turning old into new: one replaced run plus line shifts."""
    limit = min(len(old), len(new))
    head = 0
    # Loops without a call per block: at 100k characters they walk ~800 blocks per refresh.
    # A block the render kept is the same object: `is` settles it without reading fields.
    while head < limit:
        a, b = old[head], new[head]
        if a is not b and (a.key != b.key or (a.html is not b.html and a.html != b.html)):
            break
        head += 1
    tail = 0
    while tail < limit - head:
        a, b = old[-1 - tail], new[-1 - tail]
        if a is not b and (a.key != b.key or (a.html is not b.html and a.html != b.html)):
            break
        tail += 1
    inserted = list(new[head : len(new) - tail])
    patch = BodyPatch(head, len(old) - head - tail, inserted)
    # Kept blocks whose line moved; a run whose lines all match (the usual edit) is skipped
    # after one list comparison.
    moved = []
    for first_old, first_new, count in ((0, 0, head), (len(old) - tail, len(new) - tail, tail)):
        old_run = old[first_old : first_old + count]
        if old_run == new[first_new : first_new + count]:
            continue  # the same blocks (compared by identity first, in C): no line moved
        old_lines = [b.line for b in old_run]
        new_lines = [b.line for b in new[first_new : first_new + count]]
        if old_lines != new_lines:
            moved.append((first_new, old_lines, new_lines))
    patch.shifts = _shift_runs(
        (first + k, n - o)
        for first, old_lines, new_lines in moved
        for k, (o, n) in enumerate(zip(old_lines, new_lines, strict=True))
    )
    return patch


def _shift_runs(deltas: object) -> list[tuple[int, int, int]]:
    """Group (index, delta) pairs with a nonzero delta into contiguous runs."""
    runs: list[tuple[int, int, int]] = []
    for index, delta in deltas:  # type: ignore[attr-defined]
        if not delta:
            continue
        if runs and runs[-1][1] == index and runs[-1][2] == delta:
            runs[-1] = (runs[-1][0], index + 1, delta)
        else:
            runs.append((index, index + 1, delta))
    return runs


def block_index_for_line(blocks: Sequence[ShownBlock], line: int) -> int:
    """Return the index of the block that holds a source line (the one before a gap)."""
    if not blocks:
        return -1
    lines = [b.line for b in blocks]
    return max(bisect.bisect_right(lines, line) - 1, 0)


# -- page fields ------------------------------------------------------------------------
@dataclass(frozen=True)
class FieldNode:
    """One element with data-field in a rendered page: its start tag and its inner HTML."""

    name: str
    start_tag: str
    inner: str


class _FieldFinder(HTMLParser):
    """Collect the data-field elements of a page, outermost ones only, in document order."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._source = source
        self._line_starts = [0]
        for i, ch in enumerate(source):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self._depth = 0
        self._open: tuple[str, str, int, int] | None = None  # name, tag text, depth, offset
        self.nodes: list[FieldNode] = []

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = dict(attrs).get("data-field")
        text = self.get_starttag_text() or ""
        if self._open is None and name:
            if tag in _VOID:
                self.nodes.append(FieldNode(name, text, ""))
                return
            self._open = (name, text, self._depth, self._offset() + len(text))
        if tag not in _VOID:
            self._depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        name = dict(attrs).get("data-field")
        if self._open is None and name:
            self.nodes.append(FieldNode(name, self.get_starttag_text() or "", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self._depth -= 1
        if self._open is not None and self._depth == self._open[2]:
            name, text, _, begin = self._open
            self.nodes.append(FieldNode(name, text, self._source[begin : self._offset()]))
            self._open = None


def find_fields(page_html: str) -> list[FieldNode]:
    """Return the outermost data-field elements of a page in document order."""
    finder = _FieldFinder(page_html)
    finder.feed(page_html)
    finder.close()
    return finder.nodes


def structure_of(nodes: Sequence[FieldNode]) -> tuple[str, ...]:
    """Return what must stay equal for fields to be patched in place: names and order."""
    return tuple(n.name for n in nodes)


def diff_fields(
    old: Sequence[FieldNode], new: Sequence[FieldNode]
) -> list[dict[str, object]] | None:
    """Return the field updates turning old into new, or None if the page must reload.

    Each update names the field and its occurrence; `text` when the element holds only
    text (set as textContent), else `html` with the whole element (template output).
    """
    if structure_of(old) != structure_of(new):
        return None
    updates: list[dict[str, object]] = []
    seen: dict[str, int] = {}
    for before, after in zip(old, new, strict=True):
        index = seen.get(after.name, 0)
        seen[after.name] = index + 1
        if after.name == BODY_FIELD:
            if before.start_tag != after.start_tag:
                return None
            continue
        if before == after:
            continue
        update: dict[str, object] = {"field": after.name, "index": index}
        if before.start_tag == after.start_tag and "<" not in after.inner:
            update["text"] = html_lib.unescape(after.inner)
        else:
            update["html"] = after.start_tag + after.inner + _end_tag(after.start_tag)
        updates.append(update)
    return updates


def _end_tag(start_tag: str) -> str:
    """Return the end tag matching a start tag (none for void elements)."""
    name = start_tag[1:].split(None, 1)[0].rstrip("/>").lower()
    return "" if name in _VOID else f"</{name}>"


@dataclass(frozen=True)
class UpdatePlan:
    """What the preview does for a batch of changed fields."""

    reload_pages: bool  # a new article: every page reloads, from its top
    fields: bool  # a field other than the body changed: the pages' fields are patched
    images: bool  # images were added: pages retry the ones that were missing
    render_body: bool  # the body is rendered again (its changed blocks are patched)
    fresh: bool  # nothing rendered is reusable: a long body goes to a worker at once


ALL_FIELDS = "*"
SYNC_RENDER_MS = 6.0  # render on the UI thread while the last render took less than this
FRESH_SYNC_CHARS = 20_000  # a new document longer than this renders on the worker
MAX_SYNC_CHARS = 400_000


def plan_update(dirty: set[str]) -> UpdatePlan:
    """Decide what a batch of document changes ("body", "headline", "*", …) needs."""
    everything = ALL_FIELDS in dirty
    return UpdatePlan(
        reload_pages=everything,
        fields=bool(dirty - {"body"}),
        images="images" in dirty,
        render_body=everything or "body" in dirty,
        fresh=everything,
    )


def render_inline(last_render_ms: float, length: int, *, fresh: bool) -> bool:
    """Tell whether the body may render on the UI thread (cheap) rather than a worker."""
    limit = FRESH_SYNC_CHARS if fresh else MAX_SYNC_CHARS
    return last_render_ms < SYNC_RENDER_MS and length < limit

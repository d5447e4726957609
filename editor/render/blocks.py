"""A body's top-level blocks, and a splitter that re-splits only around an edit.

A block renders the same alone as in the whole body, so the preview renders and caches
block by block. Splitting a 100,000-character body from scratch costs milliseconds; after
an edit `BlockSplitter` re-scans only from the block before the edit until the split meets
the previous one again, and reuses the rest (moved by the lines the edit added or removed).
"""

from __future__ import annotations

import bisect
import hashlib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from editor.core.reading import FENCE, closes_fence, open_fence

__all__ = ["FENCE", "Block", "BlockSplitter", "closes_fence", "open_fence", "split_blocks"]

LIST_ITEM = re.compile(r"^([ \t]*)([-*+]|(\d{1,9})[.)])([ \t]+|$)(.*)$")
_CHUNK = 4096  # characters compared at a time when looking for the edited range


@dataclass(frozen=True)
class Block:
    """A top-level piece of the body: where it starts in the source, and its text."""

    line: int  # 0-based first source line
    text: str
    key: str = field(default="", compare=False)  # content hash; computed when not given

    def __post_init__(self) -> None:
        if not self.key:
            digest = hashlib.blake2s(self.text.encode("utf-8"), digest_size=8).hexdigest()
            object.__setattr__(self, "key", digest)

    def moved(self, delta: int) -> Block:
        """Return the same block starting delta lines later (its key reused)."""
        return self if not delta else Block(self.line + delta, self.text, self.key)


def scan_blocks(lines: list[str], first: int = 0) -> Iterator[Block]:
    """Yield the blocks of lines, scanning from line first (which must start a block or gap)."""
    start: int | None = None
    fence: str | None = None
    in_list = False
    for i in range(first, len(lines)):
        line = lines[i]
        if fence:
            if closes_fence(line, fence):
                fence = None
            continue
        if not line.strip():
            continue
        if start is not None and not lines[i - 1].strip():
            continuing = in_list and (line[:1] in " \t" or bool(LIST_ITEM.match(line)))
            if not continuing:
                yield Block(start, "\n".join(lines[start:i]).rstrip("\n"))
                start = None
        if start is None:
            start, in_list = i, False
        in_list = in_list or bool(LIST_ITEM.match(line))
        fence = open_fence(line)
    if start is not None:
        yield Block(start, "\n".join(lines[start:]).rstrip("\n"))


def split_blocks(source: str) -> list[Block]:
    """Split a body into top-level blocks that render the same alone as together."""
    return list(scan_blocks(source.split("\n")))


def changed_range(old: str, new: str) -> tuple[int, int, int]:
    """Return (start, old_end, new_end): old[start:old_end] became new[start:new_end]."""
    limit = min(len(old), len(new))
    head = _common_length(old, new, limit, forward=True)
    tail = _common_length(old, new, limit - head, forward=False)
    return head, len(old) - tail, len(new) - tail


def _common_length(a: str, b: str, limit: int, *, forward: bool) -> int:
    """Return how many characters a and b share at their start (or end), at most limit."""
    size = 0
    while size < limit:
        step = min(_CHUNK, limit - size)
        if forward:
            same = a[size : size + step] == b[size : size + step]
        else:
            same = (
                a[len(a) - size - step : len(a) - size] == b[len(b) - size - step : len(b) - size]
            )
        if not same:
            break
        size += step
    else:
        return size
    low, high = 0, step  # the first difference lies in this chunk: bisect it
    while low < high:
        mid = (low + high + 1) // 2
        if forward:
            same = a[size : size + mid] == b[size : size + mid]
        else:
            same = a[len(a) - size - mid : len(a) - size] == b[len(b) - size - mid : len(b) - size]
        low, high = (mid, high) if same else (low, mid - 1)
    return size + low


@dataclass(frozen=True)
class SplitEdit:
    """How a split differs from the one before it: blocks[start : start + added] are new.

    The `removed` blocks of the previous split at start were replaced; every other block
    holds the same text as the previous split's block in its place (its line may differ).
    """

    previous: str  # the text the previous split was of
    start: int
    removed: int
    added: int


class BlockSplitter:
    """Split bodies into blocks, reusing the previous split outside the edited range."""

    def __init__(self) -> None:
        self._text: str | None = None
        self._lines: list[str] = []
        self._blocks: list[Block] = []
        self._lock = threading.Lock()  # the preview may split on a worker thread
        self.lines_scanned = 0  # of the last split (tests read it: work follows the edit)

    def split(self, text: str) -> list[Block]:
        """Return the blocks of text (equal to split_blocks(text))."""
        return self.split_edit(text)[0]

    def split_edit(self, text: str) -> tuple[list[Block], SplitEdit | None]:
        """Return the blocks of text and how they differ from the last split (None: unknown)."""
        with self._lock:
            previous = self._text
            if previous is None:
                lines = text.split("\n")
                blocks = list(scan_blocks(lines))
                self.lines_scanned = len(lines)
                edit = None
            elif text is previous or text == previous:
                self.lines_scanned = 0
                return list(self._blocks), SplitEdit(previous, len(self._blocks), 0, 0)
            else:
                lines, blocks, edit = self._resplit(text)
            self._text, self._lines, self._blocks = text, lines, blocks
            return list(blocks), edit

    def _resplit(self, text: str) -> tuple[list[str], list[Block], SplitEdit]:
        old_text, old_lines, old_blocks = self._text or "", self._lines, self._blocks
        start, old_end, new_end = changed_range(old_text, text)
        first = old_text.count("\n", 0, start)  # first edited line
        old_last = first + old_text.count("\n", start, old_end)
        new_last = first + text.count("\n", start, new_end)
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", new_end)
        edited = text[line_start : len(text) if line_end < 0 else line_end].split("\n")
        lines = old_lines[:first] + edited + old_lines[old_last + 1 :]
        delta = new_last - old_last
        starts = [b.line for b in old_blocks]
        restart = max(0, bisect.bisect_right(starts, first) - 2)  # the block before the edit's
        blocks = old_blocks[:restart]
        scan_from = old_blocks[restart].line if restart > 0 else 0
        scanned = 0
        kept = len(old_blocks)  # the old blocks from here on are kept (moved by delta)
        for block in scan_blocks(lines, scan_from):
            scanned = block.line - scan_from
            old_index = bisect.bisect_left(starts, block.line - delta)
            if (
                block.line > new_last
                and old_index < len(old_blocks)
                and old_blocks[old_index].line == block.line - delta
            ):
                kept = old_index
                added = len(blocks) - restart
                tail = old_blocks[old_index:]
                blocks += [b.moved(delta) for b in tail] if delta else tail
                break
            blocks.append(block)
        else:
            scanned = len(lines) - scan_from
            added = len(blocks) - restart
        self.lines_scanned = scanned
        return lines, blocks, SplitEdit(old_text, restart, kept - restart, added)

"""Differences a desk editor reads: Korean compared by word, then by character, not by line."""

from __future__ import annotations

import html
import re
from difflib import SequenceMatcher
from typing import NamedTuple

_WORD = re.compile(r"\s+|[\w\u00b7]+|[^\w\s]", re.UNICODE)
_HTML_TOKEN = re.compile(r"<[^>]+>|&[#\w]+;|\s+|[\w\u00b7]+|[^\w\s<&]", re.UNICODE)


class Change(NamedTuple):
    op: str  # "equal" | "insert" | "delete"
    text: str


def words(text: str) -> list[str]:
    """Split text into words, spaces and punctuation (Hangul words stay whole)."""
    return _WORD.findall(text)


def diff_text(old: str, new: str) -> list[Change]:
    """Diff by word; a replaced word pair is refined by character (조사 changes stay small)."""
    a, b = words(old), words(new)
    out: list[Change] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            out.append(Change("equal", old_part))
        elif tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
            out.extend(_diff_chars(old_part, new_part))
        else:
            if old_part:
                out.append(Change("delete", old_part))
            if new_part:
                out.append(Change("insert", new_part))
    return _merge(_regroup(out))


def _diff_chars(old: str, new: str) -> list[Change]:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    if matcher.ratio() < 0.5:
        return [Change("delete", old), Change("insert", new)]
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(Change("equal", old[i1:i2]))
            continue
        if i2 > i1:
            out.append(Change("delete", old[i1:i2]))
        if j2 > j1:
            out.append(Change("insert", new[j1:j2]))
    return out


def _regroup(changes: list[Change]) -> list[Change]:
    """Fold lone spaces between changes into them, and put deletions before insertions.

    A rewritten sentence then reads as the old words struck and the new ones added, not as a
    mix of words glued to the spaces the two versions happen to share.
    """
    out: list[Change] = []
    run: list[Change] = []
    last = len(changes) - 1
    for i, change in enumerate(changes):
        between = 0 < i < last and "equal" not in (changes[i - 1].op, changes[i + 1].op)
        if change.op == "equal" and not (between and not change.text.strip()):
            out += _flush(run) + [change]
            run = []
        elif change.op == "equal":
            run += [Change("delete", change.text), Change("insert", change.text)]
        else:
            run.append(change)
    return out + _flush(run)


def _flush(run: list[Change]) -> list[Change]:
    deleted = "".join(c.text for c in run if c.op == "delete")
    inserted = "".join(c.text for c in run if c.op == "insert")
    return [c for c in (Change("delete", deleted), Change("insert", inserted)) if c.text]


def _merge(changes: list[Change]) -> list[Change]:
    merged: list[Change] = []
    for change in changes:
        if merged and merged[-1].op == change.op:
            merged[-1] = Change(change.op, merged[-1].text + change.text)
        elif change.text:
            merged.append(change)
    return merged


def has_changes(changes: list[Change]) -> bool:
    return any(c.op != "equal" for c in changes)


def diff_html(old_html: str, new_html: str) -> str:
    """Mark the text differences between two renderings with <ins> and <del>.

    Tags are atoms taken from the new version; deleted text is shown struck through in place.
    """
    a, b = _HTML_TOKEN.findall(old_html), _HTML_TOKEN.findall(new_html)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.extend(b[j1:j2])
            continue
        deleted = "".join(t for t in a[i1:i2] if not t.startswith("<"))
        if deleted.strip():
            out.append(f'<del class="diff-del">{deleted}</del>')
        _insert_tokens(out, b[j1:j2])
    return "".join(out)


def _insert_tokens(out: list[str], tokens: list[str]) -> None:
    run: list[str] = []
    for token in tokens + ["<>"]:
        if token.startswith("<"):
            text = "".join(run)
            if text.strip():
                out.append(f'<ins class="diff-ins">{text}</ins>')
            elif text:
                out.append(text)
            run = []
            if token != "<>":
                out.append(token)
        else:
            run.append(token)


def changes_to_html(changes: list[Change]) -> str:
    """Render a text diff as escaped HTML with <ins>/<del>."""
    parts = []
    for change in changes:
        text = html.escape(change.text)
        if change.op == "insert":
            parts.append(f'<ins class="diff-ins">{text}</ins>')
        elif change.op == "delete":
            parts.append(f'<del class="diff-del">{text}</del>')
        else:
            parts.append(text)
    return "".join(parts)


def condense(changes: list[Change], context: int = 40) -> list[Change]:
    """Shorten long unchanged stretches to their ends, so the changes show with some context."""
    out: list[Change] = []
    last = len(changes) - 1
    for i, change in enumerate(changes):
        if change.op != "equal" or len(change.text) <= 2 * context + 3:
            out.append(change)
            continue
        head = change.text[:context].split("\n")[0] if i > 0 else ""
        tail = change.text[-context:].split("\n")[-1] if i < last else ""
        gap = change.text[len(head) : len(change.text) - len(tail)]
        joint = "\n" if "\n" in gap else ""  # an omitted paragraph break stays a break
        out.append(Change("equal", joint.join(x for x in (head, "…", tail) if x)))
    return out

"""Desk review: notes anchored to passages, approvals, and a compact revision history.

Everything lives in article.private (the .article's reserved folder), so it never reaches an
export.
"""

from __future__ import annotations

import copy
from dataclasses import asdict, dataclass, field
from typing import Any

from editor.core import clock
from editor.core.model import Article, Status

NOTES_KEY = "notes"
HISTORY_KEY = "history"
APPROVAL_KEY = "approval"
DESK_KEY = "desk"  # who at the desk last reviewed, and the revision they saw
TRACKED_FIELDS = (
    "headline",
    "subhead",
    "summary",
    "body",
    "section",
    "tags",
    "status",
    "lead_image",
    "authors",
)


@dataclass
class Reply:
    author: str
    time: str
    text: str


@dataclass
class Note:
    """A desk note on a passage of a field (body, headline, lead_image.caption, …)."""

    id: str
    field: str
    quote: str  # the passage the note is about
    offset: int  # where the quote was, to pick the right one when it repeats
    author: str
    time: str
    text: str
    resolved: bool = False
    replies: list[Reply] = field(default_factory=list)


def field_text(article: Article, name: str) -> str:
    """Return the text of a field by its dotted name (body, lead_image.caption, …)."""
    value: Any = article
    for part in name.split("."):
        value = getattr(value, part, "")
    return value if isinstance(value, str) else ""


def notes(article: Article) -> list[Note]:
    """Return the article's notes (damaged entries are skipped, never raised)."""
    found = []
    for raw in article.private.get(NOTES_KEY, []) or []:
        try:
            replies = [Reply(**r) for r in raw.get("replies", [])]
            found.append(Note(**{**raw, "replies": replies}))
        except (TypeError, AttributeError):
            continue
    return found


def _store(article: Article, items: list[Note]) -> None:
    article.private[NOTES_KEY] = [asdict(n) for n in items]


def add_note(
    article: Article, field_name: str, start: int, end: int, text: str, author: str
) -> Note:
    """Anchor a new note to field[start:end] and store it."""
    source = field_text(article, field_name)
    import uuid  # with platform, only when a note is made, not at start-up

    note = Note(
        uuid.uuid4().hex[:12],
        field_name,
        source[start:end],
        start,
        author,
        clock.to_iso(clock.now()),
        text,
    )
    _store(article, [*notes(article), note])
    return note


def update_note(
    article: Article,
    note_id: str,
    *,
    reply: tuple[str, str] | None = None,
    resolved: bool | None = None,
) -> None:
    """Reply to, resolve or reopen a note."""
    items = notes(article)
    for note in items:
        if note.id == note_id:
            if reply:
                note.replies.append(Reply(reply[0], clock.to_iso(clock.now()), reply[1]))
            if resolved is not None:
                note.resolved = resolved
    _store(article, items)


def locate(article: Article, note: Note) -> tuple[int, int] | None:
    """Find a note's passage now: the occurrence nearest where it was; None if it is gone."""
    text = field_text(article, note.field)
    if not note.quote:
        return (min(note.offset, len(text)),) * 2
    best: int | None = None
    index = text.find(note.quote)
    while index != -1:
        if best is None or abs(index - note.offset) < abs(best - note.offset):
            best = index
        index = text.find(note.quote, index + 1)
    return None if best is None else (best, best + len(note.quote))


def reanchor(article: Article) -> None:
    """Remember where each note's passage is now, so repeated passages keep their note."""
    items = notes(article)
    for note in items:
        span = locate(article, note)
        if span:
            note.offset = span[0]
    _store(article, items)


def shift_notes(
    private: dict[str, Any], field_name: str, position: int, removed: int, added: int
) -> None:
    """Move the anchors of notes after an edit of a field, as the edit moved their text.

    Takes the article's private area, not the article, so an editor can call it on every
    keystroke without copying the body; the cost grows with the notes, not the text.
    """
    for raw in private.get(NOTES_KEY, []) or []:
        if isinstance(raw, dict) and raw.get("field") == field_name:
            offset = raw.get("offset")
            if isinstance(offset, int) and offset >= position + removed:
                raw["offset"] = offset + added - removed


# Status -----------------------------------------------------------------------------------


def set_status(article: Article, status: Status, who: str) -> None:
    """Move the article along draft → ready for desk → approved, recording approvals."""
    article.status = status
    if status is Status.APPROVED:
        article.private[APPROVAL_KEY] = {"by": who, "at": clock.to_iso(clock.now())}
    else:
        article.private.pop(APPROVAL_KEY, None)


def approval(article: Article) -> dict[str, str] | None:
    """Return who approved the article and when, if it is approved."""
    data = article.private.get(APPROVAL_KEY)
    if article.status is Status.APPROVED and isinstance(data, dict):
        return {"by": str(data.get("by", "")), "at": str(data.get("at", ""))}
    return None


def edited_after_approval(article: Article) -> bool:
    """Return the article to review when an approved article is edited; True if it was."""
    if article.status is not Status.APPROVED:
        return False
    set_status(article, Status.READY, "")
    return True


# Revisions --------------------------------------------------------------------------------


def snapshot(article: Article) -> dict[str, Any]:
    """Return the tracked fields of an article as JSON-able data."""
    data = {name: getattr(article, name) for name in TRACKED_FIELDS}
    data["status"] = str(article.status)
    data["lead_image"] = asdict(article.lead_image)
    data["authors"] = [asdict(a) for a in article.authors]
    data["tags"] = list(article.tags)
    return data


def _delta(newer: str, older: str) -> list[Any]:
    """Encode older as edits of newer: kept ranges of newer and literal text."""
    from difflib import SequenceMatcher

    a, b = newer.split("\n"), older.split("\n")
    ops: list[Any] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        ops.append([i1, i2] if tag == "equal" else "\n".join(b[j1:j2]) if j2 > j1 else None)
    return [op for op in ops if op is not None]


def _apply(newer: str, delta: list[Any]) -> str:
    lines = newer.split("\n")
    parts: list[str] = []
    for op in delta:
        parts.extend(lines[op[0] : op[1]] if isinstance(op, list) else op.split("\n"))
    return "\n".join(parts)


def _history(article: Article) -> list[dict[str, Any]]:
    history = article.private.get(HISTORY_KEY)
    return history if isinstance(history, list) else []


def record_revision(article: Article, author: str, summary: str = "") -> dict[str, Any]:
    """Record the article as it is now as the newest revision (stored compactly)."""
    history = _history(article)
    current = snapshot(article)
    if history:
        newest = history[-1]
        full = newest.pop("full")
        newest["delta"] = {
            k: (_delta(current[k], v) if isinstance(v, str) and isinstance(current[k], str) else v)
            for k, v in full.items()
            if current.get(k) != v
        }
        if not newest["delta"] and not summary and newest.get("author") == author:
            newest["full"] = full  # nothing changed: do not record an empty revision
            del newest["delta"]
            _note_desk_save(article, newest, author)
            return newest
    import uuid

    entry = {
        "id": uuid.uuid4().hex[:12],
        "time": clock.to_iso(clock.now()),
        "author": author,
        "summary": summary,
        "full": current,
    }
    history.append(entry)
    article.private[HISTORY_KEY] = history
    _note_desk_save(article, entry, author)
    return entry


def history_checkpoint(article: Article) -> dict[str, Any]:
    """Return what record_revision may change, to put back if the save it was for fails."""
    return copy.deepcopy({key: article.private.get(key) for key in (HISTORY_KEY, DESK_KEY)})


def rollback_history(article: Article, checkpoint: dict[str, Any]) -> None:
    """Put the history back as it was at a checkpoint (the save did not happen)."""
    for key, value in checkpoint.items():
        if value is None:
            article.private.pop(key, None)
        else:
            article.private[key] = value


def mark_desk_review(article: Article, who: str) -> None:
    """Remember that the desk reviewed the article now; its next save is what the desk saw."""
    article.private[DESK_KEY] = {"by": who, "at": clock.to_iso(clock.now()), "revision": ""}


def _note_desk_save(article: Article, entry: dict[str, Any], author: str) -> None:
    desk = article.private.get(DESK_KEY)
    if isinstance(desk, dict) and (not desk.get("revision") or desk.get("by") == author):
        desk["revision"] = entry["id"]


def desk_revision(article: Article) -> str | None:
    """Return the id of the revision the desk last saw (its last review or save), if any."""
    desk = article.private.get(DESK_KEY)
    wanted = desk.get("revision") if isinstance(desk, dict) else None
    return wanted if any(r.get("id") == wanted for r in _history(article)) else None


def revisions(article: Article) -> list[dict[str, str]]:
    """Return id, time, author and summary of each revision, oldest first."""
    return [
        {k: str(r.get(k, "")) for k in ("id", "time", "author", "summary")}
        for r in _history(article)
    ]


def revision_fields(article: Article, revision_id: str) -> dict[str, Any] | None:
    """Rebuild the tracked fields of a revision by walking back from the newest."""
    history = _history(article)
    if not history or "full" not in history[-1]:
        return None
    state = dict(history[-1]["full"])
    for entry in reversed(history):
        if "delta" in entry:
            for key, value in entry["delta"].items():
                state[key] = (
                    _apply(state[key], value)
                    if isinstance(value, list) and isinstance(state.get(key), str)
                    else value
                )
        if entry.get("id") == revision_id:
            return state
    return None


def apply_revision_fields(article: Article, state: dict[str, Any]) -> None:
    """Set an article's text fields, tags, lead image texts and bylines from a revision.

    The status is left alone: it records the desk's decision, not the text.
    """
    from editor.core.model import Author, LeadImage

    for name in ("headline", "subhead", "summary", "body", "section"):
        setattr(article, name, state.get(name, ""))
    article.tags = list(state.get("tags", []))
    article.lead_image = LeadImage(**state.get("lead_image", {}))
    article.authors = [Author(**a) for a in state.get("authors", [])]


def restore_revision(article: Article, revision_id: str) -> bool:
    """Put a revision's fields back into the article (images are not touched).

    Old text never comes back approved: the status stays as it is, and an approved article
    whose text changes goes back to the desk (ready for desk), as any edit after approval.
    """
    state = revision_fields(article, revision_id)
    if state is None:
        return False
    before = snapshot(article)
    apply_revision_fields(article, state)
    if snapshot(article) != before:
        edited_after_approval(article)
    return True

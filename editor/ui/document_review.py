"""The desk's side of ArticleDocument: notes, status, approval and revisions.

Every change goes through these methods, so it marks the document modified and emits
`changed("notes")` / `changed("status")` like any other edit: autosave writes a draft of
a desk note on an unmodified document, the title and checklist follow the status. The
bookkeeping itself is core.review's; this layer only decides who signs and what is emitted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from editor.core import review
from editor.core.model import Status

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from editor.core.model import Article
    from editor.core.review import Note
    from editor.ui.identity import User

NOTES_FIELD = "notes"  # `changed` carries this for notes, replies and resolving
STATUS_FIELD = "status"
REVIEW_ONLY_FIELDS = frozenset({NOTES_FIELD})  # never on the page: the preview ignores them
RESTORED_FIELDS = ("headline", "subhead", "summary", "section", "tags", "authors")


class ApprovalRefused(PermissionError):
    """Only a desk editor approves an article."""


class DocumentReview:
    """Mixed into ArticleDocument: the one way review data in an article changes."""

    changed: SignalInstance
    user_changed: SignalInstance
    notes_changed: SignalInstance
    status_changed: SignalInstance
    approval_withdrawn: SignalInstance
    revision_recorded: SignalInstance
    revision_restored: SignalInstance
    _article: Article
    user: User
    save_summary: str  # what the next save changes, in the desk's words

    def set_user(self, user: User) -> None:
        """Sign what happens from now on with user (and let a desk editor approve)."""
        if user != self.user:
            self.user = user
            self.user_changed.emit(user)

    # Notes -------------------------------------------------------------------------------
    def add_note(self, field_name: str, start: int, end: int, text: str) -> Note:
        """Anchor a note, signed by the user, to field[start:end]."""
        note = review.add_note(self.article, field_name, start, end, text, self.user.name)
        self._review_touched(NOTES_FIELD)
        return note

    def reply_to_note(self, note_id: str, text: str) -> bool:
        """Reply to a note as the user; False if there is no such note."""
        if not self._has_note(note_id):
            return False
        review.update_note(self._article, note_id, reply=(self.user.name, text))
        self._review_touched(NOTES_FIELD)
        return True

    def set_note_resolved(self, note_id: str, resolved: bool) -> bool:
        """Resolve or reopen a note; False if there is no such note."""
        if not self._has_note(note_id):
            return False
        review.update_note(self._article, note_id, resolved=resolved)
        self._review_touched(NOTES_FIELD)
        return True

    def _has_note(self, note_id: str) -> bool:
        return any(n.id == note_id for n in review.notes(self._article))

    # Status ------------------------------------------------------------------------------
    def set_status(self, status: Status | str) -> None:
        """Move the article along draft → ready for desk → approved.

        Raises:
            ApprovalRefused: approving needs a user whose role is desk editor.
        """
        status = Status.parse(status)
        article = self._article
        if status is article.status and (status is not Status.APPROVED or review.approval(article)):
            return
        if status is Status.APPROVED:
            if not self.user.is_desk:
                raise ApprovalRefused(self.user.name)
            review.set_status(article, status, self.user.name)
            review.mark_desk_review(article, self.user.name)
            self._sign_approval()
        else:
            review.set_status(article, status, "")
        self._review_touched(STATUS_FIELD)

    def _sign_approval(self) -> None:
        """Sign the approval with the desk key; without a keyring it stays unverified."""
        from editor.storage import approvals
        from editor.storage.secrets import SecretStoreError

        try:
            approvals.sign(self._article)
        except SecretStoreError:
            pass  # the status line says "unverified"; the export publishes it as a draft

    def approve(self) -> None:
        """Approve the article as it is now, recording who and when."""
        self.set_status(Status.APPROVED)

    def return_to_reporter(self) -> None:
        """Send the article back as a draft, noting that the desk saw it."""
        self.set_status(Status.DRAFT)
        review.mark_desk_review(self._article, self.user.name)
        self._review_touched(STATUS_FIELD)

    def _withdraw_stale_approval(self) -> None:
        """Send an approved article whose text just changed back to the desk."""
        if self._article.status is Status.APPROVED and review.edited_after_approval(self._article):
            self._review_touched(STATUS_FIELD)
            self.approval_withdrawn.emit()

    # Revisions ---------------------------------------------------------------------------
    def restore_revision(self, revision_id: str) -> bool:
        """Put a revision's texts back as edits (the body as one undoable step).

        The status is not restored: an approved article whose text changes goes back to the
        desk, as after any edit.
        """
        state = review.revision_fields(self.article, revision_id)
        if state is None:
            return False
        restored = self.article.copy()
        review.apply_revision_fields(restored, state)
        for name in RESTORED_FIELDS:
            self.set_field(name, getattr(restored, name))
        self.set_lead_image(restored.lead_image)
        if restored.body != self.article.body:
            self.set_body(restored.body)
        self.revision_restored.emit(revision_id)
        return True

    @contextmanager
    def _revision_for_save(self) -> Iterator[dict[str, Any]]:
        """Record the save's revision, signed by the user; take it back if the save fails.

        A save that is refused, cancelled or retried after "changed on disk" leaves no
        revision of its own, and the summary stays for the save that goes through.
        """
        article = self._article
        review.reanchor(article)
        checkpoint = review.history_checkpoint(article)
        entry = review.record_revision(article, self.user.name, self.save_summary.strip())
        try:
            yield entry
        except BaseException:
            review.rollback_history(article, checkpoint)
            raise
        self.save_summary = ""
        self.revision_recorded.emit(entry)

    def _shift_note_anchors(self, position: int, removed: int, added: int) -> None:
        review.shift_notes(self._article.private, "body", position, removed, added)

    def _review_touched(self, name: str) -> None:
        self.set_modified(True)
        if name == NOTES_FIELD:
            self.notes_changed.emit()
        else:
            self.status_changed.emit(self._article.status)
        self.changed.emit(name)

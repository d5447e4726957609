"""ArticleDocument: the one object that owns an article's life in the app.

Widgets call it; it emits `changed(field)`, `saved`, `path_changed` and `modified_changed`.
The body lives in a QTextDocument the document owns (the body editor only shows it), so a
keystroke costs an emitted signal, never a copy of the whole body; `article` copies the
body out lazily when someone asks for it.

It also guards its file: saves go through `safe_save` with the fingerprint recorded at load
or last save (outside changes are refused, not overwritten), a lock file tells other copies
of the app that the file is open, and a watcher reports outside changes (`changed_on_disk`)
while ignoring the document's own saves, which it recognises by their fingerprint.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal
from PySide6.QtGui import QTextCursor, QTextDocument

from editor import resources
from editor.core import clock
from editor.core.model import Article, Author, LeadImage, Status
from editor.storage import Kind, kind_of, read_article
from editor.storage import images as image_check
from editor.storage.safe_save import fingerprint, main_file, save_document
from editor.ui.body_layout import BodyLayout
from editor.ui.body_text import BodyText
from editor.ui.document_review import STATUS_FIELD, DocumentReview
from editor.ui.identity import User

if TYPE_CHECKING:  # the lock (socket, getpass) loads when a file is opened
    from editor.storage.lock import DocumentLock, LockInfo

TEXT_FIELDS = ("headline", "web_title", "social_title", "subhead", "summary", "section", "slug")
ALL_FIELDS = "*"  # `changed` carries this after a load or a new document


class ArticleDocument(QObject, DocumentReview):
    """One article: its file, its form (kind), its unsaved state and its undoable body."""

    changed = Signal(str)  # field name, "notes", or "*" when the whole article was replaced
    notes_changed = Signal()  # a note was added, answered, resolved or reopened
    status_changed = Signal(object)  # Status, after who approved was recorded or dropped
    approval_withdrawn = Signal()  # an approved article's text changed: back to the desk
    revision_recorded = Signal(object)  # the revision entry a save just recorded
    revision_restored = Signal(str)  # revision id
    user_changed = Signal(object)  # User: who signs, and whether they may approve
    body_edited = Signal(int, int, int)  # position, chars removed, chars added (committed)
    composing = Signal()  # an input-method preedit step in the body: typing goes on
    modified_changed = Signal(bool)
    saved = Signal(object)  # Path written
    path_changed = Signal(object)  # Path | None
    changed_on_disk = Signal(bool)  # True if the file is still there, False if it is gone

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._article = Article()
        self._path: Path | None = None
        self._kind: Kind | None = None
        self._modified = False
        self._body_stale = False
        self._layout_only = 0
        self.user = User()
        self.save_summary = ""
        self._fingerprint: str | None = None  # of the file as loaded or last saved
        self._notified: str | None = None  # the outside change last reported
        self._lock: DocumentLock | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_watcher_file_changed)
        self.body_document = QTextDocument(self)
        # BodyLayout: a keystroke lays out and repaints its paragraph, not the view.
        self.body_document.setDocumentLayout(BodyLayout(self.body_document))
        self.body_document.setUndoRedoEnabled(True)
        # Connected first, so every other reader of the body sees the edit already applied.
        self._body_text = BodyText(self.body_document)
        self.body_document.contentsChange.connect(self._on_body_contents_change)

    # State -------------------------------------------------------------------------------
    @property
    def article(self) -> Article:
        """Return the live article (the body brought up to date first); do not mutate it."""
        if self._body_stale:
            self._article.body = self.body_text()
            self._body_stale = False
        return self._article

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def kind(self) -> Kind | None:
        return self._kind

    @property
    def base_fingerprint(self) -> str | None:
        """Return the fingerprint of the file as this document last read or wrote it."""
        return self._fingerprint

    @property
    def is_modified(self) -> bool:
        return self._modified

    @property
    def is_untitled(self) -> bool:
        return self._path is None

    def display_name(self) -> str:
        """Return the file name shown in the title bar and prompts."""
        return self._path.name if self._path else self.tr("Untitled")

    def body_text(self) -> str:
        """Return the body as Markdown text (non-breaking spaces kept).

        Kept per paragraph (BodyText): after an edit this costs what the edit touched, not
        a copy of the whole body; it equals toRawText() with paragraph separators as "\n".
        """
        return self._body_text.text()

    @property
    def kept_body(self) -> BodyText:
        """Return the body's text as kept per paragraph (its readers share one read of a change)."""
        return self._body_text

    def body_length(self) -> int:
        """Return the body's length in characters without copying it out."""
        return max(self.body_document.characterCount() - 1, 0)

    def set_modified(self, modified: bool) -> None:
        """Mark the document as changed since its last save, or not."""
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    # Editing -----------------------------------------------------------------------------
    def set_field(self, name: str, value: Any) -> None:
        """Change one front-matter field (headline, subhead, tags, status, authors…)."""
        article = self._article
        if name in TEXT_FIELDS:
            value = str(value)
        elif name == "tags":
            value = [str(t).strip() for t in value if str(t).strip()]
        elif name == STATUS_FIELD:
            self.set_status(value)  # records or drops who approved
            return
        elif name == "authors":
            value = [replace(a) for a in value]
        elif name == "target":
            value = replace(value)
        elif name not in ("lead_image", "embargo"):
            raise KeyError(name)
        if getattr(article, name) == value:
            return
        setattr(article, name, value)
        self._touch(name)
        self._withdraw_stale_approval()

    def set_lead_image(self, lead: LeadImage) -> None:
        """Replace the lead image's reference and texts."""
        self.set_field("lead_image", replace(lead))

    def add_image(self, name: str, data: bytes) -> str:
        """Check an image and store it in the document; return its bundle path.

        Raises:
            ImageError: the data is not an image the site takes.
        """
        image_check.inspect(data, name)
        before = len(self._article.images)
        ref = self._article.add_image(name, data)
        if len(self._article.images) != before:
            self._touch("images")  # a new file is not a new text: the approval stands
        return ref

    def set_lead_image_file(self, name: str, data: bytes) -> str:
        """Store an image and make it the lead image, keeping its texts; return its path."""
        ref = self.add_image(name, data)
        self.set_lead_image(replace(self._article.lead_image, src=ref))
        return ref

    def remove_lead_image(self) -> None:
        """Drop the lead image and its texts (the file stays if the body uses it)."""
        self.set_lead_image(LeadImage())

    def set_body(self, text: str) -> None:
        """Replace the whole body as one undoable step."""
        cursor = QTextCursor(self.body_document)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(text)

    @contextmanager
    def layout_only(self) -> Iterator[None]:
        """Treat body changes inside as display-only (input-method preedit), not edits."""
        self._layout_only += 1
        try:
            yield
        finally:
            self._layout_only -= 1

    # Files -------------------------------------------------------------------------------
    def load(self, path: Path) -> None:
        """Open the article at path (.article, page-bundle folder or .md).

        Raises:
            DocumentError: the file cannot be read; the document is left as it was.
        """
        path = Path(path)
        article = read_article(path)
        self._replace(article, path.resolve(), kind_of(path))

    def load_sample(self) -> None:
        """Open the bundled sample as an untitled copy."""
        article = read_article(resources.sample_path())
        self._replace(article, None, None)

    def new_blank(self, author: Author | None = None) -> None:
        """Start an empty article, bylined to author when given."""
        now = clock.now()
        article = Article(created=now, updated=now, status=Status.DRAFT)
        if author and (author.name or author.email):
            article.authors = [replace(author)]
        self._replace(article, None, None)

    def restore(self, article: Article, origin: Path | None, base: str | None = None) -> None:
        """Show a recovered draft as an unsaved document, bound to its original file if any.

        Args:
            base: the file's fingerprint when the draft was written; a later outside change
                then makes the next save ask before overwriting it.
        """
        kind = None if origin is None else guess_kind(Path(origin))
        self._replace(article, None if origin is None else Path(origin).resolve(), kind)
        if origin is not None and base is not None:
            self._fingerprint = base
        self.set_modified(True)

    def save(self, *, force: bool = False) -> Path:
        """Write the document where it came from.

        Args:
            force: overwrite the file even if another program changed it since it was read.
        Raises:
            ChangedOnDiskError: the file changed on disk since it was read (and not force).
            DocumentError: the file cannot be written; the document stays as it was.
            ValueError: the document has no path yet (use save_as).
        """
        if self._path is None:
            raise ValueError("an untitled document needs save_as")
        kind = self._kind or kind_of(self._path)
        return self._write(self._path, kind, expected=self._fingerprint, force=force)

    def save_as(self, path: Path, kind: Kind | None = None) -> Path:
        """Write the document to a new place and keep editing it there.

        Raises:
            DocumentError: the file cannot be written.
        """
        path = Path(path)
        kind = kind or guess_kind(path)
        written = self._write(path, kind, expected=None, force=True)
        if written != self._path:
            self._path, self._kind = written, kind
            self._guard(written)
            self.path_changed.emit(written)
        self._kind = kind
        return written

    def lock_holder(self, path: Path) -> LockInfo | None:
        """Return who else has path open (another app, another machine), or None."""
        from editor.storage.lock import DocumentLock

        return DocumentLock(Path(path)).holder()

    def close(self) -> None:
        """Let go of the file: stop watching it and release its lock."""
        self._guard(None)

    # Internals ---------------------------------------------------------------------------
    def _write(self, path: Path, kind: Kind, *, expected: str | None, force: bool) -> Path:
        article = self.article
        previous = article.updated
        article.updated = clock.now()
        article.created = article.created or article.updated
        try:
            with self._revision_for_save():  # one save, one signed revision
                self._fingerprint = save_document(
                    article, path, kind, expected=expected, force=force
                )
        except Exception:
            article.updated = previous
            raise
        written = path.resolve()
        self._notified = self._fingerprint
        self._watch(written, kind)
        self.set_modified(False)
        self.saved.emit(written)
        return written

    def _replace(self, article: Article, path: Path | None, kind: Kind | None) -> None:
        self._article = article
        with self.layout_only():
            self.body_document.setPlainText(article.body)
        self.body_document.clearUndoRedoStacks()
        self._body_stale = False
        old_path, self._path, self._kind = self._path, path, kind
        self._guard(path)
        self.set_modified(False)
        if old_path != path:
            self.path_changed.emit(path)
        self.changed.emit(ALL_FIELDS)

    def _guard(self, path: Path | None) -> None:
        """Move the lock and the watcher to path (None lets go of both)."""
        if path is not None:
            from editor.storage.lock import DocumentLock  # not for the sample shown at start
        if self._lock is not None and (path is None or self._lock.path != DocumentLock(path).path):
            self._lock.release()
            self._lock = None
        if path is not None and self._lock is None:
            self._lock = DocumentLock(path)
            self._lock.acquire()
        self._fingerprint = None if path is None else fingerprint(path, self._kind)
        self._notified = self._fingerprint
        if path is None:
            self._unwatch()
        else:
            self._watch(path, self._kind or kind_of(path))

    def _watch(self, path: Path, kind: Kind) -> None:
        self._unwatch()
        target = main_file(path, kind)
        if target.exists():
            self._watcher.addPath(str(target))

    def _unwatch(self) -> None:
        if self._watcher.files():
            self._watcher.removePaths(self._watcher.files())

    def _on_watcher_file_changed(self, name: str) -> None:
        if self._path is None:
            return
        if Path(name).exists():
            self._watcher.addPath(name)  # an atomic replace drops the old file from the watch
        current = fingerprint(self._path, self._kind)
        if current == self._fingerprint:
            return  # our own save, or a touch that changed nothing
        if current == self._notified:
            return  # one outside change may arrive as several events
        self._notified = current
        self.changed_on_disk.emit(current is not None)

    def _touch(self, name: str) -> None:
        self.set_modified(True)
        self.changed.emit(name)

    def _on_body_contents_change(self, position: int, removed: int, added: int) -> None:
        self._body_text.contents_changed(position, removed, added)  # a preedit, a load too
        if self._layout_only:
            self.composing.emit()
            return
        if removed == 0 and added == 0:
            return
        self._body_stale = True
        self._shift_note_anchors(position, removed, added)
        self.set_modified(True)
        self.body_edited.emit(position, removed, added)
        self.changed.emit("body")
        self._withdraw_stale_approval()


def guess_kind(path: Path) -> Kind:
    """Tell the form a new file should take: .article, .md, or a bundle folder."""
    if path.is_dir() or not path.suffix:
        return Kind.BUNDLE
    return kind_of(path)

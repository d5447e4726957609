"""Autosave: every open document, saved or not, is copied to the drafts folder soon after a change.

A keystroke only restarts a timer. When typing pauses for the interval, when the oldest
unwritten change is MAX_DELAY_FACTOR intervals old however fast the typing goes on, or when
the app loses focus, the article is copied on the UI thread — cheap: strings and image bytes
are shared — and written as a draft on the autosaver's own worker thread (never queued
behind preview renders). The promise, tested by killing an app that types non-stop: never
more than MAX_LOSS_FACTOR intervals of typing are lost (9 s at the default 3 s). The draft
goes away after a clean save, an explicit discard, or when the window closes without
unsaved changes; a crash leaves it behind for the next start to offer (see recovery.py).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QThreadPool, QTimer, Signal, SignalInstance
from PySide6.QtGui import QGuiApplication

from editor.core.errors import ArticleError
from editor.core.model import Article
from editor.storage.drafts import DraftStore
from editor.ui import messages
from editor.ui.document import ALL_FIELDS, ArticleDocument

DEFAULT_INTERVAL_MS = 3000
MAX_DELAY_FACTOR = 2  # the oldest unwritten change is copied out at most 2 intervals later
MAX_LOSS_FACTOR = 3  # the promise: the third interval is the margin for writing the draft


class Autosaver(QObject):
    """Keep one document's draft up to date; discard it when the work is safe elsewhere."""

    draft_written = Signal(str)  # draft id
    draft_failed = Signal(str)  # the reason, in the lower layer's words

    def __init__(
        self,
        document: ArticleDocument,
        store: DraftStore | None = None,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store or DraftStore()
        self.draft_id = self.store.new_id()
        self.pool = QThreadPool(self)  # its own thread: a busy preview never delays a draft
        self.pool.setMaxThreadCount(1)
        self._io_lock = threading.Lock()  # orders a worker's write against a discard
        self._epoch = 0  # bumped by every discard; a write from an older epoch is dropped
        self._written = False
        self._pending = QElapsedTimer()
        self._interval = max(50, int(interval_ms))
        self._timer = QTimer(self, singleShot=True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.flush)
        document.changed.connect(self._on_document_changed)
        document.saved.connect(self._on_document_saved)
        app = QGuiApplication.instance()
        if app is not None:
            app.applicationStateChanged.connect(self._on_application_state_changed)
        if document.is_modified:  # changed before autosave started (it starts after first paint)
            self._on_document_changed("")

    @property
    def interval_ms(self) -> int:
        return self._interval

    def is_pending(self) -> bool:
        """Tell whether a change waits to be written."""
        return self._timer.isActive()

    def flush(self) -> None:
        """Write the draft now (on a worker thread) if the document has unsaved changes."""
        self._timer.stop()
        self._pending.invalidate()
        if not self.document.is_modified:
            return
        article = self.document.article.copy()
        origin = str(self.document.path) if self.document.path else None
        base = self.document.base_fingerprint
        draft_id, epoch = self.draft_id, self._epoch
        self.pool.start(lambda: self._write(draft_id, epoch, article, origin, base))

    def discard(self) -> None:
        """Remove the draft: the work was saved, or the user chose to throw it away."""
        self._timer.stop()
        self._pending.invalidate()
        with self._io_lock:
            self._epoch += 1
            if self._written:
                self.store.discard(self.draft_id)
                self._written = False

    def adopt(self, draft_id: str) -> None:
        """Continue a recovered draft: keep it (under this process) until saved or discarded."""
        self.discard()
        self.draft_id = draft_id
        self._written = True
        self.flush()

    def wait(self, msecs: int = 10_000) -> bool:
        """Wait for draft writes in flight (tests, and before quitting)."""
        return self.pool.waitForDone(msecs)

    # Worker thread -----------------------------------------------------------------------
    def _write(
        self, draft_id: str, epoch: int, article: Article, origin: str | None, base: str | None
    ) -> None:
        with self._io_lock:
            if epoch != self._epoch or draft_id != self.draft_id:
                return  # saved or discarded meanwhile: writing now would resurrect it
            try:
                self.store.save(draft_id, article, origin, base)
            except (ArticleError, OSError) as exc:
                words = (
                    messages.error_words(exc)
                    if isinstance(exc, ArticleError)
                    else messages.describe(exc)
                )
                self._report(self.draft_failed, words)
                return
            self._written = True
        self._report(self.draft_written, draft_id)

    @staticmethod
    def _report(signal: SignalInstance, value: str) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            pass  # the window closed while the draft was being written: nobody to tell

    # Slots -------------------------------------------------------------------------------
    def _on_document_changed(self, field: str) -> None:
        if field == ALL_FIELDS:
            # A new article replaced the old one, which was saved or discarded first.
            self.discard()
            self.draft_id = self.store.new_id()
            return
        if not self._pending.isValid():
            self._pending.start()  # the oldest change not yet copied out for a draft
        left = MAX_DELAY_FACTOR * self._interval - self._pending.elapsed()
        if left <= 0:
            self.flush()  # typing never paused: the deadline, not the debounce, decides
            return
        self._timer.start(min(self._interval, left))  # debounce, but never past the deadline

    def _on_document_saved(self, _path: object) -> None:
        self.discard()

    def _on_application_state_changed(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self._timer.isActive():
            self.flush()

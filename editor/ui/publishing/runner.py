"""Send outbox jobs off the UI thread, one at a time, and retry on a timer."""

from __future__ import annotations

import threading
from dataclasses import asdict

from PySide6.QtCore import QObject, QTimer, Signal

from editor.core.errors import ArticleError
from editor.publish.outbox import Job, Outbox

RETRY_CHECK_MS = 15_000  # look for due jobs this often; each job's own back-off decides


class OutboxRunner(QObject):
    """Own the sending thread; say what happens with signals (always on the UI thread)."""

    job_changed = Signal(object)  # Job, after each state change
    busy_changed = Signal(bool)

    def __init__(
        self, outbox: Outbox, parent: QObject | None = None, interval_ms: int = RETRY_CHECK_MS
    ):
        super().__init__(parent)
        self.outbox = outbox
        self._thread: threading.Thread | None = None
        self._wanted: list[str] = []
        self._running = False  # a worker is in its loop (set and cleared under the lock)
        self._lock = threading.Lock()
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.send_due)
        self.timer.start()

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def send(self, job_id: str) -> None:
        """Send one job soon (now, unless another is being sent)."""
        with self._lock:
            if job_id not in self._wanted:
                self._wanted.append(job_id)
            start, self._running = not self._running, True
        if start:  # else the running worker takes it before it stops (same lock)
            self._start()

    def send_due(self) -> None:
        """Send every job whose back-off has passed."""
        for job in self.outbox.due():
            self.send(job.id)

    def wait(self, timeout: float = 60.0) -> None:
        """Wait for the sending thread (closing the window, tests)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._work, name="outbox", daemon=True)
        self.busy_changed.emit(True)
        self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                if not self._wanted:
                    self._running = False
                    break
                job_id = self._wanted.pop(0)
            try:
                self.job_changed.emit(_sending(self.outbox, job_id))
                self.job_changed.emit(self.outbox.send(job_id))
            except Exception as exc:  # noqa: BLE001 - a broken job must not stop the others
                self._report_broken(job_id, exc)
        self.busy_changed.emit(False)

    def _report_broken(self, job_id: str, exc: Exception) -> None:
        try:
            job = self.outbox.get(job_id)
        except (OSError, ValueError, TypeError):
            return
        job.state, job.message = "failed", str(exc)
        job.error = asdict(exc.record()) if isinstance(exc, ArticleError) else {}
        self.outbox.save(job)
        self.job_changed.emit(job)


def _sending(outbox: Outbox, job_id: str) -> Job:
    job = outbox.get(job_id)
    job.state = "sending"
    return job

"""The outbox: publish jobs kept on disk until the target has them, sent once.

Each job is two files in the app data folder's outbox/: <id>.json (target, state, the remote
record so far) and <id>.article (the revision to send). Both are written atomically, and the
record is saved after every step that changed the remote, so a job killed mid-upload resumes
where it stopped. A job being sent holds an OS file lock, which the OS drops when the process
dies; two processes can never send the same job.
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from editor.core.errors import ArticleError
from editor.core.model import Article
from editor.paths import data_dir
from editor.publish.errors import AuthError, ConflictError, UnreachableError
from editor.publish.targets import Sent, Target, password_for, publisher_for
from editor.storage import container
from editor.storage.atomic import atomic_write

QUEUED, SENDING, SENT, FAILED = "queued", "sending", "sent", "failed"
FIRST_RETRY = 30.0  # seconds; doubles each time up to an hour
LAST_RETRY = 3600.0


@dataclass
class Job:
    """One article revision on its way to one target."""

    id: str
    target: dict[str, Any]
    source: str  # the file the article came from ("" when none): the record goes back there
    headline: str
    state: str = QUEUED
    created: str = ""
    attempts: int = 0
    next_try: str = ""
    message: str = ""  # the last error in English (the CLI's words)
    error: dict[str, Any] = field(default_factory=dict)  # … as code and arguments (ErrorRecord)
    url: str = ""  # where the article is, once sent
    status: str = ""  # a wanted remote status (--status), "" for the article's own
    overwrite: bool = False
    conflict: bool = False
    reason: str = ""  # why it is not sent: unreachable, auth, conflict or refused
    write_back: bool = True  # record the remote id in the source file (the app keeps its own)
    remote: dict[str, Any] = field(default_factory=dict)  # on a conflict: the web's copy
    ours: dict[str, Any] = field(default_factory=dict)  # … and what we would have sent
    record: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def target_obj(self) -> Target:
        return Target.from_dict(self.target)


def backoff(attempts: int) -> float:
    """Return the seconds to wait after `attempts` failed tries."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LAST_RETRY)


class Outbox:
    """The durable queue of publish jobs in one folder."""

    def __init__(self, folder: Path | None = None, now: Callable[[], datetime] | None = None):
        self.folder = Path(folder) if folder else data_dir() / "outbox"
        self.now = now or (lambda: datetime.now(UTC))

    # -- the queue --------------------------------------------------------------------------
    def add(self, article: Article, target: Target, *, source: str = "", **options) -> Job:
        """Queue the article for the target; an unsent job for the same pair is replaced.

        Replacing (not adding) keeps a second Publish click from making a second post.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.jobs():
            same = old.target_obj.key == target.key and old.source == source and source
            if same and old.state in (QUEUED, FAILED) and self._try_lock(old.id) is not None:
                self.remove(old.id)
        job = Job(uuid.uuid4().hex[:12], target.to_dict(), source, article.headline,
                  created=self.now().isoformat(),
                  record=stored_record(Path(source), article, target.key) if source else {},
                  **options)  # fmt: skip
        atomic_write(self._article_path(job.id), container.write(article))
        self.save(job)
        return job

    def jobs(self) -> list[Job]:
        """Return every job, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in self.folder.glob("*.json"):
            with contextlib.suppress(OSError, ValueError, TypeError):
                found.append(Job(**json.loads(path.read_text(encoding="utf-8"))))
        return sorted(found, key=lambda j: (j.created, j.id))

    def get(self, job_id: str) -> Job:
        return Job(**json.loads((self.folder / f"{job_id}.json").read_text(encoding="utf-8")))

    def save(self, job: Job) -> None:
        blob = json.dumps(asdict(job), ensure_ascii=False, indent=1, sort_keys=True)
        atomic_write(self.folder / f"{job.id}.json", blob.encode("utf-8"))

    def retry(self, job_id: str, *, overwrite: bool = False) -> Job:
        """Put a failed job back in the queue (overwrite: the user chose to replace the web's)."""
        job = self.get(job_id)
        job.state, job.next_try, job.message, job.reason = QUEUED, "", "", ""
        job.error = {}
        job.overwrite = job.overwrite or overwrite
        job.conflict, job.remote, job.ours = False, {}, {}
        self.save(job)
        return job

    def remove(self, job_id: str) -> None:
        for suffix in (".json", ".article", ".lock"):
            with contextlib.suppress(OSError):
                (self.folder / f"{job_id}{suffix}").unlink()

    def due(self, *, ignore_backoff: bool = False) -> list[Job]:
        """Return the jobs to send now (queued and due, or left sending by a killed run)."""
        now = self.now()
        out = []
        for job in self.jobs():
            if job.state not in (QUEUED, SENDING):
                continue
            if not ignore_backoff and job.next_try and datetime.fromisoformat(job.next_try) > now:
                continue
            out.append(job)
        return out

    # -- sending ----------------------------------------------------------------------------
    def send(self, job_id: str, progress=None) -> Job:  # noqa: ANN001
        """Send one job now; return it in its new state (sent, queued again, or failed).

        A job another process is sending is returned as it is.
        """
        with self._locked(job_id) as got:
            job = self.get(job_id)
            if not got or job.state in (SENT, FAILED):
                return job
            return self._send_locked(job, progress)

    def send_due(self, *, ignore_backoff: bool = False, progress=None) -> list[Job]:  # noqa: ANN001
        """Send every due job; return them in their new states."""
        return [self.send(job.id, progress) for job in self.due(ignore_backoff=ignore_backoff)]

    def _send_locked(self, job: Job, progress) -> Job:  # noqa: ANN001
        article = container.read(self._article_path(job.id).read_bytes(), job.id)
        target = job.target_obj
        job.state, job.attempts = SENDING, job.attempts + 1
        job.record = self._freshest_record(job, target)
        self.save(job)

        def journal(record: dict[str, Any]) -> None:
            job.record = record
            self.save(job)

        try:
            publisher = publisher_for(target, password_for(target))
            sent = publisher.publish(article, job.record, status=job.status or None,
                                     overwrite=job.overwrite, progress=progress, journal=journal)  # fmt: skip
        except UnreachableError as exc:
            job.state, job.message, job.reason = QUEUED, str(exc), "unreachable"
            job.error = asdict(exc.record())
            job.next_try = (self.now() + timedelta(seconds=backoff(job.attempts))).isoformat()
        except ArticleError as exc:  # refused, bad settings, a broken image: the user's to fix
            job.state, job.message, job.error = FAILED, str(exc), asdict(exc.record())
            job.conflict = isinstance(exc, ConflictError)
            job.reason = (
                "conflict" if job.conflict else "auth" if isinstance(exc, AuthError) else "refused"
            )
            if isinstance(exc, ConflictError):
                job.remote, job.ours = asdict(exc.remote), asdict(exc.ours)
        else:
            self._done(job, sent, target)
        self.save(job)
        return job

    def _done(self, job: Job, sent: Sent, target: Target) -> None:
        job.state, job.url, job.message, job.reason = SENT, sent.url, "", ""
        job.error = {}
        job.record, job.warnings = sent.record, sent.warnings
        job.next_try = ""
        if job.source and job.write_back:
            write_back(Path(job.source), target.key, sent.record)

    def _freshest_record(self, job: Job, target: Target) -> dict[str, Any]:
        """Prefer the job's own record; take the source's when it knows a newer remote id."""
        if job.record.get("post_id") or job.record.get("path") or not job.source:
            return job.record
        from editor.publish.records import record_for

        with contextlib.suppress(Exception):
            from editor.storage import read_article

            found = record_for(read_article(job.source), target.key)
            if found:
                merged = dict(job.record)
                merged.update(found)
                return merged
        return job.record

    def _article_path(self, job_id: str) -> Path:
        return self.folder / f"{job_id}.article"

    @contextlib.contextmanager
    def _locked(self, job_id: str) -> Iterator[bool]:
        handle = self._try_lock(job_id)
        try:
            yield handle is not None
        finally:
            if handle is not None:
                handle.close()  # closing drops the lock

    def _try_lock(self, job_id: str):  # noqa: ANN202 - an open file or None
        self.folder.mkdir(parents=True, exist_ok=True)
        handle = open(self.folder / f"{job_id}.lock", "a+b")  # noqa: SIM115 - held while sending
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return None
        return handle


def _lock(handle) -> None:  # noqa: ANN001
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)


def write_back(source: Path, target_key: str, record: dict[str, Any]) -> None:
    """Record where the article went in its .article (other forms: the outbox's index)."""
    from editor.publish.records import set_record
    from editor.storage import Kind, kind_of, read_article, write_article

    if source.exists() and kind_of(source) is Kind.ARTICLE:
        article = read_article(source)  # the file as it is now: the reporter may have typed on
        set_record(article, target_key, record)
        write_article(article, source)
        return
    index = data_dir() / "publish-records.json"
    with contextlib.suppress(OSError, ValueError):
        data = json.loads(index.read_text(encoding="utf-8")) if index.exists() else {}
        data.setdefault(str(source.resolve()), {})[target_key] = record
        index.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(index, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def stored_record(source: Path, article: Article, target_key: str) -> dict[str, Any]:
    """Return the record of a source: its .article's, or the index's for bundles and .md."""
    from editor.publish.records import record_for

    found = record_for(article, target_key)
    if found:
        return found
    index = data_dir() / "publish-records.json"
    with contextlib.suppress(OSError, ValueError, AttributeError):
        data = json.loads(index.read_text(encoding="utf-8"))
        return dict(data.get(str(source.resolve()), {}).get(target_key, {}))
    return {}

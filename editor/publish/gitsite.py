"""A Hugo or Jekyll site kept in Git: commit the article where the site keeps articles, push.

The `git` binary, not a pure-Python git: every newsroom machine that has a site repository
has git, and pushing through it uses the reporter's own SSH keys, credential helper and
proxy settings, which a library would have to re-implement.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from editor.core.assignment import embargo_notice
from editor.core.model import Article
from editor.export.bundle import Files
from editor.publish.errors import (
    ConflictError,
    ErrorCode,
    PublishError,
    RemoteCopy,
    UnreachableError,
)
from editor.publish.records import content_hash
from editor.publish.site_layout import site_files
from editor.publish.targets import Sent

_NETWORK = re.compile(
    r"Could not resolve host|Connection refused|Connection timed out|Network is unreachable|"
    r"unable to access|Could not read from remote repository|timed out",
    re.IGNORECASE,
)


class GitPublisher:
    """Publish articles into one branch of one site repository."""

    def __init__(self, repo: str, branch: str = "", layout: str = "hugo", content_dir: str = ""):
        self.repo = repo
        self.branch = branch
        self.layout = layout
        self.content_dir = content_dir
        self._pending: Files | None = None

    def publish(self, article: Article, record: dict[str, Any], *, overwrite: bool = False,
                progress=None, journal=None, **_ignored) -> Sent:  # fmt: skip
        """Commit the article's files (the same path on republish) and push.

        Raises:
            UnreachableError: the remote did not answer (queued for later).
            ConflictError: the files were changed in the repository since we sent them.
            PublishError: git refused (no such repository, no permission, rejected push).
        """
        record = dict(record)
        first = not record.get("commit")
        work = Path(tempfile.mkdtemp(prefix="article-editor-git-"))
        try:
            clone = self._clone(work)
            files, folder, removed = site_files(article, self.layout, self.content_dir, record)
            if not overwrite:
                self._pending = files
                self._check_conflict(clone, record)
            self._write(clone, files, removed)
            commit = self._commit(clone, article, list(files) + removed)
            self._push(clone)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        record.update(path=folder, files=sorted(files), commit=commit,
                      sent_hash=_files_hash(files))  # fmt: skip
        if journal:
            journal(record)
        notice = embargo_notice(article)  # the files hold it back; the user hears why
        return Sent(folder, f"{self.repo}#{commit[:12]}:{folder}", "committed", record,
                    [notice] if notice else [], created=first)  # fmt: skip

    def _git(self, *args: str, cwd: Path | None = None) -> str:
        env = dict(os.environ, GIT_TERMINAL_PROMPT="0", LC_ALL="C")  # never wait on a prompt
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                                  env=env, timeout=300)  # fmt: skip
        except FileNotFoundError as exc:
            raise PublishError(ErrorCode.GIT_MISSING) from exc
        except subprocess.TimeoutExpired as exc:
            raise UnreachableError(ErrorCode.NO_ANSWER_IN_TIME, url=self.repo) from exc
        if done.returncode != 0:
            words = (done.stderr or done.stdout).strip().splitlines()
            last = words[-1] if words else f"git {args[0]} failed"
            if _NETWORK.search(done.stderr or ""):
                raise UnreachableError(ErrorCode.NO_ANSWER, url=self.repo, reason=last)
            raise PublishError(ErrorCode.GIT_REFUSED, words=last)
        return done.stdout

    def _clone(self, work: Path) -> Path:
        local = Path(self.repo).expanduser()
        if not re.match(r"^[\w+.-]+://|^[\w.-]+@[\w.-]+:", self.repo) and not local.exists():
            raise PublishError(ErrorCode.GIT_NO_REPO, repo=self.repo)
        args = ["clone", "--quiet", "--depth", "1", "--no-tags"]
        if self.branch:
            args += ["--branch", self.branch]
        self._git(*args, "--", self.repo, str(work / "site"))
        return work / "site"

    def _check_conflict(self, clone: Path, record: dict[str, Any]) -> None:
        if not record.get("sent_hash"):
            return
        now = {name: _read(clone / name) for name in record.get("files", [])}
        if _files_hash(now) == record["sent_hash"]:
            return
        raise ConflictError(
            ErrorCode.GIT_CHANGED,
            name=record.get("path"),
            remote=RemoteCopy(content=_text(now)),
            ours=RemoteCopy(content=_text(self._pending or {})),
        )

    def _write(self, clone: Path, files: Files, removed: list[str]) -> None:
        root = clone.resolve()
        for name in removed:
            target = clone / name
            if target.is_file() and not target.is_symlink():
                target.unlink()
        for name, data in files.items():
            target = clone / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.parent.resolve().is_relative_to(root) or target.is_symlink():
                raise PublishError(ErrorCode.GIT_LINK, name=name)
            target.write_bytes(data)

    def _commit(self, clone: Path, article: Article, names: list[str]) -> str:
        self._git("add", "--all", "--", *names, cwd=clone)
        if not self._git("status", "--porcelain", cwd=clone).strip():
            return self._git("rev-parse", "HEAD", cwd=clone).strip()  # nothing changed
        who = article.authors[0] if article.authors else None
        ident = []
        if not self._configured(clone):
            name = who.name if who and who.name else "Article Editor"
            email = who.email if who and who.email else "article-editor@localhost"
            ident = ["-c", f"user.name={name}", "-c", f"user.email={email}"]
        message = f"Publish: {article.headline.strip() or article.slug}"
        self._git(*ident, "commit", "--quiet", "-m", message, cwd=clone)
        return self._git("rev-parse", "HEAD", cwd=clone).strip()

    def _configured(self, clone: Path) -> bool:
        try:
            return bool(self._git("config", "user.email", cwd=clone).strip())
        except PublishError:
            return False

    def _push(self, clone: Path) -> None:
        branch = self._git("rev-parse", "--abbrev-ref", "HEAD", cwd=clone).strip()
        self._git("push", "--quiet", "origin", f"HEAD:{self.branch or branch}", cwd=clone)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def _files_hash(files: dict[str, bytes]) -> str:
    return content_hash(*(f"{name}\n{data.hex()}" for name, data in sorted(files.items())))


def _text(files: dict[str, bytes]) -> str:
    return "\n".join(
        data.decode("utf-8", "replace") for name, data in files.items() if name.endswith(".md")
    )

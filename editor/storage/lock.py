"""Lock files: warn when a document is already open in another app or on another machine."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from editor.core import clock


@dataclass(frozen=True)
class LockInfo:
    host: str
    pid: int
    user: str
    since: str


def process_alive(pid: int) -> bool:
    """Tell whether a process with this id runs on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def lock_path(document: Path) -> Path:
    """Return the lock file of a document: beside it, hidden; inside a bundle folder."""
    if document.is_dir():
        return document / ".article-editor.lock"
    return document.parent / f".~lock.{document.name}#"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - getpass raises several kinds when no user is known
        return ""


class DocumentLock:
    """A lock on one document for as long as this app has it open."""

    def __init__(self, document: Path) -> None:
        self.path = lock_path(document)
        self.held = False

    def holder(self) -> LockInfo | None:
        """Return who else holds the lock, or None if nobody does (stale locks ignored)."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            info = LockInfo(
                str(data["host"]),
                int(data["pid"]),
                str(data.get("user", "")),
                str(data.get("since", "")),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if info.host == socket.gethostname() and info.pid == os.getpid():
            return None
        if info.host == socket.gethostname() and not process_alive(info.pid):
            return None  # stale: its app is gone
        return info

    def acquire(self) -> None:
        """Write our lock (the caller asked the user first if holder() was not None)."""
        data = {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "user": _user(),
            "since": clock.to_iso(clock.now()),
        }
        with contextlib.suppress(OSError):  # a read-only folder just goes unlocked
            self.path.write_text(json.dumps(data), encoding="utf-8")
            self.held = True

    def release(self) -> None:
        """Remove our lock if it is still ours."""
        if not self.held:
            return
        with contextlib.suppress(OSError, ValueError, KeyError):
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data["pid"] == os.getpid() and data["host"] == socket.gethostname():
                self.path.unlink()
        self.held = False

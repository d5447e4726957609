"""Lock files: warn when a document is already open in another app or on another machine."""

from __future__ import annotations

import contextlib
import getpass
import json
import os
from dataclasses import dataclass
from pathlib import Path

from editor.core import clock
from editor.core.errors import ArticleError
from editor.storage import safefs
from editor.storage.atomic import write_in


@dataclass(frozen=True)
class LockInfo:
    host: str
    pid: int
    user: str
    since: str


def boot_id() -> str:
    """Return this boot's id (Linux), or "" where the system does not say."""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as handle:
            return handle.read().strip()
    except OSError:
        return ""


def start_time(pid: int) -> str:
    """Return when a process started, in clock ticks since boot (Linux), "" if unknown."""
    try:
        with open(f"/proc/{int(pid)}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rpartition(")")[2].split()
        return fields[19]
    except (OSError, IndexError, ValueError):
        return ""


def process_identity(pid: int | None = None) -> dict[str, str | int]:
    """Return what tells this process apart from a later one given the same id after a reboot."""
    pid = os.getpid() if pid is None else pid
    return {"pid": pid, "boot": boot_id(), "started": start_time(pid)}


def same_process_alive(pid: int, boot: str = "", started: str = "") -> bool:
    """Tell whether the very process recorded (id, boot id, start time) still runs.

    After a reboot, or once the id belongs to a newer process, the answer is no. Where the
    system gives no boot id or start time (not Linux), only the id is checked.
    """
    if not process_alive(pid):
        return False
    if boot and boot_id() and boot != boot_id():
        return False
    return not (started and start_time(pid) and started != start_time(pid))


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


def _identity(data: dict) -> tuple[str, str]:
    return str(data.get("boot", "")), str(data.get("started", ""))


def lock_path(document: Path) -> Path:
    """Return the lock file of a document: beside it, hidden; inside a bundle folder."""
    if document.is_dir():
        return document / ".article-editor.lock"
    return document.parent / f".~lock.{document.name}#"


def host_name() -> str:
    """Return this machine's name (what socket.gethostname() says, read from uname).

    Opening a file takes its lock on the way to the window's first frame; the socket
    module's import (its constants become Python enums) would cost ~6 ms there.
    """
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows

    return socket.gethostname()


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
            data = json.loads(safefs.read_in(self.path.parent, self.path.name, 1 << 16))
            info = LockInfo(
                str(data["host"]),
                int(data["pid"]),
                str(data.get("user", "")),
                str(data.get("since", "")),
            )
        except (OSError, ValueError, KeyError, TypeError, ArticleError):
            return None
        if info.host == host_name() and info.pid == os.getpid():
            return None
        here = info.host == host_name()
        if here and not same_process_alive(info.pid, *_identity(data)):
            return None  # stale: its app is gone (or the machine restarted since)
        return info

    def acquire(self) -> None:
        """Write our lock (the caller asked the user first if holder() was not None)."""
        data = {
            "host": host_name(),
            **process_identity(),
            "user": _user(),
            "since": clock.to_iso(clock.now()),
        }
        with contextlib.suppress(OSError, ArticleError):  # a read-only folder goes unlocked
            write_in(self.path.parent, self.path.name, json.dumps(data).encode("utf-8"))
            self.held = True

    def release(self) -> None:
        """Remove our lock if it is still ours."""
        if not self.held:
            return
        with contextlib.suppress(OSError, ValueError, KeyError, ArticleError):
            data = json.loads(safefs.read_in(self.path.parent, self.path.name, 1 << 16))
            if data["pid"] == os.getpid() and data["host"] == host_name():
                self.path.unlink()
        self.held = False

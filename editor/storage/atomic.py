"""The one writer for files: temp file in the same folder, fsync, replace."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from editor.core.errors import DocumentError


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace path with data so that a crash leaves either the old or the new file.

    Raises:
        DocumentError: the folder is not writable, the disk is full, or the like.
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise DocumentError(_reason(exc), path=str(target)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise DocumentError(_reason(exc), path=str(target)) from exc
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _reason(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ENOSPC:
        return "The disk is full; nothing was changed."
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "There is no permission to write here; nothing was changed."
    return f"The file could not be written ({exc.strerror or exc}); nothing was changed."

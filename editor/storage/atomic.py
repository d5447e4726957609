"""The one writer for files: temp file in the same folder, fsync, replace — never through a link.

The target's folder is opened once; a path inside it (images/photo.jpg of a bundle) is walked
one folder at a time with O_NOFOLLOW, so a folder that is a symbolic link is refused instead
of written through, and the final rename replaces a link at the target instead of following it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from editor.core.errors import DocumentError, ErrorCode
from editor.storage import safefs

_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
_CREATE |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace path with data so that a crash leaves either the old or the new file.

    Raises:
        DocumentError: the folder is not writable, the disk is full, or the like.
    """
    target = Path(path)
    write_in(target.parent, target.name, data)


def write_in(folder: Path, rel: str, data: bytes) -> None:
    """Replace folder/rel (a bundle-relative POSIX path) atomically, following no link.

    Missing folders on the way are made; a folder on the way that is a link is refused.

    Raises:
        DocumentError: not writable, disk full, or a link in the way (UnsafeDocumentError).
    """
    parts = rel.split("/")
    if not safefs._DIR_FDS:  # pragma: no cover - Windows
        _write_plain(folder.joinpath(*parts), data)
        return
    try:
        root = safefs.open_folder(folder)
    except DocumentError as exc:
        raise DocumentError(exc.code, path=str(folder / rel), **exc.params) from exc
    try:
        with safefs.subfolder(root, parts[:-1], folder, create=True) as parent:
            _replace_at(parent, parts[-1], data)
    except OSError as exc:
        raise _failed(exc, folder / rel) from exc
    finally:
        os.close(root)


def _replace_at(parent: int, name: str, data: bytes) -> None:
    # os.urandom is what secrets.token_hex reads; importing secrets would load hmac and
    # OpenSSL (~6 ms) on the way to the first frame, which writes the document's lock.
    tmp = f".{name[:200]}.{os.urandom(4).hex()}.tmp"
    mode = 0o644
    with contextlib.suppress(FileNotFoundError):
        old = os.stat(name, dir_fd=parent, follow_symlinks=False)
        if stat.S_ISREG(old.st_mode):
            mode = old.st_mode & 0o777
    fd = os.open(tmp, _CREATE, 0o600, dir_fd=parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), mode)
        os.replace(tmp, name, src_dir_fd=parent, dst_dir_fd=parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=parent)
        raise
    with contextlib.suppress(OSError):
        os.fsync(parent)


def _write_plain(target: Path, data: bytes) -> None:  # pragma: no cover - Windows
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise _failed(exc, target) from exc


def _failed(exc: OSError, path: Path) -> DocumentError:
    import errno

    if exc.errno == errno.ENOSPC:
        return DocumentError(ErrorCode.DISK_FULL, path=str(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DocumentError(ErrorCode.NO_WRITE_PERMISSION, path=str(path))
    return DocumentError(ErrorCode.WRITE_FAILED, path=str(path), reason=exc.strerror or str(exc))

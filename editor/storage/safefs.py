"""Files inside a document's folder, never through a link: dir fds, O_NOFOLLOW, regular files only.

A bundle folder (or the folder beside a .md) is opened once; every path in it is walked one
segment at a time relative to the folder's descriptor, each segment opened with O_NOFOLLOW,
so a symbolic link anywhere in the path is refused instead of followed. Only regular files
are read (a FIFO, a device, a socket is refused before a byte is read, and O_NONBLOCK keeps a
FIFO from hanging the open), and the size is checked on the open descriptor before reading.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from editor.core.errors import DocumentError, ErrorCode, UnsafeDocumentError

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_DIR_FDS = os.open in os.supports_dir_fd and _NOFOLLOW != 0


def _not_ours(rel: str, folder: Path) -> UnsafeDocumentError:
    return UnsafeDocumentError(ErrorCode.MEMBER_LINK, path=str(folder), name=rel)


def open_folder(folder: Path) -> int:
    """Return a descriptor of a folder the user chose (the folder itself may be a link)."""
    try:
        return os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    except NotADirectoryError as exc:
        raise DocumentError(ErrorCode.NOT_A_FOLDER, path=str(folder)) from exc
    except OSError as exc:
        raise DocumentError(
            ErrorCode.FOLDER_OPEN_FAILED, path=str(folder), reason=exc.strerror
        ) from exc


def _parts(rel: str) -> list[str]:
    parts = rel.split("/")
    if not rel or any(p in ("", ".", "..") for p in parts):
        raise UnsafeDocumentError(ErrorCode.PATH_LEAVES, name=rel)
    return parts


@contextlib.contextmanager
def subfolder(root_fd: int, parts: list[str], folder: Path, *, create: bool) -> Iterator[int]:
    """Yield a descriptor of root/parts…, refusing links (and making folders if create)."""
    fds: list[int] = []
    current = root_fd
    try:
        for name in parts:
            if create:
                with contextlib.suppress(FileExistsError):
                    os.mkdir(name, 0o777, dir_fd=current)
            flags = os.O_RDONLY | _DIRECTORY | _NOFOLLOW | _CLOEXEC
            current = open_at(name, flags, current, "/".join(parts), folder, _FOLDER_REFUSALS)
            fds.append(current)
        yield current
    finally:
        for fd in fds:
            os.close(fd)


def read_fd(fd: int, limit: int, what: str, folder: Path) -> bytes:
    """Read an open descriptor if it is a regular file of at most limit bytes."""
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise _not_ours(what, folder)
    if info.st_size > limit:
        raise UnsafeDocumentError(
            ErrorCode.MEMBER_TOO_LARGE, path=str(folder), name=what, size=info.st_size, limit=limit
        )
    chunks, left = [], limit + 1
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew while we read
        raise UnsafeDocumentError(ErrorCode.MEMBER_GREW, path=str(folder), name=what)
    return data


def _open_flags() -> int:
    return os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _CLOEXEC | _BINARY


# What os.open says when O_NOFOLLOW met a link (ELOOP; EMLINK on FreeBSD), and for a folder
# also when O_DIRECTORY met something else (ENOTDIR): each is refused as not ours.
_FILE_REFUSALS = (errno.ELOOP, errno.EMLINK)
_FOLDER_REFUSALS = (errno.ELOOP, errno.ENOTDIR, errno.EMLINK)


def open_at(
    name: str, flags: int, parent_fd: int, rel: str, folder: Path, refusals: tuple[int, ...]
) -> int:
    """Open name in an open folder without following a link; a link raises UnsafeDocumentError.

    Other OSErrors pass through for the caller to word.
    """
    try:
        return os.open(name, flags, dir_fd=parent_fd)
    except OSError as exc:
        if exc.errno in refusals:
            raise _not_ours(rel, folder) from exc
        raise


def read_at(parent_fd: int, name: str, limit: int, rel: str, folder: Path) -> bytes:
    """Read the regular file name in an open folder, never through a link."""
    try:
        fd = open_at(name, _open_flags(), parent_fd, rel, folder, _FILE_REFUSALS)
    except OSError as exc:
        raise DocumentError(
            ErrorCode.MEMBER_UNREADABLE, path=str(folder), name=rel, reason=exc.strerror
        ) from exc
    try:
        return read_fd(fd, limit, rel, folder)
    finally:
        os.close(fd)


def read_in(folder: Path, rel: str, limit: int, root_fd: int | None = None) -> bytes:
    """Return the bytes of folder/rel, a regular file reached without following any link.

    Raises:
        UnsafeDocumentError: a link or special file on the way, or larger than limit.
        DocumentError: missing or unreadable.
    """
    parts = _parts(rel)
    if not _DIR_FDS:  # pragma: no cover - Windows: no dir fds; check each segment instead
        return _read_checked(folder, parts, limit)
    own = root_fd is None
    fd_root = open_folder(folder) if own else root_fd
    try:
        with subfolder(fd_root, parts[:-1], folder, create=False) as parent:
            if not _exists(parts[-1], parent):
                raise FileNotFoundError(errno.ENOENT, "missing", rel)
            return read_at(parent, parts[-1], limit, rel, folder)
    except FileNotFoundError as exc:
        raise DocumentError(ErrorCode.MEMBER_MISSING, path=str(folder), name=rel) from exc
    except OSError as exc:
        raise DocumentError(
            ErrorCode.MEMBER_UNREADABLE, path=str(folder), name=rel, reason=exc.strerror
        ) from exc
    finally:
        if own:
            os.close(fd_root)


def _exists(name: str, parent_fd: int) -> bool:
    try:
        os.stat(name, dir_fd=parent_fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    return True


def exists_in(folder: Path, rel: str) -> bool:
    """Tell whether folder/rel exists as anything (a link counts), without following links."""
    try:
        fd_root = open_folder(folder)
    except DocumentError:
        return False
    try:
        parts = _parts(rel)
        with subfolder(fd_root, parts[:-1], folder, create=False) as parent:
            return _exists(parts[-1], parent)
    except (OSError, DocumentError):
        return False
    finally:
        os.close(fd_root)


def read_file(path: Path, limit: int) -> bytes:
    """Return the bytes of a file the user named, if it is a regular file within limit.

    The path itself may be a link the user made; what it reaches must be a regular file.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _CLOEXEC | _BINARY)
    except IsADirectoryError as exc:
        raise DocumentError(ErrorCode.IS_A_FOLDER, path=str(path)) from exc
    except PermissionError as exc:
        raise DocumentError(ErrorCode.NO_READ_PERMISSION, path=str(path)) from exc
    except OSError as exc:
        raise DocumentError(ErrorCode.READ_FAILED, path=str(path), reason=exc.strerror) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(ErrorCode.NOT_REGULAR, path=str(path))
        if info.st_size > limit:
            raise UnsafeDocumentError(ErrorCode.FILE_TOO_LARGE, path=str(path), size=info.st_size)
        return read_fd(fd, limit, path.name, path.parent)
    except OSError as exc:
        raise DocumentError(ErrorCode.READ_FAILED, path=str(path), reason=exc.strerror) from exc
    finally:
        os.close(fd)


def _read_checked(folder: Path, parts: list[str], limit: int) -> bytes:  # pragma: no cover
    current = folder
    for name in parts:
        current = current / name
        if current.is_symlink():
            raise _not_ours("/".join(parts), folder)
    if not current.is_file():
        raise _not_ours("/".join(parts), folder)
    return read_file(current, limit)


def walk_files(folder: Path) -> Iterator[tuple[str, int, os.stat_result]]:
    """Yield (relative path, parent fd, lstat) of every regular file; links, hidden skipped."""
    for root, dirs, files, root_fd in os.fwalk(folder, follow_symlinks=False):
        rel_root = Path(root).relative_to(folder).as_posix()
        prefix = "" if rel_root == "." else f"{rel_root}/"
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            info = os.stat(name, dir_fd=root_fd, follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue  # links, pipes, devices: never read, never carried
            yield prefix + name, root_fd, info

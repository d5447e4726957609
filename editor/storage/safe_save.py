"""Saving with care: notice outside changes, keep the previous version as a backup."""

from __future__ import annotations

import os
from pathlib import Path

from editor.core.errors import DocumentError, ErrorCode
from editor.core.model import Article
from editor.paths import data_dir
from editor.storage import container, safefs
from editor.storage.atomic import atomic_write
from editor.storage.document import Kind, kind_of, write_article


class ChangedOnDiskError(DocumentError):
    """The file changed on disk since it was opened (another app, a sync client)."""


def main_file(path: Path, kind: Kind | None = None) -> Path:
    """Return the file whose bytes stand for the document (index.md of a bundle)."""
    kind = kind or kind_of(path)
    return path / "index.md" if kind is Kind.BUNDLE else path


def fingerprint(path: str | os.PathLike[str], kind: Kind | None = None) -> str | None:
    """Return a digest of the document's main file as it is on disk, None if it is missing."""
    import hashlib  # OpenSSL's load (~5 ms): only when a file is opened or saved, not the sample

    data = _main_bytes(Path(path), kind)
    return None if data is None else hashlib.sha256(data).hexdigest()


def _main_bytes(path: Path, kind: Kind | None) -> bytes | None:
    """Return the main file's bytes, never through a link inside a bundle, None if unreadable."""
    kind = kind or kind_of(path)
    try:
        if kind is Kind.BUNDLE:
            return safefs.read_in(path, "index.md", container.MAX_INDEX_BYTES)
        return safefs.read_file(path, container.MAX_TOTAL_BYTES)
    except (OSError, DocumentError):
        return None


def backup_path(path: Path) -> Path:
    """Return where the previous version of a document is kept."""
    import hashlib

    key = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:10]
    return data_dir() / "backups" / f"{path.name}.{key}.bak"


def save_document(
    article: Article,
    path: str | os.PathLike[str],
    kind: Kind | None = None,
    *,
    expected: str | None = None,
    force: bool = False,
) -> str:
    """Save atomically, refusing to overwrite outside changes unless forced.

    Args:
        expected: the fingerprint the document had when it was opened or last saved.
        force: overwrite even if the file changed on disk since then.
    Returns:
        The new fingerprint.
    Raises:
        ChangedOnDiskError: the file changed on disk (and force is False).
        DocumentError: the disk is full, the folder is not writable, or the like.
    """
    target = Path(path)
    kind = kind or kind_of(target)
    current = fingerprint(target, kind)
    if expected is not None and current is not None and current != expected and not force:
        raise ChangedOnDiskError(ErrorCode.CHANGED_ON_DISK, path=str(target))
    if current is not None:
        _keep_backup(_main_bytes(target, kind), backup_path(target))
    write_article(article, target, kind)
    new = fingerprint(target, kind)
    if new is None:
        raise DocumentError(ErrorCode.READ_BACK_FAILED, path=str(target))
    return new


def _keep_backup(data: bytes | None, backup: Path) -> None:
    if data is None:
        return
    try:
        backup.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(backup, data)
    except (OSError, DocumentError):
        pass  # a backup that cannot be written must not stop the save itself

"""Entries of a cache folder: each written atomically, only the newest few kept.

The kept pages, the kept pictures and the lead photo's thumbnails each keep one file per
entry in their own folder of the user cache; a write that fails is forgotten (a missing
entry only costs the next start the work it saves).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def keep_entry(folder: Path, name: str, data: bytes, keep: int) -> bool:
    """Write folder/name atomically, then keep only the newest keep entries like it.

    Returns False when the entry could not be written (nothing else happens then).
    """
    from editor.core.errors import DocumentError
    from editor.storage.atomic import atomic_write

    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / name, data)
    except (OSError, DocumentError):
        return False
    prune(folder, Path(name).suffix, keep)
    return True


def prune(folder: Path, suffix: str, keep: int) -> None:
    """Delete all but the newest keep entries (files ending in suffix) of a cache folder.

    scandir, not glob: a glob compiles a pattern, which the start-up's kept patterns
    (editor.codecache) would then have to carry.
    """
    with contextlib.suppress(OSError):
        entries = sorted(
            (e for e in os.scandir(folder) if e.name.endswith(suffix)),
            key=lambda e: e.stat().st_mtime_ns,
            reverse=True,
        )
        for old in entries[keep:]:
            with contextlib.suppress(OSError):
                os.unlink(old.path)

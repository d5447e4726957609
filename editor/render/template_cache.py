"""Compiled Jinja templates kept in the user's cache folder across starts.

Compiling a profile's 13 template files costs ~60 ms at every start, and the preview's
first page waits for it. Jinja keys each file by its name and source checksum (an edited
template compiles again) and by the Python version; it writes atomically. A cache that
cannot be read or written is skipped: the template compiles as before.
"""

from __future__ import annotations

from jinja2 import FileSystemBytecodeCache
from jinja2.bccache import Bucket

from editor.paths import cache_dir

FOLDER = "templates"
PATTERN = "sandboxed-%s.cache"  # only the profiles' sandboxed environment writes here


class QuietBytecodeCache(FileSystemBytecodeCache):
    """A file cache of compiled templates that never fails a render."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass  # read-only or full: compiled again next time


def template_cache() -> QuietBytecodeCache | None:
    """Return the cache in the user's cache folder, or None when it cannot be made."""
    folder = cache_dir() / FOLDER
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietBytecodeCache(str(folder), PATTERN)

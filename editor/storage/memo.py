"""Answers of `check`'s slow pure steps, kept in the cache folder: a re-check skips them.

An image's size and GPS need Pillow (~150 M instructions to import and open), the headline's
line count HarfBuzz and ICU (~100 M): together nearly half of re-checking a story whose words
were all judged before (docs/performance.md, "Issue 17, session 7: check"). Each answer is
keyed by all it is computed from (the image's bytes; the headline, its boxes and the font
file), and the file by the code that computes them (the modules' own files and Pillow's,
HarfBuzz's and ICU's; the frozen app's executable), so a change to either computes afresh.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from editor import __version__, paths
from editor.storage.atomic import atomic_write
from editor.storage.digests import blake2b

FORMAT = 1  # bump when what an entry holds changes
FOLDER = "memo"
MAX_ENTRIES = 4096  # a desk's weeks of stories; beyond it the oldest answers go
# The code behind the answers: found without importing it (that is what the memo saves).
CHECK_CODE = (
    "editor.storage.images",
    "editor.render.headline_meter",
    "editor.render.line_filler",
    "editor.render.font_metrics",
    "editor.render.linebreak",
    "PIL",
    "uharfbuzz",
    "icu4py",
)


def code_stamp(modules: tuple[str, ...]) -> str:
    """Return a digest of the modules' files (path, size, time) and of the app's version."""
    from importlib.util import find_spec

    parts = [__version__, str(FORMAT)]
    if getattr(sys, "frozen", False):  # its modules live in the executable's archive
        modules = ("sys.executable",)
    for name in modules:
        try:
            origin = sys.executable if name == "sys.executable" else find_spec(name).origin
            stat = os.stat(origin)
            parts.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}")
        except (ImportError, AttributeError, ValueError, TypeError, OSError):
            parts.append(f"{name}:?")  # not installed: its step fails the same way each run
    return blake2b("\n".join(parts).encode(), digest_size=8).hexdigest()


def content_key(kind: str, data: bytes) -> str:
    """Return the key of an answer computed from data alone."""
    return f"{kind}:{blake2b(data, digest_size=16).hexdigest()}"


@dataclass
class Memo:
    """Key -> a JSON answer, read from and saved to one file."""

    path: Path | None = None
    entries: dict[str, object] = field(default_factory=dict)
    _added: int = 0

    @classmethod
    def open(cls, name: str = "check", modules: tuple[str, ...] = CHECK_CODE) -> Memo:
        """Return the answers kept for this code (none if there are none yet)."""
        path = paths.cache_dir() / FOLDER / f"{name}-{code_stamp(modules)}.json"
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}  # none yet, or damaged: computed afresh and rewritten
        return cls(path, entries if isinstance(entries, dict) else {})

    def get(self, key: str) -> object:
        """Return the kept answer for key, or None."""
        return self.entries.get(key)

    def put(self, key: str, value: object) -> None:
        """Keep an answer (saved by save())."""
        self.entries.pop(key, None)  # the newest last: the oldest go first
        self.entries[key] = value
        self._added += 1

    def save(self) -> None:
        """Write the answers back when this run added any (atomic; a failure is harmless)."""
        if not self._added or self.path is None:
            return
        kept = dict(list(self.entries.items())[-MAX_ENTRIES:])
        text = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, text.encode("utf-8"))
            for older in self.path.parent.glob(f"{self.path.stem.rsplit('-', 1)[0]}-*.json"):
                if older != self.path:
                    older.unlink()  # kept for code that is no longer here
        except OSError:
            return  # a read-only cache folder costs the next run the work, nothing else
        self._added = 0

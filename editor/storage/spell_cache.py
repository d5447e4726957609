"""The dictionaries' verdicts of earlier runs, kept in the cache folder (`check` stays fast).

Hunspell has no compiled form: every process that loads spellcheck-ko parses its 14 MB of
affix rules and stems again (~3 s of CPU, ~40 MB). `check` keeps what the dictionaries said
of each word it met, keyed by the dictionaries' digests and the leniency rules' version, and
loads them only for a word no earlier run has judged. The user's own words are never stored
here: they are checked first, so adding or removing one takes effect at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from editor import __version__
from editor.storage.atomic import atomic_write
from editor.storage.digests import blake2b

# Bump when editor.core.spelling's KoreanLeniency accepts or rejects differently.
RULES_VERSION = 1
MAX_WORDS = 200_000  # a newsroom's years of copy; beyond it the oldest verdicts go


@dataclass
class KnownWords:
    """Word -> the dictionaries' verdict, read from and saved to one file."""

    path: Path | None = None
    verdicts: dict[str, bool] = field(default_factory=dict)
    _added: int = 0

    @classmethod
    def open(cls, folder: Path, dictionary_keys: list[str]) -> KnownWords:
        """Return the verdicts saved for these dictionaries (none if there are none yet)."""
        key = "\n".join([*dictionary_keys, str(RULES_VERSION), __version__])
        digest = blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
        path = folder / f"verdicts-{digest}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            verdicts = {str(w): bool(v) for w, v in data["verdicts"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            verdicts = {}  # none yet, or damaged: judged afresh and rewritten
        return cls(path, verdicts)

    def get(self, word: str) -> bool | None:
        """Return the saved verdict of a word, or None when no run has judged it."""
        return self.verdicts.get(word)

    def put(self, word: str, verdict: bool) -> None:
        """Remember a verdict (saved by save())."""
        self.verdicts[word] = verdict
        self._added += 1

    def save(self) -> None:
        """Write the verdicts back when this run added any (atomic; a failure is harmless)."""
        if not self._added or self.path is None:
            return
        kept = list(self.verdicts.items())[-MAX_WORDS:]
        text = json.dumps({"verdicts": dict(kept)}, ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.path, text.encode("utf-8"))
        except OSError:
            return  # a read-only cache folder costs the next run a load, nothing else
        self._added = 0

"""Autosaved drafts: every open document, saved or not, survives a crash."""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from editor.core import clock
from editor.core.model import Article
from editor.paths import data_dir
from editor.storage import container, safefs
from editor.storage.atomic import atomic_write
from editor.storage.lock import process_identity, same_process_alive
from editor.storage.names import normalise_image_refs

_ID = re.compile(r"^[0-9a-f]{32}$")


@dataclass(frozen=True)
class DraftInfo:
    """What the recovery prompt shows about one draft."""

    draft_id: str
    headline: str
    saved_at: datetime
    origin: str | None  # the file it was opened from, None if never saved
    pid: int
    base: str | None = None  # fingerprint of origin as the app last read or wrote it
    boot: str = ""  # the boot the writing process ran in (Linux), "" if unknown
    started: str = ""  # when the writing process started (ticks since boot), "" if unknown


class DraftStore:
    """A folder of drafts, one .article and one .json per open document."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / "drafts"

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def save(
        self, draft_id: str, article: Article, origin: str | None, base: str | None = None
    ) -> None:
        """Write a draft atomically (article first, then its description).

        Args:
            base: the fingerprint origin had when the app last read or wrote it, so that a
                restored draft still notices outside changes made after the crash.
        """
        self._check(draft_id)
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.folder / f"{draft_id}.article", container.write(article))
        meta = {
            "headline": article.headline,
            "saved_at": clock.to_iso(clock.now()),
            "origin": origin,
            **process_identity(),
            "base": base,
        }
        atomic_write(
            self.folder / f"{draft_id}.json", json.dumps(meta, ensure_ascii=False).encode("utf-8")
        )

    def load(self, draft_id: str) -> Article:
        """Read a draft back."""
        self._check(draft_id)
        path = self.folder / f"{draft_id}.article"
        # A regular file within the reader's limit, checked before reading, as any document.
        article = container.read(safefs.read_file(path, container.MAX_TOTAL_BYTES), str(path))
        normalise_image_refs(article)  # as read_article does: the zip holds the NFC names
        return article

    def discard(self, draft_id: str) -> None:
        """Remove a draft after a clean save or an explicit discard."""
        self._check(draft_id)
        for suffix in (".article", ".json"):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / f"{draft_id}{suffix}").unlink()

    def orphans(self) -> list[DraftInfo]:
        """Return drafts whose app is no longer running: the ones to offer for recovery."""
        found = []
        for meta_path in sorted(self.folder.glob("*.json")):
            info = self._info(meta_path)
            if info and not self._owned(info):
                found.append(info)
        return sorted(found, key=lambda d: d.saved_at, reverse=True)

    @staticmethod
    def _owned(info: DraftInfo) -> bool:
        """Tell whether a running app (this one included) still owns a draft.

        The process id alone is not enough: after a reboot, or once ids wrap, another process
        has it. The boot id and the process's start time must match too.
        """
        return same_process_alive(info.pid, info.boot, info.started)

    def _info(self, meta_path: Path) -> DraftInfo | None:
        draft_id = meta_path.stem
        if not _ID.match(draft_id) or not (self.folder / f"{draft_id}.article").exists():
            return None
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            saved_at = datetime.fromisoformat(meta["saved_at"])
            base = meta.get("base")
            return DraftInfo(
                draft_id,
                str(meta.get("headline", "")),
                saved_at,
                meta.get("origin"),
                int(meta.get("pid", 0)),
                base if isinstance(base, str) else None,
                str(meta.get("boot", "")),
                str(meta.get("started", "")),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @staticmethod
    def _check(draft_id: str) -> None:
        if not _ID.match(draft_id):
            raise ValueError(f"not a draft id: {draft_id!r}")

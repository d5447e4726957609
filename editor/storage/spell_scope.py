"""A Hunspell dictionary for `check`: loaded with only the affix rules its words can reach.

Loading spellcheck-ko whole is ~0.7 s of CPU and ~40 MB, nearly all of it its 94,341 suffix
rules; `check` judges a few hundred words, so it loads the .aff editor/storage/affix_filter.py
cuts for them (~200 rules: ~0.1 s, ~14 MB) and the same .dic. The verdicts and analyses are
Hunspell's own for every word it was built for and every part of one (the Korean leniency asks
for its parts); a word outside them builds it again with that word too, so no answer ever
comes from rules that were left out. Suggestions come from the whole dictionary (loaded only
if asked: `check` never is). The editor's spell process always loads the whole dictionary.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from editor.storage import affix_filter, hunspell_lib

MAX_BUILDS = 8  # words arriving one by one: past this, the whole dictionary is cheaper


class ScopedDictionary:
    """Hunspell's spell and analyze for the words it was told of (a whole one to suggest)."""

    def __init__(self, folder: Path, name: str, open_whole: Callable[[], object]) -> None:
        self.library = hunspell_lib.library()
        self._aff, self._dic = folder / f"{name}.aff", folder / f"{name}.dic"
        self._open_whole = open_whole
        self._words: set[str] = set()
        self._covered: set[str] = set()  # the words and every part of them
        self._speller: object | None = None
        self._whole: object | None = None
        self.builds = 0

    def covers(self, words: Iterable[str]) -> bool:
        """Tell whether every one of words is answered without building again."""
        return self._whole is not None or all(w in self._covered for w in words)

    def cover(self, words: Iterable[str]) -> None:
        """Make sure the dictionary answers for words (building it again if one is new)."""
        new = {w for w in words if w not in self._covered}
        if self._whole is not None or (not new and self._speller is not None):
            return
        self._words |= new
        self.builds += 1
        data = None if self.builds > MAX_BUILDS else self._filtered()
        self._speller = None  # Hunspell frees the old rules before the new ones load
        if data is None:  # a file not filtered, or words arriving one by one
            self._speller = self._whole = self._open_whole()
            return
        self._speller = _load(self.library, data, self._dic)
        for word in new:
            size = len(word)
            self._covered.update(word[a:b] for a in range(size) for b in range(a + 1, size + 1))

    def _filtered(self) -> bytes | None:
        """Return the .aff cut for the words so far (None: load the whole dictionary)."""
        try:
            return affix_filter.filtered_aff(self._aff, self._words)
        except (OSError, ValueError):  # an unreadable index: the whole file is always right
            return None

    def spell(self, word: str) -> bool:
        """Tell whether the dictionary accepts word."""
        self.cover((word,))
        return self._speller.spell(word)

    def analyze(self, word: str) -> tuple[str, ...]:
        """Return Hunspell's analyses of word."""
        self.cover((word,))
        return self._speller.analyze(word)

    def suggest(self, word: str) -> tuple[str, ...]:
        """Return the whole dictionary's suggestions (they search every rule)."""
        if self._whole is None:
            self._whole = self._open_whole()
        return self._whole.suggest(word)


def _load(lib, aff: bytes, dic: Path) -> hunspell_lib.Hunspell:  # noqa: ANN001 - a CDLL
    """Load Hunspell from an .aff held in memory (a memfd on Linux, else a temporary file).

    Hunspell opens the memfd by its /proc/self/fd name; where /proc is not mounted (a bare
    chroot, some containers) the name does not exist and the temporary file is used instead.
    """
    if hasattr(os, "memfd_create") and os.path.isdir("/proc/self/fd"):
        handle = os.memfd_create("article-editor-aff", os.MFD_CLOEXEC)
        try:
            view = memoryview(aff)
            while view:
                view = view[os.write(handle, view) :]
            return hunspell_lib.Hunspell(lib, Path(f"/proc/self/fd/{handle}"), dic)
        finally:
            os.close(handle)  # Hunspell read it whole while loading
    handle, name = tempfile.mkstemp(suffix=".aff")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(aff)
        return hunspell_lib.Hunspell(lib, Path(name), dic)
    finally:
        os.unlink(name)

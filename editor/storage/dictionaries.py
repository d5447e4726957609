"""The spelling dictionaries: unpacked from resources/dictionaries once, loaded with Hunspell.

The Korean (spellcheck-ko 0.7.92, Debian's hunspell-ko) and English (SCOWL en_US, Debian's
hunspell-en-us) files ship xz-compressed in resources/ (0.9 MB instead of 15 MB) and are
unpacked into the cache folder on first use. An optimised libhunspell reads them where there
is one (Linux: the frozen app's or the system's, editor/storage/hunspell_lib.py; the Korean
one loads in ~1 s of CPU), chunspell (a Hunspell 1.7.2 wheel for Linux, macOS and Windows,
~2.5 s) elsewhere; callers load off the UI thread. The user's own words live in the config
folder, one a line.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor import paths, resources
from editor.core.find import PARTICLES
from editor.core.spelling import KoreanLeniency, Word, words_in_text
from editor.storage.affix_file import without_repeated_affixes
from editor.storage.atomic import atomic_write
from editor.storage.digests import blake2b
from editor.storage.spell_cache import KnownWords

USER_DICTIONARY = "user-dictionary.txt"
PARTICLE_SET = frozenset(PARTICLES)
LANGUAGES = ("ko", "en_US")
LANGUAGE_FIELDS = {"ko": "korean", "en_US": "english"}  # SpellChecker's attribute for each
UNPACK_FORMAT = b"affixes once\n"  # part of the unpacked folder's name: a new one unpacks anew


class DictionaryError(RuntimeError):
    """The dictionaries could not be unpacked or loaded."""


def unpacked(name: str, folder: Path | None = None) -> Path:
    """Return the folder holding name.aff and name.dic, unpacking them if needed.

    The .aff is written without the affix lines it repeats (editor/storage/affix_file.py).
    """
    source = resources.path("dictionaries")
    packed = [source / f"{name}.aff.xz", source / f"{name}.dic.xz"]
    tails = b"".join(_tail(p) for p in packed)
    digest = blake2b(UNPACK_FORMAT + tails, digest_size=8)
    target = (folder or paths.cache_dir() / "dictionaries") / f"{name}-{digest.hexdigest()}"
    if not (target / f"{name}.dic").exists():
        import lzma  # only to unpack, once

        try:
            target.mkdir(parents=True, exist_ok=True)
            for path in packed:
                data = lzma.decompress(path.read_bytes())
                if path.name.endswith(".aff.xz"):
                    data = without_repeated_affixes(data)
                atomic_write(target / path.name.removesuffix(".xz"), data)
        except (OSError, lzma.LZMAError) as exc:
            raise DictionaryError(f"the {name} dictionary could not be unpacked: {exc}") from exc
    return target


def _tail(path: Path, size: int = 64) -> bytes:
    """Return the last bytes of a file (an xz stream's index and footer: its digest)."""
    with path.open("rb") as handle:
        handle.seek(max(path.stat().st_size - size, 0))
        return handle.read()


def user_dictionary_path() -> Path:
    """Return the user's own word list (in the config folder)."""
    return paths.config_dir() / USER_DICTIONARY


def read_user_words(path: Path | None = None) -> set[str]:
    """Return the words of a word list, the user's by default (none if it does not exist)."""
    try:
        text = (path or user_dictionary_path()).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    lines = (w.strip() for w in text.splitlines())
    return {unicodedata.normalize("NFC", w) for w in lines if w and not w.startswith("#")}


def shipped_words() -> set[str]:
    """Return the newsroom word list and every site profile's own words (words.txt)."""
    words = read_user_words(resources.path("dictionaries", "newsroom-ko.txt"))
    for site_words in sorted(resources.path("sites").glob("*/words.txt")):
        words |= read_user_words(site_words)
    return words


def add_user_word(word: str, path: Path | None = None) -> None:
    """Add a word to the user's dictionary file."""
    target = path or user_dictionary_path()
    words = read_user_words(target) | {unicodedata.normalize("NFC", word.strip())}
    words.discard("")
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, ("\n".join(sorted(words)) + "\n").encode("utf-8"))


@dataclass
class SpellChecker:
    """Korean and English Hunspell with the Korean spacing leniency and the user's words.

    With a `loader` (language -> Hunspell), each dictionary loads on the first word of its
    script that `known` (earlier runs' verdicts) cannot answer: `check` over an article it
    has seen before loads none, and an all-Korean text never loads the English one (~7 MB).
    """

    korean: object | None
    english: object | None
    user_words: set[str] = field(default_factory=set)
    known: KnownWords | None = None
    loader: Callable[[str], object] | None = None
    _leniency: KoreanLeniency | None = None
    _cache: dict[str, bool] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def is_correct(self, word: str, ignored: frozenset[str] = frozenset()) -> bool:
        """Tell whether a word is spelled correctly (or accepted by the user)."""
        word = unicodedata.normalize("NFC", word)
        if word in self.user_words or word in ignored:
            return True
        known = self._cache.get(word)
        if known is None:
            known = self._known_with_particle(word) or self._dictionary_verdict(word)
            self._cache[word] = known
        return known

    def preload(self, texts: Iterable[str], ignored: frozenset[str] = frozenset()) -> None:
        """Start loading, in a thread, each dictionary that a word of texts will need.

        Loading spellcheck-ko is ~0.7 s of CPU in Hunspell's C++ (~0.1 s cut to the words,
        editor/storage/spell_scope.py), and ctypes lets go of the GIL meanwhile: `check`
        reads the profile, the images and the headline beside it. The check that needs a
        dictionary waits for it (the load holds the lock).
        """
        if self.loader is None:
            return
        needed: dict[str, set[str]] = {}
        for text in texts:
            for word in words_in_text(text):
                if not self._answered(word.text, ignored):
                    spelled = unicodedata.normalize("NFC", word.text)
                    needed.setdefault(self._language(spelled), set()).add(spelled)
        if not any(self._wants(*item) for item in needed.items()):
            return
        self._lock.acquire()  # released by the loading thread (after any load under way)
        needed = dict(item for item in needed.items() if self._wants(*item))
        if not needed:
            self._lock.release()
            return
        threading.Thread(target=self._load_held, args=(needed,), daemon=True).start()

    def _wants(self, language: str, words: set[str]) -> bool:
        """Tell whether language's dictionary must load (or be cut again) for words."""
        speller = self._loaded(language)
        covers = getattr(speller, "covers", None)
        return speller is None or (covers is not None and not covers(words))

    def _load_held(self, needed: dict[str, set[str]]) -> None:
        try:
            for language, words in needed.items():
                speller = self._loaded(language)
                if speller is None:
                    speller = self.loader(language)
                    setattr(self, LANGUAGE_FIELDS[language], speller)
                if hasattr(speller, "cover"):  # cut to these words (spell_scope)
                    speller.cover(words)
        except Exception:  # noqa: BLE001 - the check that needs it loads it again and says why
            pass
        finally:
            self._lock.release()

    def _answered(self, word: str, ignored: frozenset[str]) -> bool:
        """Tell whether is_correct can answer for word without a dictionary."""
        word = unicodedata.normalize("NFC", word)
        if word in self.user_words or word in ignored or word in self._cache:
            return True
        known = self.known.get(word) if self.known is not None else None
        return known is not None or self._known_with_particle(word)

    @staticmethod
    def _language(word: str) -> str:
        """Return the dictionary for a word's script."""
        return LANGUAGES[0] if "가" <= word[:1] <= "힣" else LANGUAGES[1]

    def _loaded(self, language: str) -> object | None:
        return getattr(self, LANGUAGE_FIELDS[language])

    @property
    def loaded(self) -> bool:
        """Tell whether any dictionary is in memory."""
        return bool(self.loaded_languages)

    @property
    def loaded_languages(self) -> list[str]:
        """Return the languages whose dictionary is in memory."""
        spellers = (self.korean, self.english)
        return [name for name, sp in zip(LANGUAGES, spellers, strict=True) if sp is not None]

    def _dictionary_verdict(self, word: str) -> bool:
        """Return what the dictionaries (and the leniency) say, from earlier runs if known."""
        verdict = self.known.get(word) if self.known is not None else None
        if verdict is None:
            with self._lock:  # Hunspell objects are not thread-safe
                verdict = self._check(word)
            if self.known is not None:
                self.known.put(word, verdict)
        return verdict

    def _speller(self, word: str):  # noqa: ANN202 - a Hunspell dictionary
        """Return the dictionary for a word's script, loading it now if needed (lock held)."""
        language = self._language(word)
        if self._loaded(language) is None and self.loader is not None:
            setattr(self, LANGUAGE_FIELDS[language], self.loader(language))
        return self._loaded(language)

    def _check(self, word: str) -> bool:
        speller = self._speller(word)
        if speller is self.korean:
            if speller.spell(word):
                return True
            if self._leniency is None:
                self._leniency = KoreanLeniency(speller)
            return self._leniency.accepts(word)
        return speller.spell(word) or speller.spell(word.lower())

    def _known_with_particle(self, word: str) -> bool:
        """Accept one of our own words followed by a particle: 셔틀은, 오송역까지."""
        return any(
            word[:i] in self.user_words and word[i:] in PARTICLE_SET for i in range(1, len(word))
        )

    def suggest(self, word: str, limit: int = 6) -> list[str]:
        """Return spelling suggestions (slow for Korean: ~0.1–1 s; call off the UI thread)."""
        with self._lock:
            speller = self._speller(word)
            return list(speller.suggest(unicodedata.normalize("NFC", word)))[:limit]

    def misspelled(self, text: str, ignored: frozenset[str] = frozenset()) -> list[Word]:
        """Return the misspelled words of a Markdown text."""
        return [w for w in words_in_text(text) if not self.is_correct(w.text, ignored)]

    def add(self, word: str) -> None:
        """Accept a word from now on (the caller also saves it with add_user_word)."""
        self.user_words.add(unicodedata.normalize("NFC", word))


def open_dictionary(name: str, folder: Path) -> object:
    """Load folder/name.aff and .dic: with an optimised libhunspell if found, else chunspell.

    Raises:
        DictionaryError: neither can load it.
    """
    from editor.storage import hunspell_lib  # ctypes: only when a dictionary loads

    try:
        lib = hunspell_lib.library()
    except hunspell_lib.LibraryError:
        lib = None  # no system libhunspell (Windows, macOS, a bare Linux): chunspell's own
    if lib is not None:
        try:
            return hunspell_lib.open_dictionary(folder, name, lib)
        except OSError as exc:  # a file missing or unreadable
            raise DictionaryError(f"the {name} dictionary could not be loaded: {exc}") from exc
    try:
        import hunspell  # chunspell's module: a small C extension, cheap to import
    except ImportError as exc:
        raise DictionaryError("neither libhunspell nor chunspell is installed") from exc
    try:
        return hunspell.Hunspell(name, hunspell_data_dir=str(folder))
    except Exception as exc:  # noqa: BLE001 - the binding raises its own types
        raise DictionaryError(f"the {name} dictionary could not be loaded: {exc}") from exc


def engine(speller: object) -> str:
    """Name the Hunspell behind a loaded dictionary: the libhunspell file, or chunspell."""
    from editor.storage import hunspell_lib

    library = getattr(speller, "library", None)  # ours, or spell_scope's ScopedDictionary
    if library is not None:
        return hunspell_lib.loaded_path(library)
    return "chunspell"


def load_checker(
    folder: Path | None = None, *, remember: bool = False, scoped: bool = False
) -> SpellChecker:
    """Load the Korean and English dictionaries and the user's words (~1–3 s of CPU).

    With remember, return at once: each dictionary loads on the first word of its script
    that no earlier run judged, and the verdicts are kept in the cache folder (call
    `known.save()` at the end). With scoped (`check`: verdicts only), the Korean one loads
    with only the affix rules of the words preload() is given (editor/storage/spell_scope.py).

    Raises:
        DictionaryError: the files or the binding are missing or unreadable (with remember,
        also later, from the check that loads them).
    """
    folders = dict(zip(LANGUAGES, (unpacked(name, folder) for name in LANGUAGES), strict=True))

    def load(name: str) -> object:
        if scoped and name == "ko":
            return _scoped(folders[name], name, lambda: open_dictionary(name, folders[name]))
        return open_dictionary(name, folders[name])

    words = read_user_words() | shipped_words()
    if remember:
        known = KnownWords.open(folders["ko"].parent, [f.name for f in folders.values()])
        return SpellChecker(None, None, words, known, load)
    return SpellChecker(load("ko"), load("en_US"), words)


def _scoped(folder: Path, name: str, whole: Callable[[], object]) -> object:
    """Return a dictionary cut to the words it is given, or the whole one without libhunspell."""
    from editor.storage import hunspell_lib, spell_scope

    try:
        return spell_scope.ScopedDictionary(folder, name, whole)
    except hunspell_lib.LibraryError:
        return whole()  # chunspell loads a folder's files by name: no cut file to give it

"""Hunspell through its C API (ctypes), from an optimised libhunspell: the system's or the app's.

chunspell's wheels bundle a libhunspell 1.7.2 built without optimisation: spellcheck-ko takes
~2.5 s of CPU to load through it, ~1 s through Debian's libhunspell 1.7.1 (-O2), for the same
verdicts (docs/performance.md, "Issue 17, session 6"). So on Linux the spell check binds the
library the frozen app carries or the system's (Debian/Ubuntu `libhunspell-1.7-0`, Fedora
`hunspell`) through its C API, and only without one (Windows, macOS, a Linux without it)
falls back to chunspell. Words go in and out in the encoding the dictionary declares (`SET`;
both of ours say UTF-8). ctypes releases the GIL while Hunspell works.
"""

from __future__ import annotations

import codecs
import ctypes
import errno
import os
import sys
import sysconfig
import weakref
from pathlib import Path

SONAME = "libhunspell-1.7.so.0"
BUNDLED_FOLDER = "hunspell-lib"  # in the frozen app: apart from chunspell's own copy
ENGINE_VARIABLE = "ARTICLE_EDITOR_HUNSPELL"  # "chunspell" forces the fallback (A/B, tests)
_STRINGS = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))


class LibraryError(OSError):
    """No usable libhunspell was found: each library tried, with why it failed."""

    def __init__(self, tried: list[str]) -> None:
        super().__init__(tried)
        self.tried = tried

    def __str__(self) -> str:
        return "no libhunspell (" + ("; ".join(self.tried) or "none on this system") + ")"


def candidates() -> list[str]:
    """Return the library files to try, best first: the frozen app's, then the system's.

    Full paths come before the bare soname: a process that already imported chunspell has
    its copy (same soname) loaded, and the loader would hand that one back for the name.
    """
    if os.environ.get(ENGINE_VARIABLE, "").lower() == "chunspell" or not sys.platform.startswith(
        "linux"
    ):
        return []
    found = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        found.append(Path(frozen) / BUNDLED_FOLDER / SONAME)
    multiarch = sysconfig.get_config_var("MULTIARCH") or ""
    for folder in (f"/usr/lib/{multiarch}", f"/lib/{multiarch}", "/usr/lib64", "/usr/lib"):
        found.append(Path(folder) / SONAME)
    paths = [str(p) for p in dict.fromkeys(found) if p.is_file()]
    return paths if paths or "hunspell" in sys.modules else [SONAME]


def load_library(path: str | None = None) -> ctypes.CDLL:
    """Open libhunspell (path, or the first of candidates()) and declare its C API.

    Raises:
        LibraryError: none could be opened, or it lacks a function of the C API.
    """
    errors = []
    for name in [path] if path else candidates():
        try:
            return _declare(ctypes.CDLL(name))
        except (OSError, AttributeError) as exc:
            errors.append(f"{name}: {exc}")
    raise LibraryError(errors)


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    """Give the C API's functions their types (hunspell.h)."""
    handle, text = ctypes.c_void_p, ctypes.c_char_p
    lib.Hunspell_create.argtypes = [text, text]
    lib.Hunspell_create.restype = handle
    lib.Hunspell_destroy.argtypes = [handle]
    lib.Hunspell_destroy.restype = None
    lib.Hunspell_get_dic_encoding.argtypes = [handle]
    lib.Hunspell_get_dic_encoding.restype = text
    lib.Hunspell_spell.argtypes = [handle, text]
    lib.Hunspell_spell.restype = ctypes.c_int
    for name in ("Hunspell_suggest", "Hunspell_analyze"):
        function = getattr(lib, name)
        function.argtypes = [handle, ctypes.POINTER(_STRINGS), text]
        function.restype = ctypes.c_int
    lib.Hunspell_free_list.argtypes = [handle, ctypes.POINTER(_STRINGS), ctypes.c_int]
    lib.Hunspell_free_list.restype = None
    return lib


class Hunspell:
    """One dictionary (name.aff + name.dic) in a libhunspell; chunspell's methods we use."""

    def __init__(self, lib: ctypes.CDLL, aff: Path, dic: Path) -> None:
        for path in (aff, dic):
            if not path.is_file():  # Hunspell would load an empty dictionary without a word
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        self.library = lib
        self._handle = lib.Hunspell_create(os.fsencode(aff), os.fsencode(dic))
        if not self._handle:  # C++'s new failed
            raise MemoryError
        weakref.finalize(self, lib.Hunspell_destroy, self._handle)
        self.encoding = _codec(lib.Hunspell_get_dic_encoding(self._handle))

    def spell(self, word: str) -> bool:
        """Tell whether the dictionary accepts word."""
        data = self._encode(word)
        return data is not None and self.library.Hunspell_spell(self._handle, data) != 0

    def suggest(self, word: str) -> tuple[str, ...]:
        """Return the dictionary's suggestions for word, best first."""
        return self._strings(self.library.Hunspell_suggest, word)

    def analyze(self, word: str) -> tuple[str, ...]:
        """Return the morphological analyses of word (" st:… po:…" fields)."""
        return self._strings(self.library.Hunspell_analyze, word)

    def _strings(self, function, word: str) -> tuple[str, ...]:  # noqa: ANN001 - a C function
        data = self._encode(word)
        if data is None:
            return ()
        listing = _STRINGS()
        count = function(self._handle, ctypes.byref(listing), data)
        try:
            return tuple(
                ctypes.string_at(listing[i]).decode(self.encoding, "replace") for i in range(count)
            )
        finally:
            self.library.Hunspell_free_list(self._handle, ctypes.byref(listing), count)

    def _encode(self, word: str) -> bytes | None:
        """Return word in the dictionary's encoding (None when it cannot be said in it)."""
        try:
            data = word.encode(self.encoding)
        except UnicodeEncodeError:
            return None  # not a word of this dictionary's alphabet
        return None if b"\0" in data else data


def _codec(declared: bytes | None) -> str:
    """Return Python's codec for a dictionary's SET (Hunspell's default is ISO8859-1)."""
    name = (declared or b"ISO8859-1").decode("ascii", "replace").removeprefix("microsoft-")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "latin-1"


def open_dictionary(folder: Path, name: str, lib: ctypes.CDLL | None = None) -> Hunspell:
    """Load folder/name.aff and .dic with lib (the best libhunspell found by default).

    Raises:
        LibraryError: no libhunspell.
        FileNotFoundError: name.aff or name.dic is missing.
    """
    return Hunspell(lib or library(), folder / f"{name}.aff", folder / f"{name}.dic")


_LOADED: dict[str, ctypes.CDLL] = {}


def library() -> ctypes.CDLL:
    """Return the best libhunspell, opened once per process."""
    if "lib" not in _LOADED:
        _LOADED["lib"] = load_library()
    return _LOADED["lib"]


def loaded_path(lib: ctypes.CDLL) -> str:
    """Return the file a library was mapped from (its name when /proc says nothing)."""
    symbol = ctypes.cast(lib.Hunspell_create, ctypes.c_void_p).value or 0
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for line in maps:
                fields = line.split()
                start, end = (int(x, 16) for x in fields[0].split("-"))
                if start <= symbol < end and len(fields) > 5:
                    return fields[5]
    except OSError:
        pass
    return lib._name

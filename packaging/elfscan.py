"""What the frozen Linux app asks of the host: the glibc floor and the libraries it does not carry.

Reads every ELF file's version references and DT_NEEDED entries with `objdump -p` (binutils,
which PyInstaller needs on Linux anyway).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_NEEDED = re.compile(r"^\s*NEEDED\s+(\S+)", re.MULTILINE)
_VERSION = re.compile(r"\b(GLIBC|GLIBCXX|CXXABI)_(\d+(?:\.\d+)*)\b")


@dataclass
class HostNeeds:
    """The newest symbol version of each family, and who needs it."""

    newest: dict[str, tuple[int, ...]] = field(default_factory=dict)
    needed_by: dict[str, str] = field(default_factory=dict)
    host_libraries: set[str] = field(default_factory=set)

    def floor(self, family: str = "GLIBC") -> str:
        """Return the newest version of family as "2.35" ("" when none is needed)."""
        return ".".join(map(str, self.newest.get(family, ())))

    def add(self, path: str, family: str, version: tuple[int, ...]) -> None:
        """Note that path needs family's version."""
        if version > self.newest.get(family, ()):
            self.newest[family] = version
            self.needed_by[family] = path


def is_elf(path: Path) -> bool:
    """Return whether path is a regular ELF file (not a link)."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as stream:
        return stream.read(4) == b"\x7fELF"


def parse(objdump_text: str) -> tuple[set[str], set[tuple[str, tuple[int, ...]]]]:
    """Return (needed sonames, {(family, version)}) from `objdump -p` output."""
    needed = set(_NEEDED.findall(objdump_text))
    references = objdump_text.partition("Version References:")[2]
    versions = {
        (family, tuple(int(n) for n in number.split(".")))
        for family, number in _VERSION.findall(references)
    }
    return needed, versions


def scan(root: Path) -> HostNeeds:
    """Scan every ELF file under root; return what they need from the host."""
    files = sorted(p for p in root.rglob("*") if is_elf(p))
    shipped = {p.name for p in root.rglob("*") if p.name.startswith("lib") or ".so" in p.name}
    return collect(((str(p.relative_to(root)), _objdump(p)) for p in files), shipped)


def collect(dumps: Iterable[tuple[str, str]], shipped: set[str]) -> HostNeeds:
    """Fold (path, objdump text) pairs into HostNeeds; sonames in shipped are the app's own."""
    needs = HostNeeds()
    for path, text in dumps:
        needed, versions = parse(text)
        needs.host_libraries |= {name for name in needed if name not in shipped}
        for family, version in versions:
            needs.add(path, family, version)
    return needs


def _objdump(path: Path) -> str:
    return subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
    ).stdout


def at_least(have: str, need: str) -> bool:
    """Return whether dotted version have is need or newer."""
    return tuple(map(int, have.split("."))) >= tuple(map(int, need.split(".")))

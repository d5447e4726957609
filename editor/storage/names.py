"""File names that travel: NFC (macOS hands out NFD), safe on Windows, no traversal."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from editor.core.model import Article

_WINDOWS_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_BAD_CHARS = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def nfc(text: str) -> str:
    """Return text in Unicode NFC (composed Hangul syllables)."""
    return unicodedata.normalize("NFC", text)


def safe_file_name(name: str, fallback: str = "file") -> str:
    """Return a single path segment that Windows, macOS and Linux all accept."""
    name = _BAD_CHARS.sub("-", nfc(name)).strip().rstrip(". ")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    if stem.lower() in _WINDOWS_RESERVED:
        stem = f"{stem}_"
    name = f"{stem}.{ext}" if dot else stem
    if not name or name in (".", ".."):
        name = fallback
    while len(name.encode("utf-8")) > 200:  # leave room in a 255-byte limit
        stem, dot, ext = name.rpartition(".")
        name = f"{stem[:-1]}.{ext}" if dot and stem else name[:-1]
    return name


def clean_member_name(path: str) -> str:
    """Return a bundle-relative path in NFC with each segment made safe."""
    parts = [p for p in nfc(path).replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(safe_file_name(p) for p in parts)


def normalise_image_refs(article: Article) -> None:
    """Point references at the NFC, Windows-safe names the images are stored under.

    Every reader stores images under clean names, while the front matter and the body keep
    what was written: an NFD name (macOS), or in the lead image's path a %-escaped one
    (`%20` for a space). The body keeps its escapes: there they are what CommonMark asks for.
    """
    lead = article.lead_image
    if lead.src and lead.src not in article.images:
        for spelling in dict.fromkeys((lead.src, unquote(lead.src))):
            if clean_member_name(spelling) in article.images:
                lead.src = clean_member_name(spelling)
                break
    for ref in article.referenced_images():
        clean = clean_member_name(ref)
        if ref != clean and clean in article.images:
            article.body = article.body.replace(ref, clean)

"""Advances of text in a bundled font, shaped with HarfBuzz as Chromium shapes it.

The bundled fonts are WOFF2. HarfBuzz reads only plain sfnt, and unpacking a whole WOFF2
(rebuilding `glyf`) costs seconds in fontTools, so the meter keeps a metrics-only sfnt: every
table but `glyf`/`loca` (cmap, hmtx, GSUB, GPOS, …: all that shaping and advances need),
written once into the user's cache folder under a hash of the WOFF2 (~30 ms the first time,
a file read after that).

Widths are in Blink's units: HarfBuzz positions in 16.16 fixed point at the CSS pixel size,
letter-spacing truncated to 16.16 and added after every character, and a run's width rounded
up to a LayoutUnit (1/64 px) when it is compared with the line's width.
"""

from __future__ import annotations

import hashlib
import io
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import uharfbuzz as hb

from editor.paths import cache_dir

FIXED = 65536  # 16.16
CACHE_FOLDER = "font-metrics"
_SKIPPED_TABLES = ("glyf", "loca", "DSIG")
# Letter-spacing other than 0 turns off optional ligatures in Blink; kerning stays (measured:
# "AV" and "AVA" in Pretendard Bold at -0.04em match Chromium to the LayoutUnit).
SPACED_FEATURES = {"liga": False, "clig": False, "calt": False}


def metrics_path(woff2: Path) -> Path:
    """Return where the metrics-only sfnt of a WOFF2 font is cached (may not exist yet)."""
    # Named after the file's size and time, not a hash of it: hashing 800 KB each `check`
    # cost more than reading the cached sfnt. A font replaced in place gets a new name.
    stat = woff2.stat()
    key = hashlib.blake2b(
        f"{woff2.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode(), digest_size=8
    )
    return cache_dir() / CACHE_FOLDER / f"{woff2.stem}-{key.hexdigest()}.otf"


def _unpack_metrics(woff2: Path) -> bytes:
    """Return an sfnt holding every table of a WOFF2 font except the outlines."""
    from fontTools.ttLib.sfnt import SFNTWriter  # only the first time: ~75 ms to import
    from fontTools.ttLib.woff2 import WOFF2Reader

    with woff2.open("rb") as handle:
        reader = WOFF2Reader(handle)
        tables = {tag: reader[tag] for tag in list(reader.tables) if tag not in _SKIPPED_TABLES}
    out = io.BytesIO()
    writer = SFNTWriter(out, len(tables), flavor=None)
    for tag in sorted(tables):
        writer[tag] = tables[tag]
    writer.close()
    return out.getvalue()


def _read_metrics(font_file: Path) -> bytes:
    """Return sfnt bytes for a font file, from the cache when it was unpacked before."""
    with font_file.open("rb") as handle:
        if handle.read(4) != b"wOF2":
            return font_file.read_bytes()
    target = metrics_path(font_file)
    try:
        return target.read_bytes()
    except OSError:
        pass
    data = _unpack_metrics(font_file)
    try:  # a cache that cannot be written only costs the unpacking next time
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(target)
    except OSError:
        pass
    return data


@dataclass
class Shaper:
    """One font face at one pixel size and letter-spacing."""

    face: hb.Face
    size: float
    letter_spacing: float = 0.0

    def __post_init__(self) -> None:
        self.font = hb.Font(self.face)
        self.font.scale = (round(self.size * FIXED), round(self.size * FIXED))
        self.spacing = int(self.letter_spacing * FIXED)  # Blink truncates to 16.16
        self.features = SPACED_FEATURES if self.spacing else {}
        self.em = round(self.size * FIXED)

    def advances(self, text: str) -> list[int]:
        """Return each character's advance in 16.16 px, letter-spacing included."""
        buf = hb.Buffer()
        buf.add_str(text)
        buf.guess_segment_properties()
        hb.shape(self.font, buf, self.features)
        out = [0] * len(text)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True):
            ch = text[info.cluster]
            advance = pos.x_advance if info.codepoint else self._fallback(ch, pos.x_advance)
            out[info.cluster] += advance
        for i, ch in enumerate(text):
            if unicodedata.category(ch)[0] != "M":
                out[i] += self.spacing
        return out

    def _fallback(self, ch: str, notdef: int) -> int:
        """Return the advance of a character the font lacks (another font draws it)."""
        # Fallback CJK fonts draw wide characters (Hanja: 尹, 野, 與) one em wide.
        return self.em if unicodedata.east_asian_width(ch) in "WF" else notdef


@lru_cache(maxsize=8)
def load_face(font_file: Path) -> hb.Face:
    """Return the HarfBuzz face of a bundled font file (WOFF2 or plain sfnt)."""
    return hb.Face(_read_metrics(font_file))


def layout_units(width: int) -> int:
    """Return a 16.16 width rounded up to Blink's LayoutUnit (1/64 px), in 1/64 px."""
    return -(-width // (FIXED // 64))

"""Bundled WOFF2 fonts unpacked once to plain TrueType in the user's cache folder.

Qt hands a WOFF2 font to FreeType, which decompresses it (Brotli, then rebuilding `glyf` and
`loca`) when the font is registered and again for each face it opens: ~50 ms per Pretendard
weight at start-up, every start. A TrueType file opens in well under a millisecond. The
TrueType bytes come from FreeType itself: QRawFont loads the WOFF2 and hands back every table
the WOFF2 directory lists, and they are written out as an ordinary sfnt. The cached file is
named after the WOFF2's length and CRC-32, so an updated font never meets a stale cache. (Not
a cryptographic hash: nobody is tricked here, and zlib's CRC over the two 0.8 MB files costs
~1 M instructions where blake2b cost ~21 M, plus OpenSSL's load for hashlib; and it is
taken once per font file, kept in a stamp while the file's size and time are unchanged.)
"""

from __future__ import annotations

import array
import os
import struct
import sys
import zlib
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from editor.ui.logs import get_logger

log = get_logger(__name__)
CACHE_FOLDER = "fonts"
WOFF2_SIGNATURE = b"wOF2"
# WOFF2's known-table list, indexed by the low six bits of a directory entry's flags.
KNOWN_TAGS = (
    "cmap head hhea hmtx maxp name OS/2 post cvt  fpgm glyf loca prep CFF  VORG EBDT EBLC gasp "
    "hdmx kern LTSH PCLT VDMX vhea vmtx BASE GDEF GPOS GSUB EBSC JSTF MATH CBDT CBLC COLR CPAL "
    "SVG  sbix acnt avar bdat bloc bsln cvar fdsc feat fmtx fvar gvar hsty just lcar mort morx "
    "opbd prop trak Zapf Silf Glat Gloc Feat Sill"
)
_TAGS = [KNOWN_TAGS[i : i + 4] for i in range(0, len(KNOWN_TAGS), 5)]


def cache_root() -> Path:
    """Return the folder unpacked fonts are kept in (not created)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "article-editor") / CACHE_FOLDER


def cached_path(woff2: Path, folder: Path | None = None) -> Path:
    """Return where the TrueType form of a WOFF2 file is cached (it may not exist yet)."""
    folder = folder or cache_root()
    size, crc = fingerprint(woff2, folder)
    return folder / f"{woff2.stem}-{size:x}-{crc:08x}.ttf"


def fingerprint(woff2: Path, folder: Path) -> tuple[int, int]:
    """Return a WOFF2 file's length and CRC-32, from its stamp while the file is unchanged.

    Reading both weights to hash them was 1.5 MB read, ~400 page faults and ~5 ms of every
    start. The stamp (`<name>.stamp` beside the cache: size, modification time, CRC) trusts
    the file's size and modification time, as Python's byte code cache trusts a source's.
    """
    info = woff2.stat()
    seen = f"{info.st_size} {info.st_mtime_ns}"
    stamp = folder / f"{woff2.stem}.stamp"
    try:
        size, mtime, crc = stamp.read_text(encoding="ascii").split()
        if f"{size} {mtime}" == seen:
            return info.st_size, int(crc, 16)
    except (OSError, ValueError):  # none yet, or not ours
        pass
    data = woff2.read_bytes()
    crc32 = zlib.crc32(data)
    if len(data) == info.st_size:  # not changed while read
        _write_stamp(stamp, f"{seen} {crc32:08x}")
    return len(data), crc32


def _write_stamp(stamp: Path, text: str) -> None:
    try:
        stamp.parent.mkdir(parents=True, exist_ok=True)
        partial = stamp.with_name(f"{stamp.name}.{os.getpid()}.part")
        partial.write_text(text, encoding="ascii")
        os.replace(partial, stamp)  # another instance may race us: same text either way
    except OSError as exc:  # a read-only cache: hashed again at the next start
        log.info("could not keep %s: %s", stamp.name, exc)


def unpack(woff2: Path, target: Path) -> bool:
    """Write the TrueType form of a WOFF2 file to target; return whether it worked."""
    try:
        data = woff2.read_bytes()
        flavor, tags = woff2_directory(data)
        from PySide6.QtGui import QRawFont  # its Python type (2 enums) after the first frame

        raw = QRawFont(data, 12)
        tables = {tag: bytes(raw.fontTable(tag)) for tag in tags} if raw.isValid() else {}
        if not tables or not all(tables.values()):
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}.part")
        partial.write_bytes(build_sfnt(flavor, tables))
        os.replace(partial, target)  # another instance may race us: same bytes either way
        _remove_stale(woff2, target)
    except (OSError, ValueError, struct.error, IndexError) as exc:
        log.info("could not cache %s as TrueType: %s", woff2.name, exc)
        return False
    return True


def _remove_stale(woff2: Path, kept: Path) -> None:
    """Delete the TrueType left from earlier versions of this font (or of the cache's name)."""
    for stale in kept.parent.glob(f"{woff2.stem}-*.ttf"):
        if stale != kept:
            try:
                stale.unlink()
            except OSError:  # in use by an older instance (Windows), or gone already
                pass


def woff2_directory(data: bytes) -> tuple[int, list[str]]:
    """Return a WOFF2 file's sfnt flavour and the tags of its tables."""
    if data[:4] != WOFF2_SIGNATURE:
        raise ValueError("not a WOFF2 font")
    flavor, num_tables = struct.unpack(">I", data[4:8])[0], struct.unpack(">H", data[12:14])[0]
    offset, tags = 48, []
    for _ in range(num_tables):
        flags = data[offset]
        offset += 1
        if flags & 0x3F == 0x3F:
            tag = data[offset : offset + 4].decode("latin-1")
            offset += 4
        else:
            tag = _TAGS[flags & 0x3F]
        offset = _skip_base128(data, offset)  # origLength
        transformed = (flags >> 6) & 3
        if (tag in ("glyf", "loca")) == (transformed == 0):
            offset = _skip_base128(data, offset)  # transformLength
        tags.append(tag)
    return flavor, tags


def _skip_base128(data: bytes, offset: int) -> int:
    for _ in range(5):
        byte = data[offset]
        offset += 1
        if not byte & 0x80:
            return offset
    raise ValueError("bad UIntBase128 in the WOFF2 directory")


def build_sfnt(flavor: int, tables: dict[str, bytes]) -> bytes:
    """Return an sfnt (TrueType/OpenType) file holding tables, with correct checksums."""
    tags = sorted(tables)
    count = len(tags)
    power = 1 << (count.bit_length() - 1)
    header = struct.pack(">IHHHH", flavor, count, power * 16, power.bit_length() - 1,
                         count * 16 - power * 16)  # fmt: skip
    tables = dict(tables)
    if "head" in tables:  # checkSumAdjustment counts as zero while summing
        tables["head"] = tables["head"][:8] + b"\0\0\0\0" + tables["head"][12:]
    offset, entries, body = 12 + 16 * count, [], []
    head_at = -1
    for tag in tags:
        table = tables[tag]
        if tag == "head":
            head_at = offset
        entries.append(struct.pack(">4sIII", tag.encode("latin-1"), _checksum(table), offset,
                                   len(table)))  # fmt: skip
        padded = table + b"\0" * (-len(table) % 4)
        body.append(padded)
        offset += len(padded)
    font = bytearray(header + b"".join(entries) + b"".join(body))
    if head_at >= 0:
        struct.pack_into(
            ">I", font, head_at + 8, (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
        )
    return bytes(font)


def _checksum(data: bytes) -> int:
    words = array.array("I", data + b"\0" * (-len(data) % 4))
    if sys.byteorder == "little":
        words.byteswap()  # sfnt words are big-endian
    return sum(words) & 0xFFFFFFFF

"""The lead photo's thumbnail kept decoded in the cache folder, for the next start.

Every start decoded the article's lead photo for the panel's thumbnail: a 1600 px
progressive JPEG is ~65 M instructions even at 1/8 scale (libjpeg reads every scan before it
can scale), on a thread beside the window's first frame, with its coefficient buffers' page
faults. The thumbnail is the same each time for the same bytes and size, so its pixels are
kept (~60 KB raw, read in well under a millisecond) under a name made of the photo's length
and CRC-32, the size asked for, and the Qt version that decoded it. Anything unreadable is
decoded again; the folder keeps the newest KEEP thumbnails.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PySide6.QtCore import qVersion
from PySide6.QtGui import QImage

from editor.paths import cache_dir
from editor.storage.cache_entries import keep_entry
from editor.ui.image_input import thumbnail
from editor.ui.logs import get_logger

log = get_logger(__name__)
FOLDER = "thumbnails"
KEEP = 200
MAGIC = b"AETH1"
_HEADER = struct.Struct("<5sIIII")  # magic, width, height, QImage.Format, bytes per line


def cached_thumbnail(data: bytes, width: int, height: int, folder: Path | None = None) -> QImage:
    """Return data's thumbnail fitting width x height: kept from an earlier start, or decoded."""
    folder = folder if folder is not None else cache_dir() / FOLDER / qVersion()
    path = folder / f"{zlib.crc32(data):08x}-{len(data):x}-{width}x{height}.thumb"
    image = _read(path)
    if image is None:
        image = thumbnail(data, width, height)
        if not image.isNull():
            _write(path, image)
    return image


def _read(path: Path) -> QImage | None:
    try:
        raw = path.read_bytes()
        magic, width, height, fmt, per_line = _HEADER.unpack_from(raw)
    except (OSError, struct.error):
        return None
    pixels = raw[_HEADER.size :]
    if magic != MAGIC or not width or not height or len(pixels) != per_line * height:
        return None
    try:
        image = QImage(pixels, width, height, per_line, QImage.Format(fmt))
    except ValueError:  # not a format this Qt knows
        return None
    return None if image.isNull() else image.copy()  # its own pixels, not the bytes'


def _write(path: Path, image: QImage) -> None:
    """Keep image at path (atomically), and only the newest KEEP thumbnails."""
    header = _HEADER.pack(
        MAGIC, image.width(), image.height(), image.format().value, image.bytesPerLine()
    )
    pixels = bytes(image.constBits())[: image.sizeInBytes()]
    if not keep_entry(path.parent, path.name, header + pixels, KEEP):
        log.info("could not keep the thumbnail %s", path.name)  # decoded again next start

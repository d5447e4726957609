"""The preview's kept picture: the pane's pixels as the article's page showed, for the next start.

The kept page (page_cache.py) still needs Chromium to start and lay it out, ~0.7 s after the
window's first frame. So when a page has been shown, the pane's pixels are kept too, with
everything that changes a pixel in their key: the article (its fields and a stamp of its
images), the preview's mode, phone width, zoom and share card, the pane's size in device
pixels and its device pixel ratio, the look (style sheet, palette, font, language) and the
app's and Qt's versions. The window's first frame paints the picture in the preview's place
when the key matches exactly (`PicturePlaceholder`); the pane then holds it over itself until
Chromium has painted the kept page and its pixels equal the picture's (kept_picture.py).

This module runs before the window's first paint: no QtWebEngine, no Jinja2, no Markdown.
A picture is stored as a short header and its pixels compressed with LZ4 (~120 KB for a
768x724 pane; 1 ms to read back where a PNG takes ~24 ms), written atomically in the cache
folder beside the pages; the newest 32 are kept (page_cache.KEEP); a broken entry only
costs the picture.
"""

from __future__ import annotations

import contextlib
import time
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from editor import __version__
from editor.core.errors import DocumentError
from editor.paths import cache_dir

if TYPE_CHECKING:
    from PySide6.QtGui import QImage, QPaintEvent

    from editor.core.model import Article

FOLDER = "pictures"
MIN_WIDTH_FILE = "pane-min-width"
FORMAT = 2  # bump when the entry's shape or the key's parts change
MAGIC = b"article-editor picture\n"
MAX_PIXEL_BYTES = 256 * 1024 * 1024  # a header claiming more is broken (8K at dpr 2 is 133 MB)
HEADER_FIELDS = 14  # format, key, width, height, bytes per line, the 8 of PaneState, pages
SAMPLE = 65_536  # bytes of an image read for its stamp at each end and in the middle


def pixel_format() -> QImage.Format:
    """Return the pictures' pixel format: opaque, as a widget's grab is (drawn unblended)."""
    from PySide6.QtGui import QImage

    return QImage.Format.Format_RGB32


@dataclass(frozen=True)
class PaneState:
    """What the pane shows besides the article: every part of it changes a pixel."""

    mode: str  # as the settings name it: desktop, mobile or side-by-side
    mobile_width: int
    fit: str
    step: int
    share_card: bool
    width: int  # device pixels
    height: int
    dpr: float


@dataclass
class Picture:
    """A kept picture: its pixels, the state and the pages (layout: page key) it showed."""

    key: str
    state: PaneState
    page_keys: dict[str, str]
    image: QImage
    pixels: bytes = b""  # the buffer the image reads from: it must live as long


def picture_key(article: Article, state: PaneState) -> str:
    """Return the key of the picture of article in the pane's state (what changes a pixel)."""
    fields = replace(article, images={}, private={})  # notes and history are not on the page
    parts = (FORMAT, __version__, qVersion(), _look(), _state_fields(state), _images_stamp(article))
    return _digest(repr(parts).encode("utf-8"), repr(fields).encode("utf-8", "surrogatepass"))


def _digest(*chunks: bytes) -> str:
    """Return 64 bits of CRC-32 and Adler-32 over chunks, with their length.

    Not blake2b: hashlib loads OpenSSL inside the first frame (~6 ms). A picture whose key
    collided would still be refused: the pane checks the kept pages' keys (blake2b, after the
    first frame) before it holds the picture, so at worst one frame shows it.
    """
    crc, adler, length = 0, 1, 0
    for chunk in chunks:
        crc, adler, length = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler), length + len(chunk)
    return f"{crc:08x}{adler:08x}{length:x}"


def _images_stamp(article: Article) -> list[tuple[str, int, str]]:
    """Return each image by path, size and a hash of its ends and middle (not all of it)."""
    stamps = []
    for path, data in sorted(article.images.items()):
        middle = max(0, len(data) // 2 - SAMPLE // 2)
        sample = data[:SAMPLE] + data[middle : middle + SAMPLE] + data[-SAMPLE:]
        stamps.append((path, len(data), _digest(sample)))
    return stamps


def _look() -> tuple[object, ...]:
    """Return what of the app's look changes the pane's pixels: sheet, palette, font, language.

    The language is a translated word: QLocale's Python type would build its enums (~800
    members) before the window is mapped; so would QPainter's and QImage's at import.
    """
    app = QApplication.instance()
    if app is None:
        return ()
    # Not app.style(): wrapping the QStyle would build its Python enums inside the first frame.
    palette = app.palette()
    colors = (palette.window().color().rgba(), palette.text().color().rgba())
    sheet = _digest(app.styleSheet().encode("utf-8"))
    words = QCoreApplication.translate("App", "Article Editor")
    return (sheet, colors, app.font().toString(), words)


def _state_fields(state: PaneState) -> tuple[object, ...]:
    """Return the state's fields in order, as they are written (not astuple: it deep-copies)."""
    card = int(state.share_card)
    return (
        state.mode,
        state.mobile_width,
        state.fit,
        state.step,
        card,
        state.width,
        state.height,
        state.dpr,
    )


def _state(fields: list[str]) -> PaneState:
    mode, mobile, fit, step, card, width, height, dpr = fields
    return PaneState(
        mode, int(mobile), fit, int(step), card == "1", int(width), int(height), float(dpr)
    )


class PictureStore:
    """Pictures kept by key in a folder (the user's cache folder unless given)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir() / FOLDER

    def load(self, key: str) -> Picture | None:
        """Return the picture kept under key, or None (none kept, unreadable, another format)."""
        import lz4.block
        from PySide6.QtGui import QImage

        try:
            data = (self.folder / f"{key}.pic").read_bytes()
            if not data.startswith(MAGIC):
                return None
            header, _, packed = data[len(MAGIC) :].partition(b"\n")
            entry = header.decode("utf-8").split("\t")
            if len(entry) != HEADER_FIELDS or entry[:2] != [str(FORMAT), key]:
                return None
            width, height, line = (int(n) for n in entry[2:5])
            if width <= 0 or height <= 0 or line < 4 * width or line * height > MAX_PIXEL_BYTES:
                return None
            pixels = lz4.block.decompress(packed, uncompressed_size=line * height)
            if len(pixels) != line * height:
                return None
            state = _state(entry[5:13])
            image = QImage(pixels, width, height, line, pixel_format())
            image.setDevicePixelRatio(state.dpr)
            pages = dict(pair.split("=", 1) for pair in entry[13].split(";") if pair)
            return Picture(key, state, pages, image, pixels)
        except (OSError, ValueError, TypeError, KeyError, AttributeError, lz4.block.LZ4BlockError):
            return None

    def store(self, picture: Picture) -> None:
        """Keep a picture (a write that fails is forgotten), and drop the oldest."""
        import lz4.block

        from editor.storage.cache_entries import keep_entry
        from editor.ui.preview.page_cache import KEEP

        image = picture.image.convertToFormat(pixel_format())
        pages = ";".join(f"{layout}={key}" for layout, key in picture.page_keys.items())
        size = (image.width(), image.height(), image.bytesPerLine())
        entry = (FORMAT, picture.key, *size, *_state_fields(picture.state), pages)
        # High compression: written once on a pool thread (~0.1 s), read at every start.
        pixels = bytes(image.constBits())
        packed = lz4.block.compress(pixels, mode="high_compression", store_size=False)
        data = MAGIC + "\t".join(map(str, entry)).encode("utf-8") + b"\n" + packed
        keep_entry(self.folder, f"{picture.key}.pic", data, KEEP)

    def pane_min_width(self) -> int:
        """Return the pane's minimum width as last kept (0: none kept, or unreadable)."""
        try:
            return max(0, min(int((self.folder / MIN_WIDTH_FILE).read_bytes()), 4000))
        except (OSError, ValueError):
            return 0

    def keep_pane_min_width(self, width: int) -> None:
        """Keep the pane's minimum width for the next start's first frame."""
        from editor.storage.atomic import atomic_write

        if width != self.pane_min_width():
            with contextlib.suppress(OSError, DocumentError):
                self.folder.mkdir(parents=True, exist_ok=True)
                atomic_write(self.folder / MIN_WIDTH_FILE, str(width).encode("ascii"))

    def forget(self, key: str) -> None:
        """Drop the picture kept under key (it did not match what the live page showed)."""
        with contextlib.suppress(OSError):
            (self.folder / f"{key}.pic").unlink()


class PicturePlaceholder(QLabel):
    """The preview's place in the window's first frame: the kept picture, if it fits exactly.

    It looks the picture up at its first paint, when its size is final, from the window's
    document and settings; otherwise it is the plain "Preview" placeholder.
    """

    def __init__(self, window: QWidget, store: PictureStore | None = None) -> None:
        super().__init__(QApplication.translate("MainWindow", "Preview"), window)
        self.setObjectName("preview_placeholder")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._window = window
        self._store = store if store is not None else PictureStore()
        # As wide as the pane will be at least: the first frame has the final layout (no
        # jump when the pane comes; on a narrow screen the picture's size depends on it).
        self.setMinimumWidth(self._store.pane_min_width())
        self._looked = False
        self.picture: Picture | None = None
        self.look_up_ms = self.look_up_cpu_ms = 0.0  # what the look-up cost the first frame

    @property
    def picture_shown(self) -> bool:
        """Tell whether the picture is what this placeholder painted."""
        return self.picture is not None

    def state(self) -> PaneState:
        """Return the state the preview will open in, as the window's settings say."""
        settings = self._window.settings
        fit, step = settings.preview_zoom_stored()
        dpr = self.devicePixelRatioF()
        mode, width = settings.preview_mode(), settings.preview_width()
        size = (round(self.width() * dpr), round(self.height() * dpr))
        return PaneState(mode, width, fit, step, True, *size, dpr)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paint the kept picture when it fits exactly, the plain placeholder otherwise."""
        if not self._looked:
            self._looked = True
            started, cpu = time.perf_counter(), time.thread_time()
            self.picture = self._look_up()
            self.look_up_ms = (time.perf_counter() - started) * 1000
            self.look_up_cpu_ms = (time.thread_time() - cpu) * 1000
        if self.picture is not None and not self._fits(self.picture):
            self.picture = None  # resized since: the plain placeholder until the preview comes
        if self.picture is None:
            super().paintEvent(event)
            return
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        painter.drawImage(0, 0, self.picture.image)
        painter.end()

    def _look_up(self) -> Picture | None:
        document = getattr(self._window, "document", None)
        if document is None or not self.isVisible():
            return None
        state = self.state()
        key = picture_key(document.article, state)
        picture = self._store.load(key)
        if picture is None or picture.state != state or not self._fits(picture):
            return None
        return picture

    def _fits(self, picture: Picture) -> bool:
        """Tell whether the picture covers this placeholder exactly, pixel for pixel."""
        dpr = self.devicePixelRatioF()
        size = (round(self.width() * dpr), round(self.height() * dpr))
        return (picture.image.width(), picture.image.height()) == size and picture.state.dpr == dpr

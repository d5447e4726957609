"""Decode and shrink: libvips for JPEG and plain 8-bit modes, Pillow for the rest.

libvips (pyvips with its bundled pyvips-binary) resamples with SIMD code: its Lanczos-3
shrink of a 3000x2000 photo to 1600 px takes ~40-60 ms of CPU where Pillow's scalar BICUBIC
takes ~100-150 and its LANCZOS ~130-165, and it matches Pillow's LANCZOS to ~52 dB, a
sharper result than the BICUBIC the export used before (docs/performance.md, session 6).
A JPEG in RGB or greyscale is decoded by libvips too, at the same DCT scale Pillow's draft
picks (the same libjpeg-turbo, the same pixels), straight into the shrink: no full-size
buffer, no copy of it (~30 ms a 24 MP photo). Pillow reads the headers and turns,
colour-converts and encodes as before, so EXIF orientation, ICC profiles and metadata are
handled exactly as they were. Where libvips cannot be loaded (a platform without the
pyvips-binary wheel, an app missing its file) the same steps run in Pillow (its draft
decode and LANCZOS), a little slower and the same sizes: an export never fails for it.
"""

from __future__ import annotations

import threading
from types import ModuleType

from PIL import Image

from editor.core.errors import ErrorCode, ImageError

# Pillow modes libvips takes as plain 8-bit bands. RGBA is left to Pillow, which resizes it
# with premultiplied alpha (so transparent pixels' colours do not bleed into the edges).
_BANDS = {"L": 1, "RGB": 3, "CMYK": 4}
# A CMYK JPEG is left to Pillow's decoder: Adobe's inverted CMYK is its convention to keep.
_JPEG_BANDS = {"L": 1, "RGB": 3}
_lock = threading.Lock()
_loaded: list[ModuleType | None] = []  # [pyvips], or [None] once it could not be loaded


def jpeg_shrunk(
    data: bytes, stored: tuple[int, int], mode: str, size: tuple[int, int]
) -> Image.Image | None:
    """Return a JPEG decoded at the smallest DCT scale covering size, shrunk to size.

    Returns None when libvips does not take it (CMYK) or cannot be loaded: the caller
    decodes with Pillow.

    Raises:
        ImageError: the file is damaged or cut short (as Pillow refuses it).
    """
    bands = _JPEG_BANDS.get(mode)
    vips = _vips() if bands is not None else None
    if vips is None:
        return None
    scale = draft_scale(stored, size)
    try:
        img = _jpegload(data, scale)
        if (img.width, img.height, img.bands) != (*_scaled(stored, scale), bands):
            return None  # not what Pillow would have decoded: let Pillow do it
        img = _vips_resize(img, size) if (img.width, img.height) != size else img
        if (img.width, img.height) != size:
            return None
        return Image.frombytes(mode, size, img.write_to_memory())
    except vips.Error as exc:  # images.py names the file
        raise ImageError(ErrorCode.IMAGE_UNDECODABLE) from exc


def draft_scale(stored: tuple[int, int], size: tuple[int, int]) -> int:
    """Return the JPEG DCT scale (1, 2, 4 or 8) Pillow's draft() picks to cover size."""
    ratio = min(stored[0] // size[0], stored[1] // size[1])
    return next(s for s in (8, 4, 2, 1) if ratio >= s)


def _scaled(stored: tuple[int, int], scale: int) -> tuple[int, int]:
    return (-(-stored[0] // scale), -(-stored[1] // scale))  # libjpeg rounds up


def _jpegload(data: bytes, scale: int):  # noqa: ANN202 - a pyvips.Image
    """Start decoding a JPEG at 1/scale; refuse one cut short, as Pillow does."""
    return _loaded[0].Image.jpegload_buffer(
        data, shrink=scale, access="sequential", fail_on="truncated"
    )


def shrink(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Return img resized to size (never larger than it) with a Lanczos-3 filter."""
    if img.size == size:
        return img
    bands = _BANDS.get(img.mode)
    vips = _vips() if bands is not None else None
    if vips is None:
        return _pillow(img, size)
    source = vips.Image.new_from_memory(img.tobytes(), img.width, img.height, bands, "uchar")
    out = _vips_resize(source, size)
    if (out.width, out.height) != size:  # libvips rounds the scale; never seen, but exact
        return _pillow(img, size)
    return Image.frombytes(img.mode, size, out.write_to_memory())


def _vips_resize(img, size: tuple[int, int]):  # noqa: ANN001, ANN202 - pyvips.Image
    """Lanczos-3 to size; libvips computes when the pixels are written, GIL released."""
    return img.resize(size[0] / img.width, vscale=size[1] / img.height, kernel="lanczos3")


def _pillow(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Shrink with Pillow: a whole-factor box reduce() when far larger, then LANCZOS."""
    return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _vips() -> ModuleType | None:
    """Return pyvips, imported once on the first export (~50 ms; it loads libvips).

    None when it cannot be loaded (ImportError, or OSError for a libvips file that will not
    load): Pillow then does the decode and shrink, so the export still writes every photo.
    """
    with _lock:
        if not _loaded:
            try:
                import pyvips
            except (ImportError, OSError):  # a missing library, not a broken photo
                _loaded.append(None)
                return None
            pyvips.cache_set_max(0)  # its operation cache would keep every photo's pixels
            pyvips.concurrency_set(1)  # photos already run one per core (images.py)
            _loaded.append(pyvips)
        return _loaded[0]

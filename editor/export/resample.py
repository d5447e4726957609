"""Shrink decoded pixels: libvips' Lanczos for plain 8-bit modes, Pillow's for the rest.

libvips (pyvips with its bundled pyvips-binary) resamples with SIMD code: its Lanczos-3
shrink of a 3000x2000 photo to 1600 px takes ~40-60 ms of CPU where Pillow's scalar BICUBIC
takes ~100-150 and its LANCZOS ~130-165, and it matches Pillow's LANCZOS to 0.0001 SSIM, a
sharper result than the BICUBIC the export used before (docs/performance.md, session 6).
Pixels go in and out as bytes: Pillow decodes, turns, colour-converts and encodes as before,
so EXIF orientation, ICC profiles and metadata are handled exactly as they were.
"""

from __future__ import annotations

import threading
from types import ModuleType

from PIL import Image

# Pillow modes libvips takes as plain 8-bit bands. RGBA is left to Pillow, which resizes it
# with premultiplied alpha (so transparent pixels' colours do not bleed into the edges).
_BANDS = {"L": 1, "RGB": 3, "CMYK": 4}
_lock = threading.Lock()
_loaded: list[ModuleType] = []


def shrink(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Return img resized to size (never larger than it) with a Lanczos-3 filter."""
    if img.size == size:
        return img
    bands = _BANDS.get(img.mode)
    if bands is None:
        return _pillow(img, size)
    vips = _vips()
    source = vips.Image.new_from_memory(img.tobytes(), img.width, img.height, bands, "uchar")
    # The GIL is released while libvips computes (cffi), so two photos shrink at once.
    out = source.resize(size[0] / img.width, vscale=size[1] / img.height, kernel="lanczos3")
    if (out.width, out.height) != size:  # libvips rounds the scale; never seen, but exact
        return _pillow(img, size)
    return Image.frombytes(img.mode, size, out.write_to_memory())


def _pillow(img: Image.Image, size: tuple[int, int]) -> Image.Image:
    """Shrink with Pillow: a whole-factor box reduce() when far larger, then LANCZOS."""
    return img.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _vips() -> ModuleType:
    """Import pyvips once, on the first export (it costs ~50 ms and loads libvips)."""
    with _lock:
        if not _loaded:
            import pyvips

            pyvips.cache_set_max(0)  # its operation cache would keep every photo's pixels
            pyvips.concurrency_set(1)  # photos already run one per core (images.py)
            _loaded.append(pyvips)
        return _loaded[0]

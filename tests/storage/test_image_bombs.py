"""Decompression bombs: pixels are bounded, before decoding, against the file's own size."""

from __future__ import annotations

import io
import struct
import time
import zlib

import pytest
from PIL import Image

from editor.core.errors import ImageError
from editor.storage import images
from editor.storage.images import inspect


def one_bit_png(width: int, height: int) -> bytes:
    """Return a real, valid one-bit PNG: 88 megapixels fit in about 10 KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\0" + b"\0" * ((width + 7) // 8)
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    idat = zlib.compress(row * height, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def test_a_small_png_claiming_88_megapixels_is_refused_before_decoding():
    bomb = one_bit_png(9400, 9400)
    assert len(bomb) < 50_000
    started = time.perf_counter()
    with pytest.raises(ImageError, match="decompression bomb"):
        inspect(bomb, "images/bomb.png")
    assert time.perf_counter() - started < 2, "refused from the header, not by decoding"


def test_a_real_photo_and_a_flat_graphic_pass():
    photo = io.BytesIO()
    Image.effect_noise((3000, 2000), 64).convert("RGB").save(photo, "JPEG", quality=90)
    assert inspect(photo.getvalue()).width == 3000
    flat = io.BytesIO()
    Image.new("RGB", (4000, 3000), (10, 120, 200)).save(flat, "PNG")  # 12 MP of one colour
    assert inspect(flat.getvalue()).height == 3000


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "WEBP"])
def test_an_animation_is_bounded_by_all_its_frames(monkeypatch, fmt):
    """Every frame counts: 12 frames of 200x200 are 480,000 pixels (the limit made small)."""
    frames = [Image.new("RGB", (200, 200), (i * 20, 0, 0)) for i in range(12)]
    buffer = io.BytesIO()
    frames[0].save(buffer, fmt, save_all=True, append_images=frames[1:], duration=40)
    monkeypatch.setattr(images, "MAX_ANIMATION_PIXELS", 479_999)
    with pytest.raises(ImageError, match="12 frames"):
        inspect(buffer.getvalue(), "images/long")
    monkeypatch.setattr(images, "MAX_ANIMATION_PIXELS", 480_000)
    assert inspect(buffer.getvalue()).width == 200

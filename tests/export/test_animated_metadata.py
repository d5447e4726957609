"""No metadata survives in any image format the export writes: animations included."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from editor.export.images import ImageJob, process_image

SECRETS = (b"CameraMaker", b"secret comment", b"xmp-secret", b"37/1")


def _animation(fmt: str) -> bytes:
    frames = [Image.new("RGB", (60, 40), (i * 60, 20, 20)) for i in range(4)]
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (37.0, 33.0, 59.0)
    extra = {
        "GIF": {"comment": b"secret comment"},
        "PNG": {"exif": exif.tobytes()},
        "WEBP": {"exif": exif.tobytes(), "xmp": b"<x:xmpmeta>xmp-secret</x:xmpmeta>"},
    }[fmt]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, fmt, save_all=True, append_images=frames[1:], duration=80, loop=0, **extra
    )
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["GIF", "PNG", "WEBP"])
def test_an_animation_keeps_its_frames_and_loses_its_metadata(fmt):
    data = _animation(fmt)
    assert any(s in data for s in SECRETS), "the source does carry metadata"
    result = process_image(ImageJob("images/anim", data, (1200,)))
    out = result.renditions[0].data
    assert not any(s in out for s in SECRETS)
    with Image.open(io.BytesIO(out)) as img:
        assert img.format == fmt and img.n_frames == 4 and img.is_animated
        assert not img.getexif() and "comment" not in img.info and "xmp" not in img.info
    assert _frames(out) == _frames(data), "the frames are the source's, pixel for pixel"


def _frames(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as img:
        found = []
        for i in range(img.n_frames):
            img.seek(i)
            found.append(img.convert("RGB").tobytes())
    return found

"""The export's shrink: libvips' Lanczos for L, RGB and CMYK, Pillow's for alpha."""

from __future__ import annotations

import io
import math
import random

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat

from editor.core.errors import ErrorCode, ImageError
from editor.export import resample
from editor.export.images import ImageJob, process_image
from editor.export.resample import draft_scale, jpeg_shrunk, shrink


def detailed(mode: str, size: tuple[int, int] = (900, 600)) -> Image.Image:
    """Return a picture with what shows a filter's faults: noise, fine lines, small text."""
    rnd = random.Random(3)
    img = Image.effect_noise(size, 60).convert("RGB")
    draw = ImageDraw.Draw(img)
    for x in range(0, size[0], 5):
        draw.line([(x, 0), (x, size[1] // 2)], fill=(0, 0, 0) if x % 10 else (255, 255, 255))
    for y in range(size[1] // 2, size[1], 14):
        colour = tuple(rnd.randrange(256) for _ in range(3))
        draw.text((4, y), "Sharp 기사 사진 0123456789 " * 8, fill=colour)
    return img.convert(mode)


def psnr(a: Image.Image, b: Image.Image) -> float:
    squares = ImageStat.Stat(ImageChops.difference(a, b)).sum2
    mse = sum(squares) / (a.width * a.height * len(squares))
    return 99.0 if mse == 0 else 10 * math.log10(255**2 / mse)


@pytest.mark.parametrize("mode", ["L", "RGB", "CMYK"])
def test_libvips_shrinks_like_pillows_lanczos(monkeypatch, mode):
    source = detailed(mode)
    expected = source.resize((480, 320), Image.Resampling.LANCZOS)
    pillow_calls = []
    monkeypatch.setattr(resample, "_pillow", lambda *a: pillow_calls.append(a))
    result = shrink(source, (480, 320))
    assert not pillow_calls  # libvips did it
    assert (result.mode, result.size) == (mode, (480, 320))
    # The same filter, computed another way: far closer than JPEG q85's own loss (~40 dB).
    assert psnr(result, expected) > 45


@pytest.mark.parametrize(
    ("source", "target"),
    [((3000, 2000), (1600, 1067)), ((1600, 1067), (800, 533)), ((1200, 800), (900, 600)),
     ((4001, 2999), (1600, 1199)), ((7, 5), (3, 2)), ((2, 9000), (1, 4500))],
)  # fmt: skip
def test_the_size_asked_for_exactly(source, target):
    assert shrink(Image.new("RGB", source, (9, 99, 199)), target).size == target


def test_transparent_pixels_do_not_bleed_into_the_edge():
    # Opaque red beside fully transparent green: a filter on straight (not premultiplied)
    # alpha turns the red edge brown; Pillow's resize premultiplies RGBA first.
    img = Image.new("RGBA", (400, 200), (0, 255, 0, 0))
    img.paste((255, 0, 0, 255), (0, 0, 201, 200))
    result = shrink(img, (150, 75))
    for x in range(150):
        r, g, _, a = result.getpixel((x, 40))
        if a > 16:
            assert (r, g) == (255, 0), (x, r, g, a)


def test_libvips_keeps_no_photo_in_its_cache():
    shrink(detailed("RGB"), (300, 200))
    pyvips = resample._vips()
    assert (pyvips.cache_get_max(), pyvips.cache_get_size()) == (0, 0)


def jpeg(img: Image.Image, **params: object) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=90, **params)
    return buffer.getvalue()


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_libvips_decodes_the_pixels_pillows_draft_decodes(mode):
    # The same libjpeg-turbo at the same DCT scale: the same pixels, without Pillow's
    # full-size buffer and its copy into libvips.
    data = jpeg(detailed(mode, (1800, 1200)), subsampling="4:2:0")
    with Image.open(io.BytesIO(data)) as img:
        img.draft(mode, (600, 400))
        assert img.size == (900, 600)  # 1/2: 1/4 would not cover 600 px
        expected = shrink(img.convert(mode), (600, 400))
    result = jpeg_shrunk(data, (1800, 1200), mode, (600, 400))
    assert result is not None and result.mode == mode
    assert ImageChops.difference(result, expected).getbbox() is None


def test_the_dct_scale_is_the_smallest_that_covers():
    assert draft_scale((6000, 4000), (1600, 1067)) == 2  # 1/4 is 1500 px
    assert draft_scale((6000, 4000), (1500, 1000)) == 4
    assert draft_scale((2400, 1600), (300, 200)) == 8
    assert draft_scale((2400, 1600), (2400, 1600)) == 1


def test_a_cmyk_jpeg_is_left_to_pillows_decoder(monkeypatch):
    loads = []
    monkeypatch.setattr(resample, "_jpegload", lambda *a: loads.append(a))
    data = jpeg(detailed("CMYK", (600, 400)))
    assert jpeg_shrunk(data, (600, 400), "CMYK", (300, 200)) is None
    result = process_image(ImageJob("cmyk.jpg", data, (300,)))
    assert (result.renditions[0].width, result.renditions[0].height) == (300, 200)
    assert not loads


@pytest.mark.parametrize("kept", [0.3, 0.95])
def test_a_jpeg_cut_short_names_the_file(kept):
    # libvips would fill the missing rows with grey; it is told to refuse, as Pillow does.
    data = jpeg(detailed("RGB", (1200, 800)))
    with pytest.raises(ImageError) as caught:
        process_image(ImageJob("images/cut.jpg", data[: int(len(data) * kept)], (600,)))
    assert (caught.value.code, caught.value.path) == (ErrorCode.IMAGE_UNDECODABLE, "images/cut.jpg")


def test_without_libvips_pillow_writes_the_same_photos(monkeypatch):
    import sys

    data = jpeg(detailed("RGB", (1200, 800)))
    with_vips = process_image(ImageJob("images/a.jpg", data, (600, 300)))
    monkeypatch.setattr(resample, "_loaded", [])
    monkeypatch.setitem(sys.modules, "pyvips", None)  # import pyvips raises ImportError
    without = process_image(ImageJob("images/a.jpg", data, (600, 300)))
    assert resample._loaded == [None]
    for a, b in zip(with_vips.renditions, without.renditions, strict=True):
        assert (a.width, a.height, a.format) == (b.width, b.height, b.format)
        assert psnr(Image.open(io.BytesIO(a.data)), Image.open(io.BytesIO(b.data))) > 30

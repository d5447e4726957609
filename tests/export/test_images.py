"""The image pipeline: upright, stripped, sRGB, sized, deterministic, and clear on failure."""

from __future__ import annotations

import io

import pytest
from exporthelp import photo, swapped_primaries_icc
from PIL import Image

from editor.core.errors import ImageError
from editor.export.images import (
    EXIF_COPYRIGHT,
    ImageJob,
    process_image,
    process_images,
    target_widths,
)


def decoded(data: bytes) -> Image.Image:
    img = Image.open(io.BytesIO(data))
    img.load()
    return img


def test_exif_rotated_photo_comes_out_upright_without_metadata():
    # Stored 120x80 with orientation 6 (rotate 90° clockwise to view): upright is 80x120,
    # and the coloured left half of the stored image becomes the top half.
    data = photo(120, 80, orientation=6, gps=True)
    result = process_image(ImageJob("images/p.jpg", data, (60, 40)))
    assert (result.width, result.height) == (80, 120)
    assert [(r.width, r.height) for r in result.renditions] == [(60, 90), (40, 60)]
    for rendition in result.renditions:
        img = decoded(rendition.data)
        assert img.size == (rendition.width, rendition.height)
        assert img.getexif() == {} and not img.info.get("exif")
        assert "icc_profile" not in img.info and "comment" not in img.info
        assert b"BODY-SERIAL" not in rendition.data and b"secret" not in rendition.data
        top, bottom = (
            img.getpixel((img.width // 2, 5)),
            img.getpixel((img.width // 2, img.height - 5)),
        )
        assert top[0] > 150 and top[1] < 100, f"top should be red, is {top}"
        assert min(bottom) > 200, f"bottom should be white, is {bottom}"


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_matches_pillows_exif_transpose(orientation):
    from PIL import ImageOps

    data = photo(64, 48, orientation=orientation)
    expected = ImageOps.exif_transpose(decoded(data))
    result = process_image(ImageJob("p.jpg", data, (expected.width,)))
    got = decoded(result.renditions[0].data)
    assert got.size == expected.size
    assert got.getpixel((2, 2))[0] == pytest.approx(expected.getpixel((2, 2))[0], abs=40)


def test_never_upscales_and_drops_duplicate_widths():
    assert target_widths(1200, [1600, 800]) == (1200, 800)
    assert target_widths(500, [1600, 800]) == (500,)
    result = process_image(ImageJob("small.jpg", photo(300, 200), (1600, 800)))
    assert [(r.width, r.height) for r in result.renditions] == [(300, 200)]


def test_embedded_icc_profile_is_converted_to_srgb():
    data = photo(80, 40, colour=(200, 40, 40), icc=swapped_primaries_icc())
    img = decoded(process_image(ImageJob("wide.jpg", data, (80,))).renditions[0].data)
    red, green, blue = img.getpixel((10, 20))
    assert blue > 150 and red < 100, "the swapped-primaries profile should turn red to blue"


def test_png_keeps_transparency_and_gif_becomes_png():
    rgba = Image.new("RGBA", (40, 20), (0, 0, 255, 0))
    buffer = io.BytesIO()
    rgba.save(buffer, "PNG")
    result = process_image(ImageJob("t.png", buffer.getvalue(), (20,)))
    out = decoded(result.renditions[0].data)
    assert out.format == "PNG" and out.mode == "RGBA" and out.getpixel((1, 1))[3] == 0
    gif = io.BytesIO()
    Image.new("P", (40, 20)).save(gif, "GIF")
    assert process_image(ImageJob("g.gif", gif.getvalue(), (20,))).renditions[0].format == "PNG"


def test_webp_renditions_when_asked():
    result = process_image(ImageJob("p.jpg", photo(200, 100), (100, 50), webp=True))
    assert [r.format for r in result.webp] == ["WEBP", "WEBP"]
    assert decoded(result.webp[0].data).format == "WEBP"


def test_credit_is_the_only_metadata_kept_when_asked():
    data = photo(100, 50, gps=True)
    plain = process_image(ImageJob("p.jpg", data, (50,))).renditions[0].data
    credited = process_image(ImageJob("p.jpg", data, (50,), credit="ⓒ 시사캐치")).renditions[0]
    exif = decoded(credited.data).getexif()
    assert set(exif) == {EXIF_COPYRIGHT}
    assert "ⓒ 시사캐치".encode() in credited.data
    assert decoded(plain).getexif() == {}


def test_same_input_same_bytes():
    job = ImageJob("p.jpg", photo(300, 200, orientation=3, gps=True), (200, 100), webp=True)
    first, second = process_image(job), process_image(job)
    assert first == second


@pytest.mark.parametrize("data", [b"not an image", photo(100, 50)[:200], b""])
def test_broken_image_names_the_file(data):
    with pytest.raises(ImageError) as info:
        process_image(ImageJob("images/깨진사진.jpg", data, (50,)))
    assert "깨진사진.jpg" in str(info.value)


def test_decompression_bomb_is_refused():
    buffer = io.BytesIO()
    Image.new("1", (12000, 9000)).save(buffer, "PNG")  # 108 megapixels, a few kB
    with pytest.raises(ImageError) as info:
        process_image(ImageJob("images/bomb.png", buffer.getvalue(), (800,)))
    assert "bomb.png" in str(info.value)


def test_many_images_in_parallel_keep_order_and_report_progress():
    jobs = [ImageJob(f"images/{i}.jpg", photo(1200, 900, seed=i), (600,)) for i in range(5)]
    jobs.append(ImageJob("images/broken.jpg", b"junk", (600,)))
    seen: list[int] = []
    with pytest.raises(ImageError, match="broken.jpg"):
        process_images(jobs, seen.append)
    assert sorted(seen) == list(range(1, 7))
    results = process_images(jobs[:5])
    assert [r.name for r in results] == [j.name for j in jobs[:5]]
    assert results == [process_image(j) for j in jobs[:5]]

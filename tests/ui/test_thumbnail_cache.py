"""The lead photo's thumbnail, kept decoded for the next start, is the decoded one."""

from __future__ import annotations

import pytest

from editor import resources
from editor.ui import thumbnail_cache
from editor.ui.image_input import thumbnail

W, H = 150, 108


def _photo() -> bytes:
    return resources.path(
        "samples", "autonomous-shuttle", "images", "shuttle-lead.jpg"
    ).read_bytes()


@pytest.fixture
def decodes(monkeypatch):
    calls: list[int] = []
    real = thumbnail_cache.thumbnail

    def spy(data, width, height):
        calls.append(len(data))
        return real(data, width, height)

    monkeypatch.setattr(thumbnail_cache, "thumbnail", spy)
    return calls


def test_a_kept_thumbnail_is_the_decoded_one_pixel_for_pixel(qapp, tmp_path, decodes):
    fresh = thumbnail(_photo(), W, H)
    first = thumbnail_cache.cached_thumbnail(_photo(), W, H, tmp_path)
    kept = thumbnail_cache.cached_thumbnail(_photo(), W, H, tmp_path)
    assert len(decodes) == 1  # the second start reads it back instead of decoding
    assert first == fresh and kept == fresh  # size, format and every pixel
    assert kept.format() == fresh.format() and not kept.isNull()


def test_another_size_or_photo_is_not_taken_for_the_kept_one(qapp, tmp_path, decodes):
    thumbnail_cache.cached_thumbnail(_photo(), W, H, tmp_path)
    other = thumbnail_cache.cached_thumbnail(_photo(), 60, 40, tmp_path)
    assert other.width() <= 60 and other.height() <= 40
    stop = resources.path("samples", "autonomous-shuttle", "images", "shuttle-stop.jpg")
    assert thumbnail_cache.cached_thumbnail(stop.read_bytes(), W, H, tmp_path) == thumbnail(
        stop.read_bytes(), W, H
    )
    assert len(decodes) == 3


@pytest.mark.parametrize("damage", [b"", b"AETH1", b"junk" * 40, None])
def test_a_damaged_kept_thumbnail_is_decoded_again(qapp, tmp_path, decodes, damage):
    thumbnail_cache.cached_thumbnail(_photo(), W, H, tmp_path)
    (kept,) = tmp_path.glob("*.thumb")
    raw = kept.read_bytes()
    kept.write_bytes(raw[:-1] if damage is None else damage)  # truncated, or not ours
    assert thumbnail_cache.cached_thumbnail(_photo(), W, H, tmp_path) == thumbnail(_photo(), W, H)
    assert len(decodes) == 2
    assert kept.read_bytes() == raw  # written again whole


def test_a_photo_that_cannot_be_read_keeps_nothing(qapp, tmp_path):
    assert thumbnail_cache.cached_thumbnail(b"not a photo", W, H, tmp_path).isNull()
    assert list(tmp_path.iterdir()) == []


def test_only_the_newest_thumbnails_are_kept(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(thumbnail_cache, "KEEP", 2)
    for size in (40, 50, 60):
        thumbnail_cache.cached_thumbnail(_photo(), size, size, tmp_path)
    names = sorted(p.name.rsplit("-", 1)[1] for p in tmp_path.glob("*.thumb"))
    assert names == ["50x50.thumb", "60x60.thumb"]

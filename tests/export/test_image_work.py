"""The export's image work, counted: one decode, one resize and one encode per rendition.

Counts, not timers (issue 17): a second decode, a resize from the source for each width, a
turn of the full-size pixels or photos run one after another would each slip back in
unnoticed by a timed benchmark on this shared machine.
"""

from __future__ import annotations

import io
import threading
from collections import Counter

import pytest
from exporthelp import photo
from PIL import Image

from editor.export import images, resample
from editor.export.images import ImageJob, process_image, process_images


class Work:
    """Record the Pillow and libvips calls the pipeline makes, with the sizes they work on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[str, object, tuple[int, int] | None]] = []
        self.encoded_to_fd: list[bool] = []
        self._lock = threading.Lock()
        for owner, name, stage in (
            (Image, "_getdecoder", "decode"),  # Pillow's decoders
            (resample, "_jpegload", "decode"),  # libvips' JPEG decoder, at a DCT scale
            (resample, "_vips_resize", "resize"),  # libvips' Lanczos
            (resample, "_pillow", "resize"),  # Pillow's, for RGBA
            (Image.Image, "transpose", "orient"),
            (Image.Image, "save", "encode"),
        ):
            monkeypatch.setattr(owner, name, self._wrap(stage, getattr(owner, name)))

    def _wrap(self, stage, func):  # noqa: ANN001, ANN202 - any Pillow or pyvips signature
        def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            result = func(*args, **kwargs)
            if func.__name__ == "_getdecoder" and args[1] == "raw":  # frombytes: no decode
                return result
            if stage == "decode":  # a decoder has no image yet: record libvips' scale
                source = f"1/{args[1]}" if func.__module__ == resample.__name__ else None
            else:
                source = _dims(args[0])
            if stage == "encode":  # Pillow's encoders hold the GIL writing to memory
                self.encoded_to_fd.append(_has_fd(args[1]))
            with self._lock:
                self.calls.append((stage, source, _dims(result)))
            return result

        return counted

    def count(self) -> Counter:
        return Counter(stage for stage, _, _ in self.calls)

    def of(self, stage: str) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
        return [(source, size) for s, source, size in self.calls if s == stage]


def _dims(image: object) -> tuple[int, int] | None:
    """Return a Pillow or pyvips image's size."""
    if isinstance(image, Image.Image):
        return image.size
    width, height = getattr(image, "width", None), getattr(image, "height", None)
    return (width, height) if isinstance(width, int) and isinstance(height, int) else None


def _has_fd(target: object) -> bool:
    try:
        return isinstance(target.fileno(), int)  # type: ignore[attr-defined]
    except (AttributeError, OSError, io.UnsupportedOperation):
        return False


def test_one_decode_at_the_smallest_covering_scale_then_each_width_from_the_last(monkeypatch):
    # 2400x1600 stored, turned a quarter (orientation 6): upright 1600x2400. The 600 px
    # rendition needs 900x600 stored pixels, so JPEG's DCT scaling decodes at 1/2 (1200x800);
    # 1/4 (600x400) would not cover it.
    data = photo(2400, 1600, orientation=6)
    work = Work(monkeypatch)
    result = process_image(ImageJob("p.jpg", data, (600, 300)))
    assert [(r.width, r.height) for r in result.renditions] == [(600, 900), (300, 450)]
    assert work.count() == Counter(decode=1, resize=2, orient=2, encode=2)
    assert work.of("decode") == [("1/2", (1200, 800))]  # libvips, straight into the shrink
    assert work.of("resize") == [((1200, 800), (900, 600)), ((900, 600), (450, 300))]
    assert [source for source, _ in work.of("orient")] == [(900, 600), (450, 300)]
    # Written through a file descriptor, where Pillow lets the other threads (the window's) run.
    assert work.encoded_to_fd == [True, True]
    # Baseline JPEG (optimised tables): progressive cost 2.3-2.6x the encoder's CPU.
    assert not any(
        Image.open(io.BytesIO(r.data)).info.get("progressive") for r in result.renditions
    )


def test_a_small_largest_width_decodes_at_one_eighth(monkeypatch):
    data = photo(2400, 1600)
    work = Work(monkeypatch)
    process_image(ImageJob("p.jpg", data, (300, 150)))
    # 1/8 scale is exactly the 300 px rendition: no resize for it, one for the 150 px one.
    assert work.count() == Counter(decode=1, resize=1, encode=2)
    assert work.of("decode") == [("1/8", (300, 200))]
    assert work.of("resize") == [((300, 200), (150, 100))]


def test_webp_renditions_reuse_the_resized_pixels(monkeypatch):
    data = photo(1800, 1200)
    work = Work(monkeypatch)
    process_image(ImageJob("p.jpg", data, (400, 200), webp=True))
    assert work.count() == Counter(decode=1, resize=2, encode=4)


def test_photos_are_checked_once_and_run_on_two_threads_at_once(monkeypatch):
    monkeypatch.setattr(images.os, "cpu_count", lambda: 2)
    checked: list[str] = []
    real_inspect, real_render = images.inspect, images._render
    both_running = threading.Barrier(2, timeout=30)  # breaks if the photos run one by one

    def inspect(data, name="image"):  # noqa: ANN001, ANN202
        checked.append(name)
        return real_inspect(data, name)

    def render(job, info):  # noqa: ANN001, ANN202
        both_running.wait()
        return real_render(job, info)

    monkeypatch.setattr(images, "inspect", inspect)
    monkeypatch.setattr(images, "_render", render)
    jobs = [ImageJob(f"images/{i}.jpg", photo(500, 300, seed=i), (200,)) for i in range(4)]
    work = Work(monkeypatch)
    results = process_images(jobs)
    assert [r.name for r in results] == [j.name for j in jobs]
    assert sorted(checked) == sorted(j.name for j in jobs)
    assert work.count() == Counter(decode=4, resize=4, encode=4)


def test_without_a_temp_folder_encodes_in_memory(monkeypatch):
    import tempfile

    def no_temp_folder():  # noqa: ANN202
        raise OSError("no space left on device")

    data = photo(600, 400)
    expected = process_image(ImageJob("p.jpg", data, (300,)))
    monkeypatch.setattr(tempfile, "TemporaryFile", no_temp_folder)
    assert process_image(ImageJob("p.jpg", data, (300,))) == expected

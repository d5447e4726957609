"""Export an article with 10 photos of 24 megapixels to an HTML bundle; print the numbers.

    .venv/bin/python benchmarks/export.py [--runs N] [--photos N] [--format html|markdown]
                                          [--stages]

The photos (6000x4000 JPEG with EXIF orientation and GPS, made with Pillow) are cached in
the temp folder, so only the first run pays for making them. Prints a table, then one line
of JSON: seconds (min/median/max), CPU seconds per export (every thread of this process:
it varies less than wall time on a busy machine) and this process's peak memory (the image
threads' buffers included). --stages adds where the image threads' CPU goes, per photo
(libvips computes in worker threads of its own: their CPU is one row).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from editor.core.model import Article, Author, LeadImage  # noqa: E402
from editor.export import export_article  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "article-editor-bench-photos"
WIDTH, HEIGHT = 6000, 4000


def make_photo(seed: int) -> bytes:
    """Return a 24 MP JPEG that compresses like a photo, with orientation and GPS EXIF."""
    from PIL import Image

    rnd = random.Random(seed)
    small = Image.new("RGB", (48, 32))
    small.putdata([tuple(rnd.randrange(256) for _ in range(3)) for _ in range(48 * 32)])
    base = small.resize((WIDTH, HEIGHT), Image.Resampling.BICUBIC)
    noise = Image.effect_noise((WIDTH, HEIGHT), 24).convert("RGB")
    img = Image.blend(base, noise, 0.15)
    exif = Image.Exif()
    exif[0x0112] = (1, 6, 8, 3)[seed % 4]  # orientation: some need turning upright
    exif[0x010F], exif[0x0110] = "Bench Camera", "BX-24"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (36.0, 30.0, float(seed))
    gps[3], gps[4] = "E", (127.0, 15.0, 0.0)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def photos(count: int) -> dict[str, bytes]:
    """Return count cached photos by bundle path, making the missing ones."""
    CACHE.mkdir(exist_ok=True)
    found = {}
    for i in range(count):
        path = CACHE / f"photo-{i:02d}.jpg"
        if not path.is_file():
            print(f"making {path.name} (24 MP)…", file=sys.stderr)
            path.write_bytes(make_photo(i))
        found[f"images/photo-{i:02d}.jpg"] = path.read_bytes()
    return found


def article(images: dict[str, bytes]) -> Article:
    """Return an article using every photo: the first as lead, the rest in the body."""
    names = list(images)
    body = "\n\n".join(
        f"문단 {i}: 벤치마크 본문입니다.\n\n![사진 {i}]({name})"
        for i, name in enumerate(names[1:], start=1)
    )
    return Article(
        headline="벤치마크: 사진 열 장짜리 기사",
        subhead="24메가픽셀 사진 내보내기",
        body=body,
        lead_image=LeadImage(names[0], "대표 사진", "▲ 캡션", "사진=벤치"),
        authors=[Author("홍길동", "hong@example.org")],
        slug="bench",
        images=images,
    )


def peak_mib(who: int) -> float:
    """Return the peak resident memory in MiB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(who).ru_maxrss
    return peak / (1 << 20) if sys.platform == "darwin" else peak / 1024


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


# Where the image threads' CPU goes: the Pillow calls the pipeline makes, by stage.
STAGES = {
    "check": ("editor.export.images", "inspect"),
    "decode": ("PIL.ImageFile", "ImageFile.load"),
    "decode + shrink (libvips)": ("editor.export.images", "jpeg_shrunk"),
    "resize": ("editor.export.images", "shrink"),  # libvips (Pillow for RGBA)
    "orient": ("PIL.Image", "Image.transpose"),
    "colour": ("PIL.ImageCms", "profileToProfile"),
    "encode": ("PIL.Image", "Image.save"),
}


class StageTimer:
    """Sum each stage's thread CPU (outermost call only) while installed."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()
        self._local = threading.local()

    def install(self) -> None:
        import importlib

        for stage, (module, dotted) in STAGES.items():
            owner = importlib.import_module(module)
            *path, name = dotted.split(".")
            for part in path:
                owner = getattr(owner, part)
            setattr(owner, name, self._wrap(stage, getattr(owner, name)))

    def _wrap(self, stage: str, func: Callable) -> Callable:
        def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - any Pillow signature
            if getattr(self._local, "busy", False):  # nested: the outer stage counts it
                return func(*args, **kwargs)
            self._local.busy, start = True, time.thread_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent = time.thread_time() - start
                self._local.busy = False
                with self._lock:
                    self.cpu[stage] += spent
                    self.calls[stage] += 1

        return timed


def libvips_cpu() -> float:
    """Return the CPU seconds of libvips' worker threads (they outlive each export)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for task in Path("/proc/self/task").glob("*"):
        try:
            if not (task / "comm").read_text().startswith("libvips"):
                continue
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


def stage_rows(timer: StageTimer, photos: int, runs: int, total_cpu: float, vips: float) -> dict:
    """Return ms of CPU per photo by stage, and what the stages do not cover.

    libvips computes in its own worker threads while the calling thread waits (GIL released),
    so its stages' thread CPU is small: its workers' CPU is a row of its own.
    """
    per = photos * runs
    rows = {k: round(v * 1000 / per, 1) for k, v in timer.cpu.items()}
    rows["libvips worker threads"] = round(vips * 1000 / per, 1)
    rows["rest (pages, files, Python)"] = round(
        (total_cpu - vips - sum(timer.cpu.values())) * 1000 / per, 1
    )
    return rows


def main() -> int:
    """Run the benchmark and print a table and a JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--format", default="html", choices=("html", "markdown"))
    parser.add_argument("--stages", action="store_true", help="CPU per photo by stage")
    args = parser.parse_args()
    source = article(photos(args.photos))
    timer = StageTimer() if args.stages else None
    if timer:
        timer.install()
    megabytes = sum(len(d) for d in source.images.values()) / 1e6
    times = []
    cpu_before, vips_before = _cpu(resource.RUSAGE_SELF), libvips_cpu()
    with tempfile.TemporaryDirectory() as out:
        for run in range(args.runs):
            start = time.perf_counter()
            export_article(source, args.format, Path(out) / str(run))
            times.append(time.perf_counter() - start)
    cpu = _cpu(resource.RUSAGE_SELF) - cpu_before
    vips = libvips_cpu() - vips_before
    result = {
        "format": args.format,
        "photos": args.photos,
        "megapixels_each": WIDTH * HEIGHT / 1e6,
        "input_mb": round(megabytes, 1),
        "runs": args.runs,
        "cores": os.cpu_count(),
        "seconds": {
            "min": round(min(times), 3),
            "median": round(statistics.median(times), 3),
            "max": round(max(times), 3),
        },
        "cpu_seconds_per_export": round(cpu / args.runs, 2),
        "peak_rss_mib": {"main": round(peak_mib(resource.RUSAGE_SELF), 1)},
    }
    if timer:
        result["cpu_ms_per_photo"] = stage_rows(timer, args.photos, args.runs, cpu, vips)
    print(
        f"{'export':<10}{'photos':>7}{'runs':>6}{'min s':>8}{'median s':>10}{'max s':>8}"
        f"{'CPU s':>8}{'peak MiB':>10}"
    )
    s = result["seconds"]
    print(
        f"{args.format:<10}{args.photos:>7}{args.runs:>6}{s['min']:>8.2f}{s['median']:>10.2f}"
        f"{s['max']:>8.2f}{result['cpu_seconds_per_export']:>8.2f}"
        f"{result['peak_rss_mib']['main']:>10.1f}"
    )
    for stage, ms in result.get("cpu_ms_per_photo", {}).items():
        print(f"  {stage:<28}{ms:>8.1f} ms CPU per photo")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

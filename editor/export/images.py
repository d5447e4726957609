"""The export image pipeline: upright, stripped, sRGB, resized renditions (Pillow, libvips).

Each image is decoded once, at the smallest JPEG scale that still covers the largest
width asked for (Image.draft), shrunk with a Lanczos filter (resample.py: libvips), each
width from the one before, converted to sRGB and turned upright (EXIF orientation) on the
shrunk pixels. Encoders get fixed settings and no metadata, so the same input gives the
same bytes. Images run in parallel threads: Pillow and libvips release the GIL while they
decode, resize and (writing to a file) encode, so threads use every core without a process
pool's start-up, pickling and copies (docs/performance.md).
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import IO

from PIL import Image, ImageCms

from editor.core.errors import ErrorCode, ImageError
from editor.export.chunks import strip_metadata
from editor.export.resample import jpeg_shrunk, shrink
from editor.storage.images import MAX_PIXELS, ImageInfo, inspect

# Source format -> the format its renditions are written in (GIF becomes PNG).
OUTPUT_FORMAT = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "PNG", "WEBP": "WEBP"}
SUFFIX = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
EXIF_COPYRIGHT = 0x8298
EXIF_ORIENTATION = 0x0112
_SWAPPED_ORIENTATIONS = {5, 6, 7, 8}
_TRANSPOSE = {  # EXIF orientation -> the transpose that makes it upright (as ImageOps does)
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@dataclass(frozen=True)
class ImageJob:
    """What to make of one source image."""

    name: str  # bundle path, for error messages
    data: bytes
    widths: tuple[int, ...]  # wanted widths; never upscaled
    quality: int = 85
    webp: bool = False  # also write WebP renditions
    credit: str = ""  # written as the EXIF Copyright tag when not empty


@dataclass(frozen=True)
class Rendition:
    """One encoded size of an image."""

    width: int
    height: int
    format: str  # JPEG, PNG, WEBP or GIF
    data: bytes = field(repr=False)

    @property
    def suffix(self) -> str:
        return SUFFIX[self.format]

    @property
    def mime(self) -> str:
        return MIME[self.format]


@dataclass(frozen=True)
class ProcessedImage:
    """The renditions of one source image, largest first."""

    name: str
    width: int  # upright size of the source
    height: int
    renditions: tuple[Rendition, ...]
    webp: tuple[Rendition, ...] = ()


def target_widths(width: int, wanted: Sequence[int]) -> tuple[int, ...]:
    """Return the widths to write, largest first: the wanted ones, capped at the source's."""
    capped = {max(1, min(int(w), width)) for w in wanted if int(w) > 0} or {width}
    return tuple(sorted(capped, reverse=True))


def process_image(job: ImageJob) -> ProcessedImage:
    """Make the renditions of one image.

    Raises:
        ImageError: naming the file when it is not an image, is damaged or too large.
    """
    return _render(job, inspect(job.data, job.name))


def _render(job: ImageJob, info: ImageInfo) -> ProcessedImage:
    """Decode and encode one image that inspect() has let through (pixels bounded).

    No warnings filter here: catch_warnings() swaps process-wide state, unsafe in threads,
    and inspect() has refused anything over MAX_PIXELS, so opening it cannot warn.
    """
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(io.BytesIO(job.data)) as img:
            if getattr(img, "is_animated", False):
                return _animated(job, img)
            return _renditions(job, img, OUTPUT_FORMAT[info.format])
    except ImageError as exc:  # from libvips (resample.py): name the photo it failed on
        exc.path = exc.path or job.name
        raise
    except Image.DecompressionBombError as exc:
        raise ImageError(ErrorCode.IMAGE_TOO_LARGE_TO_OPEN, path=job.name) from exc
    except (OSError, SyntaxError, ValueError, EOFError, MemoryError) as exc:
        raise ImageError(ErrorCode.IMAGE_UNDECODABLE, path=job.name) from exc


def _animated(job: ImageJob, img: Image.Image) -> ProcessedImage:
    """Keep an animation's frames as they are (re-encoding drops frames or bloats it).

    Its metadata goes: GPS, camera and comments never survive an export in any format.
    """
    fmt = img.format or "GIF"
    rendition = Rendition(img.width, img.height, fmt, strip_metadata(job.data, fmt, job.name))
    return ProcessedImage(job.name, img.width, img.height, (rendition,))


def _renditions(job: ImageJob, img: Image.Image, out_format: str) -> ProcessedImage:
    """Decode, resize, orient and colour-convert one open image into its renditions."""
    icc = img.info.get("icc_profile")
    orientation = img.getexif().get(EXIF_ORIENTATION, 1)
    swapped = orientation in _SWAPPED_ORIENTATIONS
    upright = (img.height, img.width) if swapped else img.size
    widths = target_widths(upright[0], job.widths)
    sizes = [(w, max(1, round(upright[1] * w / upright[0]))) for w in widths]
    if swapped:  # resize in the stored orientation; turn the small result upright
        sizes = [(h, w) for w, h in sizes]
    current = None
    if img.format == "JPEG":  # libvips decodes and shrinks in one pass (resample.py)
        current = jpeg_shrunk(job.data, img.size, img.mode, sizes[0])
    if current is None:
        current = _decoded(img, job, sizes[0])
    renditions: list[Rendition] = []
    webps: list[Rendition] = []
    for i, size in enumerate(sizes):
        if current.size != size:
            current = shrink(current, size)
        if i == 0:
            current = _to_srgb(current, icc)
        upright_img = _orient(current, orientation)
        renditions.append(_encode(upright_img, out_format, job))
        if job.webp and out_format != "WEBP":
            webps.append(_encode(upright_img, "WEBP", job))
    return ProcessedImage(job.name, upright[0], upright[1], tuple(renditions), tuple(webps))


def _decoded(img: Image.Image, job: ImageJob, largest: tuple[int, int]) -> Image.Image:
    """Decode with Pillow: a JPEG at the smallest DCT scale (1/2, 1/4, 1/8) that covers."""
    if img.format == "JPEG":
        img.draft(img.mode if img.mode in ("RGB", "L") else None, largest)
    # The bytes are in memory: hand the decoder all of them at once, not in 64 KB pieces
    # (each piece suspends libjpeg and copies the rest; ~6% of a 24 MP decode).
    img.decodermaxblock = max(img.decodermaxblock, len(job.data))
    img.load()
    return _plain_mode(img)


def _orient(img: Image.Image, orientation: object) -> Image.Image:
    """Apply an EXIF orientation to the pixels (the table ImageOps.exif_transpose uses)."""
    method = _TRANSPOSE.get(orientation) if isinstance(orientation, int) else None
    return img.transpose(method) if method is not None else img


def _plain_mode(img: Image.Image) -> Image.Image:
    """Convert palette, 1-bit and 16-bit images to a mode resize() and the encoders take."""
    if img.mode in ("RGB", "RGBA", "L", "CMYK"):
        return img
    if img.mode in ("LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        return img.convert("RGBA")
    if img.mode.startswith("I") or img.mode == "F":
        return img.convert("I").point(lambda v: v / 256).convert("L")
    return img.convert("RGB")


def _to_srgb(img: Image.Image, icc: bytes | None) -> Image.Image:
    """Convert from the embedded ICC profile (or CMYK) to sRGB."""
    out_mode = "RGBA" if img.mode == "RGBA" else "RGB"
    if img.mode == "L" and not icc:
        return img
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            converted = ImageCms.profileToProfile(img, source, _srgb(), outputMode=out_mode)
            if converted is not None:
                return converted
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken profile: keep the numbers as they are
    return img if img.mode == out_mode else img.convert(out_mode)


def _srgb() -> ImageCms.ImageCmsProfile:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _encode(img: Image.Image, fmt: str, job: ImageJob) -> Rendition:
    """Encode with fixed settings and no metadata but the optional credit."""
    exif = _credit_exif(job.credit) if job.credit and fmt in ("JPEG", "WEBP") else b""
    if fmt == "JPEG":
        rgb = img if img.mode in ("RGB", "L") else img.convert("RGB")
        # Baseline with optimised Huffman tables, not progressive: the same coefficients, so
        # the same pixels, 0.1-2.7% more bytes, and 2.3-2.6x less encoder CPU (~30 ms a
        # 24 MP photo's two renditions; docs/performance.md).
        data = _saved(
            rgb, "JPEG", quality=job.quality, optimize=True, subsampling="4:2:0", exif=exif
        )
    elif fmt == "WEBP":
        data = _saved(img, "WEBP", quality=job.quality, method=4, exif=exif)
    else:
        data = _saved(img, "PNG", compress_level=6)
    return Rendition(img.width, img.height, fmt, data)


def _saved(img: Image.Image, fmt: str, **params: object) -> bytes:
    """Return img encoded, written through a temporary file.

    Pillow's encoders let go of the GIL writing to a file descriptor but hold it writing to
    memory: a 1600 px JPEG held it for its whole encode, so every other thread (the window's
    included) waited that long, and the two image threads' encodes took turns.
    """
    with _scratch() as file:
        img.save(file, fmt, **params)
        file.seek(0)
        return file.read()


def _scratch() -> IO[bytes]:
    """Return a temporary file, or a memory buffer (holding the GIL) when none can be made."""
    try:
        return tempfile.TemporaryFile()  # noqa: SIM115 - the caller's with closes it
    except OSError:
        return io.BytesIO()


def _credit_exif(credit: str) -> bytes:
    """Return EXIF holding only the credit, as UTF-8 (what exiftool and browsers read)."""
    exif = Image.Exif()
    exif[EXIF_COPYRIGHT] = credit.encode("utf-8")  # a str would be written as ASCII "?"
    return exif.tobytes()


# -- many images at once ------------------------------------------------------------------
def _run(job: ImageJob, info: ImageInfo) -> ProcessedImage | ImageError:
    """Render one checked job in a pool thread, returning the error instead of raising it."""
    try:
        return _render(job, info)
    except ImageError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a worker must answer, never hang the pool
        return ImageError(ErrorCode.IMAGE_UNPROCESSABLE, path=job.name, reason=str(exc))


def _check(job: ImageJob) -> ImageInfo | ImageError:
    """Inspect one job, returning the error instead of raising it."""
    try:
        return inspect(job.data, job.name)
    except ImageError as exc:
        return exc


def process_images(
    jobs: Sequence[ImageJob],
    progress: Callable[[int], None] | None = None,
    on_done: Callable[[ProcessedImage], None] | None = None,
) -> list[ProcessedImage]:
    """Process jobs on every core; return results in the jobs' order.

    on_done is called in this thread with each image as it is finished (so that its files
    can be written while the others are worked on), in the order they finish.

    Raises:
        ImageError: for the first job (in order) that failed, naming its file.
    """
    # inspect() in this thread, before any worker starts: it sets a warnings filter.
    results: list[ProcessedImage | ImageError | ImageInfo] = [_check(job) for job in jobs]
    todo = [i for i, result in enumerate(results) if isinstance(result, ImageInfo)]
    done = len(jobs) - len(todo)
    if progress:
        for n in range(1, done + 1):
            progress(n)
    workers = min(len(todo), os.cpu_count() or 1)
    with ThreadPoolExecutor(max_workers=max(workers, 1), thread_name_prefix="image") as pool:
        futures = {pool.submit(_run, jobs[i], results[i]): i for i in todo}
        for future in as_completed(futures):
            results[futures[future]] = result = future.result()
            if on_done and isinstance(result, ProcessedImage):
                on_done(result)
            done += 1
            if progress:
                progress(done)
    for result in results:
        if isinstance(result, ImageError):
            raise result
    return [r for r in results if isinstance(r, ProcessedImage)]

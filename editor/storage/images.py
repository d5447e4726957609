"""Decode images before trusting them: format, size, and a decompression-bomb limit."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.core.errors import ImageError

if TYPE_CHECKING:  # the checklist (and review) load only when facts are asked for
    from editor.core.checklist import ImageFacts

MAX_PIXELS = 100_000_000  # 100 megapixels: larger than any newsroom camera
ACCEPTED_FORMATS = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "GIF": "image/gif",
    "WEBP": "image/webp",
}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}


@dataclass(frozen=True)
class ImageInfo:
    format: str
    width: int
    height: int

    @property
    def mime(self) -> str:
        return ACCEPTED_FORMATS[self.format]


def inspect(data: bytes, name: str = "image") -> ImageInfo:
    """Identify an image from its bytes without decoding all of it.

    Raises:
        ImageError: not an image we take, or larger than MAX_PIXELS.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt, (width, height) = img.format or "", img.size
                img.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(f"The image is too large to open safely ({exc}).", path=name) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError("The file is not an image, or it is damaged.", path=name) from exc
    if fmt not in ACCEPTED_FORMATS:
        raise ImageError(f"Images must be JPEG, PNG, GIF or WebP, not {fmt}.", path=name)
    if width * height > MAX_PIXELS:
        raise ImageError(
            f"The image has {width}x{height} pixels; the limit is "
            f"{MAX_PIXELS // 1_000_000} megapixels.",
            path=name,
        )
    return ImageInfo(fmt, width, height)


def inspect_all(images: dict[str, bytes]) -> dict[str, ImageInfo | ImageError]:
    """Inspect every image of an article; a bad one maps to its error."""
    results: dict[str, ImageInfo | ImageError] = {}
    for name, data in images.items():
        try:
            results[name] = inspect(data, name)
        except ImageError as exc:
            results[name] = exc
    return results


def facts(images: dict[str, bytes]) -> dict[str, ImageFacts]:
    """Return what the checklist needs of each image: size, GPS, or why it is broken."""
    from PIL import Image

    from editor.core.checklist import ImageFacts

    found: dict[str, ImageFacts] = {}
    for name, data in images.items():
        if not name.lower().endswith(tuple(IMAGE_SUFFIXES)):
            continue
        try:
            info = inspect(data, name)
            with Image.open(io.BytesIO(data)) as img:
                gps = bool(img.getexif().get_ifd(0x8825))
            found[name] = ImageFacts(info.width, info.height, gps)
        except ImageError as exc:
            found[name] = ImageFacts(error=exc.message)
        except Exception as exc:  # noqa: BLE001 - a damaged EXIF block is not the user's crash
            found[name] = ImageFacts(error=f"The image's metadata is damaged ({exc}).")
    return found

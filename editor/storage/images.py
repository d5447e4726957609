"""Decode images before trusting them: format, size, and a decompression-bomb limit."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.core.errors import ErrorCode, ImageError

if TYPE_CHECKING:  # the checklist (and review) load only when facts are asked for
    from editor.core.checklist import ImageFacts

MAX_PIXELS = 100_000_000  # 100 megapixels: larger than any newsroom camera
MAX_ANIMATION_PIXELS = 4 * MAX_PIXELS  # every frame of an animation, together
# Decoding may take at most this many times the file's size (once past the floor): a real
# photo decodes to ~10x its bytes, a flat graphic to a few hundred; a 50 KB one-bit PNG that
# claims 89 megapixels (356 MB as the preview's RGBA) is a bomb.
DECODED_FLOOR = 64 << 20
MAX_DECODE_RATIO = 1024
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
                frames = _frames(img, width * height)
                img.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(ErrorCode.IMAGE_TOO_LARGE_TO_OPEN, path=name) from exc
    except ImageError as exc:
        exc.path = name
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(ErrorCode.NOT_AN_IMAGE, path=name) from exc
    if fmt not in ACCEPTED_FORMATS:
        raise ImageError(ErrorCode.IMAGE_FORMAT, path=name, format=fmt)
    if width * height > MAX_PIXELS:
        raise ImageError(
            ErrorCode.IMAGE_PIXELS,
            path=name,
            width=width,
            height=height,
            limit=MAX_PIXELS // 1_000_000,
        )
    check_decoded(width * height, frames, len(data), name)
    return ImageInfo(fmt, width, height)


def _frames(img, pixels: int) -> int:  # noqa: ANN001 - a PIL image
    """Return the frame count from the headers (APNG acTL, WebP ANIM, GIF blocks)."""
    if not getattr(img, "is_animated", False):
        return 1
    frames = int(getattr(img, "n_frames", 1) or 1)
    if frames * pixels > MAX_ANIMATION_PIXELS:
        raise ImageError(
            ErrorCode.ANIMATION_PIXELS,
            frames=frames,
            width=img.size[0],
            height=img.size[1],
            limit=MAX_ANIMATION_PIXELS // 1_000_000,
        )
    return frames


def check_decoded(pixels: int, frames: int, size: int, name: str = "image") -> None:
    """Refuse, before decoding, an image whose pixels far outweigh its file (a bomb).

    Raises:
        ImageError: decoding would take more than DECODED_FLOOR and MAX_DECODE_RATIO x size.
    """
    decoded = pixels * 4 * frames  # what a browser or Qt holds: RGBA, every frame
    if decoded > DECODED_FLOOR and decoded > MAX_DECODE_RATIO * size:
        raise ImageError(
            ErrorCode.DECOMPRESSION_BOMB, path=name, mb=decoded >> 20, kb=max(size >> 10, 1)
        )


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
            found[name] = ImageFacts(error=exc)
        except Exception as exc:  # noqa: BLE001 - a damaged EXIF block is not the user's crash
            found[name] = ImageFacts(
                error=ImageError(ErrorCode.IMAGE_METADATA_DAMAGED, path=name, reason=str(exc))
            )
    return found

"""Turn what a user drops, pastes or picks into (name, bytes) pairs for the document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from editor.core import clock
from editor.core.errors import ImageError
from editor.storage.images import IMAGE_SUFFIXES, check_decoded

MAX_IMAGE_FILE_BYTES = 200 * 1024 * 1024


PASTED_PREFIX = "pasted-"
# Encoded images a clipboard may carry besides pixels, most faithful first.
ENCODED_FORMATS = (
    ("image/jpeg", ".jpg"),
    ("image/png", ".png"),
    ("image/webp", ".webp"),
    ("image/gif", ".gif"),
)


def image_files(mime: QMimeData) -> list[Path]:
    """Return the local image files a drop or paste carries."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]


def has_image(mime: QMimeData) -> bool:
    """Tell whether a drop or paste carries an image (pixels or an image file)."""
    encoded = any(mime.hasFormat(kind) for kind, _suffix in ENCODED_FORMATS)
    return mime.hasImage() or encoded or bool(image_files(mime))


def images_from_mime(mime: QMimeData) -> list[tuple[str, bytes]]:
    """Return the images a drop or paste carries, files first, as (name, bytes).

    Raises:
        OSError: a dropped file cannot be read.
    """
    files = image_files(mime)
    if files:
        return [read_image_file(p) for p in files]
    for kind, suffix in ENCODED_FORMATS:  # the copied file's own bytes: a JPEG stays a JPEG
        data = bytes(mime.data(kind).data()) if mime.hasFormat(kind) else b""
        if data:
            return [(pasted_name(suffix), data)]
    if mime.hasImage():
        image = QImage(mime.imageData())
        if not image.isNull():
            return [(pasted_name(), png_bytes(image))]
    return []


def read_image_file(path: Path) -> tuple[str, bytes]:
    """Read an image file chosen by the user.

    Raises:
        OSError: the file cannot be read or is absurdly large.
    """
    if path.stat().st_size > MAX_IMAGE_FILE_BYTES:
        raise OSError(f"{path.name} is larger than 200 MB")
    return path.name, path.read_bytes()


def png_bytes(image: QImage) -> bytes:
    """Encode a QImage as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def pasted_name(suffix: str = ".png") -> str:
    """Name a pasted image after the moment it was pasted."""
    return f"{PASTED_PREFIX}{clock.now():%Y%m%d-%H%M%S}{suffix}"


def alt_for(name: str) -> str:
    """Return the alt text an image starts with: its file's name, nothing when pasted.

    A timestamp says nothing to a reader; an empty alt is flagged by the checklist.
    """
    return "" if Path(name).name.startswith(PASTED_PREFIX) else Path(name).stem


def thumbnail(
    data: bytes,
    width: int,
    height: int,
    mode: Qt.AspectRatioMode = Qt.AspectRatioMode.KeepAspectRatio,
) -> QImage:
    """Decode image bytes scaled to fit (or, by mode, to cover) width x height; null if bad."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, sniffed_format(data))
    reader.setAutoTransform(True)  # EXIF orientation: upright, as the preview and exports
    turned = bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)
    size = reader.size()
    try:  # pixels are bounded before anything is decoded (a 10 KB PNG can claim 89 MP)
        frames = max(1, reader.imageCount())
        check_decoded(max(size.width(), 0) * max(size.height(), 0), frames, len(data))
    except ImageError:
        return QImage()
    if size.isValid():  # JPEG decodes at a fraction of its size: 8 ms, not 22, for 1600 px
        shown = size.transposed() if turned else size  # the scaled size is before turning
        fit = shown.scaled(width, height, mode)
        reader.setScaledSize(fit.transposed() if turned else fit)
    image = reader.read()
    if image.isNull() or image.size() == image.size().scaled(width, height, mode):
        return image
    return image.scaled(width, height, mode, Qt.TransformationMode.SmoothTransformation)


# Signatures of the formats a photo comes in, and Qt's name for each. Bytes without a name
# to look under make QImageReader ask every plugin whether it can read them, loading each
# (PDF with Qt Network and Kerberos, SVG, TIFF, WebP …): ~20 M instructions and ~10 MB
# mapped before the first thumbnail. A wrong guess costs nothing: Qt then probes as before.
SIGNATURES = (
    (b"\xff\xd8\xff", b"jpeg"),
    (b"\x89PNG\r\n\x1a\n", b"png"),
    (b"GIF87a", b"gif"),
    (b"GIF89a", b"gif"),
)


def sniffed_format(data: bytes) -> bytes:
    """Return Qt's format name for image bytes by their signature (b"" when not known)."""
    for signature, name in SIGNATURES:
        if data.startswith(signature):
            return name
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return b"webp"
    return b""


DOCUMENT_SUFFIXES = {".article", ".md", ".markdown"}


def document_paths(mime: QMimeData) -> list[Path]:
    """Return the article files or page-bundle folders a drop carries."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in DOCUMENT_SUFFIXES]

"""Render the app icon (resources/icons/article-editor.svg) for every OS.

Writes, under OUT: hicolor/<n>x<n>/apps/article-editor.png (Linux), hicolor/scalable/apps/
article-editor.svg, article-editor.ico (Windows) and article-editor.icns (macOS).
Usage: python packaging/icons.py OUT
"""

from __future__ import annotations

import io
import os
import shutil
import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "resources" / "icons" / "article-editor.svg"
NAME = "article-editor"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(svg: Path, sizes: tuple[int, ...]) -> dict[int, Image.Image]:
    """Render the SVG with Qt's SVG renderer at each size; return Pillow images."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"icons: cannot read {svg}")
    images: dict[int, Image.Image] = {}
    for size in sizes:
        canvas = QImage(size, size, QImage.Format.Format_ARGB32)
        canvas.fill(Qt.GlobalColor.transparent)
        painter = QPainter(canvas)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        canvas.save(buffer, "PNG")
        images[size] = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")
    return images


def write_hicolor(images: dict[int, Image.Image], out: Path) -> list[Path]:
    """Write the freedesktop hicolor theme tree; return the PNG paths."""
    written = []
    for size in PNG_SIZES:
        target = out / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(target, optimize=True)
        written.append(target)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SVG, scalable)
    return written


def write_ico(images: dict[int, Image.Image], target: Path) -> None:
    """Write a Windows .ico holding each size rendered sharp (not downscaled)."""
    largest = images[max(ICO_SIZES)]
    others = [images[s] for s in ICO_SIZES if s != max(ICO_SIZES)]
    largest.save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=others)


def write_icns(images: dict[int, Image.Image], target: Path) -> None:
    """Write a macOS .icns holding each size rendered sharp."""
    largest = images[max(ICNS_SIZES)]
    others = [images[s] for s in ICNS_SIZES if s != max(ICNS_SIZES)]
    largest.save(target, format="ICNS", append_images=others)


def build_all(out: Path) -> None:
    """Render every icon file into out."""
    out.mkdir(parents=True, exist_ok=True)
    images = render(SVG, tuple(sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))))
    write_hicolor(images, out)
    write_ico(images, out / f"{NAME}.ico")
    write_icns(images, out / f"{NAME}.icns")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    build_all(Path(sys.argv[1]))

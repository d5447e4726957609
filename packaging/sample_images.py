"""Draw the sample article's photos (illustrations made for this project, no outside source).

Run: .venv/bin/python packaging/sample_images.py  (rewrites resources/samples/*/images)
"""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

OUT = Path(__file__).resolve().parents[1] / "resources/samples/autonomous-shuttle/images"


def _sky(draw: ImageDraw.ImageDraw, w: int, h: int, top: tuple, bottom: tuple) -> None:
    for y in range(h):
        t = y / max(h - 1, 1)
        draw.line(
            [(0, y), (w, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )


def _person(draw: ImageDraw.ImageDraw, x: int, ground: int, scale: float, colour: tuple) -> None:
    head = int(22 * scale)
    body_h = int(120 * scale)
    draw.ellipse([x - head, ground - body_h - 2 * head, x + head, ground - body_h], fill=colour)
    draw.rounded_rectangle(
        [x - int(30 * scale), ground - body_h, x + int(30 * scale), ground],
        radius=int(18 * scale),
        fill=colour,
    )


def lead(path: Path) -> None:
    w, h = 1600, 1000
    img = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(img)
    _sky(d, w, int(h * 0.62), (120, 170, 220), (214, 232, 246))
    d.rectangle([0, int(h * 0.62), w, h], fill=(92, 96, 104))
    for x in range(0, w, 160):  # lane marks
        d.rectangle([x, int(h * 0.82), x + 90, int(h * 0.83)], fill=(235, 235, 220))
    d.rectangle([0, int(h * 0.58), w, int(h * 0.64)], fill=(188, 190, 186))  # kerb
    for i, x in enumerate(range(40, w, 230)):  # government buildings behind
        top = int(h * (0.22 + 0.06 * (i % 3)))
        d.rectangle([x, top, x + 190, int(h * 0.58)], fill=(170 - i * 3, 178, 188))
        for wy in range(top + 20, int(h * 0.55), 34):
            d.rectangle([x + 16, wy, x + 174, wy + 14], fill=(206, 222, 236))
    body = [430, 430, 1190, 820]  # the shuttle
    d.rounded_rectangle(body, radius=90, fill=(246, 247, 249), outline=(200, 204, 210), width=4)
    for wx in range(490, 1100, 130):
        d.rounded_rectangle([wx, 480, wx + 110, 610], radius=24, fill=(44, 62, 84))
    d.rectangle([430, 690, 1190, 712], fill=(0, 122, 194))
    for cx in (560, 1060):
        d.ellipse([cx - 70, 760, cx + 70, 900], fill=(30, 30, 34))
        d.ellipse([cx - 32, 798, cx + 32, 862], fill=(140, 144, 150))
    d.rectangle([1240, 300, 1256, 640], fill=(80, 84, 90))  # stop sign post
    d.rounded_rectangle([1200, 250, 1300, 330], radius=12, fill=(0, 122, 194))
    rng = random.Random(7)
    for x in (1330, 1400, 1480, 1545, 330, 250):
        shade = rng.randint(40, 90)
        _person(d, x, int(h * 0.64), rng.uniform(0.9, 1.15), (shade, shade + 10, shade + 25))
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    img.save(path, "JPEG", quality=84, optimize=True, progressive=True)


def stop_screen(path: Path) -> None:
    w, h = 1200, 800
    img = Image.new("RGB", (w, h), (60, 66, 74))
    d = ImageDraw.Draw(img)
    _sky(d, w, h, (88, 96, 108), (48, 52, 58))
    d.rounded_rectangle([250, 90, 950, 700], radius=30, fill=(22, 24, 28))
    d.rounded_rectangle([290, 130, 910, 560], radius=12, fill=(236, 244, 250))
    d.rectangle([290, 130, 910, 200], fill=(0, 122, 194))
    for i, y in enumerate(range(240, 540, 60)):
        d.rounded_rectangle([330, y, 330 + 380 - i * 40, y + 26], radius=8, fill=(150, 170, 190))
        d.ellipse([820, y - 4, 854, y + 30], fill=(0, 160, 110) if i % 2 else (0, 122, 194))
    d.rounded_rectangle([520, 600, 680, 660], radius=14, fill=(0, 160, 110))
    img = img.filter(ImageFilter.GaussianBlur(0.5))
    img.save(path, "JPEG", quality=84, optimize=True, progressive=True)


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    lead(OUT / "shuttle-lead.jpg")
    stop_screen(OUT / "shuttle-stop.jpg")
    print("wrote", *sorted(p.name for p in OUT.iterdir()))

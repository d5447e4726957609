"""Every limit of docs/reliability.md, just inside (accepted) and just outside (refused)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import pytest

from editor.core.errors import ImageError, UnsafeDocumentError
from editor.core.model import Article
from editor.storage import container, images, plain_yaml, safeyaml

INDEX = b"---\ntitle: x\n---\nbody\n"


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return buffer.getvalue()


def _png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(b"\0" + b"\0\0\0" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(raw))
        + (chunk(b"IEND", b""))
    )


def _aliases(count: int) -> bytes:
    lines = ["a: &a x"] + [f"k{i}: *a" for i in range(count)]
    return ("---\n" + "\n".join(lines) + "\n---\nbody").encode()


# (label, constant to lower, lowered value, builder(limit) -> (inside, outside), words)
LIMITS = [
    (
        "entries",
        (container, "MAX_ENTRIES"),
        5,
        lambda n: (
            [("index.md", INDEX)] + [(f"images/{i}", b"x") for i in range(n - 1)],
            [("index.md", INDEX)] + [(f"images/{i}", b"x") for i in range(n)],
        ),
        "entries",
    ),
    (
        "entry size",
        (container, "MAX_ENTRY_BYTES"),
        1000,
        lambda n: (
            [("index.md", INDEX), ("images/a", b"x" * n)],
            [("index.md", INDEX), ("images/a", b"x" * (n + 1))],
        ),
        "too large",
    ),
    (
        "index size",
        (container, "MAX_INDEX_BYTES"),
        1000,
        lambda n: ([("index.md", INDEX.ljust(n, b"y"))], [("index.md", INDEX.ljust(n + 1, b"y"))]),
        "too large",
    ),
    (
        "total size",
        (container, "MAX_TOTAL_BYTES"),
        1000,
        lambda n: (
            [("index.md", INDEX), ("images/a", b"x" * (n - len(INDEX)))],
            [("index.md", INDEX), ("images/a", b"x" * (n - len(INDEX) + 1))],
        ),
        "1 GiB",
    ),
    (
        "yaml aliases",
        (safeyaml, "MAX_ALIASES"),
        20,
        lambda n: ([("index.md", _aliases(n))], [("index.md", _aliases(n + 1))]),
        "aliases",
    ),
    (
        "yaml size",
        (plain_yaml, "MAX_YAML_BYTES"),
        1000,
        lambda n: (
            [("index.md", b"---\nt: " + b"y" * (n - 20) + b"\n---\nx")],
            [("index.md", b"---\nt: " + b"y" * (n + 1) + b"\n---\nx")],
        ),
        "1 MiB",
    ),
]


@pytest.mark.parametrize(
    ("label", "constant", "value", "build", "words"), LIMITS, ids=[c[0] for c in LIMITS]
)
def test_each_container_limit_holds_at_its_edge(monkeypatch, label, constant, value, build, words):
    monkeypatch.setattr(*constant, value)
    inside, outside = build(value)
    container.read(_zip(inside))
    with pytest.raises(UnsafeDocumentError, match=words):
        container.read(_zip(outside))


def test_the_ratio_limit_refuses_a_bomb_image_but_not_a_long_body():
    bomb = _zip([("index.md", INDEX), ("images/a.png", b"\0" * (4 << 20))])
    with pytest.raises(UnsafeDocumentError, match="zip bomb"):
        container.read(bomb)
    body = "같은 문단이 되풀이되는 아주 긴 본문. " * 400_000  # > 10 MB, deflates > 1000-fold
    article = container.read(container.write(Article(headline="긴 기사", body=body)))
    assert article.body == body  # what the app writes, it can open again (drafts too)


def test_the_pixel_limit(monkeypatch):
    monkeypatch.setattr(images, "MAX_PIXELS", 100)
    assert images.inspect(_png(10, 10)).width == 10
    with pytest.raises(ImageError, match="megapixels"):
        images.inspect(_png(11, 10))

"""The bundled WOFF2 fonts, unpacked once to TrueType, draw exactly as the WOFF2 does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter, QRawFont

from editor import resources
from editor.ui import font_cache, theme

TEXT = "자율주행 셔틀, 오늘부터 시범 운행 — 123 ABC"


def _woff2(weight: str = "Regular") -> Path:
    return resources.path("fonts", "pretendard", f"Pretendard-{weight}.woff2")


def _draw(raw: QRawFont) -> QImage:
    image = QImage(900, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    glyphs = raw.glyphIndexesForString(TEXT)
    advances = raw.advancesForGlyphIndexes(glyphs)
    x = 4.0
    for glyph, advance in zip(glyphs, advances, strict=True):
        painter.fillPath(raw.pathForGlyph(glyph).translated(QPointF(x, 44)), QColor("black"))
        x += advance.x()
    painter.end()
    return image


def test_the_unpacked_font_draws_the_same_glyphs(qapp, tmp_path):
    woff2 = _woff2()
    target = font_cache.cached_path(woff2, tmp_path)
    assert font_cache.unpack(woff2, target)
    assert target.read_bytes()[:4] == b"\0\1\0\0"  # plain TrueType
    original, unpacked = QRawFont(str(woff2), 32), QRawFont(str(target), 32)
    assert unpacked.familyName() == original.familyName() == "Pretendard"
    assert _draw(unpacked) == _draw(original)


def test_the_cache_is_keyed_by_the_font_bytes(tmp_path):
    copy = tmp_path / "Pretendard-Regular.woff2"
    copy.write_bytes(_woff2().read_bytes())
    first = font_cache.cached_path(copy, tmp_path)
    copy.write_bytes(_woff2("Bold").read_bytes())  # an updated font never meets a stale cache
    assert font_cache.cached_path(copy, tmp_path) != first


def test_the_first_start_registers_woff2_and_leaves_truetype_for_the_next(qapp):
    theme._uncached.clear()
    assert theme.load_fonts() == "Pretendard"
    assert len(theme._uncached) == len(theme.FONT_FILES)  # nothing cached yet (tmp cache)
    worker = theme.cache_fonts_in_background()
    assert worker is not None
    worker.join(60)
    cached = [font_cache.cached_path(_woff2(w)) for w in ("Regular", "Bold")]
    assert all(path.is_file() for path in cached)
    assert theme.load_fonts() == "Pretendard"
    assert theme._uncached == []  # the second start opens TrueType only
    assert "Pretendard" in QFontDatabase.families()


def test_a_broken_cache_file_falls_back_to_the_woff2(qapp):
    theme._uncached.clear()
    cached = font_cache.cached_path(_woff2())
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(b"not a font")
    assert theme._add_font(_woff2()) >= 0
    assert theme._uncached[0] == (_woff2(), cached)  # rewritten after the next first paint
    theme._uncached.clear()


def test_an_unchanged_font_is_not_read_again_for_its_key(tmp_path, monkeypatch):
    copy = tmp_path / "Pretendard-Regular.woff2"
    copy.write_bytes(_woff2().read_bytes())
    first = font_cache.cached_path(copy, tmp_path / "cache")
    reads = []
    real_read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: reads.append(self) or real_read(self))
    assert font_cache.cached_path(copy, tmp_path / "cache") == first
    assert reads == []  # the stamp's size, time and CRC stood for the 0.8 MB read


def test_a_changed_font_of_the_same_size_is_hashed_again(tmp_path):
    copy = tmp_path / "Pretendard-Regular.woff2"
    data = _woff2().read_bytes()
    copy.write_bytes(data)
    folder = tmp_path / "cache"
    first = font_cache.cached_path(copy, folder)
    copy.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # same length, a new time
    second = font_cache.cached_path(copy, folder)
    assert second != first
    assert second.name.split("-")[2] == first.name.split("-")[2]  # the length part
    (folder / "Pretendard-Regular.stamp").write_text("not a stamp")
    assert font_cache.cached_path(copy, folder) == second  # a bad stamp: hashed again

"""The kept picture: the window's first frame paints the pane as it last showed the article.

The store and the key need no browser; the swap runs real QtWebEngine: a pane that built the
article's page keeps its picture, the next pane holds that picture until Chromium painted
the kept page, and gives way only to the same pixels. What makes the picture wrong drops it.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from editor.ui import first_paint
from editor.ui.preview import kept_pages, kept_picture
from editor.ui.preview.kept_picture import pixels_differing
from editor.ui.preview.page_cache import KEEP, PageCache
from editor.ui.preview.picture import (
    PaneState,
    Picture,
    PicturePlaceholder,
    PictureStore,
    picture_key,
)

PIXELS = QImage.Format.Format_RGB32
STATE = PaneState("desktop", 390, "column", 0, True, 300, 200, 1.0)


def _image(width: int = 300, height: int = 200, color: str = "#3366cc") -> QImage:
    image = QImage(width, height, PIXELS)
    image.fill(QColor(color))
    image.setPixelColor(7, 5, QColor("#ff0000"))
    return image


def test_a_picture_reads_back_as_stored_and_a_broken_entry_is_a_miss(qapp, tmp_path):
    store = PictureStore(tmp_path)
    picture = Picture("k1", STATE, {"desktop": "page-key"}, _image())
    store.store(picture)
    back = store.load("k1")
    assert back is not None and back.image == picture.image
    assert back.state == STATE and back.page_keys == {"desktop": "page-key"}
    assert (tmp_path / "k1.pic").stat().st_size < 20_000  # compressed, not 240 KB of pixels
    assert store.load("k2") is None
    data = (tmp_path / "k1.pic").read_bytes()
    for broken in (data[: len(data) // 2], b"garbage", data.replace(b"\tk1\t", b"\tk3\t")):
        (tmp_path / "k1.pic").write_bytes(broken)
        assert store.load("k1") is None
    PictureStore(tmp_path / "file" / "below").store(picture)  # unwritable: forgotten, no error


def test_only_the_newest_pictures_are_kept(qapp, tmp_path):
    store = PictureStore(tmp_path)
    for n in range(KEEP + 3):
        store.store(Picture(f"k{n}", STATE, {}, _image(8, 8)))
    assert len(list(tmp_path.glob("*.pic"))) == KEEP


def test_the_key_changes_with_everything_that_changes_a_pixel(qapp, article):
    key = picture_key(article, STATE)
    assert picture_key(copy.deepcopy(article), STATE) == key
    for field, value in (("mode", "mobile"), ("mobile_width", 412), ("fit", "page")):
        assert picture_key(article, replace(STATE, **{field: value})) != key
    for field, value in (("step", 1), ("share_card", False), ("width", 301), ("dpr", 2.0)):
        assert picture_key(article, replace(STATE, **{field: value})) != key
    assert picture_key(replace(article, headline="다른 제목"), STATE) != key
    photo, data = next(iter(article.images.items()))
    changed = replace(article, images={**article.images, photo: data[:-1] + b"\x00"})
    assert picture_key(changed, STATE) != key
    noted = replace(article, private={"notes": ["데스크 메모"]})
    assert picture_key(noted, STATE) == key  # notes are not on the page


class _Settings:
    def preview_mode(self) -> str:
        return "desktop"

    def preview_width(self) -> int:
        return 390

    def preview_zoom_stored(self) -> tuple[str, int]:
        return "column", 0


class _Window(QWidget):
    """What the placeholder reads of the main window: its document and its settings."""

    def __init__(self, article) -> None:
        super().__init__()
        self.settings = _Settings()
        self.document = type("Doc", (), {"article": article})()


def _placeholder(qtbot, article, store, size):
    window = _Window(article)
    qtbot.addWidget(window)
    placeholder = PicturePlaceholder(window, store)
    QVBoxLayout(window).setContentsMargins(0, 0, 0, 0)
    window.layout().addWidget(placeholder)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: placeholder._looked)
    return placeholder


def test_the_first_frame_paints_the_picture_only_where_it_fits_exactly(qtbot, tmp_path, article):
    store = PictureStore(tmp_path)
    image = _image()
    store.store(Picture(picture_key(article, STATE), STATE, {"desktop": "p"}, image))
    shown = _placeholder(qtbot, article, store, (300, 200))
    assert shown.picture_shown and shown.look_up_ms < 50
    assert shown.grab().toImage().convertToFormat(PIXELS) == image
    assert not _placeholder(qtbot, article, store, (301, 200)).picture_shown
    other = replace(article, headline="다른 기사")
    assert not _placeholder(qtbot, other, store, (300, 200)).picture_shown


# The swap: real QtWebEngine ----------------------------------------------------------------
@pytest.fixture
def kept(monkeypatch, tmp_path):
    """Keep pages and pictures at once, in folders of the test's own."""
    monkeypatch.setattr(kept_pages, "KEEP_AFTER_MS", 0)
    monkeypatch.setattr(kept_picture, "CAPTURE_AFTER_MS", 100)
    monkeypatch.setattr(first_paint, "PREVIEW_FALLBACK_MS", None)  # a loaded machine is slow
    return {"page_cache": PageCache(tmp_path / "pages"), "picture_store": PictureStore(tmp_path)}


@pytest.fixture
def reopened(qtbot, make_pane, article, document, wait_ready, kept):
    """reopened(mode): a pane holding the picture its article's last opening kept."""
    return lambda mode="desktop": _reopened(
        qtbot, make_pane, article, type(document), wait_ready, kept, mode
    )


def _reopened(qtbot, make_pane, article, doc_class, wait_ready, kept, mode):  # noqa: PLR0913
    """Open the article once (its page and picture kept), then again holding the picture."""
    # Offscreen, a process's first web view grabs blank (no picture is kept from it): warm up.
    warm = make_pane(900, 700, page_cache=PageCache(kept["picture_store"].folder / "warm"))
    warm.set_document(doc_class(copy.deepcopy(article)))
    wait_ready(warm)
    warm.close()
    first = make_pane(900, 700, **kept)
    first.set_mode(mode, 390)
    first.set_document(doc_class(article))
    wait_ready(first)
    key = picture_key(article, first.pane_state())
    qtbot.waitUntil(lambda: kept["picture_store"].load(key) is not None, timeout=15000)
    first.close()
    second = make_pane(900, 700, **kept)
    second.set_document(doc_class(copy.deepcopy(article)))
    second.set_mode(mode, 390)
    picture = kept["picture_store"].load(key)
    assert second.adopt_picture(type("Placeholder", (), {"picture": picture})())
    return second, picture


@pytest.mark.webengine
@pytest.mark.parametrize("mode", ["desktop", "mobile"])
def test_the_picture_gives_way_to_the_same_pixels(qtbot, reopened, mode, tmp_path):
    pane, picture = reopened(mode)
    assert pane._picture is not None and not any(v.is_ready for v in pane.active_views())
    with qtbot.waitSignal(pane.picture_swapped, timeout=30000) as swapped:
        pass
    if swapped.args != [0]:  # what differed, to look at
        picture.image.save(str(tmp_path / "picture.png"))
        pane.grab().save(str(tmp_path / "live.png"))
    assert swapped.args == [0], tmp_path
    assert pixels_differing(pane.grab().toImage(), picture.image) == 0
    assert pane._picture is None
    assert not any(w.isVisible() for w in pane.findChildren(QWidget, "preview_picture"))


@pytest.mark.webengine
def test_typing_or_resizing_before_the_swap_drops_the_picture_at_once(reopened):
    pane, _picture = reopened()
    pane._document.set("headline", "고친 제목")
    assert pane._picture is None and pane.picture_dropped == "typed"
    again, _picture = reopened()
    again.resize(901, 700)
    assert again._picture is None and again.picture_dropped == "state"


@pytest.mark.webengine
def test_a_wheel_on_the_picture_reaches_the_page_after_the_swap(qtbot, reopened, wait_js):
    pane, _picture = reopened()
    overlay = pane.findChild(QWidget, "preview_picture")
    view = pane.views["desktop"]
    at = QPointF(view.mapTo(pane, QPoint(view.width() // 2, view.height() // 2)))
    wheel = QWheelEvent(
        at,
        overlay.mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, -360),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(overlay, wheel)
    assert pane._picture is not None  # held for the page, the picture stays
    # Swapped, or (a slow machine) dropped after HOLD_MS: either way the page gets the wheel.
    wait_js(view, "window.scrollY", lambda y: y and y > 0, timeout=20000)

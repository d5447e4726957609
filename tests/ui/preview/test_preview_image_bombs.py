"""The preview never hands the page an image whose pixels are not bounded (a 10 KB PNG bomb)."""

from __future__ import annotations

import importlib.util
import threading
from pathlib import Path

from editor.ui.image_input import thumbnail


def _one_bit_png(width: int, height: int) -> bytes:
    path = Path(__file__).parents[2] / "storage" / "test_image_bombs.py"
    spec = importlib.util.spec_from_file_location("image_bombs", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.one_bit_png(width, height)


def test_the_preview_does_not_serve_a_bomb_but_serves_a_photo(make_pane, document):
    pane = make_pane(show=False)
    pane.set_document(document)
    photo = next(iter(document.article.images))
    document.article.images["images/bomb.png"] = _one_bit_png(9400, 9400)
    assert pane.resources.resolve("images/bomb.png") is None
    served = pane.resources.resolve(photo)
    assert served is not None and served.data == document.article.images[photo]


def test_a_thumbnail_of_a_bomb_is_null_without_decoding(qtbot):
    assert thumbnail(_one_bit_png(9400, 9400), 200, 120).isNull()
    assert not thumbnail(_one_bit_png(400, 300), 200, 120).isNull()


def test_an_image_is_checked_once_and_then_served_from_that_check(make_pane, document, monkeypatch):
    # The page's request checks an image (Pillow), on the UI thread: a reload or a second
    # layout asking for it again is answered from that first check.
    pane = make_pane(show=False)
    pane.set_document(document)
    document.article.images["images/bomb.png"] = _one_bit_png(9400, 9400)
    photo = next(p for p in document.article.images if p != "images/bomb.png")
    assert pane.resources.resolve("images/bomb.png") is None
    assert pane.resources.resolve(photo) is not None
    from editor.storage import images

    monkeypatch.setattr(images, "inspect", _no_second_look)
    assert pane.resources.resolve("images/bomb.png") is None
    assert pane.resources.resolve(photo).data == document.article.images[photo]


def test_images_checked_ahead_are_served_from_that_check(make_pane, document, monkeypatch):
    # MainWindow checks the article's images on a thread while Chromium navigates to the
    # first page, so the page's requests (answered on the UI thread) never wait for Pillow.
    pane = make_pane(show=False)
    pane.set_document(document)
    document.article.images["images/bomb.png"] = _one_bit_png(9400, 9400)
    thread = threading.Thread(target=pane.resources.check_images)
    thread.start()
    thread.join()
    from editor.storage import images

    monkeypatch.setattr(images, "inspect", _no_second_look)
    assert pane.resources.resolve("images/bomb.png") is None
    photo = next(p for p in document.article.images if p != "images/bomb.png")
    assert pane.resources.resolve(photo).data == document.article.images[photo]


def _no_second_look(*_args, **_kwargs):
    raise AssertionError("an image was inspected again")

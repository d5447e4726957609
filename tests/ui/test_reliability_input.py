"""Hostile and broken input in the app: a clear message, the app running, the open work untouched."""

from __future__ import annotations

import os
import struct
import time
import zlib

import pytest
from hostile_cases import HOSTILE_DOCUMENTS
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from editor.core.model import Article, LeadImage
from editor.storage import write_article
from editor.ui.messages import Answer

HOSTILE = HOSTILE_DOCUMENTS


def png_header(width: int, height: int) -> bytes:
    """Return a PNG that claims width x height pixels (a decompression bomb when large)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.fixture
def busy(make_window):
    """Return a window holding unsaved work that no bad file may touch."""
    window = make_window()
    window.document.set_field("headline", "쓰던 기사")
    window.document.set_body("기차에서 한 시간 동안 쓴 본문")
    return window


def _assert_untouched(window) -> None:
    doc = window.document
    assert doc.article.headline == "쓰던 기사"
    assert doc.article.body == "기차에서 한 시간 동안 쓴 본문"
    assert doc.is_modified and window.isVisible()


@pytest.mark.parametrize(("label", "data", "error", "words"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_a_hostile_document_gives_a_message_and_leaves_the_work_alone(
    busy, tmp_path, prompts, label, data, error, words
):
    bad = tmp_path / "from-outside.article"
    bad.write_bytes(data)
    prompts.answer(Answer.DISCARD, Answer.OK)  # even after "discard", the failed open keeps it
    assert not busy.open_path(bad)
    message = prompts.seen[-1]
    assert message.title == "Could not open the article"
    assert words.lower() in message.text.lower()
    assert "Traceback" not in message.text + message.details
    _assert_untouched(busy)
    assert bad.read_bytes() == data


MORE_BAD_FILES = [
    ("empty file", "a.article", b"", "not a zip"),
    ("binary markdown", "a.md", b"\xff\xfe\x00\x01", "UTF-8"),
    ("wrong types in markdown", "a.md", b"---\ntags: {a: 1}\ntitle: [x]\n---\nx", "title"),
    ("missing file", "missing.article", None, "does not exist"),
]


@pytest.mark.parametrize(
    ("label", "name", "data", "words"), MORE_BAD_FILES, ids=[c[0] for c in MORE_BAD_FILES]
)
def test_other_broken_files_too(busy, tmp_path, prompts, label, name, data, words):
    bad = tmp_path / name
    if data is not None:
        bad.write_bytes(data)
    prompts.answer(Answer.DISCARD, Answer.OK)
    assert not busy.open_path(bad)
    assert words.lower() in prompts.seen[-1].text.lower()
    _assert_untouched(busy)


LEAD_IMAGES = [
    ("not an image", "photo.jpg", b"<html><script>alert(1)</script></html>", "not an image"),
    ("decompression bomb", "bomb.png", png_header(30_000, 30_000), "too large"),
    ("too many pixels", "big.png", png_header(12_000, 9_000), "too large"),
    ("truncated jpeg", "cut.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "not an image"),
]


@pytest.mark.parametrize(
    ("label", "name", "data", "words"), LEAD_IMAGES, ids=[c[0] for c in LEAD_IMAGES]
)
def test_a_bad_lead_image_is_refused_with_a_message(busy, prompts, label, name, data, words):
    lead_before = busy.document.article.lead_image
    images_before = set(busy.document.article.images)
    prompts.answer(Answer.OK)
    assert not busy.form.lead_image_panel.set_image(name, data)
    assert prompts.seen[-1].title == "Lead image not changed"
    assert words in prompts.seen[-1].text
    assert busy.document.article.lead_image == lead_before
    assert set(busy.document.article.images) == images_before
    _assert_untouched(busy)


def test_a_missing_lead_image_file_is_refused_with_a_message(busy, prompts, tmp_path):
    lead_before = busy.document.article.lead_image
    prompts.choose(tmp_path / "gone.jpg")
    prompts.answer(Answer.OK)
    busy.form.lead_image_panel.choose_button.click()
    assert prompts.seen[-1].title == "Lead image not changed"
    assert busy.document.article.lead_image == lead_before
    _assert_untouched(busy)


@pytest.mark.parametrize(
    "lead",
    [b"not an image at all", png_header(30_000, 30_000), None],
    ids=["junk", "bomb", "missing"],
)
def test_a_document_with_a_bad_lead_image_still_opens(make_window, tmp_path, lead):
    article = Article(headline="사진이 망가진 기사", lead_image=LeadImage(src="images/lead.png"))
    if lead is not None:
        article.images["images/lead.png"] = lead
    path = tmp_path / "story.article"
    write_article(article, path)
    window = make_window(path)
    panel = window.form.lead_image_panel
    assert window.document.article.headline == "사진이 망가진 기사"
    assert panel.thumbnail_label.pixmap().isNull()
    assert "images/lead.png" in panel.thumbnail_label.text()


def test_a_10_mb_body_opens_and_typing_stays_quick(make_window, tmp_path):
    paragraph = "세종시가 자율주행 셔틀의 시범운행 구간을 두 배로 넓힌다. " * 20
    body = "\n\n".join([paragraph] * (10_000_000 // len(paragraph.encode()) + 1))
    assert len(body.encode()) > 10_000_000
    path = tmp_path / "long.article"
    write_article(Article(headline="아주 긴 기사", body=body), path)
    window = make_window(path)
    assert window.document.body_text() == body
    edit = window.body_editor.text_edit
    edit.setFocus()
    timings = []
    for _ in range(10):
        # The UI thread's CPU time: what a keystroke costs, not how busy the machine is.
        started = time.thread_time()
        QTest.keyClick(edit, Qt.Key.Key_A)
        timings.append((time.thread_time() - started) * 1000)
    assert sorted(timings)[len(timings) // 2] < 20, timings
    assert window.document.is_modified


def test_a_fifo_named_article_gives_a_message_instead_of_hanging(busy, tmp_path, prompts):
    fifo = tmp_path / "pipe.article"
    os.mkfifo(fifo)
    prompts.answer(Answer.DISCARD, Answer.OK)
    assert not busy.open_path(fifo)  # returns at all: the open never blocks on the pipe
    assert prompts.seen[-1].title == "Could not open the article"
    assert "not a regular file" in prompts.seen[-1].text
    _assert_untouched(busy)


def test_a_bundle_whose_index_md_is_a_link_gives_a_message(busy, tmp_path, prompts):
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY", encoding="utf-8")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "index.md").symlink_to(secret)
    prompts.answer(Answer.DISCARD, Answer.OK)
    assert not busy.open_path(bundle)
    assert "links are never followed" in prompts.seen[-1].text
    assert "PRIVATE KEY" not in busy.document.article.body
    _assert_untouched(busy)

"""Images pasted, dropped and refused; Korean input-method composition; the formatting bar."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMimeData, QUrl
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor import resources
from editor.ui import image_input
from editor.ui.messages import Answer, Kind
from tests.ui.test_startup_cost import _run


def _red_image() -> QImage:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    return image


def _body_end(window) -> None:
    window.body_editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)


def test_pasted_image_lands_in_images_and_body(qtbot, window):
    QApplication.clipboard().setImage(_red_image())
    _body_end(window)
    before = set(window.document.article.images)
    window.body_editor.text_edit.paste()
    added = set(window.document.article.images) - before
    assert len(added) == 1
    ref = added.pop()
    assert ref.startswith("images/pasted-") and ref.endswith(".png")
    assert f"]({ref})" in window.document.article.body
    assert window.document.is_modified


def test_pasted_image_becomes_the_lead_image(qtbot, window, prompts):
    QApplication.clipboard().setImage(_red_image())
    prompts.answer(Answer.KEEP_TEXTS)  # replacing the sample's photo asks about its texts
    assert window.form.lead_image_panel.paste_image()
    lead = window.document.article.lead_image
    assert lead.src.startswith("images/pasted-")
    assert lead.caption.startswith("▲")  # kept, as asked
    assert not window.form.lead_image_panel.thumbnail_label.pixmap().isNull()


def test_a_bad_image_file_gives_a_message_and_leaves_the_document(tmp_path, window, prompts):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"definitely not a jpeg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bad))])
    article_before = window.document.article.copy()
    prompts.answer(prompts_ok())
    window.body_editor.text_edit.insertFromMimeData(mime)
    assert prompts.seen[-1].kind is Kind.ERROR
    assert "not an image" in prompts.seen[-1].text or "damaged" in prompts.seen[-1].text
    assert window.document.article.images == article_before.images
    assert window.document.article.body == article_before.body
    assert not window.document.is_modified


def test_lead_image_chosen_from_disk_and_removed(tmp_path, window, prompts):
    photo = tmp_path / "현장.png"
    _red_image().save(str(photo))
    prompts.choose(photo)
    prompts.answer(Answer.CLEAR_TEXTS)  # the sample photo's credit is not this photo's
    window.form.lead_image_panel.choose_button.click()
    assert window.document.article.lead_image.src == "images/현장.png"
    window.form.lead_image_panel.remove_button.click()
    assert not window.document.article.lead_image.is_set


def test_inserted_image_is_copied_into_the_document(tmp_path, window, prompts):
    photo = tmp_path / "inline.png"
    _red_image().save(str(photo))
    prompts.choose(photo)
    _body_end(window)
    window.body_editor.findChild(type(window.actions["save"]), "image_action").trigger()
    assert "images/inline.png" in window.document.article.images
    assert "(images/inline.png)" in window.document.article.body


def test_an_inserted_photo_with_a_space_in_its_name_is_an_image_on_the_page(
    tmp_path, window, prompts
):
    from editor.render.markdown import render_body

    photo = tmp_path / "세종 셔틀 (2).png"
    _red_image().save(str(photo))
    prompts.choose(photo)
    _body_end(window)
    window.body_editor.findChild(type(window.actions["save"]), "image_action").trigger()
    ref = next(name for name in window.document.article.images if "셔틀" in name)
    assert f"](<{ref}>)" in window.document.article.body
    assert "<img" in render_body(window.document.article.body.rsplit("\n\n", 1)[-1])


def test_korean_preedit_shows_inline_but_only_commit_is_an_edit(qtbot, window):
    text_edit = window.body_editor.text_edit
    _body_end(window)
    body_before = window.document.article.body
    with qtbot.assertNotEmitted(window.document.changed):
        for preedit in ("ㅎ", "하", "한"):
            QCoreApplication.sendEvent(text_edit, QInputMethodEvent(preedit, []))
    assert not window.document.is_modified
    assert text_edit.textCursor().block().layout().preeditAreaText() == "한"
    assert window.document.article.body == body_before
    commit = QInputMethodEvent("ㄱ", [])  # commit 한, start composing the next syllable
    commit.setCommitString("한")
    with qtbot.waitSignal(window.document.changed):
        QCoreApplication.sendEvent(text_edit, commit)
    finish = QInputMethodEvent()
    finish.setCommitString("글")
    QCoreApplication.sendEvent(text_edit, finish)
    assert window.document.article.body == body_before + "한글"
    assert window.document.is_modified


def test_headline_preedit_is_not_an_edit(qtbot, window):
    edit = window.form.headline_edit
    edit.setFocus()
    edit.end(False)
    with qtbot.assertNotEmitted(window.document.changed):
        QCoreApplication.sendEvent(edit, QInputMethodEvent("가", []))
    commit = QInputMethodEvent()
    commit.setCommitString("각")
    QCoreApplication.sendEvent(edit, commit)
    assert window.document.article.headline.endswith("각")


def test_formatting_shortcuts(qtbot, window):
    editor = window.body_editor
    window.document.set_body("word\nline one\nline two")
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.make_bold()
    assert window.document.article.body.startswith("**word**")
    cursor = editor.text_edit.textCursor()
    cursor.setPosition(len("**word**\n"))
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    editor.text_edit.setTextCursor(cursor)
    editor.toggle_numbers()
    assert window.document.article.body.endswith("1. line one\n2. line two")
    editor.toggle_numbers()
    assert window.document.article.body.endswith("\nline one\nline two")
    editor.toggle_quote()
    assert window.document.article.body.endswith("> line one\n> line two")
    window.document.body_document.undo()
    assert window.document.article.body.endswith("\nline one\nline two")


def test_link_selects_the_address_to_type_over(qtbot, window):
    editor = window.body_editor
    window.document.set_body("시사캐치")
    editor.text_edit.selectAll()
    editor.insert_link()
    assert window.document.article.body == "[시사캐치](https://)"
    assert editor.text_edit.textCursor().selectedText() == "https://"


def prompts_ok():
    from editor.ui.messages import Answer

    return Answer.OK


def test_replacing_the_lead_photo_clears_the_old_credit_unless_asked_to_keep(
    qtbot, window, prompts
):
    QApplication.clipboard().setImage(_red_image())
    prompts.answer(Answer.CLEAR_TEXTS)
    assert window.form.lead_image_panel.paste_image()
    lead = window.document.article.lead_image
    assert (lead.alt, lead.caption, lead.credit) == ("", "", "")
    assert window.form.lead_image_panel.credit_edit.text() == ""
    assert prompts.seen[-1].title == "Replace lead photo"
    QApplication.clipboard().setImage(_red_image())
    assert window.form.lead_image_panel.paste_image()  # no texts left: nothing to ask


def test_a_pasted_jpeg_stays_a_jpeg_and_gets_no_timestamp_for_alt(qtbot, window, sample_dir):
    jpeg = (sample_dir / "images" / "shuttle-lead.jpg").read_bytes()
    mime = QMimeData()
    mime.setData("image/jpeg", jpeg)
    QApplication.clipboard().setMimeData(mime)
    _body_end(window)
    window.body_editor.text_edit.paste()
    [ref] = [r for r in window.document.article.images if r.startswith("images/pasted-")]
    assert ref.endswith(".jpg") and window.document.article.images[ref] == jpeg
    assert f"![]({ref})" in window.document.article.body  # the checklist asks for the alt


def _phone_photo(orientation: int) -> bytes:
    """Return a landscape JPEG, left half red, that EXIF says to show turned."""
    import io

    from PIL import Image

    img = Image.new("RGB", (120, 80), (255, 255, 255))
    img.paste((220, 20, 20), (0, 0, 60, 80))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def test_the_form_thumbnail_and_share_card_show_a_phone_photo_upright(qapp):
    from editor.ui.image_input import thumbnail

    for orientation, red_row in ((6, 5), (8, 94)):  # 6: the red half ends on top; 8: below
        image = thumbnail(_phone_photo(orientation), 100, 100)
        assert image.height() == 100 and image.width() < 80, orientation  # portrait, fitted
        colour = image.pixelColor(image.width() // 2, red_row)
        assert colour.red() > 150 and colour.green() < 120, orientation


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("shuttle-lead.jpg", b"jpeg"), ("shuttle-stop.jpg", b"jpeg")],
)
def test_sample_photos_are_named_by_their_signature(name, fmt):
    data = resources.path("samples", "autonomous-shuttle", "images", name).read_bytes()
    assert image_input.sniffed_format(data) == fmt


def test_signatures_name_each_format_qt_reads_them_as():
    for fmt in ("PNG", "JPEG", "GIF", "WEBP"):
        image = QImage(8, 6, QImage.Format.Format_RGB32)
        image.fill(0x336699)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, fmt):
            continue  # Qt here cannot write it (GIF): the reading side is what matters
        data = bytes(buffer.data())
        assert image_input.sniffed_format(data) == fmt.lower().encode()
        assert image_input.thumbnail(data, 4, 3).size().width() == 4
    assert image_input.sniffed_format(b"not an image") == b""
    assert image_input.thumbnail(b"not an image", 4, 3).isNull()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_a_jpeg_thumbnail_loads_no_other_image_plugin():
    # Bytes without a format made QImageReader load every plugin to ask it (PDF with Qt
    # Network and Kerberos, SVG, TIFF, WebP …) before the first thumbnail.
    code = (
        "import json\n"
        "from PySide6.QtGui import QGuiApplication\n"
        "app = QGuiApplication([])\n"
        "from editor import resources\n"
        "from editor.ui.image_input import thumbnail\n"
        "path = resources.path('samples', 'autonomous-shuttle', 'images', 'shuttle-lead.jpg')\n"
        "image = thumbnail(path.read_bytes(), 240, 160)\n"
        "maps = open('/proc/self/maps').read()\n"
        "print(json.dumps([image.width(), sorted({line.rsplit('/', 1)[-1] for line in\n"
        "    maps.splitlines() if '/imageformats/' in line})]))\n"
    )
    width, plugins = _run(code)
    assert width == 240
    assert plugins == ["libqjpeg.so"]

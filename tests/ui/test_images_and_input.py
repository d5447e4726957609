"""Images pasted, dropped and refused; Korean input-method composition; the formatting bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData, QUrl
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.ui.messages import Answer, Kind


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

"""Notes in the real editor: anchored, highlighted, followed through edits, saved in the file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.core import review

REVIEWER = "김데스크"


def _add_note(window, text: str):
    panel = window.review.notes_panel
    window.review.begin_note()
    panel.composer.setPlainText(text)
    panel.add_button.click()
    return review.notes(window.document.article)[-1]


def _highlighted(window) -> list[str]:
    edit = window.body_editor.text_edit
    return [s.cursor.selectedText() for s in edit.extraSelections()]


def test_note_on_a_passage_is_signed_listed_and_highlighted(qtbot, review_window, select_in_body):
    select_in_body(review_window, "22km")
    note = _add_note(review_window, "출처 확인 바랍니다")
    assert (note.field, note.quote, note.author) == ("body", "22km", REVIEWER)
    panel = review_window.review.notes_panel
    assert panel.note_list.count() == 1
    assert "출처 확인 바랍니다" in panel.note_list.item(0).text()
    assert REVIEWER in panel.note_list.item(0).text()
    assert _highlighted(review_window) == ["22km"]
    assert review_window.document.is_modified


def test_anchor_survives_typing_around_it(
    qtbot, review_window, select_in_body, move_cursor, commit_text
):
    # "셔틀" repeats; the note is on its second occurrence and must stay there.
    start, _end = select_in_body(review_window, "셔틀", occurrence=1)
    before = review_window.document.article.body[start - 10 : start + 10]
    _add_note(review_window, "이 셔틀은 어느 노선?")
    edit = review_window.body_editor.text_edit
    move_cursor(review_window, 0)
    commit_text(edit, "셔틀 셔틀 셔틀 속보. ")  # more of the same word, before the passage
    move_cursor(review_window, start + 40)
    commit_text(edit, " 추가 문장")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n\n맺음 문단")
    highlighter = review_window.review.highlighter
    qtbot.waitUntil(lambda: not highlighter.timer.isActive())
    [note] = review.notes(review_window.document.article)
    s, e = review.locate(review_window.document.article, note)
    body = review_window.document.article.body
    assert body[s:e] == "셔틀"
    assert before in body[s - 30 : e + 30].replace("셔틀 셔틀 셔틀 속보. ", "")
    assert _highlighted(review_window) == ["셔틀"]


def test_selecting_a_note_selects_its_passage(qtbot, review_window, select_in_body, move_cursor):
    select_in_body(review_window, "야간에 보행자")
    _add_note(review_window, "야간 안전 대책 보강")
    move_cursor(review_window, 0)
    panel = review_window.review.notes_panel
    panel.note_list.setCurrentRow(-1)
    panel.note_list.setCurrentRow(0)
    assert review_window.body_editor.text_edit.textCursor().selectedText() == "야간에 보행자"


def test_reply_resolve_reopen_and_they_survive_saving(
    qtbot, tmp_path, review_window, select_in_body, make_window
):
    select_in_body(review_window, "22km")
    note = _add_note(review_window, "출처?")
    panel = review_window.review.notes_panel
    panel.select_note(note.id)
    panel.composer.setPlainText("국토부 보도자료입니다")
    panel.reply_button.click()
    panel.resolve_button.click()
    [stored] = review.notes(review_window.document.article)
    assert stored.resolved and stored.replies[0].text == "국토부 보도자료입니다"
    assert panel.resolve_button.text() == "Reopen"
    assert "[resolved]" in panel.note_list.currentItem().text()
    assert _highlighted(review_window) == []  # resolved notes stop highlighting
    panel.resolve_button.click()
    assert not review.notes(review_window.document.article)[0].resolved
    path = tmp_path / "reviewed.article"
    review_window.document.save_as(path)
    other = make_window(path)
    [again] = review.notes(other.document.article)
    assert again.replies[0].author == REVIEWER and not again.resolved
    assert other.review.notes_dock.isVisibleTo(other)  # open notes show on opening
    assert other.review.notes_panel.note_list.count() == 1


def test_a_note_whose_passage_is_deleted_is_marked(qtbot, review_window, select_in_body):
    start, end = select_in_body(review_window, "22km")
    _add_note(review_window, "단위 확인")
    cursor = review_window.body_editor.text_edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    review_window.review.notes_panel.show_notes()
    item = review_window.review.notes_panel.note_list.item(0)
    assert "passage no longer in the text" in item.text()
    assert item.data(Qt.ItemDataRole.UserRole + 1) is True
    review_window.review.notes_panel.note_list.setCurrentRow(-1)
    review_window.review.notes_panel.note_list.setCurrentRow(0)
    assert "no longer" in review_window.statusBar().currentMessage()


def test_note_on_the_headline_marks_the_field(qtbot, review_window):
    edit = review_window.form.headline_edit  # a wrapping text box: marked like the subhead
    edit.setFocus()
    edit.setSelection(0, 3)
    review_window.review._on_app_focus_changed(None, edit)  # the offscreen window has no focus
    note = _add_note(review_window, "지명 표기 확인")
    assert (note.field, note.quote) == ("headline", "세종시")
    marked = [s.cursor.selectedText() for s in edit.extraSelections()]
    assert marked == ["세종시"]
    assert "지명 표기 확인" in edit.extraSelections()[0].format.toolTip()

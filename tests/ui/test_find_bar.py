"""Find & replace in the window: the body and every form field, regex, one undo step."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from editor.core.find import Query
from editor.ui.find_bar import MATCH_COLOR, find_bar_of, preview_script


def fill(window, body: str, headline: str = "", subhead: str = "") -> None:
    doc = window.document
    doc.set_body(body)
    doc.set_field("headline", headline)
    doc.set_field("subhead", subhead)


def test_ctrl_f_opens_the_bar_and_counts_matches_in_every_field(window, qtbot):
    fill(window, "시의회가 열렸다.\n\n시의회 의장은 말했다.", "시의회 개원", "시의회 첫날")
    window.form.tags_edit.setText("")
    window.body_editor.text_edit.setFocus()
    qtbot.keyClick(window.body_editor.text_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = find_bar_of(window)
    assert bar.isVisible() and not bar.replace_edit.isVisible()
    bar.find_edit.setText("시의회")
    assert bar.count_label.text().endswith("4")
    fields = [hit.field for hit in bar.session.hits]
    assert fields == ["headline", "subhead", "body", "body"]


def test_next_and_previous_walk_the_fields_and_wrap(window):
    fill(window, "하나 둘 하나", "하나")
    bar = find_bar_of(window)
    bar.open_find()
    bar.find_edit.setText("하나")
    seen = []
    for _ in range(4):
        bar.find_next()
        hit = bar.session.hits[bar.session.current]
        seen.append((hit.field, hit.start))
    assert seen == [("headline", 0), ("body", 0), ("body", 5), ("headline", 0)]
    bar.find_previous()
    assert bar.session.current == 2  # wrapped back to the last match
    cursor = window.body_editor.text_edit.textCursor()
    assert cursor.selectedText() == "하나" and cursor.selectionStart() == 5


def test_matches_are_highlighted_in_the_body(window):
    fill(window, "가을 하늘 가을 바람")
    bar = find_bar_of(window)
    bar.open_find()
    bar.find_edit.setText("가을")
    edit = window.body_editor.text_edit
    marked = [
        s.cursor.selectedText()
        for s in edit.extraSelections()
        if s.format.background().color() == MATCH_COLOR
    ]
    assert marked == ["가을", "가을"]
    bar.close_bar()
    assert edit.extraSelections() == []


def test_replace_all_with_regex_is_one_undo_step_in_the_body(window):
    body = "3~4일 회의. 10~12일 행사.\n\n5~6일 휴가."
    fill(window, body, "7~8일 일정")
    bar = find_bar_of(window)
    bar.open_find(replace=True)
    bar.regex_check.setChecked(True)
    bar.find_edit.setText(r"(\d+)~(\d+)일")
    bar.replace_edit.setText(r"\1∼\2일")
    assert bar.replace_everything() == 4
    assert window.document.body_text() == "3∼4일 회의. 10∼12일 행사.\n\n5∼6일 휴가."
    assert window.document.article.headline == "7∼8일 일정"
    assert bar.count_label.text() == bar.tr("No matches")
    window.body_editor.text_edit.undo()
    assert window.document.body_text() == body
    window.form.headline_edit.undo()
    assert window.document.article.headline == "7~8일 일정"


def test_replace_one_replaces_the_current_match_and_moves_on(window):
    fill(window, "하였다. 하였다. 하였다.")
    bar = find_bar_of(window)
    bar.open_find(replace=True)
    bar.find_edit.setText("하였다")
    bar.replace_edit.setText("했다")
    bar.find_next()
    bar.replace_one()
    assert window.document.body_text() == "했다. 하였다. 하였다."
    assert bar.session.current == 0 and len(bar.session.hits) == 2
    bar.replace_one()
    assert window.document.body_text() == "했다. 했다. 하였다."


def test_offsets_survive_emoji_before_the_match(window):
    fill(window, "🙂🙂 검찰 🙂 검찰")
    bar = find_bar_of(window)
    bar.open_find(replace=True)
    bar.find_edit.setText("검찰")
    bar.replace_edit.setText("경찰")
    bar.replace_everything()
    assert window.document.body_text() == "🙂🙂 경찰 🙂 경찰"


def test_invalid_regex_says_so_without_a_prompt(window):
    bar = find_bar_of(window)
    bar.open_find()
    bar.regex_check.setChecked(True)
    bar.find_edit.setText("(")
    assert bar.count_label.text() == bar.tr("Invalid pattern")


def test_edit_menu_has_find_and_replace(window):
    assert window.actions["find"].shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.actions["replace"].shortcut() == QKeySequence("Ctrl+H")
    window.actions["replace"].trigger()
    assert find_bar_of(window).replace_edit.isVisible()


def test_preview_script_uses_unicode_word_classes():
    script = preview_script(Query("검찰 (1)", whole_word=True))
    assert "\\\\p{L}" in script and "\\\\(1\\\\)" in script and "giu" in script


def _bold_ranges(block) -> list[tuple[int, int]]:
    return [(r.start, r.length) for r in block.layout().formats() if r.format.fontWeight() >= 700]


def test_replace_all_in_a_long_body_is_one_undo_step_and_highlights_every_paragraph(window, qtbot):
    # NFD Hangul in the text, NFC in the query, a regex group: 600 matches, enough for the
    # bulk path (underlines released, highlighting of paragraphs off screen in slices).
    nfd = unicodedata.normalize("NFD", "발표했다")
    paragraphs = [f"{n}km 구간에서 {nfd}. **굵게 {n}**" for n in range(600)]
    body = "\n\n".join(paragraphs)
    fill(window, body)
    edit = window.body_editor.text_edit
    highlighter = edit.highlighter
    bar = find_bar_of(window)
    bar.open_find(replace=True)
    bar.regex_check.setChecked(True)
    bar.find_edit.setText(r"(\d+)km 구간에서 발표했다")
    bar.replace_edit.setText(r"\1 킬로미터 구간에서 발표하였다")
    assert bar.replace_everything() == 600
    assert highlighter.pending  # the paragraphs off screen are highlighted from the event loop
    expected = "\n\n".join(f"{n} 킬로미터 구간에서 발표하였다. **굵게 {n}**" for n in range(600))
    assert window.document.body_text() == expected
    last = edit.document().lastBlock()
    qtbot.waitUntil(lambda: not highlighter.pending)
    bold_at = last.text().index("**")
    assert _bold_ranges(last) == [(bold_at, len(last.text()) - bold_at)]
    edit.undo()
    assert window.document.body_text() == body
    edit.redo()
    assert window.document.body_text() == expected
    edit.undo()
    assert window.document.body_text() == body


def test_replace_all_keeps_the_view_on_the_same_passage(window):
    body = "\n\n".join(f"문단 {n} 하였다" for n in range(400))
    fill(window, body)
    edit = window.body_editor.text_edit
    window.show()
    edit.verticalScrollBar().setValue(300)
    first = edit.firstVisibleBlock().blockNumber()
    bar = find_bar_of(window)
    bar.open_find(replace=True)
    bar.find_edit.setText("하였다")
    bar.replace_edit.setText("했다")
    assert bar.replace_everything() == 400
    assert abs(edit.firstVisibleBlock().blockNumber() - first) <= 2

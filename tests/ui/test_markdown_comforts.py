"""Markdown comforts: Enter continues and ends lists, Tab nests items, the headline wraps."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from editor.render.markdown import render_body


def type_at_end(qtbot, edit, body: str, *keys) -> str:
    edit.setPlainText(body)
    edit.moveCursor(QTextCursor.MoveOperation.End)
    for key in keys:
        if isinstance(key, str):
            edit.textCursor().insertText(key)
        else:
            qtbot.keyClick(edit, key[0], key[1] if len(key) > 1 else Qt.KeyboardModifier.NoModifier)
    return edit.toPlainText()


ENTER = (Qt.Key.Key_Return,)
TAB = (Qt.Key.Key_Tab,)
BACKTAB = (Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("- 첫째", "- 첫째\n- "),
        ("* 첫째", "* 첫째\n* "),
        ("1. 첫째", "1. 첫째\n2. "),
        ("9) 아홉", "9) 아홉\n10) "),
        ("  - 안쪽", "  - 안쪽\n  - "),
        ("- [x] 끝난 일", "- [x] 끝난 일\n- [ ] "),
        ("보통 문단", "보통 문단\n"),
    ],
)
def test_enter_continues_a_list(qtbot, window, body, expected):
    edit = window.body_editor.text_edit
    assert type_at_end(qtbot, edit, body, ENTER) == expected


def test_enter_on_an_empty_item_ends_the_list(qtbot, window):
    edit = window.body_editor.text_edit
    text = type_at_end(qtbot, edit, "1. 첫째", ENTER, "둘째", ENTER, ENTER, "다음 문단")
    assert text == "1. 첫째\n2. 둘째\n다음 문단"
    html = render_body(text + "\n")
    assert "<ol>" in html and "다음 문단" in html


def test_enter_in_the_middle_of_an_item_splits_it(qtbot, window):
    edit = window.body_editor.text_edit
    edit.setPlainText("- 앞뒤")
    cursor = edit.textCursor()
    cursor.setPosition(3)
    edit.setTextCursor(cursor)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "- 앞\n- 뒤"


def test_tab_nests_an_item_and_shift_tab_brings_it_back(qtbot, window):
    edit = window.body_editor.text_edit
    text = type_at_end(qtbot, edit, "- 위", ENTER, "아래", TAB)
    assert text == "- 위\n  - 아래"
    assert "<li>위<ul>\n<li>아래</li>" in render_body(text + "\n")  # nested
    assert type_at_end(qtbot, edit, text, BACKTAB) == "- 위\n- 아래"
    numbered = type_at_end(qtbot, edit, "1. 위", ENTER, "아래", TAB)
    assert numbered == "1. 위\n   2. 아래"  # three spaces: under the parent's content
    assert type_at_end(qtbot, edit, numbered, BACKTAB) == "1. 위\n2. 아래"


def test_tab_outside_a_list_still_types_a_tab(qtbot, window):
    edit = window.body_editor.text_edit
    assert type_at_end(qtbot, edit, "문단", TAB) == "문단\t"


def test_list_continuation_is_one_undo_step(qtbot, window):
    edit = window.body_editor.text_edit
    type_at_end(qtbot, edit, "- 하나", ENTER)
    edit.undo()
    assert edit.toPlainText() == "- 하나"


def test_the_headline_wraps_to_two_lines_instead_of_scrolling(window):
    from editor.ui import theme

    family = theme.load_fonts()  # the app's Hangul font (the test machine has none of its own)
    edit = window.form.headline_edit
    if family:
        font = edit.font()
        font.setFamily(family)
        edit.setFont(font)
    window.document.set_field("headline", "짧은 제목")
    assert edit.visible_lines() == 1
    one_line = edit.height()
    long = (
        "충청광역연합, 바이오·모빌리티 미래 산업 함께 키운다…세종·대전·충남·충북 첫 공동 전략 발표"
    )
    window.document.set_field("headline", long)
    assert edit.text() == long
    assert edit.visible_lines() == 2
    assert edit.height() > one_line
    assert edit.horizontalScrollBar().maximum() == 0  # nothing hidden sideways


def test_the_headline_takes_no_line_breaks(qtbot, window):
    edit = window.form.headline_edit
    edit.setFocus()
    edit.clear()
    edit.insert("첫 줄\n둘째 줄")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.document.article.headline == "첫 줄 둘째 줄"

"""House-style findings underlined in the editor, fixed in one click, undone in one step."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from tests.ui.underlined import DOTTED, drawn_words


def test_findings_are_underlined_and_fixed_in_one_click(window, qtbot):
    window.document.set_body("[시사캐치] 시는 회의를 개최하였다. 3-4일 동안 꿀 먹은 벙어리였다.")
    qtbot.waitUntil(lambda: window.style_marks is not None)
    marks = window.style_marks
    marks.refresh()
    edit = window.body_editor.text_edit
    marked = [c.selectedText() for c, _p in marks.findings["body"]]
    assert marked == ["개최하였다", "3-4일", "꿀 먹은 벙어리"]
    # What the reader sees: the body's highlighter draws them dotted.
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    assert drawn_words(edit, DOTTED) == ["개최하였다", "3-4일", "꿀 먹은 벙어리"]
    cursor, problem = marks.finding_at(edit, window.document.body_text().index("3-4일") + 1)
    actions = marks.actions_for((cursor, problem), edit)
    assert actions[0].text().startswith("Write “3~4일”")
    actions[0].trigger()
    assert (
        window.document.body_text()
        == "[시사캐치] 시는 회의를 개최하였다. 3~4일 동안 꿀 먹은 벙어리였다."
    )
    edit.undo()
    assert "3-4일" in window.document.body_text()
    _c, sensitive = marks.finding_at(edit, window.document.body_text().index("벙어리"))
    advice = marks.actions_for((_c, sensitive), edit)[0]
    assert not advice.isEnabled() and "비유" in advice.text()  # no automatic fix, the advice


def test_marks_follow_typing_only_after_a_pause(window, qtbot, commit_text):
    qtbot.waitUntil(lambda: window.style_marks is not None)
    window.style_marks.refresh()
    edit = window.body_editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    commit_text(edit, " 하였다")
    assert window.style_marks.timer.isActive()
    qtbot.waitUntil(lambda: not window.style_marks.timer.isActive(), timeout=3000)
    assert "하였다" in [c.selectedText() for c, _p in window.style_marks.findings["body"]]
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    assert "하였다" in drawn_words(edit, DOTTED)


def test_the_fix_is_in_the_one_menu_spelling_and_style_share(window, qtbot):
    from editor.ui.underline_menu import UnderlineMenu, underline_menu

    window.document.set_body("시는 회의를 개최하였다.")
    qtbot.waitUntil(lambda: window.style_marks is not None)
    window.style_marks.refresh()
    edit = window.body_editor.text_edit
    shared = underline_menu(edit)
    assert window.style_marks in shared.providers
    assert len(edit.findChildren(UnderlineMenu)) == 1  # one filter on the box, not one each
    rect = edit.cursorRect(edit.document().find("개최하였다"))
    assert shared.open_at(rect.center(), edit.mapToGlobal(rect.center()))
    names = [a.objectName() for a in shared.menu.actions()]
    assert names[0] == "style_fix_action"
    shared.menu.close()
    window.document.set_body("맞는 문장.")
    window.style_marks.refresh()
    assert not shared.open_at(QPoint(1, 1), edit.mapToGlobal(QPoint(1, 1)))


def test_the_caption_gets_style_underlines_and_their_fix(window, qtbot):
    from dataclasses import replace

    from editor.ui.underline_menu import underline_menu

    lead = window.document.article.lead_image
    window.document.set_lead_image(replace(lead, caption="▲ 시가 설명회를 개최하였다"))
    qtbot.waitUntil(lambda: window.style_marks is not None)
    window.style_marks.refresh()
    caption = window.form.lead_image_panel.caption_edit
    marked = [c.selectedText() for c, _p in window.style_marks.findings["lead_image.caption"]]
    assert marked == ["개최하였다"]
    assert drawn_words(caption, DOTTED) == ["개최하였다"]
    rect = caption.cursorRect(caption.document().find("개최하였다"))
    shared = underline_menu(caption)
    assert shared.open_at(rect.center(), caption.mapToGlobal(rect.center()))
    fix = next(a for a in shared.menu.actions() if a.objectName() == "style_fix_action")
    fix.trigger()
    shared.menu.close()
    assert window.document.article.lead_image.caption == "▲ 시가 설명회를 열었다"
    caption.undo()
    assert window.document.article.lead_image.caption == "▲ 시가 설명회를 개최하였다"


def test_the_underlines_do_not_look_for_long_sentences(window, qtbot, monkeypatch):
    # The underlines never show sentence-length hints (the checklist does): finding them was
    # a quarter of the refresh that runs 500 ms after typing pauses, at 100,000 characters.
    from editor.core import style

    calls = []
    real = style._long_sentences
    monkeypatch.setattr(style, "_long_sentences", lambda *a: calls.append(1) or real(*a))
    window.document.set_body("시는 회의를 개최하였다. " + "아주 긴 문장이 이어진다 " * 20 + "끝.")
    qtbot.waitUntil(lambda: window.style_marks is not None)
    calls.clear()  # the checklist's own refresh looks for them
    window.style_marks.refresh()
    assert calls == []
    edit = window.body_editor.text_edit
    assert drawn_words(edit, DOTTED) == ["개최하였다"]

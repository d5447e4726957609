"""House-style findings underlined in the editor, fixed in one click, undone in one step."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from editor.core.style import STYLED_FIELDS
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
    qtbot.waitUntil(lambda: not window.style_marks.pending, timeout=3000)
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


# Bodies whose marks a scan in slices must find exactly as one pass does: the sample, nested
# and touching findings, a finding across a line break, an emoji before (UTF-16 offsets),
# thousands of findings, none.
SCANNED_BODIES = (
    None,  # the sample article's own body
    "시는 회의를 개최하였다. 3-4일 동안 꿀 먹은 벙어리였다.",
    "개최하였다하였다하였다 몇일 됬다금새 2024. 3. 5. 열렸다 50 km 달렸다",
    "기간은 3\n- 4일이다.\n\n1,000년 전 일이다 2024.03.05\n30 프로가 찬성",
    "😀 첫 줄에 하였다\n\n> 인용 속 에 있어서 금새\n\n- 목록 을 통해서 장애자",
    "회의를 개최하였다. " * 3000,
    "",
)


def _found(marks) -> dict[str, list[tuple[int, int, str, str]]]:
    return {
        name: [
            (c.selectionStart(), c.selectionEnd(), c.selectedText(), p.args["rule"]) for c, p in f
        ]
        for name, f in marks.findings.items()
    }


def test_the_scan_after_a_pause_runs_in_slices_and_marks_the_same(window, qtbot):
    qtbot.waitUntil(lambda: window.style_marks is not None)
    marks = window.style_marks
    marks._slice_s = 0.0  # one rule a turn: the most slices a scan can take
    marks.timer.setInterval(0)
    for body in SCANNED_BODIES:
        if body is not None:
            window.document.set_body(body)
        marks.refresh()  # one pass, now
        at_once = _found(marks)
        turns = marks.turns
        window.document.set_body(window.document.body_text() + "\n")
        window.document.set_body(window.document.body_text()[:-1])  # the same text, changed
        qtbot.waitUntil(lambda: not marks.pending, timeout=5000)
        rules = sum(f in r.fields for f in STYLED_FIELDS for r in marks._style.rules)
        assert marks.turns - turns >= rules  # each rule in a turn of its own
        assert _found(marks) == at_once, body
    assert at_once == {name: [] for name in marks.widgets}  # the empty body: nothing marked
    window.document.set_body(SCANNED_BODIES[5])
    marks.refresh()
    assert len(marks.findings["body"]) == 3000


def test_an_edit_during_a_scan_drops_it_and_the_marks_are_the_new_texts(window, qtbot, commit_text):
    qtbot.waitUntil(lambda: window.style_marks is not None)
    marks = window.style_marks
    marks._slice_s = 0.0
    marks.timer.setInterval(0)
    window.document.set_body("시는 회의를 개최하였다.")
    marks.timer.stop()
    marks._start_scan()  # its first slice; the reporter types before the next one
    assert marks.pending
    edit = window.body_editor.text_edit
    edit.moveCursor(edit.textCursor().MoveOperation.Start)
    commit_text(edit, "몇일 ")
    assert marks._scan is None and marks.timer.isActive()  # dropped, looked at after a pause
    qtbot.waitUntil(lambda: not marks.pending, timeout=5000)
    assert [c.selectedText() for c, _p in marks.findings["body"]] == ["몇일", "개최하였다"]
    body = window.document.body_text()
    assert [c.selectionStart() for c, _p in marks.findings["body"]] == [0, body.index("개최")]

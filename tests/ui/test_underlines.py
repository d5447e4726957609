"""The body's underlines are its highlighter's formats: drawn as before, and cheap to type past.

The spell process's answers are given in its own wire format ([key, text, [[start, end,
word], …]]) through the service's signal, so these tests need no dictionary; the real process
underlines in tests/ui/test_spell_check.py.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QInputMethodEvent, QKeyEvent

from editor.core.find import Query, find_all
from editor.ui import text_fields, underlines
from editor.ui.find_session import replace_in
from editor.ui.spell_check import SpellService, SpellUnderliner, spelled_widgets
from tests.ui.painting import (
    Paints,
    differing_rows,
    full_repaint,
    screen,
    steady_font,
    viewport_of,
    wave_runs,
)
from tests.ui.underlined import DOTTED, WAVY, drawn_spans, drawn_words, spell_selections

# 할께 (for 할게) is a misspelling the house style has no rule for; 됬다 is in both.
BODY = "\n\n".join(
    [
        "## 세종시 셔틀 운행 할께",
        "세종시 자율주행 셔틀이 오송역까지 달린다. 시범운행이 마무리 할께라고 밝혔다.",
        "- 정류장 **여덟 곳이 할께** 확정, `할께` 코드는 그대로",
        "> 시민들은 출퇴근 시간이 짧아질 것으로 기대했다. 요금은 받지 않기로 할께.",
    ]
    * 12
)


@pytest.fixture
def window(make_window, monkeypatch):
    monkeypatch.setenv("ARTICLE_EDITOR_SPELLING", "0")  # these tests answer for the process
    return make_window()


def _underliner(window) -> SpellUnderliner:
    return SpellUnderliner(SpellService(window), spelled_widgets(window), lambda: [])


def _answer(underliner: SpellUnderliner, edit, word: str, skip_code: bool = True) -> None:
    """Answer a check of every paragraph of a box: each `word` outside code is misspelled."""
    index = underliner.widgets.index(edit)
    results = []
    block = edit.document().firstBlock()
    while block.isValid():
        text = block.text()
        code = [m.span() for m in re.finditer(r"`[^`]*`", text)] if skip_code else []
        words = [
            [m.start(), m.end(), word]
            for m in re.finditer(re.escape(word), text)
            if not any(a <= m.start() < b for a, b in code)
        ]
        results.append([f"{index}:{block.blockNumber()}", text, words])
        block = block.next()
    underliner.service.checked.emit(results)


def _body(qtbot, window, text: str = BODY):
    edit = window.body_editor.text_edit
    steady_font(edit)
    window.document.set_body(text)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.style_marks is not None)
    window.style_marks.refresh()  # now, not from its timer between two screens
    qtbot.wait(20)
    return edit


def test_the_body_draws_spelling_underlines_as_formats_not_extra_selections(qtbot, window):
    edit = _body(qtbot, window)
    underliner = _underliner(window)
    _answer(underliner, edit, "할께")
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    assert spell_selections(edit) == 0
    assert drawn_words(edit, WAVY) == ["할께"] * 48 == underliner.underlined(edit)
    # The Markdown stays under the underline: the bold word is bold and underlined.
    block = edit.document().findBlockByNumber(4)
    start = block.text().index("할께")
    spans = [r for r in block.layout().formats() if r.start <= start < r.start + r.length]
    weights = {r.format.fontWeight() for r in spans if r.format.underlineStyle() == WAVY}
    assert weights == {QFont.Weight.Bold}
    # A box without a highlighter keeps its extra selections.
    window.document.set_field("headline", "셔틀 운행 확정할께")
    _answer(underliner, window.form.headline_edit, "할께")
    assert drawn_words(window.form.headline_edit, WAVY) == ["할께"]
    assert spell_selections(window.form.headline_edit) == 1


def test_the_underlines_look_as_they_did_as_extra_selections(qtbot, window):
    edit = _body(qtbot, window)
    underliner = _underliner(window)
    _answer(underliner, edit, "할께")
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    QCoreApplication.sendPostedEvents()
    drawn = screen(window)
    kept = underliner.paragraphs[underliner.widgets.index(edit)]
    marks = kept.selections()
    kept.reload()  # the marks dropped
    underlines.redraw(edit, [0, edit.document().characterCount() - 1])
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    assert drawn_spans(edit, WAVY) == []
    text_fields.set_marks(edit, "spell", marks)  # how they were drawn before
    before = full_repaint(window, edit)
    # Every line of text is drawn as before, pixel for pixel. The waves differ only where
    # they blend into a glyph's lowest pixels, and may end up to 2 px sooner: an extra
    # selection's clip was rounded out to whole pixels, a format ends with its glyphs.
    rows = differing_rows(viewport_of(drawn, edit), viewport_of(before, edit))
    assert len(rows) < 40
    for y in rows:
        runs = wave_runs(viewport_of(drawn, edit), y)
        old = wave_runs(viewport_of(before, edit), y)
        assert old and len(runs) == len(old)
        assert all(a == c and 0 <= d - b <= 2 for (a, b), (c, d) in zip(runs, old, strict=True))


def test_a_keystroke_past_underlines_repaints_its_paragraph_and_moves_them(qtbot, window):
    edit = _body(qtbot, window)
    underliner = _underliner(window)
    _answer(underliner, edit, "할께")
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    block = edit.document().findBlockByNumber(18)  # a paragraph in the middle, two marks
    cursor = edit.textCursor()
    cursor.setPosition(block.position() + block.text().index("마무리"))
    edit.setTextCursor(cursor)
    edit.centerCursor()
    qtbot.wait(20)
    paints = Paints()
    edit.viewport().installEventFilter(paints)
    highlighted = edit.highlighter.blocks_highlighted
    for preedit, commit in [("ㅅ", ""), ("세", ""), ("", "세")]:
        event = QInputMethodEvent(preedit, [])
        event.setCommitString(commit)
        QCoreApplication.sendEvent(edit, event)
        QCoreApplication.sendPostedEvents()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(
            edit, QKeyEvent(kind, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier, " ")
        )
    QCoreApplication.sendPostedEvents()
    edit.viewport().removeEventFilter(paints)
    assert edit.highlighter.blocks_highlighted - highlighted == 4  # one paragraph per key
    assert paints.heights and max(paints.heights) < edit.viewport().height() / 2
    assert "세 마무리 할께라고" in block.text()
    assert drawn_words(edit, WAVY) == ["할께"] * 48
    assert spell_selections(edit) == 0
    typed = viewport_of(screen(window), edit)
    assert typed == viewport_of(full_repaint(window, edit), edit)


def test_an_answer_for_the_whole_body_lays_out_only_what_is_on_screen(qtbot, window):
    edit = _body(qtbot, window, "\n\n".join([BODY] * 4))
    laid_out_before = _laid_out(edit)
    underliner = _underliner(window)
    paints = Paints()
    edit.viewport().installEventFilter(paints)
    _answer(underliner, edit, "할께")
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    QCoreApplication.sendPostedEvents()
    edit.viewport().removeEventFilter(paints)
    assert drawn_words(edit, WAVY) == ["할께"] * 192
    # Qt laid out every paragraph whose formats changed at once, and painted the whole view
    # for each one it had not laid out yet.
    first, last = underlines.visible_blocks(edit)
    assert _laid_out(edit) <= laid_out_before | set(range(first, last + 1))
    assert len(paints.rects) <= 2


def test_a_word_misspelled_and_against_house_style_shows_both_underlines(qtbot, window):
    edit = _body(qtbot, window, "공사가 마무리 됬다. 운행은 다음 달에 할께.")
    underliner = _underliner(window)
    _answer(underliner, edit, "됬다")
    assert drawn_words(edit, WAVY) == ["됬다"]  # the highlighter's format
    assert drawn_words(edit, DOTTED) == ["됬다"]  # the house style's extra selection
    assert window.style_marks.finding_at(edit, 8) is not None
    assert underliner.mark_at(edit, 8) is not None  # the one menu offers both


def _laid_out(edit) -> set[int]:
    found = set()
    block = edit.document().firstBlock()
    while block.isValid():
        if block.layout().lineCount():
            found.add(block.blockNumber())
        block = block.next()
    return found


def test_a_replace_all_moves_the_underlines_by_each_replacement(qtbot, window):
    # One edit block, one changed range from the first 세종시 to the last: the marks between
    # stay under their words (they were lost until the re-check answered), and the changed
    # paragraphs come from the body's kept text, not read out of Qt a second time.
    edit = _body(qtbot, window)
    underliner = _underliner(window)
    _answer(underliner, edit, "할께")
    marks = underliner.paragraphs[underliner.widgets.index(edit)]
    text = text_fields.text_of(edit)
    found = find_all(text, Query("세종시"), "세종특별자치시")
    replace_in(edit, text, found)
    assert len(found) == 24 and marks.paragraphs_read == 0
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    assert drawn_words(edit, WAVY) == ["할께"] * 48 == underliner.underlined(edit)
    assert text_fields.text_of(edit) == text.replace("세종시", "세종특별자치시")

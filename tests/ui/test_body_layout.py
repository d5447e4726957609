"""A keystroke repaints the paragraphs it changed, and the screen shows what a full repaint would."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QTextCursor

from editor.ui.body_layout import BodyLayout
from tests.ui.painting import Paints, full_repaint, screen, steady_font

PARAGRAPH = (
    "세종시 자율주행 셔틀이 오송역까지 달린다. 시민들은 출퇴근 시간이 짧아질 것으로 기대했다."
)
# (preedit, commit) per key, as a 2-beolsik input method sends 세종 and then a space
JAMO_KEYS = [("ㅅ", ""), ("세", ""), ("ㅈ", "세"), ("조", ""), ("종", ""), ("", "종")]


def _ime(edit, preedit: str, commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QCoreApplication.sendEvent(edit, event)
    QCoreApplication.sendPostedEvents()  # the repaint belongs to the keystroke


def _key(edit, key: Qt.Key, text: str) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QCoreApplication.sendEvent(edit, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
    QCoreApplication.sendPostedEvents()


def _editor_at_middle(qtbot, window):
    """Return the body editor (bundled font, no caret) with the cursor ending a middle paragraph."""
    edit = window.body_editor.text_edit
    steady_font(edit)
    window.document.set_body("\n\n".join([PARAGRAPH] * 40))
    doc = window.document.body_document
    block = doc.findBlockByNumber(40)
    cursor = edit.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    edit.setTextCursor(cursor)
    edit.centerCursor()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    return edit


def test_a_jamo_repaints_its_paragraph_not_the_view(qtbot, window):
    edit = _editor_at_middle(qtbot, window)
    layout = edit.document().documentLayout()
    assert isinstance(layout, BodyLayout)
    paints = Paints()
    edit.viewport().installEventFilter(paints)
    before = layout.narrowed
    for preedit, commit in JAMO_KEYS:
        _ime(edit, preedit, commit)
    _key(edit, Qt.Key.Key_Space, " ")
    edit.viewport().removeEventFilter(paints)
    # Qt alone cleared ~9 paragraphs' layout and repainted the whole view on every jamo.
    assert layout.narrowed - before == len(JAMO_KEYS) + 1
    assert paints.heights and max(paints.heights) < edit.viewport().height() / 2
    assert PARAGRAPH + "세종 " in window.document.article.body


def test_after_typing_the_screen_matches_a_full_repaint(qtbot, window):
    edit = _editor_at_middle(qtbot, window)
    for preedit, commit in JAMO_KEYS * 12:  # the paragraph grows a line: its height changes
        _ime(edit, preedit, commit)
    for ch in " *기울임* `코드` ":  # the highlighter formats what is typed
        _key(edit, Qt.Key.Key_Space if ch == " " else Qt.Key.Key_A, ch)
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    edit.setTextCursor(cursor)
    for ch in "```":  # a fence: every paragraph below it changes its highlighting
        _key(edit, Qt.Key.Key_A, ch)
    _key(edit, Qt.Key.Key_Return, "\r")  # a paragraph break is left to Qt
    _ime(edit, "ㅎ")
    qtbot.wait(20)
    typed = screen(window)
    assert typed == full_repaint(window, edit)


def test_a_paragraph_that_gains_a_line_repaints_from_its_top_down(qtbot, window):
    edit = _editor_at_middle(qtbot, window)
    block = edit.textCursor().block()
    lines = block.layout().lineCount()
    top = edit.blockBoundingGeometry(block).translated(edit.contentOffset()).top()
    assert top > edit.viewport().height() / 4  # room above it that need not be painted
    paints = Paints()
    edit.viewport().installEventFilter(paints)
    for _ in range(30):
        for preedit, commit in JAMO_KEYS:
            _ime(edit, preedit, commit)
        if block.layout().lineCount() > lines:
            break
    edit.viewport().removeEventFilter(paints)
    assert block.layout().lineCount() == lines + 1
    # The paragraphs below moved down a line: painted from this paragraph's top to the
    # bottom of the view, nothing above it (Qt painted the whole view).
    assert min(r.top() for r in paints.rects) >= int(top) - 1
    assert max(r.bottom() for r in paints.rects) >= edit.viewport().height() - 1


def test_a_jamo_at_the_end_of_a_long_paragraph_repaints_its_last_lines(qtbot, window):
    edit = _editor_at_middle(qtbot, window)
    window.document.set_body("\n\n".join([PARAGRAPH] * 20 + [PARAGRAPH * 6] + [PARAGRAPH] * 20))
    block = edit.document().findBlockByNumber(40)
    cursor = edit.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    edit.setTextCursor(cursor)
    edit.centerCursor()
    qtbot.wait(20)
    lines = block.layout().lineCount()
    assert lines >= 5
    line_height = block.layout().lineAt(0).height()
    paints = Paints()
    edit.viewport().installEventFilter(paints)
    for preedit, commit in JAMO_KEYS:
        _ime(edit, preedit, commit)
    edit.viewport().removeEventFilter(paints)
    assert block.layout().lineCount() == lines
    # Typing at the cursor cannot change the lines above the one before it: the key paints
    # that line and the cursor's, not the paragraph's glyphs all over again.
    assert paints.rects and max(paints.heights) <= 2 * line_height + 4
    assert typed_matches_full_repaint(window, edit)


def typed_matches_full_repaint(window, edit) -> bool:
    typed = screen(window)
    return typed == full_repaint(window, edit)

"""A keystroke repaints the paragraphs it changed, and the screen shows what a full repaint would."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QImage, QInputMethodEvent, QKeyEvent, QTextCursor

from editor.ui import theme
from editor.ui.body_layout import BodyLayout

PARAGRAPH = (
    "세종시 자율주행 셔틀이 오송역까지 달린다. 시민들은 출퇴근 시간이 짧아질 것으로 기대했다."
)
# (preedit, commit) per key, as a 2-beolsik input method sends 세종 and then a space
JAMO_KEYS = [("ㅅ", ""), ("세", ""), ("ㅈ", "세"), ("조", ""), ("종", ""), ("", "종")]


class _Paints(QObject):
    """Record the height of every paint the viewport gets."""

    def __init__(self) -> None:
        super().__init__()
        self.heights: list[int] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.heights.append(event.rect().height())
        return False


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
    family = theme.load_fonts()
    edit = window.body_editor.text_edit
    if family:  # one face for jamo and syllables: a line keeps its height as 세 grows to 종
        edit.setFont(QFont(family, 11))
    edit.setCursorWidth(0)  # the blinking caret is not what is compared
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


def _screen(window) -> QImage:
    """Return what the window's backing store holds (not a fresh render, as grab() is)."""
    return window.windowHandle().screen().grabWindow(window.winId()).toImage()


def _full_repaint(window, edit) -> QImage:
    block = edit.document().firstBlock()
    while block.isValid():
        block.clearLayout()
        block = block.next()
    edit.viewport().repaint()
    QCoreApplication.sendPostedEvents()
    return _screen(window)


def test_a_jamo_repaints_its_paragraph_not_the_view(qtbot, window):
    edit = _editor_at_middle(qtbot, window)
    layout = edit.document().documentLayout()
    assert isinstance(layout, BodyLayout)
    paints = _Paints()
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
    typed = _screen(window)
    assert typed == _full_repaint(window, edit)

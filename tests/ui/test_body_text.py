"""The body kept per paragraph (BodyText) is always exactly the QTextDocument's text."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from editor.ui.body_text import BodyText
from editor.ui.document import ArticleDocument

# Pieces the edits insert: Hangul, emoji and a supplementary Hanja (two UTF-16 units each),
# every way a paste can break a line, non-breaking and line-separator characters.
PIECES = (
    "가",
    "한글 문단",
    "😀",
    "𠜎",
    "👩‍👩‍👧",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\u2029",
    "\u2028",
    "\u00a0",
    "# 제목\n\n- 목록 😀\n- 둘째\n\n> 인용",
    "끝\n",
    "",
)


def _truth(doc: ArticleDocument) -> str:
    """Return the body as the whole document holds it (what body_text used to copy)."""
    return doc.body_document.toRawText().replace("\u2029", "\n")


def _random_edit(doc: ArticleDocument, rng: random.Random) -> None:
    document = doc.body_document
    end = document.characterCount() - 1
    cursor = QTextCursor(document)
    action = rng.choice(("insert", "insert", "delete", "replace", "undo", "redo", "block"))
    if action == "undo":
        document.undo()
        return
    if action == "redo":
        document.redo()
        return
    a, b = sorted(rng.randint(0, end) for _ in range(2))
    if action == "insert":
        b = a
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    if action == "delete":
        cursor.removeSelectedText()
    elif action == "block":  # several edits as one undo step, one contentsChange
        cursor.beginEditBlock()
        cursor.insertText(rng.choice(PIECES))
        cursor.setPosition(rng.randint(0, document.characterCount() - 1))
        cursor.insertText(rng.choice(PIECES) + rng.choice(PIECES))
        cursor.endEditBlock()
    else:
        cursor.insertText("".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4))))


@pytest.mark.parametrize("seed", range(6))
def test_random_edits_keep_the_body_equal_to_the_document(qtbot, seed):
    rng = random.Random(seed)
    doc = ArticleDocument()
    doc.set_body("첫 문단 😀\n\n둘째 𠜎 문단\n셋째 줄\n\n- 목록\n- 항목")
    reads = doc._body_text.whole_reads
    for _ in range(300):
        _random_edit(doc, rng)
        assert doc.body_text() == _truth(doc)
    assert doc._body_text.whole_reads == reads  # every edit was read from its paragraphs
    doc.load_sample()
    assert doc.body_text() == _truth(doc) == doc.article.body


def test_a_read_inside_an_edit_block_stays_right_after_it(qtbot):
    doc = ArticleDocument()
    doc.set_body("하나\n\n둘")
    cursor = QTextCursor(doc.body_document)
    cursor.beginEditBlock()
    cursor.insertText("앞\n\n")
    assert doc.body_text() == _truth(doc)  # contentsChange comes only at the end
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n\n뒤 😀")
    cursor.endEditBlock()
    assert doc.body_text() == _truth(doc) == "앞\n\n하나\n\n둘\n\n뒤 😀"
    doc.body_document.undo()
    assert doc.body_text() == "하나\n\n둘"


def test_an_edit_reads_only_its_paragraphs(qtbot):
    doc = ArticleDocument()
    doc.set_body("\n\n".join(f"문단 {n} 😀 𠜎" for n in range(2000)))
    text = doc.body_text()
    cursor = QTextCursor(doc.body_document.findBlockByNumber(2001))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("가")
    assert doc._body_text.blocks_read == 1
    cursor.insertText("\n\n새 문단")
    assert doc._body_text.blocks_read == 3
    new = doc.body_text()
    assert new == _truth(doc) and new != text
    assert doc.body_text() is new  # read again without a change: the same string


def test_typing_and_pasting_in_the_editor_keep_the_body(qtbot, window, commit_text):
    doc = window.document
    edit = window.body_editor.text_edit
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(doc.body_document.characterCount() // 2)
    edit.setTextCursor(cursor)
    reads = doc._body_text.whole_reads
    for preedit, commit in (("ㅎ", ""), ("하", ""), ("ㄴ", "한"), ("", "글")):
        event = QInputMethodEvent(preedit, [])
        event.setCommitString(commit)
        QCoreApplication.sendEvent(edit, event)
        assert doc.body_text() == _truth(doc)  # a preedit is not in the text
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    commit_text(edit, "😀 끝")
    mime = QMimeData()
    mime.setText("붙인 줄\r\n\r\n둘째 문단\u2029셋째")
    QGuiApplication.clipboard().setMimeData(mime)
    edit.paste()
    assert "붙인 줄\n\n둘째 문단\n셋째" in doc.body_text()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.body_text() == _truth(doc) == doc.article.body
    assert doc._body_text.whole_reads == reads  # keys, paste, undo: read by paragraph
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert doc.body_text() == _truth(doc) == ""


def test_the_kept_blocks_answer_only_a_change_they_have_read(qtbot):
    # The body's spelling marks take a change's paragraphs from here (BodyText.blocks); a
    # reader that comes before BodyText, or asks of another change, must get no answer.
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setPlainText("하나\n둘 😀\n셋")
    answers = []

    def ask(when: str, position: int, removed: int, added: int) -> None:
        first = doc.findBlock(position).blockNumber()
        last = doc.findBlock(position + added).blockNumber()
        last = doc.blockCount() - 1 if last < 0 else last
        got = kept.blocks((position, removed, added), first, last)
        truth = [doc.findBlockByNumber(n).text() for n in range(first, last + 1)]
        answers.append((when, got == truth if got is not None else None))

    doc.contentsChange.connect(lambda *change: ask("before", *change))
    kept = BodyText(doc)
    doc.contentsChange.connect(kept.contents_changed)
    doc.contentsChange.connect(lambda *change: ask("after", *change))
    cursor = QTextCursor(doc)
    cursor.insertText("가\n")
    doc.setPlainText("새 글\n\n둘째")  # one edit, two signals at one revision
    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    cursor.insertText("앞 ")
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(" 뒤\n끝")
    cursor.endEditBlock()
    doc.undo()
    assert {a for w, a in answers if w == "before"} == {None}
    assert {a for w, a in answers if w == "after"} == {True}
    assert kept.blocks((0, 0, 1), 0, 0) is None  # not the change last read

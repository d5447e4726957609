"""The body's spelling marks kept per paragraph move as cursors would, and cost a key nothing.

Each edit of a QTextDocument moves every QTextCursor on it and emits cursorPositionChanged
once per cursor it moved; the body's marks were cursors (1,570 in the 100,000-character
benchmark body). `ParagraphMarks` keeps offsets instead: here they are held against real
cursors under random edits (Hangul, emoji beyond the BMP, line and paragraph breaks, CR,
deletions and replacements) and replace-alls, compared by what each paragraph draws.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout, QPlainTextEdit

from editor.core.find import Query, find_all, replace_all
from editor.ui import text_fields
from editor.ui.find_session import RELEASE_FROM, replace_in
from editor.ui.text_fields import to_qt
from editor.ui.underlines import ParagraphMarks


class _Fresh:
    """Characters never used before in a test: an edit's place in the text is unambiguous."""

    def __init__(self) -> None:
        self.next = 0

    def __call__(self, rng: random.Random) -> str:
        self.next += 1
        if rng.random() < 0.1:
            return chr(0x1F300 + self.next)  # beyond the BMP: two UTF-16 units in Qt
        return chr(0xAC00 + self.next)


def _document(text: str) -> QTextDocument:
    """Return a document laid out as the body's is (without a layout Qt reports no change)."""
    doc = QTextDocument()
    doc.setDocumentLayout(QPlainTextDocumentLayout(doc))
    doc.setPlainText(text)
    return doc


def _cursor(doc: QTextDocument, start: int, end: int) -> QTextCursor:
    cursor = QTextCursor(doc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _drawn_by_cursors(doc: QTextDocument, cursors: list[QTextCursor]) -> list[list[tuple]]:
    """Return per paragraph the Qt spans the cursors cover inside it (what would be drawn)."""
    rows = []
    block = doc.begin()
    while block.isValid():
        start, end = block.position(), block.position() + block.length() - 1
        spans = []
        for c in cursors:
            a, b = max(c.selectionStart(), start), min(c.selectionEnd(), end)
            if a < b:
                spans.append((a, b))
        rows.append(sorted(spans))
        block = block.next()
    return rows


def _drawn_by_marks(doc: QTextDocument, marks: ParagraphMarks) -> list[list[tuple]]:
    rows = []
    block = doc.begin()
    while block.isValid():
        start = block.position()
        spans = marks.spans_between(start, start + block.length() - 1)
        rows.append(sorted((a, b) for a, b, _fmt in spans))
        block = block.next()
    return rows


def _random_edit(rng: random.Random, doc: QTextDocument, fresh: _Fresh) -> None:
    raw = doc.toRawText()  # code points: an edit never splits an emoji, as a reporter's can't
    a = rng.randint(0, len(raw))
    b = min(len(raw), a + rng.choice((0, 0, 0, 1, 2, 5, 20)))
    cursor = _cursor(doc, *to_qt(raw, [a, b]))
    roll = rng.random()
    if roll < 0.15:
        typed = rng.choice(("\n", "\u2029", "\r\n", "\n\n"))
    elif roll < 0.25:
        typed = ""
    else:
        typed = "".join(fresh(rng) for _ in range(rng.choice((1, 1, 1, 2, 4))))
    cursor.insertText(typed)  # replaces the selection, if any


def test_marks_move_with_random_edits_as_cursors_would(qapp):
    rng = random.Random(17)
    fresh = _Fresh()
    for _round in range(12):
        paragraphs = ["".join(fresh(rng) for _ in range(rng.randint(0, 30))) for _ in range(8)]
        doc = _document("\n".join(paragraphs))
        marks = ParagraphMarks(doc, QTextCharFormat())
        doc.contentsChange.connect(marks.follow)
        cursors = _mark_at_random(rng, doc, marks, most=3, longest=4)
        assert _drawn_by_marks(doc, marks) == _drawn_by_cursors(doc, cursors)
        for _edit in range(40):
            _random_edit(rng, doc, fresh)
            assert _drawn_by_marks(doc, marks) == _drawn_by_cursors(doc, cursors)
        marks.follow(0, 0, doc.characterCount())  # told twice: nothing moves again
        assert _drawn_by_marks(doc, marks) == _drawn_by_cursors(doc, cursors)


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(o != span and o[0] < span[1] and span[0] < o[1] for o in spans)


def _row(doc: QTextDocument, marks: ParagraphMarks, number: int) -> list[tuple]:
    block = doc.findBlockByNumber(number)
    return marks.spans_between(block.position(), block.position() + block.length() - 1)


def test_words_and_the_word_at_a_position_are_read_from_the_paragraphs(qapp):
    doc = _document("🙂 확정됬다 그리고\n할께 끝")
    marks = ParagraphMarks(doc, QTextCharFormat())
    doc.contentsChange.connect(marks.follow)
    assert marks.set_paragraph(0, "🙂 확정됬다 그리고", [(2, 6)])
    assert marks.set_paragraph(1, "할께 끝", [(0, 2)])
    assert not marks.set_paragraph(1, "다른 글", [(0, 2)])  # an answer for an older text
    assert marks.words() == ["확정됬다", "할께"]
    _cursor(doc, 0, 0).insertText("새 ")
    assert marks.words() == ["확정됬다", "할께"]
    word = marks.cursor_at(doc.findBlockByNumber(0).position() + 7)  # 🙂 is two Qt units
    assert word is not None and word.selectedText() == "확정됬다"
    assert marks.cursor_at(1) is None
    assert [s.cursor.selectedText() for s in marks.selections()] == ["확정됬다", "할께"]
    marks.release(0, doc.findBlockByNumber(1).position() - 1)
    assert marks.words() == ["할께"]


def test_a_key_before_a_thousand_marks_moves_no_cursor_of_theirs(qapp, qtbot):
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("\n".join(["세종시 셔틀이 달린다 할께 할께 할께"] * 400))
    doc = edit.document()
    marks = ParagraphMarks(doc, QTextCharFormat())
    doc.contentsChange.connect(marks.follow)
    for number in range(doc.blockCount()):
        text = doc.findBlockByNumber(number).text()
        assert marks.set_paragraph(number, text, [(12, 14), (15, 17), (18, 20)])
    moved = []
    doc.cursorPositionChanged.connect(lambda cursor: moved.append(cursor.position()))
    cursor = edit.textCursor()
    cursor.setPosition(3)
    edit.setTextCursor(cursor)
    moved.clear()
    _type_syllable(edit)
    # Qt emits cursorPositionChanged for each cursor an edit moved: only the editor's own
    # cursor moves now. The same marks held as cursors (as extra selections) each move.
    assert len(moved) <= 2
    assert doc.findBlockByNumber(0).text().startswith("세종시한 ")
    assert marks.words()[:3] == ["할께"] * 3 and len(marks.words()) == 1200
    assert _row(doc, marks, 0)[0][:2] == (13, 15)
    held = marks.selections()
    moved.clear()
    _type_syllable(edit)
    assert len(moved) >= len(held) == 1200


def _type_syllable(edit: QPlainTextEdit) -> None:
    for preedit, commit in [("ㅎ", ""), ("하", ""), ("", "한")]:
        event = QInputMethodEvent(preedit, [])
        event.setCommitString(commit)
        QCoreApplication.sendEvent(edit, event)


def test_release_forgets_exactly_the_marks_inside_the_range(qapp):
    texts = ["🙂 할께 됬다 할께", "할께 끝 됬다", "됬다 🙂 할께", "끝"]
    spans = [[(2, 4), (5, 7), (8, 10)], [(0, 2), (5, 7)], [(0, 2), (5, 7)], []]
    doc = _document("\n".join(texts))
    rng = random.Random(17)
    for _ in range(200):
        marks = ParagraphMarks(doc, QTextCharFormat())
        for number, (text, row) in enumerate(zip(texts, spans, strict=True)):
            assert marks.set_paragraph(number, text, row)
        expected = []  # a mark stays unless both its Qt ends lie inside start..end
        start = rng.randrange(doc.characterCount())
        end = rng.randrange(start, doc.characterCount())
        for number, (text, row) in enumerate(zip(texts, spans, strict=True)):
            at = doc.findBlockByNumber(number).position()
            for a, b in row:
                qa, qb = to_qt(text, [a, b])
                if not start <= at + qa <= at + qb <= end:
                    expected.append(text[a:b])
        marks.release(start, end)
        assert marks.words() == expected, (start, end)


# Replace-all cases: a replacement sharing its start or end with the match (했다 → 하였다,
# 세종시 → 세종특별자치시), empty ones, line breaks, matches side by side, emoji around them.
BULK = (
    (Query("했다"), "하였다"),
    (Query("세종시"), "세종특별자치시"),
    (Query("시 "), ""),
    (Query("다"), "다\n"),
    (Query(r"(\d)", regex=True), r"\1\1"),
    (Query("😀"), "가"),
    (Query(r"x*", regex=True), "-"),
)
BULK_WORDS = ("했다", "세종시", "시 ", "다", "😀", "1", "23", "가", " ", "\n", "셔틀", "🙂")


def _bulk_edit(qtbot) -> tuple[QPlainTextEdit, QTextDocument]:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.document().setDocumentLayout(QPlainTextDocumentLayout(edit.document()))
    return edit, edit.document()


@pytest.mark.parametrize("release_from", [RELEASE_FROM, 1])
@pytest.mark.parametrize("case", range(len(BULK)))
def test_marks_move_with_a_replace_all_as_cursors_would(qtbot, monkeypatch, case, release_from):
    # One edit block makes every replacement and Qt reports one changed range for it: the
    # marks are told the replacements (text_fields.replacing) and move by each of them.
    # From RELEASE_FROM replacements the marks between the first and the last are let go
    # first, as the extra selections of the other boxes are (text_fields.within).
    monkeypatch.setattr("editor.ui.find_session.RELEASE_FROM", release_from)
    query, replacement = BULK[case]
    rng = random.Random(case)
    for _round in range(12):
        edit, doc = _bulk_edit(qtbot)
        doc.setPlainText("".join(rng.choice(BULK_WORDS) for _ in range(rng.randint(5, 80))))
        marks = ParagraphMarks(doc, QTextCharFormat())
        doc.contentsChange.connect(marks.follow)
        text_fields.on_replacing(edit, marks.expect)
        text_fields.on_release(edit, marks.release)
        cursors = _mark_at_random(rng, doc, marks, most=6, longest=5)
        text_fields.on_release(edit, lambda a, b, c=cursors: _release(c, a, b))
        text = text_fields.text_of(edit)
        found = find_all(text, query, replacement)
        if not found:
            continue
        replace_in(edit, text, found)
        assert text_fields.text_of(edit) == replace_all(text, found)
        assert _drawn_by_marks(doc, marks) == _drawn_by_cursors(doc, cursors), (case, text)


def _mark_at_random(
    rng: random.Random, doc: QTextDocument, marks: ParagraphMarks, most: int, longest: int
) -> list[QTextCursor]:
    """Mark a few random spans of each paragraph; return a real cursor for each mark."""
    block = doc.begin()
    while block.isValid():  # by code point, as the worker gives them
        text, spans = block.text(), []
        for _ in range(rng.randint(0, most)):
            start = rng.randint(0, max(0, len(text) - 1))
            spans.append((start, min(len(text), start + rng.randint(1, longest))))
        spans = sorted({s for s in spans if s[0] < s[1] and not _overlaps(s, spans)})
        assert marks.set_paragraph(block.blockNumber(), text, spans)
        block = block.next()
    rows = [s for n in range(doc.blockCount()) for s in _row(doc, marks, n)]
    return [_cursor(doc, a, b) for a, b, _fmt in rows]


def _release(cursors: list[QTextCursor], start: int, end: int) -> None:
    cursors[:] = [c for c in cursors if not text_fields.within(c, start, end)]

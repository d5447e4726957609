"""The status bar's count waits for typing to pause, Korean preedit steps included."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

import editor.ui.status_bar as status_bar_module
from editor.ui.document import ArticleDocument
from editor.ui.status_bar import ArticleStatusBar

DELAY_MS = 300


@pytest.fixture
def doc(qapp) -> ArticleDocument:
    document = ArticleDocument()
    document.set_body("세종시의 자율주행 셔틀이 첫 운행을 시작했다.")
    return document


def _type(doc: ArticleDocument, text: str) -> None:
    cursor = QTextCursor(doc.body_document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText(text)


def _preedit_step(doc: ArticleDocument) -> None:
    """Do what the body editor does for a jamo that is still composing (no edit)."""
    with doc.layout_only():
        _type(doc, "ㅎ")
        cursor = QTextCursor(doc.body_document)
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.deletePreviousChar()


def test_a_preedit_step_says_typing_goes_on_without_being_an_edit(doc):
    composing, changed = [], []
    doc.composing.connect(lambda: composing.append(1))
    doc.changed.connect(changed.append)
    _preedit_step(doc)
    assert composing and changed == []
    _type(doc, "한")
    assert changed == ["body"]


def test_a_preedit_step_postpones_a_pending_count(qtbot, doc):
    bar = ArticleStatusBar(doc, delay_ms=DELAY_MS)
    qtbot.addWidget(bar)
    before = bar.chars_label.text()
    _type(doc, "한")  # a committed syllable: the count is due DELAY_MS later
    qtbot.waitUntil(lambda: 0 <= bar._timer.remainingTime() < DELAY_MS // 2, timeout=2000)
    _preedit_step(doc)  # the next jamo: the count waits again
    assert bar._timer.remainingTime() > DELAY_MS // 2
    assert bar.chars_label.text() == before
    with qtbot.waitSignal(bar.counts_updated, timeout=2000):
        pass
    assert bar.chars_label.text() != before  # counted once typing paused


def test_a_preedit_step_alone_counts_nothing(qtbot, doc):
    bar = ArticleStatusBar(doc, delay_ms=DELAY_MS)
    qtbot.addWidget(bar)
    _preedit_step(doc)
    assert not bar._timer.isActive()


def test_typing_without_a_pause_still_sees_its_count(qtbot, doc, monkeypatch):
    monkeypatch.setattr(status_bar_module, "COUNT_MAX_WAIT_MS", 0)
    bar = ArticleStatusBar(doc, delay_ms=DELAY_MS)
    qtbot.addWidget(bar)
    _type(doc, "한")
    qtbot.waitUntil(lambda: 0 <= bar._timer.remainingTime() < DELAY_MS // 2, timeout=2000)
    _preedit_step(doc)
    _type(doc, "글")  # neither postpones a count that has waited its longest
    assert bar._timer.remainingTime() < DELAY_MS // 2

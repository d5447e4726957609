"""A 100,000-character body: a keystroke does no work that grows with the document."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest

import editor.ui.status_bar as status_bar_module
from editor.ui.document import ArticleDocument

BODY_CHARS = 100_000


def _long_body(seed: str) -> str:
    body = seed
    while len(body) < BODY_CHARS:
        body += "\n\n" + seed
    return body[:BODY_CHARS]


def test_keystrokes_on_a_100k_body_stay_cheap(qtbot, window, monkeypatch):
    doc = window.document
    doc.set_body(_long_body(doc.article.body))
    doc.set_modified(False)
    text_edit = window.body_editor.text_edit
    text_edit.setFocus()
    cursor = text_edit.textCursor()
    cursor.setPosition(BODY_CHARS // 2)
    text_edit.setTextCursor(cursor)
    whole_body_reads = []
    counted = []
    real_body_text, real_count = ArticleDocument.body_text, status_bar_module.count_steps
    monkeypatch.setattr(
        ArticleDocument,
        "body_text",
        lambda self: whole_body_reads.append(1) or real_body_text(self),
    )
    monkeypatch.setattr(
        status_bar_module, "count_steps", lambda text: counted.append(len(text)) or real_count(text)
    )
    for i in range(60):
        if i % 2:
            QTest.keyClick(text_edit, Qt.Key.Key_A)
        else:  # Hangul arrives as input-method commits
            event = QInputMethodEvent()
            event.setCommitString("한")
            QCoreApplication.sendEvent(text_edit, event)
    # Nothing copied or counted per key (benchmarks/typing.py times it; a test that asserts
    # milliseconds fails on a busy machine).
    assert whole_body_reads == [] and counted == []
    with qtbot.waitSignal(window.status.counts_updated, timeout=2000):
        pass
    assert len(counted) == 1  # counted once, after typing paused
    assert doc.article.body[BODY_CHARS // 2 : BODY_CHARS // 2 + 4] == "한a한a"


def test_highlighting_follows_the_edit_not_the_document(window):
    doc = window.document
    doc.set_body(_long_body(doc.article.body))
    highlighter = window.body_editor.text_edit.highlighter
    before = highlighter.blocks_highlighted
    cursor = QTextCursor(doc.body_document)
    cursor.setPosition(BODY_CHARS // 2)
    cursor.insertText("x")
    assert 1 <= highlighter.blocks_highlighted - before <= 3

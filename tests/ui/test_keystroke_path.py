"""Korean typed through the input method on a 100k body: no whole-document work per key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent

import editor.core.text as text_module
from editor.render.blocks import BlockSplitter
from editor.ui.document import ArticleDocument

BODY_CHARS = 100_000


def _ime(edit, preedit: str, commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QCoreApplication.sendEvent(edit, event)
    QCoreApplication.sendPostedEvents()  # layout and repaint belong to the keystroke too


def test_jamo_preedit_and_commits_do_no_whole_document_work(qtbot, window, monkeypatch):
    # The window's one-time set-up after the preview's paint (review, spelling, house style)
    # is not a keystroke's work: typing starts once it has run.
    qtbot.waitUntil(lambda: window.style_marks is not None)
    doc = window.document
    paragraph = "세종시 자율주행 셔틀이 달린다. " * 8
    doc.set_body("\n\n".join([paragraph] * (BODY_CHARS // len(paragraph))))
    edit = window.body_editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(doc.body_document.characterCount() // 2)
    edit.setTextCursor(cursor)
    calls: list[str] = []
    for owner, name in (
        (ArticleDocument, "body_text"),
        (BlockSplitter, "split"),
        (text_module, "count_text"),
        (text_module, "plain_text"),
        (text_module, "count_steps"),
    ):
        real = getattr(owner, name)
        monkeypatch.setattr(
            owner, name, lambda *a, _r=real, _n=name, **k: calls.append(_n) or _r(*a, **k)
        )
    highlighter = edit.highlighter
    before = highlighter.blocks_highlighted
    for preedit, commit in (
        ("ㅎ", ""),
        ("하", ""),
        ("한", ""),
        ("ㄱ", "한"),
        ("그", ""),
        ("", "그"),
    ):
        _ime(edit, preedit, commit)
    assert calls == []  # no copy of the body, no split, no count on the keystroke path
    assert highlighter.blocks_highlighted - before <= 2 * 6  # the edited paragraph only

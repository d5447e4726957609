"""Korean typed through the input method on a 100k body: no whole-document work per key."""

from __future__ import annotations

import resource

import pytest
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


@pytest.mark.skipif(not hasattr(resource, "RUSAGE_THREAD"), reason="a thread's own switches")
def test_a_key_that_repaints_the_view_below_waits_for_no_other_thread(qtbot, window):
    # A syllable that makes its paragraph a line longer repaints the view below it and the
    # scrollbar (fills over 96 rows): Qt's painter handed those to its pooled threads and the
    # UI thread slept until they were done. A key must not sleep (no voluntary context
    # switch: no lock, no GIL held by a worker, no wait for Qt's threads).
    qtbot.waitUntil(lambda: window.style_marks is not None)
    doc = window.document
    doc.set_body("\n\n".join(["세종시 자율주행 셔틀이 달린다."] * 3000))
    edit = window.body_editor.text_edit
    block = doc.body_document.findBlockByNumber(4)
    cursor = edit.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    edit.setTextCursor(cursor)
    edit.ensureCursorVisible()
    QCoreApplication.sendPostedEvents()
    bar = edit.verticalScrollBar()
    lines, top = block.layout().lineCount(), bar.maximum()
    slept = 0
    for _ in range(200):
        before = resource.getrusage(resource.RUSAGE_THREAD).ru_nvcsw
        _ime(edit, "", "한")
        slept += resource.getrusage(resource.RUSAGE_THREAD).ru_nvcsw - before
        if block.layout().lineCount() > lines + 1:
            break
    assert block.layout().lineCount() > lines + 1 and bar.maximum() > top  # the view below moved
    assert slept == 0

"""The status bar's count waits for typing to pause, Korean preedit steps included."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextCursor

import editor.ui.status_bar as status_bar_module
from editor.core.text import count_body
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


def _long_body() -> str:
    paragraph = "세종시 **자율주행** 셔틀이 [오송역](https://example.kr)까지 달린다. 🚌 "
    return "\n\n".join(f"## 구간 {n}\n\n" + paragraph * 6 for n in range(300))  # ~100k


def test_a_long_body_is_counted_in_slices_to_the_full_count(qtbot, doc):
    doc.set_body(_long_body())
    bar = ArticleStatusBar(doc, delay_ms=10, slice_ms=0)  # one step a turn
    qtbot.addWidget(bar)
    _type(doc, "끝")
    with qtbot.waitSignal(bar.counts_updated, timeout=10000):
        pass
    assert bar.turns >= 20  # many short turns, not one long one
    assert bar.counts == count_body(doc.article.body)
    assert not bar.counting


def test_the_count_shown_after_random_edits_is_the_full_count(qtbot, doc):
    rng = random.Random(7)
    doc.set_body(_long_body()[:20000])
    bar = ArticleStatusBar(doc, delay_ms=5, slice_ms=0.5)
    qtbot.addWidget(bar)
    pieces = ["한글", "𝕏", "🙂", "\r\n", "\u2029", "\n", " ", "**", "`", "ㅎ", "　", "\t"]
    for _round in range(12):
        for _edit in range(rng.randint(1, 6)):
            cursor = QTextCursor(doc.body_document)
            size = doc.body_document.characterCount() - 1
            cursor.setPosition(rng.randint(0, size))
            if rng.random() < 0.3:
                cursor.movePosition(
                    QTextCursor.MoveOperation.NextCharacter,
                    QTextCursor.MoveMode.KeepAnchor,
                    rng.randint(1, 40),
                )
            cursor.insertText("".join(rng.choice(pieces) for _ in range(rng.randint(0, 4))))
        with qtbot.waitSignal(bar.counts_updated, timeout=10000):
            pass
        qtbot.waitUntil(lambda: not bar.counting, timeout=10000)
        assert bar.counts == count_body(doc.article.body)
        assert bar.chars_label.text().startswith(QLocale().toString(bar.counts.chars))


def test_an_edit_during_a_sliced_count_is_counted_next(qtbot, doc):
    doc.set_body(_long_body())
    bar = ArticleStatusBar(doc, delay_ms=10, slice_ms=0)
    qtbot.addWidget(bar)
    shown = []
    bar.counts_updated.connect(shown.append)
    _type(doc, "가")
    first = doc.article.body
    qtbot.waitUntil(lambda: bar._steps is not None, timeout=5000)
    _type(doc, " 나다")  # while the first count runs
    qtbot.waitUntil(lambda: not bar.counting, timeout=10000)
    # Every figure shown is a whole body's count (the body as a count began), the last the newest.
    assert shown and set(shown) <= {count_body(first), count_body(doc.article.body)}
    assert shown[-1] == bar.counts == count_body(doc.article.body) != count_body(first)


def test_the_first_edit_after_a_save_moves_no_other_label(qtbot, window, commit_text, tmp_path):
    # "Saved" -> "● Unsaved changes" was 41 px wider: every label before it moved and the
    # whole status bar repainted inside the keystroke that made the article modified.
    status = window.status
    labels = (status.chars_label, status.pages_label, status.reading_label)
    window.document.save_as(tmp_path / "saved.article")
    qtbot.waitUntil(lambda: not window.document.is_modified)
    before = [label.geometry() for label in labels]
    commit_text(window.body_editor.text_edit, "한")
    assert window.document.is_modified
    shown = status.save_state_label
    # Once laid out the whole state shows; the labels before it stay where they were.
    qtbot.waitUntil(
        lambda: (
            shown.text() == status.tr("● Unsaved changes")
            and shown.width() >= shown.sizeHint().width()
        )
    )
    assert [label.geometry() for label in labels] == before

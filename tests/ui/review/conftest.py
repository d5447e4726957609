"""Review-mode fixtures: a window in review mode with a known reviewer and no real measuring."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtGui import QTextCursor

from editor.core import clock
from editor.ui.identity import Role, User
from editor.ui.main_window import MainWindow

REVIEWER = "김데스크"


@pytest.fixture(autouse=True)
def ticking_clock():
    """A clock that moves a minute per reading, so revisions and notes have distinct times."""
    start = datetime(2025, 4, 4, 9, 0, tzinfo=clock.newsroom_zone())
    ticks = iter(range(100_000))
    clock.set_clock(lambda: start + timedelta(minutes=next(ticks)))
    yield
    clock.set_clock(None)


@pytest.fixture
def review_window(make_window, settings) -> MainWindow:
    """Return the sample in a window in review mode, signed by the desk."""
    settings.set_user(User(REVIEWER, "desk@sisacatch.example", Role.DESK))
    window = make_window()
    window.review.checklist.runner.measure = lambda _article, _profile: {360: 2}
    window.review.set_review_mode(True)
    return window


@pytest.fixture
def select_in_body():
    """Return a function selecting a passage in a window's body editor."""
    return _select_in_body


@pytest.fixture
def move_cursor():
    """Return a function putting the body editor's cursor somewhere."""
    return _move_cursor


def _select_in_body(window: MainWindow, passage: str, occurrence: int = 0) -> tuple[int, int]:
    """Select the n-th occurrence of a passage in the body editor; return its range."""
    body = window.document.article.body
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(passage, start + 1)
    edit = window.body_editor.text_edit
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(passage), QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)
    return start, start + len(passage)


def _move_cursor(window: MainWindow, position: int) -> None:
    """Put the body editor's cursor at a position (no selection)."""
    edit = window.body_editor.text_edit
    cursor = edit.textCursor()
    cursor.setPosition(position)
    edit.setTextCursor(cursor)

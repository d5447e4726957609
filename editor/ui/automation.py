"""Hooks that let an outside test drive the real app (a subprocess started with `python -m editor`).

Only environment variables switch them on; with none set, `apply` does nothing.

- ARTICLE_EDITOR_TEST_TYPE=TEXT: once the window is shown, type TEXT at the end of the body,
  one input-method commit per character, as a Korean input method delivers it. The crash
  test uses it to make an unsaved change and then waits for its draft.
- ARTICLE_EDITOR_TEST_TYPE_EVERY=MS (with ARTICLE_EDITOR_TEST_TYPE): type TEXT over and over,
  one character every MS milliseconds, until the app is killed; with
  ARTICLE_EDITOR_TEST_TYPE_LOG=FILE each keystroke appends "COUNT WALL-CLOCK-TIME" to FILE.
  The continuous-typing kill test measures from it how much typing a SIGKILL loses.
- ARTICLE_EDITOR_TEST_NOTE=TEXT: once the window is shown, leave TEXT as a desk note on the
  headline of the (unmodified) document, as the notes panel does.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

TYPE_ENV = "ARTICLE_EDITOR_TEST_TYPE"
TYPE_EVERY_ENV = "ARTICLE_EDITOR_TEST_TYPE_EVERY"
TYPE_LOG_ENV = "ARTICLE_EDITOR_TEST_TYPE_LOG"
NOTE_ENV = "ARTICLE_EDITOR_TEST_NOTE"


def apply(window: MainWindow) -> None:
    """Arm the hooks the environment asks for."""
    text = os.environ.get(TYPE_ENV)
    every = os.environ.get(TYPE_EVERY_ENV)
    if text and every:
        QTimer.singleShot(0, lambda: type_forever(window, text, int(every)))
    elif text:
        QTimer.singleShot(0, lambda: type_text(window, text))
    note = os.environ.get(NOTE_ENV)
    if note:
        QTimer.singleShot(0, lambda: leave_note(window, note))


def type_text(window: MainWindow, text: str) -> None:
    """Type text at the end of the body, one committed character at a time."""
    edit = window.body_editor.text_edit
    edit.setFocus()
    edit.moveCursor(QTextCursor.MoveOperation.End)
    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QCoreApplication.sendEvent(edit, event)


def type_forever(window: MainWindow, text: str, every_ms: int) -> None:
    """Type text again and again, a character every every_ms, logging each keystroke."""
    import itertools
    import time

    log_path = os.environ.get(TYPE_LOG_ENV)
    log = open(log_path, "a", encoding="utf-8") if log_path else None  # noqa: SIM115
    chars = itertools.cycle(text)
    count = itertools.count(1)

    def key() -> None:
        type_text(window, next(chars))
        if log is not None:
            log.write(f"{next(count)} {time.time():.3f}\n")
            log.flush()

    timer = QTimer(window)
    timer.setTimerType(timer.timerType().PreciseTimer)
    timer.timeout.connect(key)
    timer.start(every_ms)


def leave_note(window: MainWindow, text: str) -> None:
    """Leave a note on the whole headline through the document, as the notes panel does.

    Autosave is started first, so the draft depends on the note being announced as a change
    (a document already modified when autosave starts is drafted anyway).
    """
    _ = window.autosaver
    doc = window.document
    doc.add_note("headline", 0, len(doc.article.headline), text)

"""Hooks that let an outside test drive the real app (a subprocess started with `python -m editor`).

Only environment variables switch them on; with none set, `apply` does nothing.

- ARTICLE_EDITOR_TEST_TYPE=TEXT: once the window is shown, type TEXT at the end of the body,
  one input-method commit per character, as a Korean input method delivers it. The crash
  test uses it to make an unsaved change and then waits for its draft.
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
NOTE_ENV = "ARTICLE_EDITOR_TEST_NOTE"


def apply(window: MainWindow) -> None:
    """Arm the hooks the environment asks for."""
    text = os.environ.get(TYPE_ENV)
    if text:
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


def leave_note(window: MainWindow, text: str) -> None:
    """Leave a note on the whole headline through the document, as the notes panel does.

    Autosave is started first, so the draft depends on the note being announced as a change
    (a document already modified when autosave starts is drafted anyway).
    """
    _ = window.autosaver
    doc = window.document
    doc.add_note("headline", 0, len(doc.article.headline), text)

"""UI test set-up: no real modal window ever opens; settings live in tmp.

Every message box and file picker goes through editor.ui.messages; the autouse fixture
replaces its two doors. A test that expects a prompt queues an answer on `prompts`; any
prompt nobody queued an answer for fails the test (after answering Cancel, so nothing hangs).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QWidget

from editor.ui import messages
from editor.ui.document import ArticleDocument
from editor.ui.identity import Role, User
from editor.ui.main_window import MainWindow
from editor.ui.settings import Settings


@dataclass
class Prompts:
    """Answers queued by a test, and every prompt the app showed."""

    answers: deque = field(default_factory=deque)
    files: deque = field(default_factory=deque)
    identities: deque = field(default_factory=deque)
    seen: list = field(default_factory=list)
    unexpected: list = field(default_factory=list)

    def answer(self, *answers: messages.Answer) -> None:
        self.answers.extend(answers)

    def choose(self, *paths: str | Path) -> None:
        self.files.extend(str(p) for p in paths)

    def choose_with_filter(self, path: str | Path, name_filter: str) -> None:
        """Queue a path picked with a filter other than the first left selected."""
        self.files.append((str(path), name_filter))

    def present(self, _parent, message: messages.Message) -> messages.Answer:
        self.seen.append(message)
        if not self.answers:
            self.unexpected.append(f"{message.kind}: {message.title}: {message.text}")
            return (
                messages.Answer.CANCEL
                if messages.Answer.CANCEL in message.answers
                else message.answers[-1]
            )
        return self.answers.popleft()

    def ask_identity(self, _parent, user: User) -> User | None:
        self.seen.append(user)
        if not self.identities:
            self.unexpected.append("identity dialog")
            return None
        return self.identities.popleft()

    def choose_file(self, _parent, request: messages.FileRequest) -> str:
        self.seen.append(request)
        if not self.files:
            self.unexpected.append(f"file picker: {request.title}")
            return ""
        chosen = self.files.popleft()
        if isinstance(chosen, tuple):
            chosen, request.chosen_filter = chosen
        elif request.name_filter:
            request.chosen_filter = request.name_filter.split(";;")[0]  # the picker's default
        return chosen


@pytest.fixture(autouse=True)
def prompts(monkeypatch) -> Prompts:
    """Stand in for every message box, file picker and modal dialog."""
    recorder = Prompts()
    monkeypatch.setattr(messages, "_present", recorder.present)
    monkeypatch.setattr(messages, "_choose", recorder.choose_file)
    monkeypatch.setattr(messages, "_ask_identity", recorder.ask_identity)

    def refuse(self, *_args):
        recorder.unexpected.append(f"modal {type(self).__name__}: {self.windowTitle()}")
        return 0

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    yield recorder
    if recorder.unexpected:
        pytest.fail("unexpected prompt(s): " + "; ".join(recorder.unexpected))


USER = User("박기자", "park@sisacatch.example", Role.REPORTER)


@pytest.fixture(autouse=True)
def settings(tmp_path) -> Settings:
    """Return settings of a reporter who has said who they are (no first-run question).

    Autouse: windows the app makes itself (app.run) read the same file.
    """
    settings = Settings()
    settings.set_user(USER)
    return settings


def placeholder_preview(_doc: ArticleDocument, parent: QWidget) -> QWidget:
    """Stand in for the QtWebEngine preview, which these tests do not need."""
    label = QLabel("preview", parent)
    label.setObjectName("test_preview")
    return label


@pytest.fixture
def make_window(qtbot, settings):
    """Return a factory of shown MainWindows over a fresh document, closed at the end."""

    def make(path: Path | None = None, *, sample: bool = True) -> MainWindow:
        window = MainWindow(settings=settings, preview_factory=placeholder_preview)
        # pytest-qt closes widgets before fixtures tear down; closing must not prompt.
        qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
        if path is not None:
            window.document.load(path)
        elif sample:
            window.document.load_sample()
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: window.preview is not None)
        # A photo opened before the window showed is decoded on a thread (lead_image_panel).
        qtbot.waitUntil(lambda: not window.form.lead_image_panel.thumbnail_pending)
        # The site's sections, guidance and embargo zone come after a warm-up thread
        # (main_window._warm_up): a test reads the form as a reporter sees it a moment later.
        qtbot.waitUntil(lambda: not window.form.site_settings_pending)
        return window

    return make


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def commit_text():
    """Return a function typing Hangul the way an input method delivers it."""
    return _commit_text


@pytest.fixture
def placeholder():
    """Return the stand-in preview factory."""
    return placeholder_preview


def _commit_text(widget: QWidget, text: str) -> None:
    """Type text the way an input method delivers Hangul: one committed syllable at a time."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    for ch in text:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QCoreApplication.sendEvent(widget, event)

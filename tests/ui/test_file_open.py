"""macOS hands documents over by QFileOpenEvent (Finder, the Dock), not on the command line."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from editor.core.model import Article
from editor.storage import write_article
from editor.ui import app, file_open, main_window
from editor.ui.file_open import ArticleApplication
from editor.ui.messages import Answer


@pytest.fixture
def running(qapp, monkeypatch, placeholder):
    """Run the app on the sample without entering its event loop; close what it opened."""
    monkeypatch.setattr(main_window, "_make_preview", placeholder)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    app.run(None)
    yield app._windows
    for window in list(app._windows):
        window.document.set_modified(False)
        window.close()
    QApplication.processEvents()


@pytest.fixture
def story(tmp_path):
    path = tmp_path / "story.article"
    write_article(Article(headline="파인더에서 연 기사", body="본문"), path)
    return path


def _finder_opens(path) -> None:
    QCoreApplication.postEvent(QApplication.instance(), QFileOpenEvent(str(path)))
    QApplication.processEvents()


def test_a_file_from_finder_opens_in_the_untouched_window(running, story):
    [window] = running
    assert window.document.is_untitled and not window.document.is_modified  # the sample
    _finder_opens(story)
    assert running == [window]
    assert window.document.path == story.resolve()
    assert window.document.article.headline == "파인더에서 연 기사"


def test_a_window_with_work_in_it_is_kept_and_a_new_window_opens(running, story, prompts):
    [first] = running
    first.document.set_field("headline", "쓰던 제목")
    _finder_opens(story)
    assert len(running) == 2 and prompts.seen == []  # nothing asked, nothing replaced
    assert first.document.article.headline == "쓰던 제목" and first.document.is_modified
    assert running[-1].document.path == story.resolve()


def test_a_file_already_open_is_not_opened_twice(running, story):
    _finder_opens(story)
    _finder_opens(story)
    assert len(running) == 1 and running[0].document.path == story.resolve()


def test_a_broken_file_from_finder_gives_a_message_and_keeps_the_window(running, tmp_path, prompts):
    broken = tmp_path / "broken.article"
    broken.write_bytes(b"not a zip")
    prompts.answer(Answer.OK)
    _finder_opens(broken)
    assert prompts.seen[-1].title == "Could not open the article"
    assert len(running) == 1 and running[0].document.is_untitled


def test_the_app_hears_file_open_events_once_however_often_it_runs(
    running, story, qapp, monkeypatch
):
    assert isinstance(qapp, ArticleApplication)  # tests run the app's own class
    calls = []
    monkeypatch.setattr(file_open, "open_document", lambda *args: calls.append(args))
    app.install_file_open_events(qapp)
    _finder_opens(story)
    assert len(calls) == 1

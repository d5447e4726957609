"""Start-up: run(path) opens the window on a file or on the sample; the environment it sets."""

from __future__ import annotations

import os
import sys

import pytest
from PySide6.QtWidgets import QApplication

from editor.ui import app, main_window


@pytest.fixture
def started(qapp, monkeypatch, placeholder):
    """Run the app without entering its event loop; close what it opened."""
    monkeypatch.setattr(main_window, "_make_preview", placeholder)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    yield app._windows
    for window in list(app._windows):
        window.document.set_modified(False)
        window.close()
    QApplication.processEvents()


def test_run_without_a_path_opens_the_sample_as_an_untitled_copy(started):
    assert app.run(None) == 0
    window = started[-1]
    assert window.document.is_untitled and not window.document.is_modified
    assert window.windowTitle().startswith("세종시 자율주행 셔틀")


def test_run_opens_a_page_bundle_folder_and_titles_the_window(started, sample_dir):
    assert app.run(sample_dir) == 0
    window = started[-1]
    assert window.document.path == sample_dir.resolve()
    assert (
        window.windowTitle() == "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다 — "
        "autonomous-shuttle[*] [Ready for desk]"  # the sample waits for the desk
    )


def test_an_unreadable_file_still_opens_a_window_with_a_message(started, tmp_path, prompts):
    broken = tmp_path / "broken.article"
    broken.write_bytes(b"nope")
    prompts.answer(prompts_ok())
    app.run(broken)
    assert prompts.seen[-1].title == "Could not open the article"
    assert started[-1].document.article.headline == ""


def test_new_window_opens_a_second_window(started):
    app.run(None)
    first = started[-1]
    first.actions["new_window"].trigger()
    assert len(started) == 2 and started[-1] is not first
    assert started[-1].document.article.body == ""


def test_no_sandbox_only_as_root(monkeypatch):
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--foo")
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    app.configure_environment()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--foo"
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    app.configure_environment()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--foo --no-sandbox"


def test_qt_paints_on_the_ui_thread_itself(monkeypatch):
    # Qt's painter would hand big fills to its pooled threads and sleep until they finish.
    monkeypatch.delenv("QT_NO_GUI_THREADPOOL", raising=False)
    app.configure_environment()
    assert os.environ["QT_NO_GUI_THREADPOOL"] == "1"


def test_a_worker_gives_the_gil_back_to_typing_within_a_millisecond():
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # CPython's default
        app.share_the_gil()
        assert sys.getswitchinterval() <= 0.001
    finally:
        sys.setswitchinterval(before)


def prompts_ok():
    from editor.ui.messages import Answer

    return Answer.OK


def test_the_first_run_asks_who_the_user_is_and_new_articles_take_that_byline(
    qtbot, started, settings, prompts
):
    from editor.ui.identity import Role, User
    from editor.ui.settings import Settings

    settings.set_user(User())  # a first run: nobody said who they are
    prompts.identities.append(User("최기자", "choi@sisacatch.example", Role.REPORTER))
    app.run(None)
    window = started[-1]
    qtbot.waitUntil(lambda: Settings().has_user())
    assert Settings().user() == User("최기자", "choi@sisacatch.example", Role.REPORTER)
    assert window.document.user.name == "최기자"
    window.document.set_modified(False)
    window.new_document()
    [author] = window.document.article.authors
    assert (author.name, author.email) == ("최기자", "choi@sisacatch.example")
    assert not window.review.flow.approve_action.isVisible()  # a reporter submits only
    assert window.review.flow.submit_action.isVisible()

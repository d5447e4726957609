"""Safe saves: outside changes are never overwritten unasked, a full disk loses nothing, and a
document open elsewhere is announced."""

from __future__ import annotations

import errno
import json
import os
import socket
import tempfile

import pytest
from PySide6.QtWidgets import QApplication

from editor.core.model import Article
from editor.storage import read_article, write_article
from editor.storage.lock import lock_path
from editor.storage.safe_save import backup_path
from editor.ui import app, main_window
from editor.ui.messages import Answer


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "story.article"
    write_article(Article(headline="디스크의 제목", body="디스크의 본문"), path)
    return path


@pytest.fixture
def editing(make_window, article_file):
    """Return a window with article_file open and an unsaved change in it."""
    window = make_window(article_file)
    window.document.set_field("headline", "내가 고친 제목")
    return window


def _change_outside(path, headline: str = "다른 프로그램의 제목") -> None:
    write_article(Article(headline=headline, body="밖에서 바뀐 본문"), path)


# Saving over an outside change ------------------------------------------------------------
def test_cancel_leaves_both_versions_alone(qtbot, editing, article_file, prompts):
    _change_outside(article_file)
    prompts.answer(Answer.KEEP, Answer.CANCEL)  # the watcher may ask first; keep editing
    with qtbot.waitSignal(editing.document.changed_on_disk, timeout=3000):
        pass
    assert not editing.save()
    assert read_article(article_file).headline == "다른 프로그램의 제목"
    assert editing.document.is_modified
    assert editing.document.article.headline == "내가 고친 제목"
    titles = [m.title for m in prompts.seen]
    assert titles == ["The file changed on disk", "The file was changed by another program"]


def test_overwrite_writes_ours_and_keeps_theirs_as_backup(qtbot, editing, article_file, prompts):
    editing.document.changed_on_disk.disconnect()  # only the save prompt is under test here
    _change_outside(article_file)
    prompts.answer(Answer.OVERWRITE)
    assert editing.save()
    assert read_article(article_file).headline == "내가 고친 제목"
    assert read_article_bytes(backup_path(article_file)).headline == "다른 프로그램의 제목"
    assert not editing.document.is_modified


def test_save_as_keeps_their_file_and_moves_ours(qtbot, editing, article_file, prompts, tmp_path):
    editing.document.changed_on_disk.disconnect()
    _change_outside(article_file)
    prompts.answer(Answer.SAVE_AS)
    prompts.choose(tmp_path / "mine.article")
    assert editing.save()
    assert read_article(article_file).headline == "다른 프로그램의 제목"
    assert read_article(tmp_path / "mine.article").headline == "내가 고친 제목"
    assert editing.document.path == (tmp_path / "mine.article").resolve()


def read_article_bytes(path):
    copy = path.with_name("copy.article")
    copy.write_bytes(path.read_bytes())
    return read_article(copy)


# The disk says no --------------------------------------------------------------------------
def _enospc(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def _eacces(*_args, **_kwargs):
    raise OSError(errno.EACCES, "Permission denied")


_REAL_OPEN = os.open


def _refuse_create(failure):
    """Fail os.open only where it creates a file (the writer's temp file); reads go through."""

    def guarded(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            failure()
        return _REAL_OPEN(path, flags, *args, **kwargs)

    return guarded


WRITE_FAILURES = [
    ("disk full", "os.fsync", _enospc, "The disk is full; nothing was changed."),
    (
        "disk full at create",
        "os.open",
        _refuse_create(_enospc),
        "The disk is full; nothing was changed.",
    ),
    (
        "permission denied",
        "os.open",
        _refuse_create(_eacces),
        "There is no permission to write here",
    ),
    ("read-only at rename", "os.replace", _eacces, "There is no permission to write here"),
]


@pytest.mark.parametrize(
    ("label", "target", "failure", "words"), WRITE_FAILURES, ids=[c[0] for c in WRITE_FAILURES]
)
def test_a_failed_save_leaves_the_document_open_dirty_and_intact(
    qtbot, editing, article_file, prompts, monkeypatch, label, target, failure, words
):
    before = article_file.read_bytes()
    editing.document.set_body("기차에서 쓴 한 시간 분량의 본문")
    module, name = target.split(".")
    real = {"os": __import__("os"), "tempfile": tempfile}[module]
    monkeypatch.setattr(real, name, failure)
    prompts.answer(Answer.OK)
    assert not editing.save()
    monkeypatch.undo()
    message = prompts.seen[-1]
    assert message.title == "Could not save the article" and words in message.text
    assert "Traceback" not in message.text + message.details
    doc = editing.document
    assert doc.is_modified and doc.path == article_file.resolve()
    assert doc.article.headline == "내가 고친 제목"
    assert doc.article.body == "기차에서 쓴 한 시간 분량의 본문"
    assert article_file.read_bytes() == before  # the old file is whole
    assert [p.name for p in article_file.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert editing.save()  # space freed: the same save now works
    assert read_article(article_file).body == "기차에서 쓴 한 시간 분량의 본문"


# Watching the file -------------------------------------------------------------------------
def test_an_outside_change_offers_to_reload(qtbot, make_window, article_file, prompts):
    window = make_window(article_file)
    prompts.answer(Answer.RELOAD)
    with qtbot.waitSignal(window.document.changed_on_disk, timeout=3000):
        _change_outside(article_file)
    assert window.document.article.headline == "다른 프로그램의 제목"
    assert not window.document.is_modified
    assert "Reload it, or keep" in prompts.seen[-1].text


def test_our_own_saves_are_not_reported(qtbot, editing, article_file):
    with qtbot.assertNotEmitted(editing.document.changed_on_disk, wait=300):
        assert editing.save()
        editing.document.set_field("headline", "두 번째 저장")
        assert editing.save()
    assert read_article(article_file).headline == "두 번째 저장"


def test_a_removed_file_is_reported_and_the_text_stays(qtbot, editing, article_file, prompts):
    prompts.answer(Answer.OK)
    with qtbot.waitSignal(editing.document.changed_on_disk, timeout=3000):
        article_file.unlink()
    assert prompts.seen[-1].title == "The file is gone"
    assert editing.document.article.headline == "내가 고친 제목"
    assert editing.save() and read_article(article_file).headline == "내가 고친 제목"


# Locks ---------------------------------------------------------------------------------------
def _lock_by(path, host: str, pid: int) -> None:
    data = {"host": host, "pid": pid, "user": "kim", "since": "2025-04-04T09:00:00+09:00"}
    lock_path(path).write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("answer", "opened"), [(Answer.CANCEL, False), (Answer.OPEN_ANYWAY, True)], ids=str
)
def test_a_document_open_elsewhere_warns(qtbot, make_window, article_file, prompts, answer, opened):
    window = make_window()
    _lock_by(article_file, "newsroom-pc-7", 4242)
    prompts.answer(answer)
    assert window.open_path(article_file) is opened
    message = prompts.seen[-1]
    assert message.title == "The article is open elsewhere"
    assert "newsroom-pc-7" in message.text and "kim" in message.text
    assert "2025-04-04" in message.text
    assert (window.document.path == article_file.resolve()) is opened
    if not opened:
        assert window.document.article.headline.startswith("세종시")  # untouched


def test_a_stale_lock_is_ignored_and_ours_is_released_on_close(
    qtbot, make_window, article_file, prompts
):
    _lock_by(article_file, socket.gethostname(), 999_999_999)  # its app is gone
    window = make_window()
    assert window.open_path(article_file)
    assert json.loads(lock_path(article_file).read_text())["pid"] != 999_999_999
    window.close()
    assert not lock_path(article_file).exists()
    assert prompts.seen == []


def test_the_command_line_file_is_checked_for_a_lock_too(
    qapp, monkeypatch, placeholder, article_file, prompts
):
    monkeypatch.setattr(main_window, "_make_preview", placeholder)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    _lock_by(article_file, "desk-pc", 77)
    prompts.answer(Answer.CANCEL)
    try:
        assert app.run(article_file) == 0
        window = app._windows[-1]
        assert prompts.seen[-1].title == "The article is open elsewhere"
        assert window.document.is_untitled and window.document.article.headline == ""
        assert json.loads(lock_path(article_file).read_text())["host"] == "desk-pc"  # not ours
    finally:
        for window in list(app._windows):
            window.document.set_modified(False)
            window.close()
        QApplication.processEvents()

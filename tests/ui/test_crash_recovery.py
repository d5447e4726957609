"""The real app, killed with SIGKILL mid-edit, offers the draft at the next start.

The first start is a subprocess (`python -m editor FILE`, offscreen, own data and config
folders, a 200 ms autosave interval in its settings.ini). ARTICLE_EDITOR_TEST_TYPE makes it
type into the body as an input method would (editor/ui/automation.py). Once the draft holds
the text, the whole process group gets SIGKILL: no close event, no cleanup. The second start
runs `app.run()` in this process on the same data folder, with the recovery dialog answered.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from editor.core import review
from editor.core.model import Article
from editor.storage import write_article
from editor.storage.drafts import DraftStore
from editor.storage.lock import DocumentLock, lock_path
from editor.storage.safe_save import fingerprint
from editor.ui import app, main_window
from editor.ui.automation import NOTE_ENV, TYPE_ENV
from editor.ui.recovery import Choice, RecoveryDialog

TYPED = "기차 안에서 쓴 마지막 문장"
NOTE = "출처를 밝혀 주세요"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def _start_app(tmp_path, article, hook: tuple[str, str] = (TYPE_ENV, TYPED)) -> subprocess.Popen:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.ini").write_text(
        "[autosave]\ninterval_ms=200\n[user]\nname=김데스크\nrole=desk\n", encoding="utf-8"
    )
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ARTICLE_EDITOR_CONFIG_DIR=str(config),
        ARTICLE_EDITOR_DATA_DIR=str(tmp_path / "data"),
        ARTICLE_EDITOR_LANG="en",
    )
    env[hook[0]] = hook[1]
    log = (tmp_path / "app.log").open("wb")
    return subprocess.Popen(
        [sys.executable, "-m", "editor", str(article)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: SIGKILL reaches QtWebEngine too
    )


def _draft_with(store: DraftStore, proc: subprocess.Popen, log, found) -> bool:
    if proc.poll() is not None:
        pytest.fail(f"the app exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
    for meta in store.folder.glob("*.json"):
        try:
            if found(store.load(meta.stem)):
                return True
        except Exception:  # noqa: BLE001 - a draft being written is read again on the next poll
            continue
    return False


@pytest.fixture
def second_start(qapp, monkeypatch, placeholder, tmp_path):
    """Run app.run() here on the crashed app's data folder; answer the dialog with Restore."""
    monkeypatch.setenv("ARTICLE_EDITOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(main_window, "_make_preview", placeholder)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    offered: list[list[tuple[str, str | None]]] = []

    def answer(cls, _parent, drafts):
        offered.append([(d.headline, d.origin) for d in drafts])
        return {d.draft_id: Choice.RESTORE for d in drafts}

    monkeypatch.setattr(RecoveryDialog, "run", classmethod(answer))
    yield offered
    for window in list(app._windows):
        window.document.set_modified(False)
        window.close()
    QApplication.processEvents()


@pytest.mark.slow
def test_a_killed_app_offers_its_draft_at_the_next_start(qtbot, tmp_path, second_start):
    article = tmp_path / "shuttle.article"
    write_article(Article(headline="세종시 셔틀 확대", body="첫 문단."), article)
    store = DraftStore(tmp_path / "data" / "drafts")
    proc = _start_app(tmp_path, article)
    try:
        qtbot.waitUntil(
            lambda: _draft_with(store, proc, tmp_path / "app.log", lambda a: TYPED in a.body),
            timeout=60_000,
        )
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    [orphan] = store.orphans()
    assert orphan.headline == "세종시 셔틀 확대" and orphan.origin == str(article.resolve())
    assert orphan.base == fingerprint(article)  # the file as it was read, for the next save
    assert lock_path(article).exists() and DocumentLock(article).holder() is None  # stale

    assert app.run(None) == 0
    qtbot.waitUntil(lambda: bool(second_start))  # offered once the window is painted
    assert second_start == [[("세종시 셔틀 확대", str(article.resolve()))]]
    doc = app._windows[-1].document
    assert doc.path == article.resolve() and doc.is_modified
    assert doc.article.body.endswith(TYPED)
    assert doc.article.body.startswith("첫 문단.")


def _noted(article: Article) -> bool:
    return [n.text for n in review.notes(article)] == [NOTE]


@pytest.mark.slow
def test_a_desk_note_on_an_unmodified_document_survives_kill_9(qtbot, tmp_path, second_start):
    """The note is the only change: it must reach a draft as any keystroke does."""
    article = tmp_path / "shuttle.article"
    write_article(Article(headline="세종시 셔틀 확대", body="첫 문단."), article)
    store = DraftStore(tmp_path / "data" / "drafts")
    proc = _start_app(tmp_path, article, (NOTE_ENV, NOTE))
    try:
        qtbot.waitUntil(
            lambda: _draft_with(store, proc, tmp_path / "app.log", _noted), timeout=60_000
        )
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    assert app.run(None) == 0
    qtbot.waitUntil(lambda: bool(second_start))
    doc = app._windows[-1].document
    assert doc.path == article.resolve() and doc.is_modified
    [note] = review.notes(doc.article)
    assert (note.text, note.author, note.quote) == (NOTE, "김데스크", "세종시 셔틀 확대")

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

from editor.core.errors import DocumentError
from editor.core.model import Article
from editor.storage import read_article
from editor.storage.drafts import DraftStore
from editor.storage.lock import DocumentLock
from editor.storage.safe_save import ChangedOnDiskError, backup_path, fingerprint, save_document


def test_save_keeps_previous_version_as_backup(tmp_path):
    target = tmp_path / "a.article"
    first = save_document(Article(headline="첫 판"), target)
    save_document(Article(headline="둘째 판"), target, expected=first)
    assert read_article(target).headline == "둘째 판"
    backup = backup_path(target)
    backup_copy = tmp_path / "backup.article"
    backup_copy.write_bytes(backup.read_bytes())
    assert read_article(backup_copy).headline == "첫 판"


def test_outside_change_is_noticed_before_overwriting(tmp_path):
    target = tmp_path / "a.md"
    opened = save_document(Article(headline="내 판"), target)
    target.write_text("---\ntitle: 다른 앱의 판\n---\n", encoding="utf-8")
    with pytest.raises(ChangedOnDiskError):
        save_document(Article(headline="내 새 판"), target, expected=opened)
    assert read_article(target).headline == "다른 앱의 판"
    save_document(Article(headline="내 새 판"), target, expected=opened, force=True)
    assert read_article(target).headline == "내 새 판"


def test_full_disk_leaves_old_file_and_says_so(tmp_path, monkeypatch):
    target = tmp_path / "a.article"
    save_document(Article(headline="원본"), target)
    before = target.read_bytes()
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(DocumentError, match="disk is full"):
        save_document(Article(headline="새 판"), target, expected=fingerprint(target))
    monkeypatch.undo()
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.article"]  # no temp file left


def test_drafts_survive_and_are_offered_once_their_app_is_gone(tmp_path):
    store = DraftStore(tmp_path / "drafts")
    draft_id = store.new_id()
    store.save(draft_id, Article(headline="기차에서 쓴 기사", body="본문"), origin=None)
    assert store.orphans() == []  # our own running draft is not offered
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    ).stdout.strip()
    meta = tmp_path / "drafts" / f"{draft_id}.json"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace(f'"pid": {os.getpid()}', f'"pid": {dead}'),
        encoding="utf-8",
    )
    [info] = store.orphans()
    assert info.headline == "기차에서 쓴 기사"
    assert store.load(draft_id).body == "본문"
    store.discard(draft_id)
    assert store.orphans() == []


def test_lock_warns_while_held_and_ignores_stale(tmp_path):
    doc = tmp_path / "a.article"
    doc.write_bytes(b"")
    lock = DocumentLock(doc)
    lock.path.write_text(
        '{"host": "other-laptop", "pid": 1, "user": "kim", "since": ""}', encoding="utf-8"
    )
    holder = lock.holder()
    assert holder is not None and holder.host == "other-laptop"
    import socket

    lock.path.write_text(
        f'{{"host": "{socket.gethostname()}", "pid": 999999999}}', encoding="utf-8"
    )
    assert lock.holder() is None  # stale
    lock.acquire()
    assert lock.holder() is None  # ours
    lock.release()
    assert not lock.path.exists()

"""Draft and lock ownership is judged by process id, boot id and process start time."""

from __future__ import annotations

import json
import os
import socket
import sys

import pytest

from editor.core.model import Article
from editor.storage.drafts import DraftStore
from editor.storage.lock import DocumentLock, boot_id, start_time

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")


def _store_with_draft(tmp_path, **meta_changes):
    store = DraftStore(tmp_path / "drafts")
    draft_id = store.new_id()
    store.save(draft_id, Article(headline="쓰던 기사"), None)
    meta_path = store.folder / f"{draft_id}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(meta_changes)
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    return store, draft_id


def test_a_draft_of_this_running_process_is_not_offered(tmp_path):
    store, _ = _store_with_draft(tmp_path)
    assert store.orphans() == []


@LINUX
def test_a_draft_whose_pid_now_belongs_to_another_process_is_offered(tmp_path):
    """After a reboot the old PID is someone else's (here: our parent, alive, started earlier)."""
    parent = os.getppid()
    store, draft_id = _store_with_draft(tmp_path, pid=parent, started="1")
    assert [d.draft_id for d in store.orphans()] == [draft_id]


@LINUX
def test_a_draft_from_another_boot_is_offered_even_if_its_pid_runs(tmp_path):
    store, draft_id = _store_with_draft(
        tmp_path, pid=os.getpid(), boot="00000000-0000-0000-0000-000000000000"
    )
    assert [d.draft_id for d in store.orphans()] == [draft_id]


@LINUX
def test_the_identity_is_written(tmp_path):
    store, draft_id = _store_with_draft(tmp_path)
    meta = json.loads((store.folder / f"{draft_id}.json").read_text(encoding="utf-8"))
    assert meta["boot"] == boot_id() and meta["started"] == start_time(os.getpid())
    assert meta["started"].isdigit()


@LINUX
def test_a_lock_from_before_a_reboot_is_stale(tmp_path):
    doc = tmp_path / "a.article"
    doc.write_bytes(b"")
    lock = DocumentLock(doc)
    data = {"host": socket.gethostname(), "pid": os.getppid(), "user": "x", "since": ""}
    lock.path.write_text(json.dumps({**data, "boot": boot_id(), "started": "1"}), "utf-8")
    assert lock.holder() is None
    lock.path.write_text(json.dumps({**data, "started": start_time(os.getppid())}), "utf-8")
    assert lock.holder() is not None, "the same process, still running, holds it"


def test_a_lock_file_that_is_a_link_is_never_written_through(tmp_path):
    folder = tmp_path / "bundle"
    folder.mkdir()
    target = tmp_path / "victim.txt"
    target.write_text("keep me", encoding="utf-8")
    (folder / ".article-editor.lock").symlink_to(target)
    lock = DocumentLock(folder)
    assert lock.holder() is None
    lock.acquire()
    assert target.read_text(encoding="utf-8") == "keep me"
    lock.release()

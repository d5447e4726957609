"""`check`'s kept answers: keyed by what they are computed from and by the code computing them."""

from __future__ import annotations

import os
import sys

from editor.storage import memo
from editor.storage.memo import Memo, code_stamp, content_key


def test_answers_are_kept_across_runs_and_a_damaged_file_is_only_forgotten():
    kept = Memo.open()
    assert kept.get("image:x") is None
    kept.put("image:x", [1600, 1000, False])
    kept.save()
    assert Memo.open().get("image:x") == [1600, 1000, False]
    Memo.open().path.write_text("{not json", encoding="utf-8")
    assert Memo.open().entries == {}


def test_a_change_to_the_code_computing_them_starts_afresh(tmp_path, monkeypatch):
    module = tmp_path / "memo_probe_module.py"
    module.write_text("VALUE = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = code_stamp(("memo_probe_module",))
    assert code_stamp(("memo_probe_module",)) == before
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert code_stamp(("memo_probe_module",)) != before
    kept = Memo.open(modules=("memo_probe_module",))
    kept.put("k", 1)
    kept.save()
    module.write_text("VALUE = 22\n", encoding="utf-8")  # another size
    assert Memo.open(modules=("memo_probe_module",)).get("k") is None
    assert "memo_probe_module" not in sys.modules  # stamped without being imported


def test_saving_drops_the_files_of_older_code(tmp_path, monkeypatch):
    module = tmp_path / "memo_probe_two.py"
    module.write_text("A = 1\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = Memo.open(modules=("memo_probe_two",))
    first.put("k", 1)
    first.save()
    module.write_text("A = 12\n", encoding="utf-8")
    second = Memo.open(modules=("memo_probe_two",))
    second.put("k", 2)
    second.save()
    assert sorted(second.path.parent.glob("check-*.json")) == [second.path]


def test_only_the_newest_answers_are_kept(monkeypatch):
    monkeypatch.setattr(memo, "MAX_ENTRIES", 3)
    kept = Memo.open()
    for i in range(5):
        kept.put(f"k{i}", i)
    kept.put("k1", 1)  # used again: newest
    kept.save()
    assert list(Memo.open().entries) == ["k3", "k4", "k1"]


def test_content_keys_differ_with_one_byte():
    assert content_key("image", b"\xff\xd8a") != content_key("image", b"\xff\xd8b")
    assert content_key("image", b"same") == content_key("image", b"same")

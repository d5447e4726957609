"""The frozen app ships shiboken6's support package as files with byte code (no run-time write)."""

from __future__ import annotations

import struct

import build


def test_the_build_ships_the_signature_loader_compiled(tmp_path):
    app_dir = tmp_path / "article-editor"
    (app_dir / "_internal" / "shiboken6").mkdir(parents=True)
    target = build.ship_shiboken_support(app_dir)
    assert target == app_dir / "_internal" / "shiboken6" / "files.dir"
    loader = target / "shibokensupport" / "signature" / "loader.py"
    assert loader.is_file() and (target / "signature_bootstrap.py").is_file()
    compiled = list((loader.parent / "__pycache__").glob("loader.*.pyc"))
    assert compiled, "no byte code: a frozen app writes none, so it would compile every start"
    (flags,) = struct.unpack("<I", compiled[0].read_bytes()[4:8])
    assert flags == 0b01  # hash-based and unchecked: copying the app cannot make it stale


def test_a_folder_without_shiboken_gets_nothing(tmp_path):
    assert build.ship_shiboken_support(tmp_path) is None

"""The command line on hostile files: one clear line, exit 2, nothing written in --out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from editor.cli.main import EXIT_USER_ERROR, main


def _storage_cases() -> list[tuple]:
    """Reuse the hostile documents of tests/storage/test_hostile.py (one table for all layers)."""
    path = Path(__file__).parents[1] / "storage" / "test_hostile.py"
    spec = importlib.util.spec_from_file_location("hostile_documents", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


HOSTILE = _storage_cases()
COMMANDS = [
    ("check", []),
    ("render", ["--out", "{out}/page.html"]),
    ("export", ["--to", "html", "--out", "{out}"]),
    ("export", ["--to", "markdown", "--out", "{out}", "--zip"]),
]


@pytest.mark.parametrize(("label", "data", "error", "words"), HOSTILE, ids=[c[0] for c in HOSTILE])
@pytest.mark.parametrize(
    ("command", "options"), COMMANDS, ids=["check", "render", "export-html", "export-zip"]
)
def test_a_hostile_file_is_one_line_and_nothing_is_written(
    tmp_path, capsys, label, data, error, words, command, options
):
    bad = tmp_path / "bad.article"
    bad.write_bytes(data)
    out = tmp_path / "out"
    out.mkdir()
    args = [command, str(bad), *(o.format(out=out) for o in options)]
    assert main(args) == EXIT_USER_ERROR
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert words.lower() in err.lower() and str(bad) in err
    assert list(out.iterdir()) == []

"""The command line on hostile files: one clear line, exit 2, nothing written in --out."""

from __future__ import annotations

import pytest
from hostile_cases import HOSTILE_DOCUMENTS

from editor.cli.main import EXIT_USER_ERROR, main

HOSTILE = HOSTILE_DOCUMENTS
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

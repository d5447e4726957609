from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from editor.cli.main import main
from editor.storage import read_article


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "editor", *args], capture_output=True, text=True, timeout=120
    )


def test_version(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert "article-editor" in capsys.readouterr().out


def test_new_then_check_reports_errors(tmp_path, capsys):
    target = tmp_path / "기사.article"
    assert main(["new", str(target), "--headline", "새 기사"]) == 0
    assert zipfile.is_zipfile(target)
    assert read_article(target).headline == "새 기사"
    capsys.readouterr()
    assert main(["check", str(target)]) == 1  # the body is empty
    out = capsys.readouterr().out
    assert "error: body: The body is empty." in out


def test_new_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "a.md"
    target.write_text("keep", encoding="utf-8")
    assert main(["new", str(target)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep"


def test_check_sample_passes(sample_dir, capsys):
    assert main(["check", str(sample_dir)]) == 0


@pytest.mark.parametrize("content", [b"not a zip", b"PK\x03\x04broken"])
def test_bad_file_is_one_line_and_no_traceback(tmp_path, content):
    bad = tmp_path / "bad.article"
    bad.write_bytes(content)
    result = run_cli("check", str(bad))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert str(bad) in result.stderr


def test_missing_file_for_gui_is_clear(tmp_path):
    result = run_cli(str(tmp_path / "nope.article"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_render_writes_a_page(tmp_path, sample_dir):
    pytest.importorskip("editor.render.page")
    out = tmp_path / "x.html"
    result = run_cli("render", str(sample_dir), "--layout", "mobile", "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "세종시 자율주행 셔틀" in html and 'lang="ko"' in html


def test_cli_and_export_load_no_qt():
    code = (
        "import sys, editor.cli.main, editor.cli.commands, editor.storage, editor.render.markdown\n"
        "import importlib.util\n"
        "for name in ('editor.export', 'editor.render.page'):\n"
        "    if importlib.util.find_spec(name): __import__(name)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyside_void_calls_do_not_abort():
    """PySide6 6.12.0 on CPython 3.11 aborts (none_dealloc) after thousands of void calls."""
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QObject, QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "obj = QObject()\n"
        "for i in range(20000):\n"
        "    obj.setObjectName('x')\n"
        "    obj.blockSignals(False)\n"
        "print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_pyside_is_bounded_to_releases_run_here():
    """Every PySide6 requirement has an upper bound, and the installed release is inside it."""
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    deps = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    pins = [Requirement(d) for d in deps if Requirement(d).name.lower() == "pyside6"]
    assert pins
    for pin in pins:
        assert any(spec.operator in ("<", "<=", "==") for spec in pin.specifier), str(pin)
        assert pin.specifier.contains(version("PySide6")), str(pin)

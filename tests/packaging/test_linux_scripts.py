"""install.sh and the glibc-checking launcher, run for real on a stand-in app folder."""

from __future__ import annotations

import configparser
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import buildinfo
import pytest

LINUX = buildinfo.PACKAGING / "linux"
pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="POSIX shell scripts for Linux")


def snapshot(root: Path) -> dict[str, str]:
    state = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            state[key] = "link " + os.readlink(path)
        elif path.is_dir():
            state[key] = "dir"
        else:
            state[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    """An unpacked app folder laid out as build.py makes it, with a shell stand-in binary."""
    app = tmp_path / "unpacked" / buildinfo.EXE_NAME
    (app / "app" / "_internal").mkdir(parents=True)
    inner = app / "app" / buildinfo.EXE_NAME
    inner.write_text('#!/bin/sh\necho "frozen app ran with: $*"\n')
    inner.chmod(0o755)
    (app / "app" / "_internal" / "libdemo.so.1").write_bytes(b"\x7fELF demo")
    (app / "app" / "_internal" / "libdemo.so").symlink_to("libdemo.so.1")
    launcher = (LINUX / "article-editor.sh").read_text().replace("@GLIBC_FLOOR@", "2.35")
    (app / buildinfo.EXE_NAME).write_text(launcher)
    (app / buildinfo.EXE_NAME).chmod(0o755)
    share = app / "share"
    for sub, source in (
        ("applications", LINUX / "article-editor.desktop"),
        ("mime/packages", LINUX / "article-editor.xml"),
        ("metainfo", LINUX / f"{buildinfo.APP_ID}.metainfo.xml"),
    ):
        (share / sub).mkdir(parents=True)
        shutil.copy2(source, share / sub)
    icon = share / "icons/hicolor/48x48/apps"
    icon.mkdir(parents=True)
    (icon / "article-editor.png").write_bytes(b"png")
    shutil.copy2(LINUX / "install.sh", app / "install.sh")
    return app


def run_sh(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["sh", *map(str, args)], capture_output=True, text=True, env=env or dict(os.environ)
    )


def desktop_exec(path: Path) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]["Exec"]


def test_install_copies_and_uninstall_leaves_the_prefix_as_it_was(app_dir, tmp_path):
    prefix = tmp_path / "news room's $HOME"
    other = prefix / "share/applications/other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=true\n")
    before = snapshot(prefix)

    result = run_sh(app_dir / "install.sh", prefix)
    assert result.returncode == 0, result.stderr
    shutil.rmtree(app_dir)  # a copy: the unpacked folder may go away
    dest = prefix / "lib" / buildinfo.EXE_NAME
    assert (prefix / "bin/article-editor").resolve() == dest / "article-editor"
    assert (dest / "app/_internal/libdemo.so").is_symlink()
    assert (prefix / "share/icons/hicolor/48x48/apps/article-editor.png").read_bytes() == b"png"
    ran = subprocess.run(
        [prefix / "bin/article-editor", "--version"], capture_output=True, text=True
    )
    assert ran.stdout.strip() == "frozen app ran with: --version"

    result = run_sh(dest / "install.sh", "--uninstall")
    assert result.returncode == 0, result.stderr
    assert snapshot(prefix) == before


def test_exec_is_quoted_as_the_desktop_entry_spec_says(app_dir, tmp_path):
    prefix = tmp_path / 'a "b" $c `d` \\e 100%'
    assert run_sh(app_dir / "install.sh", prefix).returncode == 0
    line = desktop_exec(prefix / "share/applications/article-editor.desktop")
    # Quoting rule: \" \` \$ \\ inside double quotes; string rule: each backslash doubled;
    # a literal % is %%.
    quoted = (
        str(prefix)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("`", "\\`")
        .replace("$", "\\$")
        .replace("\\", "\\\\")
        .replace("%", "%%")
    )
    assert line == f'"{quoted}/bin/article-editor" %f'


def test_install_refuses_to_take_over_a_file_it_did_not_write(app_dir, tmp_path):
    prefix = tmp_path / "prefix"
    foreign = prefix / "share/metainfo" / f"{buildinfo.APP_ID}.metainfo.xml"
    foreign.parent.mkdir(parents=True)
    foreign.write_text("someone else's")
    result = run_sh(app_dir / "install.sh", prefix)
    assert result.returncode != 0
    assert "already exists and was not installed by this script" in result.stderr
    assert foreign.read_text() == "someone else's"


def test_reinstall_replaces_the_earlier_copy(app_dir, tmp_path):
    prefix = tmp_path / "prefix"
    assert run_sh(app_dir / "install.sh", prefix).returncode == 0
    result = run_sh(app_dir / "install.sh", prefix)
    assert result.returncode == 0, result.stderr
    assert "Replacing" in result.stdout


def fake_getconf(tmp_path: Path, answer: str) -> dict[str, str]:
    bin_dir = tmp_path / "fakebin"
    bin_dir.mkdir(exist_ok=True)
    getconf = bin_dir / "getconf"
    getconf.write_text(f"#!/bin/sh\necho '{answer}'\n")
    getconf.chmod(0o755)
    return {"PATH": f"{bin_dir}:/usr/bin:/bin", "LANG": "C.UTF-8"}


def test_launcher_refuses_an_older_glibc_in_one_line(app_dir, tmp_path):
    env = fake_getconf(tmp_path, "glibc 2.31")
    result = subprocess.run(
        [app_dir / "article-editor", "--version"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "article-editor: Article Editor needs the GNU C library (glibc) 2.35 or newer; this "
        "system has glibc 2.31. It runs on Debian 12, Ubuntu 22.04, Fedora 36 or newer."
    ]


def test_launcher_speaks_korean_on_a_korean_system(app_dir, tmp_path):
    env = {**fake_getconf(tmp_path, "glibc 2.28"), "LANG": "ko_KR.UTF-8"}
    result = subprocess.run([app_dir / "article-editor"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "glibc) 2.35 이상이 필요합니다" in result.stderr


@pytest.mark.parametrize("glibc", ["glibc 2.35", "glibc 2.36", "glibc 2.100", "glibc 3.0"])
def test_launcher_starts_the_app_at_or_above_the_floor(app_dir, tmp_path, glibc):
    env = fake_getconf(tmp_path, glibc)
    result = subprocess.run(
        [app_dir / "article-editor", "export", "a b"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "frozen app ran with: export a b"


def test_launcher_refuses_a_system_without_glibc(app_dir, tmp_path):
    env = fake_getconf(tmp_path, "")
    result = subprocess.run([app_dir / "article-editor"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "no glibc" in result.stderr


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to hand the files to another user")
def test_a_system_wide_install_belongs_to_root_not_to_whoever_unpacked_it(app_dir, tmp_path):
    for path in [app_dir, *app_dir.rglob("*")]:
        os.chown(path, 65534, 65534, follow_symlinks=False)
    prefix = tmp_path / "usr local"
    assert run_sh(app_dir / "install.sh", prefix).returncode == 0
    dest = prefix / "lib" / buildinfo.EXE_NAME
    owners = {p.lstat().st_uid for p in [dest, *dest.rglob("*")]}
    assert owners == {0}
    assert not any(p.stat().st_mode & 0o022 for p in dest.rglob("*") if not p.is_symlink())


def test_uninstall_keeps_what_others_added_to_folders_it_created(app_dir, tmp_path):
    prefix = tmp_path / "fresh"
    assert run_sh(app_dir / "install.sh", prefix).returncode == 0
    theirs = prefix / "bin" / "their-tool"
    theirs.symlink_to("/usr/bin/true")  # a link, not a file: must survive too
    their_icon = prefix / "share/icons/hicolor/48x48/apps/their-app.png"
    their_icon.write_bytes(b"theirs")
    dest = prefix / "lib" / buildinfo.EXE_NAME
    assert run_sh(dest / "install.sh", "--uninstall").returncode == 0
    assert theirs.is_symlink()
    assert their_icon.read_bytes() == b"theirs"
    assert not dest.exists()
    assert not (prefix / "bin" / buildinfo.EXE_NAME).exists()
    assert not (prefix / "share/icons/hicolor/48x48/apps/article-editor.png").exists()

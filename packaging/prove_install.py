"""Prove install.sh: a copy into a prefix whose path has a space, launched by `gio launch`,
and an uninstall that leaves the prefix exactly as it was."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import buildinfo
from proofkit import Report, Xvfb, clean_env, find_window, outcome, quit_app, xdotool

PREFIX_NAME = "news room's $HOME (1)"  # a space, a quote, a dollar, brackets: all legal paths
LAUNCH_TIMEOUT = 60.0


def tree(root: Path) -> dict[str, str]:
    """Return every path under root with its kind and content digest, to compare before/after."""
    state = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            state[key] = "link " + os.readlink(path)
        elif path.is_dir():
            state[key] = "dir"
        else:
            state[key] = "file " + hashlib.sha256(path.read_bytes()).hexdigest()
    return state


def check_install(report: Report, app_dir: Path, work: Path) -> None:
    """Install a moved copy of the app into a prefix, run it, gio-launch it, uninstall it."""
    unpacked = work / "unpacked copy" / buildinfo.EXE_NAME
    shutil.copytree(app_dir, unpacked, symlinks=True)
    prefix = work / PREFIX_NAME
    other = prefix / "share" / "applications" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=true\n")
    before = tree(prefix)
    env = {**os.environ, "HOME": str(work)}
    result = subprocess.run(
        ["sh", str(unpacked / "install.sh"), str(prefix)], capture_output=True, text=True, env=env
    )
    shutil.rmtree(unpacked.parent)  # an install is a copy: the unpacked folder may go
    dest = prefix / "lib" / buildinfo.EXE_NAME
    desktop = prefix / "share/applications/article-editor.desktop"
    installed = (
        (dest / buildinfo.EXE_NAME).is_file()
        and (prefix / "bin" / buildinfo.EXE_NAME).resolve() == (dest / buildinfo.EXE_NAME)
        and desktop.is_file()
        and (prefix / "share/icons/hicolor/256x256/apps/article-editor.png").is_file()
        and (dest / "install-manifest.txt").is_file()
    )
    report.record(
        "install.sh copies into the prefix",
        result.returncode == 0 and installed,
        outcome(result, f"{len(tree(prefix)) - len(before)} paths under {prefix.name!r}"),
    )
    version = subprocess.run(
        [str(prefix / "bin" / buildinfo.EXE_NAME), "--version"],
        capture_output=True,
        text=True,
        env=clean_env(work / "home"),
    )
    report.record(
        "installed copy runs with the unpacked folder gone",
        version.stdout.strip() == f"{buildinfo.EXE_NAME} {report.version}",
        outcome(version, version.stdout.strip()),
    )
    mime = prefix / "share/mime/application/x-article-editor.xml"
    report.record("MIME type registered", mime.is_file(), mime.name)
    check_desktop_entry(report, desktop, prefix)
    check_gio_launch(report, desktop, work)
    check_uninstall(report, dest, prefix, before, env)


def check_uninstall(
    report: Report, dest: Path, prefix: Path, before: dict[str, str], env: dict[str, str]
) -> None:
    """The installed copy's `install.sh --uninstall` leaves the prefix's tree as it was."""
    result = subprocess.run(
        ["sh", str(dest / "install.sh"), "--uninstall"], capture_output=True, text=True, env=env
    )
    after = tree(prefix)
    left = sorted(set(after) ^ set(before)) + [k for k in before if after.get(k) != before[k]]
    report.record(
        "uninstall leaves the prefix as it was",
        result.returncode == 0 and not left,
        outcome(result, f"{len(before)} paths before and after")
        if not left
        else f"differs: {left[:5]}",
    )


def check_desktop_entry(report: Report, desktop: Path, prefix: Path) -> None:
    """The installed entry validates and quotes the binary's path as the spec says."""
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    exec_line = next(
        line
        for line in desktop.read_text(encoding="utf-8").splitlines()
        if line.startswith("Exec=")
    )
    quoted = exec_line == f'Exec="{prefix}/bin/{buildinfo.EXE_NAME}" %f'.replace("$", "\\\\$")
    report.record(
        "installed desktop entry valid, Exec quoted",
        result.returncode == 0 and not result.stdout.strip() and quoted,
        outcome(result, exec_line) if quoted else f"unexpected {exec_line!r}",
    )


def check_gio_launch(report: Report, desktop: Path, work: Path) -> None:
    """`gio launch` the installed entry under Xvfb (GLib parses its Exec): a window must open."""
    with Xvfb() as xvfb:
        env = clean_env(work / "gio-home", DISPLAY=xvfb.display)
        started = time.perf_counter()
        # gio returns once the app is spawned; the app inherits its output, so not a pipe.
        with (work / "gio-launch.log").open("w") as log:
            result = subprocess.run(
                ["gio", "launch", str(desktop)],
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                timeout=60,
            )
        window = ""
        deadline = time.monotonic() + LAUNCH_TIMEOUT
        while result.returncode == 0 and not window and time.monotonic() < deadline:
            window = find_window(xvfb.display)
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        if window:
            pid = xdotool(xvfb.display, "getwindowpid", window)
            quit_app(xvfb.display, window)
            if not _wait_gone(xvfb.display) and pid.isdigit():
                os.kill(int(pid), signal.SIGTERM)  # gio's child is not ours to wait for
    detail = f"window in {seconds:.1f} s" if window else (work / "gio-launch.log").read_text()
    report.record("gio launch of the installed entry opens the window", bool(window), detail)


def _wait_gone(display: str) -> bool:
    """Wait for the app's window to go; return whether it went."""
    deadline = time.monotonic() + 15
    while find_window(display) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not find_window(display)

"""The preview's Chromium: one zygote and its renderer, and a page script that can collect."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CHILD = """
import json, os
from pathlib import Path
from editor.ui import app

def helpers():
    found = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().decode(errors="replace").split("\\0")
        except (OSError, NotADirectoryError):
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == os.getpid():
            found.append([a for a in command if a.startswith(("--type=", "--no-zygote"))])
    return found

def arenas():
    # every QtWebEngine process below the app (the renderer is the zygote's child)
    parents, found = {}, []
    for entry in Path("/proc").iterdir():
        try:
            parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, NotADirectoryError):
            continue
    ours, grown = {os.getpid()}, True
    while grown:
        below = {pid for pid, parent in parents.items() if parent in ours} - ours
        ours |= below
        grown = bool(below)
    for pid in sorted(ours - {os.getpid()}):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
            environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\\0")
        except OSError:
            continue
        if b"QtWebEngineProcess" in command:
            value = [e[17:].decode() for e in environ if e.startswith(b"MALLOC_ARENA_MAX=")]
            found.append(value[0] if value else None)
    return found

def report(window):
    def painted():
        from editor.ui.preview.page import WORLD_ID

        found = helpers()
        limits = arenas()
        view = window.preview.active_views()[0]
        answer = lambda kind: (print(json.dumps([found, kind, limits])), os._exit(0))
        view.page().runJavaScript("typeof gc", WORLD_ID, answer)

    window.preview_painted.connect(painted)
    return window

real_open = app.open_window
app.open_window = lambda *a, **k: report(real_open(*a, **k))
app.run(None)
"""


@pytest.fixture(scope="module")
def started_app() -> tuple[list, str, list]:
    """Start the real app; return its Chromium helpers, what `gc` is to the page script and
    each QtWebEngine process's MALLOC_ARENA_MAX."""
    env = {**os.environ, "ARTICLE_EDITOR_SPELLING": "0"}
    env.pop("PYSIDE6_OPTION_LAZY", None)
    env.pop("MALLOC_ARENA_MAX", None)
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, env=env
    )
    assert out.stdout.strip(), out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Chromium's zygotes: Linux")
def test_the_preview_starts_one_zygote_and_no_unsandboxed_one(started_app):
    # The unsandboxed zygote would serve helpers QtWebEngine runs in the app's own process
    # (GPU, network): it only held ~12 MB (docs/performance.md, issue 17's memory part).
    helpers, _gc, _arenas = started_app
    assert helpers == [["--type=zygote"]]


def test_the_preview_script_can_collect_the_garbage_its_patches_leave(started_app):
    # bridge.js calls gc() every 100 patches: without it the renderer grew ~17 MB in 500.
    _helpers, gc_kind, _arenas = started_app
    assert gc_kind == "function"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc arenas")
def test_the_zygote_and_renderer_run_with_one_malloc_arena(started_app):
    # One arena per allocating thread kept ~5 MB of freed memory in the renderer after the
    # sample opened (docs/performance.md, issue 17 session 5).
    _helpers, _gc, limits = started_app
    assert len(limits) >= 2  # the zygote and the renderer it forked
    assert set(limits) == {"1"}

"""The preview's Chromium helpers: one zygote and its renderer, no idle unsandboxed zygote."""

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

def report(window):
    window.preview_painted.connect(lambda: (print(json.dumps(helpers())), os._exit(0)))
    return window

real_open = app.open_window
app.open_window = lambda *a, **k: report(real_open(*a, **k))
app.run(None)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Chromium's zygotes: Linux")
def test_the_preview_starts_one_zygote_and_no_unsandboxed_one(tmp_path):
    # The unsandboxed zygote would serve helpers QtWebEngine runs in the app's own process
    # (GPU, network): it only held ~12 MB (docs/performance.md, issue 17's memory part).
    env = {**os.environ, "ARTICLE_EDITOR_SPELLING": "0"}
    env.pop("PYSIDE6_OPTION_LAZY", None)
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, env=env
    )
    helpers = json.loads(out.stdout.strip().splitlines()[-1])
    assert helpers == [["--type=zygote"]], out.stderr[-2000:]

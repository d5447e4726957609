"""benchmarks/preview_e2e.py sees the edited text painted (its paint detection works)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("site", [[], ["--site", "plain"]], ids=["own-site", "plain"])
def test_the_end_to_end_benchmark_sees_the_edit_painted(tmp_path, site):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ARTICLE_EDITOR_SPELLING="0")
    env["ARTICLE_EDITOR_CONFIG_DIR"] = str(tmp_path / "config")
    env["ARTICLE_EDITOR_DATA_DIR"] = str(tmp_path / "data")
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "preview_e2e.py"), "--sizes", "2000"]
        + ["--repeat", "2"]
        + site,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = json.loads(proc.stdout[proc.stdout.index("\n{") :])["results"]
    assert results["site"] == (site[-1] if site else "")  # its page loaded in that profile
    figures = results["sizes"]["2000"]
    # Each edit waited for a paint of the pixels the patch changed (the script checks them
    # against a grab from before the key), after the debounce and after the patch was sent.
    assert figures["e2e_ms"]["n"] == 2
    for edit in ("min", "max"):
        assert figures["e2e_ms"][edit] > figures["debounce_ms"][edit] > 0
        assert figures["paint_ms"][edit] >= 0 and figures["work_ms"][edit] > 0
        assert figures["page_wait_ms"][edit] >= 0  # the frame began after the patch

"""`article-editor check` measures the headline with no browser: no Qt, no child left behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from editor.storage import read_article, write_article

# Runs check, then reports which Qt modules that process ever loaded and its peak memory.
RUN_CHECK = """
import json, sys
from editor.cli.main import main
status = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))
heavy = sorted({m.split('.')[0] for m in sys.modules} & {'PIL', 'uharfbuzz', 'icu4py', 'ctypes'})
# VmHWM, not ru_maxrss: that one keeps the forking parent's peak across exec.
hwm = [line for line in open('/proc/self/status') if line.startswith('VmHWM')][0]
peak = int(hwm.split()[1]) / 1024
print('REPORT ' + json.dumps({'modules': loaded, 'peak_mb': peak, 'heavy': heavy}))
sys.exit(status)
"""
MAX_RSS_MB = 60


def _session_members(session: int) -> list[int]:
    """Return the processes still in a session (its leader's pid is the session id)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:  # after pid (comm): state ppid pgrp session
            members.append(int(entry.name))
    return members


def _long_headline_article(sample_dir: Path, tmp_path: Path) -> Path:
    article = read_article(sample_dir)
    article.headline = (
        "자율주행 셔틀 세종 도심 달린다 시민 1000명 시승 신청 몰려 운행 구간 두 배로 늘린다"
    )
    target = tmp_path / "long.article"
    write_article(article, target)
    return target


def _run_check(target: Path, *flags: str) -> tuple[dict, str, list[int]]:
    """Run check in its own session; return its report, output and what is left running."""
    report, printed, left = _run_check_status(target, *flags, expect=0)
    return report, printed, left


def _run_check_status(
    target: Path, *flags: str, expect: int | None = None
) -> tuple[dict, str, list[int]]:
    """Run check (any exit status unless expect) like _run_check."""
    proc = subprocess.Popen(
        [sys.executable, "-c", RUN_CHECK, "check", *flags, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    out, err = proc.communicate(timeout=60)
    assert expect is None or proc.returncode == expect, err
    printed, report = out.split("REPORT ", 1)
    return json.loads(report), printed, _session_members(proc.pid)


def test_check_measures_the_headline_without_qt_and_leaves_no_process(sample_dir, tmp_path):
    target = _long_headline_article(sample_dir, tmp_path)
    # --no-spelling: this bounds the headline meter; the dictionaries' cost is the next test's.
    first, out, left = _run_check(target, "--no-spelling")  # unpacks the font's metrics
    assert first["modules"] == []
    assert left == []
    # The meter measured: this headline takes three lines on a 360 px phone (Chromium agrees).
    assert "On a 360 px phone the headline takes 3 lines; aim for 2." in out
    again, out_again, left = _run_check(target, "--no-spelling")
    assert (again["modules"], left, out_again) == ([], [], out)
    assert again["peak_mb"] <= MAX_RSS_MB


def test_check_with_spelling_loads_no_qt_leaves_no_process_and_remembers(sample_dir, tmp_path):
    article = read_article(sample_dir)
    article.headline = "셔틀 운행 계획 확정됬다"
    target = tmp_path / "typo.article"
    write_article(article, target)
    first, out, left = _run_check(target)  # loads the dictionaries: every word is new
    assert (first["modules"], left) == ([], [])
    assert "warning: headline: Spelling: “확정됬다” in “셔틀 운행 계획 확정됬다”" in out
    assert first["peak_mb"] > MAX_RSS_MB  # Hunspell's spellcheck-ko is in memory
    # The same words again: the kept verdicts answer, no dictionary loads, same findings.
    again, out_again, left = _run_check(target)
    assert (again["modules"], left, out_again) == ([], [], out)
    assert again["peak_mb"] <= MAX_RSS_MB


def test_a_recheck_answers_from_kept_facts_and_a_changed_image_is_looked_at_again(
    sample_dir, tmp_path
):
    story = tmp_path / "story"
    shutil.copytree(sample_dir, story)
    first, out, _left = _run_check(story)
    assert {"PIL", "uharfbuzz", "ctypes"} <= set(first["heavy"])  # nothing kept yet
    again, out_again, left = _run_check(story)
    # The same story: the same lines, from the kept image facts, line count and verdicts,
    # with neither Pillow, HarfBuzz, ICU nor Hunspell's binding loaded.
    assert (out_again, left, again["modules"], again["heavy"]) == (out, [], [], [])
    lead = next(
        p for p in sorted((story / "images").iterdir()) if p.suffix in (".jpg", ".jpeg", ".png")
    )
    lead.write_bytes(lead.read_bytes()[:200])  # cut short: not an image any more
    broken, out_broken, left = _run_check_status(story)
    assert "PIL" in broken["heavy"] and left == []
    assert out_broken != out and "error: " in out_broken

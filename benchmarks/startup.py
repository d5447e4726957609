"""Cold start: the editor's first paint against a bare PySide6 window, and the preview's.

Run: .venv/bin/python benchmarks/startup.py [--runs 7] [--instructions]

Each run starts two fresh processes, one after the other: a bare QWidget window, and the
app on its bundled sample (`python -m editor` with ARTICLE_EDITOR_STARTUP_PROBE=1, which
prints time.monotonic() at the window's first painted frame and when the preview has painted
its first page, then quits). Times count from just before the process is started, so they
include the interpreter and every import (byte code cached, as installed). Prints min / median / max of each and of the
ratio editor / bare within each run. Targets: ratio ≤ 1.3 (issue 9), preview ≤ 600 ms
(issue 17; the peers are compared in benchmarks/peers.py). A third process, a bare
QWebEngineView painting a small static page, shows Chromium's own floor in the same run.

The user's cache folder is the benchmark's own (CACHE, kept between runs like a user's):
the preview shows the page it kept from the last opening of the article first
(editor/ui/preview/page_cache.py), and the picture of the pane it kept with it
(preview/picture.py) in the window's first frame: "preview shown (kept picture)" is that
frame, "preview page painted" Chromium's live page, which takes the picture's place when
the two are the same pixels. The warm-up start runs long enough to keep both; a fourth
process per run opens the article with nothing kept (its first opening ever).

--instructions counts instead, under callgrind, the instructions each process runs up to
its window's first paint event: the figure that holds on a loaded machine (~2 minutes).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PYCACHE = Path(tempfile.gettempdir()) / "article-editor-bench-pycache"
CACHE = Path(tempfile.gettempdir()) / "article-editor-bench-cache"
BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QWidget
from editor.ui.first_paint import after_first_paint  # the editor's own first-paint hook

def done():
    print(f"probe window_painted {time.monotonic():.6f}", flush=True)
    app.quit()

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1280, 800)
after_first_paint(window, done, None)  # no fallback: under callgrind it would come first
window.show()
app.exec()
"""

# Chromium's own floor: a bare QWebEngineView on a small static page, same flags and paint
# hook as the app's preview (its page's first paint after loadFinished).
BARE_WEB = """
import os, sys, time
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
from editor.ui import app as editor_app
from PySide6.QtWebEngineWidgets import QWebEngineView
from editor.ui.first_paint import after_first_paint

def painted():
    print(f"probe preview_painted {time.monotonic():.6f}", flush=True)
    os._exit(0)

app = QApplication(sys.argv[:1])
editor_app.configure_environment()
editor_app.configure_webengine()
view = QWebEngineView()
view.resize(720, 800)
view.loadFinished.connect(lambda ok: after_first_paint(view.focusProxy() or view, painted, None))
view.setHtml("<!doctype html><meta charset=utf-8><h1>Headline</h1><p>" + "Body text. " * 200)
view.show()
app.exec()
"""


def run_probe(
    command: list[str], env: dict[str, str], needed: str = "window_painted"
) -> dict[str, float]:
    """Start a process; return ms from start to each probe line it printed, and its CPU ms.

    The process ends at its last probe, so its CPU time (user + system, all its threads:
    Chromium's browser side included, not the renderer processes it leaves) is what it
    spent up to then: a figure the machine's load inflates far less than wall time.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    stamps: dict[str, float] = {"cpu": cpu * 1000}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "probe":
            stamps[parts[1]] = (float(parts[2]) - started) * 1000
        elif len(parts) == 3 and parts[0] == "probe-info":  # a figure, not a time
            stamps[parts[1]] = float(parts[2])
    if needed not in stamps:
        raise RuntimeError(f"no probe from {command}: {proc.stderr[-2000:]}")
    return stamps


def one_run(probe: str = "1") -> dict[str, float]:
    """Start the bare window and the editor once each; return their times and the ratio."""
    with tempfile.TemporaryDirectory(prefix="article-editor-start-") as base:
        env = dict(os.environ)
        env["ARTICLE_EDITOR_CONFIG_DIR"] = str(Path(base) / "config")
        env["ARTICLE_EDITOR_DATA_DIR"] = str(Path(base) / "data")
        env["ARTICLE_EDITOR_CACHE_DIR"] = str(CACHE)
        env["ARTICLE_EDITOR_STARTUP_PROBE"] = probe
        benchlib.seed_user(Path(base) / "config")
        # Byte code cached as an installed app has it (pip and PyInstaller compile it),
        # in a folder of its own so the checkout stays clean.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
        bare = run_probe([sys.executable, "-c", BARE], env)["window_painted"]
        editor = run_probe([sys.executable, "-m", "editor"], env)
        web = run_probe([sys.executable, "-c", BARE_WEB], env, "preview_painted")
        with benchlib.nothing_kept(CACHE):  # the article's first opening: no page, no picture
            first = run_probe([sys.executable, "-m", "editor"], env)
    return {
        "bare_ms": bare,
        "bare_web_ms": web["preview_painted"],
        "editor_ms": editor["window_painted"],
        "ratio": editor["window_painted"] / bare,
        "preview_ms": editor.get("preview_painted", float("nan")),
        "picture_ms": editor.get("picture_shown", float("nan")),
        "picture_swap_ms": editor.get("picture_swapped", float("nan")),
        "picture_differing": editor.get("picture_differing", float("nan")),
        "picture_look_up_ms": editor.get("picture_look_up_ms", float("nan")),
        "picture_look_up_cpu_ms": editor.get("picture_look_up_cpu_ms", float("nan")),
        "first_preview_ms": first.get("preview_painted", float("nan")),
        "first_cpu_ms": first["cpu"],
        "ui_cpu_after_window_ms": _ui_cpu_after_window(editor),
        "first_ui_cpu_after_window_ms": _ui_cpu_after_window(first),
        "renderer_cpu_ms": editor.get("renderer_cpu_ms", float("nan")),
        "first_renderer_cpu_ms": first.get("renderer_cpu_ms", float("nan")),
        "editor_cpu_ms": editor["cpu"],
        "bare_web_cpu_ms": web["cpu"],
    }


def _ui_cpu_after_window(stamps: dict[str, float]) -> float:
    """Return the UI thread's CPU ms from the window's first frame to the painted page."""
    painted = stamps.get("preview_painted_ui_cpu_ms", float("nan"))
    return painted - stamps.get("window_painted_ui_cpu_ms", float("nan"))


def instructions(command: list[str], env: dict[str, str]) -> int:
    """Return the instructions callgrind counts in a process (its threads, not its children)."""
    with tempfile.TemporaryDirectory(prefix="article-editor-callgrind-") as out:
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}/cg", *command],
            env=env,
            capture_output=True,
            text=True,
            timeout=1800,
            cwd=REPO,
        )
    for line in proc.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise RuntimeError(f"callgrind gave no count for {command}: {proc.stderr[-2000:]}")


def count_instructions() -> dict[str, float]:
    """Count instructions to the first paint event: the bare window's and the editor's.

    The editor runs with ARTICLE_EDITOR_STARTUP_PROBE=paint-event (it ends at the window's
    first paint event, no timer involved), so the count does not depend on the machine's
    load: what decisions on a shared machine are taken on.
    """
    with tempfile.TemporaryDirectory(prefix="article-editor-start-") as base:
        env = dict(os.environ)
        env.update(
            ARTICLE_EDITOR_CONFIG_DIR=str(Path(base) / "config"),
            ARTICLE_EDITOR_DATA_DIR=str(Path(base) / "data"),
            PYTHONPYCACHEPREFIX=str(PYCACHE),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        benchlib.seed_user(Path(base) / "config")
        env["ARTICLE_EDITOR_STARTUP_PROBE"] = "1"
        run_probe([sys.executable, "-m", "editor"], env)  # byte code and fonts cached
        env["ARTICLE_EDITOR_STARTUP_PROBE"] = "paint-event"
        bare = instructions([sys.executable, "-c", BARE], env)
        editor = instructions([sys.executable, "-m", "editor"], env)
    return {"bare_instructions": bare, "editor_instructions": editor, "ratio": editor / bare}


def table(results: dict[str, dict[str, float]]) -> str:
    """Return the Markdown table: one row per measure."""
    rows = [
        ("bare PySide6 window, first paint", "bare_ms", "ms", ""),
        ("editor window, first paint", "editor_ms", "ms", ""),
        ("ratio editor / bare (same run)", "ratio", "×", "≤ 1.3"),
        (
            "preview page painted (the article's page kept from its last opening)",
            "preview_ms",
            "ms",
            "≤ 600",
        ),
        (
            "preview shown (kept picture): the window's frame that painted it",
            "picture_ms",
            "ms",
            "≤ 600",
        ),
        ("the kept picture gave way to the live page (same pixels)", "picture_swap_ms", "ms", ""),
        ("pixels differing between the picture and the live page", "picture_differing", "", "0"),
        ("reading the kept picture inside the first frame", "picture_look_up_ms", "ms", ""),
        ("the same, UI-thread CPU", "picture_look_up_cpu_ms", "ms", ""),
        (
            "preview page painted, the article's first opening (nothing kept)",
            "first_preview_ms",
            "ms",
            "",
        ),
        ("bare QWebEngineView, static page painted (Chromium's floor)", "bare_web_ms", "ms", ""),
        ("app process CPU, exec → preview painted", "editor_cpu_ms", "ms", ""),
        ("app process CPU, exec → preview painted, first opening", "first_cpu_ms", "ms", ""),
        ("UI-thread CPU, window painted → preview painted", "ui_cpu_after_window_ms", "ms", ""),
        ("the same, first opening", "first_ui_cpu_after_window_ms", "ms", ""),
        ("Chromium's zygote + renderer CPU at the painted page", "renderer_cpu_ms", "ms", ""),
        ("the same, first opening", "first_renderer_cpu_ms", "ms", ""),
        ("bare QWebEngineView process CPU, exec → painted", "bare_web_cpu_ms", "ms", ""),
    ]
    lines = ["| measure | median [min–max] | target |", "|---|---|---|"]
    for label, key, unit, target in rows:
        lines.append(f"| {label} | {benchlib.cell(results[key])} {unit} | {target} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print its table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="count instructions to the first paint event under callgrind instead (slow)",
    )
    args = parser.parse_args(argv)
    benchlib.prepare_environment()
    if args.instructions:
        counts = count_instructions()
        rows = [
            f"| {k} | {v:,.0f} |" if v > 100 else f"| {k} | {v:.2f} |" for k, v in counts.items()
        ]
        benchlib.emit(
            "startup_instructions", counts, "\n".join(["| measure | count |", "|---|---|", *rows])
        )
        return 0
    # Warm the disk cache (a cold start here means a fresh process, not a cold disk), and
    # run long enough for the preview to keep the sample's page, as a user's start does.
    one_run("settle")
    samples: dict[str, list[float]] = {
        "bare_ms": [],
        "editor_ms": [],
        "ratio": [],
        "preview_ms": [],
        "picture_ms": [],
        "picture_swap_ms": [],
        "picture_differing": [],
        "picture_look_up_ms": [],
        "picture_look_up_cpu_ms": [],
        "first_preview_ms": [],
        "first_cpu_ms": [],
        "ui_cpu_after_window_ms": [],
        "first_ui_cpu_after_window_ms": [],
        "renderer_cpu_ms": [],
        "first_renderer_cpu_ms": [],
        "bare_web_ms": [],
        "editor_cpu_ms": [],
        "bare_web_cpu_ms": [],
    }
    for _ in range(args.runs):
        for key, value in one_run().items():
            samples[key].append(value)
    results = {key: benchlib.summarise(values) for key, values in samples.items()}
    targets = {
        "ratio_le_1_3": results["ratio"]["median"] <= 1.3,
        "preview_le_600ms": results["preview_ms"]["median"] <= 600,
        "picture_le_600ms": results["picture_ms"]["median"] <= 600,
    }
    benchlib.emit("startup", {**results, "targets": targets}, table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

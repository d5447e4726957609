"""Replace-all cost: `.venv/bin/python benchmarks/replace.py [--runs 5] [--size 100000]`.

The real MainWindow (highlighter, status bar, live QtWebEngine preview) holds a generated
Korean body of --size characters. The find bar replaces every match of a query at once; the
UI thread's work is timed: the replace itself, the search again that recounts the matches,
and every event it posted (layout, repaint). Target (issue 16): ≤ 50 ms at 100,000 chars.
The highlighting of changed paragraphs off screen is left to the event loop in slices of a few
ms (editor/ui/highlighter.py); its CPU time is reported beside, not hidden.
Each run undoes the replacement first so every run starts from the same text.
"""

from __future__ import annotations

import argparse
import sys
import time

import benchlib

benchlib.prepare_environment()

from keystrokes import open_window  # noqa: E402

from editor.ui.app import create_application  # noqa: E402

CASES = (
    ("했다 → 하였다 (frequent)", "했다", "하였다", False),
    ("세종시 → 세종특별자치시 (frequent)", "세종시", "세종특별자치시", False),
    (r"regex (\d+)km → \1㎞ (rare)", r"(\d+)km", r"\1㎞", True),
)


SLICES: list[float] = []  # CPU seconds of each highlighting slice after the last replace-all


def count_slices() -> None:
    """Time each slice of deferred highlighting (the spin also runs the preview's work)."""
    from editor.ui.highlighter import MarkdownHighlighter

    plain = MarkdownHighlighter._highlight_slice

    def timed(self) -> None:  # noqa: ANN001
        started = time.thread_time()
        plain(self)
        SLICES.append(time.thread_time() - started)

    MarkdownHighlighter._highlight_slice = timed


def settle(window) -> None:
    """Wait until the preview has rendered and the editor has highlighted every paragraph."""
    preview, highlighter = window.preview, window.body_editor.text_edit.highlighter
    benchlib.spin(
        lambda: (
            not (preview.body_render.running or preview.timer.isActive() or highlighter.pending)
        ),
        what="the preview and the highlighter to settle",
    )


def time_case(window, bar, find: str, replace: str, regex: bool) -> tuple[float, float, int, float]:
    """Return wall ms, UI-thread CPU ms, the number of replacements of one replace-all, and
    the CPU ms of the highlighting it left for the event loop (in slices of ~3 ms)."""
    from PySide6.QtCore import QCoreApplication

    settle(window)
    bar.open_find(replace=True)
    bar.regex_check.setChecked(regex)
    bar.find_edit.setText(find)
    bar.replace_edit.setText(replace)
    QCoreApplication.sendPostedEvents()
    cpu = time.thread_time()
    started = time.perf_counter()
    count = bar.replace_everything()
    QCoreApplication.sendPostedEvents()
    wall = (time.perf_counter() - started) * 1000
    cpu_ms = (time.thread_time() - cpu) * 1000
    tail = time.thread_time()
    benchlib.spin(
        lambda: not window.body_editor.text_edit.highlighter.pending, what="the highlighter"
    )
    tail_ms = (time.thread_time() - tail) * 1000
    window.body_editor.text_edit.undo()
    benchlib.idle(0.3)
    return wall, cpu_ms, count, tail_ms


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args(argv)
    app = create_application(["bench"])
    from editor.ui.find_bar import find_bar_of

    count_slices()
    window = open_window(args.size)  # spell check on and its underlines in, as typing.py
    if window.spelling is not None:
        underliner = window.spelling.underliner
        body = window.body_editor.text_edit
        benchlib.spin(lambda: bool(underliner.underlined(body)), timeout=60, what="the underlines")
    benchlib.idle(1.0)
    bar = find_bar_of(window)
    results, rows = {}, []
    for label, find, replace, regex in CASES:
        walls, cpus, tails, count = [], [], [], 0
        for _ in range(args.runs):
            wall, cpu_ms, count, tail_ms = time_case(window, bar, find, replace, regex)
            walls.append(wall)
            cpus.append(cpu_ms)
            tails.append(tail_ms)
        results[label] = {
            "matches": count,
            "wall_ms": benchlib.summarise(walls),
            "cpu_ms": benchlib.summarise(cpus),
            "deferred_highlight_cpu_ms": benchlib.summarise(tails),
        }
        rows.append(
            f"| {label} | {count} | {benchlib.cell(results[label]['wall_ms'])} | "
            f"{benchlib.cell(results[label]['cpu_ms'])} | "
            f"{benchlib.cell(results[label]['deferred_highlight_cpu_ms'])} |"
        )
    table = "\n".join(
        [
            f"Replace all in a {args.size:,}-character body ({args.runs} runs; ms)",
            "| case | matches | wall ms median [min–max] | UI CPU ms | then, in slices |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    spelling = window.spelling is not None
    benchlib.emit("replace", {"size": args.size, "spelling": spelling, "cases": results}, table)
    window.document.set_modified(False)
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Replace-all cost: `.venv/bin/python benchmarks/replace.py [--runs 5] [--size 100000]`.

The real MainWindow (highlighter, status bar, live QtWebEngine preview) holds a generated
Korean body of --size characters. The find bar replaces every match of a query at once; the
UI thread's work is timed: the replace itself, the search again that recounts the matches,
and every event it posted (layout, repaint). Target (issue 16): ≤ 50 ms at 100,000 chars.
Each run undoes the replacement first so every run starts from the same text.
"""

from __future__ import annotations

import argparse
import sys
import time

import benchlib

benchlib.prepare_environment()

from korean_body import korean_body  # noqa: E402

from editor.ui.app import create_application  # noqa: E402

CASES = (
    ("했다 → 하였다 (frequent)", "했다", "하였다", False),
    ("세종시 → 세종특별자치시 (frequent)", "세종시", "세종특별자치시", False),
    (r"regex (\d+)km → \1㎞ (rare)", r"(\d+)km", r"\1㎞", True),
)


def time_case(window, bar, find: str, replace: str, regex: bool) -> tuple[float, float, int]:
    """Return wall ms, UI-thread CPU ms and the number of replacements of one replace-all."""
    from PySide6.QtCore import QCoreApplication

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
    window.body_editor.text_edit.undo()
    benchlib.idle(0.3)
    return wall, cpu_ms, count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args(argv)
    app = create_application(["bench"])
    from editor.ui.find_bar import find_bar_of
    from editor.ui.main_window import MainWindow

    window = MainWindow()
    window.document.load_sample()
    window.document.set_body(korean_body(args.size))
    window.resize(1440, 900)
    window.show()
    benchlib.spin(lambda: window.preview is not None, what="the preview widget")
    benchlib.idle(1.0)
    bar = find_bar_of(window)
    results, rows = {}, []
    for label, find, replace, regex in CASES:
        walls, cpus, count = [], [], 0
        for _ in range(args.runs):
            wall, cpu_ms, count = time_case(window, bar, find, replace, regex)
            walls.append(wall)
            cpus.append(cpu_ms)
        results[label] = {
            "matches": count,
            "wall_ms": benchlib.summarise(walls),
            "cpu_ms": benchlib.summarise(cpus),
        }
        rows.append(
            f"| {label} | {count} | {benchlib.cell(results[label]['wall_ms'])} | "
            f"{benchlib.cell(results[label]['cpu_ms'])} |"
        )
    table = "\n".join(
        [
            f"Replace all in a {args.size:,}-character body ({args.runs} runs; ms)",
            "| case | matches | wall ms median [min–max] | UI CPU ms |",
            "|---|---|---|---|",
            *rows,
        ]
    )
    benchlib.emit("replace", {"size": args.size, "cases": results}, table)
    window.document.set_modified(False)
    window.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())

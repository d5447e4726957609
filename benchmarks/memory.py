"""Memory: proportional set size of the app and its QtWebEngine processes, and a leak check.

Run: .venv/bin/python benchmarks/memory.py [--edits 500] [--runs 3]

Each run is a fresh process (this script with --child): the real MainWindow opens the
bundled sample with the live preview; once the page is shown the PSS (from
/proc/<pid>/smaps_rollup) of the process and every descendant (the QtWebEngine zygote,
renderer, GPU and utility processes) is summed. Then the body is edited `edits` times (a
character typed through the input method, the preview refreshed and patched each time) and
PSS is summed again. Prints min / median / max over runs. Targets (issue 9): after opening
≤ 350 MB; growth over 500 refreshes ≤ 10%.

PSS splits shared pages among the processes mapping them: while other Qt or QtWebEngine
programs run (colleagues' tests), the app's share of the ~150 MB of QtWebEngine libraries
drops. The anonymous part (heap, JS heap, caches) does not depend on that, so it is printed
too, with its growth: the steadier leak check on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402


def descendants(root: int) -> list[int]:
    """Return root and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def foreign_webengine_processes(root: int) -> int:
    """Count QtWebEngine processes not ours: they share our libraries and lower our PSS."""
    ours = set(descendants(root))
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) not in ours:
            try:
                count += b"QtWebEngineProcess" in (entry / "cmdline").read_bytes()
            except OSError:
                continue
    return count


def pss_mb(root: int) -> tuple[float, float]:
    """Return the summed PSS and its anonymous part, in MB, of root and its descendants."""
    total_kb = anon_kb = 0
    for pid in descendants(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total_kb += int(line.split()[1])
                elif line.startswith("Pss_Anon:"):
                    anon_kb += int(line.split()[1])
        except OSError:
            continue  # a process that ended meanwhile
    return total_kb / 1024, anon_kb / 1024


def edit_and_refresh(window, pane, n: int) -> None:
    """Type one character at the end of the body's middle paragraph; wait for the patch."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    patched: list[str] = []
    pane.page_updated.connect(patched.append)
    event = QInputMethodEvent()
    event.setCommitString("가나다라마바사"[n % 7])
    QCoreApplication.sendEvent(window.body_editor.text_edit, event)
    pane.flush()
    benchlib.spin(lambda: bool(patched), what="the preview patch")
    pane.page_updated.disconnect(patched.append)


def child(edits: int) -> dict[str, float]:
    """Open the sample in the real window, measure, edit, measure again."""
    benchlib.prepare_environment()
    from keystrokes import place_cursor

    from editor.ui.app import create_application
    from editor.ui.main_window import MainWindow

    app = create_application()
    window = MainWindow()
    window.document.load_sample()
    window.resize(1440, 900)
    window.show()
    benchlib.spin(lambda: window.preview is not None, what="the preview widget")
    pane = window.preview
    benchlib.spin(lambda: all(v.is_ready for v in pane.active_views()), what="the page")
    benchlib.idle(1.5)
    opened, opened_anon = pss_mb(os.getpid())
    sharing = foreign_webengine_processes(os.getpid())
    place_cursor(window)
    for n in range(edits):
        edit_and_refresh(window, pane, n)
    benchlib.idle(1.5)
    after, after_anon = pss_mb(os.getpid())
    sharing = max(sharing, foreign_webengine_processes(os.getpid()))
    window.document.set_modified(False)
    del app
    return {
        "opened_mb": opened,
        "after_edits_mb": after,
        "growth_pct": (after / opened - 1) * 100,
        "opened_anon_mb": opened_anon,
        "anon_growth_pct": (after_anon / opened_anon - 1) * 100,
        "foreign_webengine_processes": sharing,  # > 0: PSS of that run is lowered by sharing
    }


def table(results: dict[str, dict[str, float]], edits: int) -> str:
    """Return the Markdown table."""
    return "\n".join(
        [
            "| measure | median [min–max] | target |",
            "|---|---|---|",
            f"| PSS after opening the sample (app + QtWebEngine) | {benchlib.cell(results['opened_mb'])} MB | ≤ 350 MB |",
            f"| PSS after {edits} preview refreshes | {benchlib.cell(results['after_edits_mb'])} MB | |",
            f"| growth | {benchlib.cell(results['growth_pct'])} % | ≤ 10 % |",
            f"| of which anonymous memory, after opening | {benchlib.cell(results['opened_anon_mb'])} MB | |",
            f"| anonymous memory growth | {benchlib.cell(results['anon_growth_pct'])} % | (≤ 10 %) |",
            "| other QtWebEngine processes while measuring (0 = measured alone) | "
            f"{benchlib.cell(results['foreign_webengine_processes'])} | |",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark in fresh processes; print its table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print("RESULT " + json.dumps(child(args.edits)), flush=True)
        os._exit(0)  # the figures are out; skip tearing QtWebEngine down
    samples: dict[str, list[float]] = {}
    command = [sys.executable, __file__, "--child", "--edits", str(args.edits)]
    for _ in range(args.runs):
        out = subprocess.run(command, capture_output=True, text=True, timeout=900).stdout
        line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
        for key, value in json.loads(line[len("RESULT ") :]).items():
            samples.setdefault(key, []).append(value)
    results = {key: benchlib.summarise(values) for key, values in samples.items()}
    targets = {
        "opened_le_350mb": results["opened_mb"]["max"] <= 350,
        "growth_le_10pct": results["growth_pct"]["max"] <= 10,
    }
    benchlib.emit(
        "memory", {**results, "edits": args.edits, "targets": targets}, table(results, args.edits)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

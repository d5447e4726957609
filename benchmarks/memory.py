"""Memory: proportional set size of the app and its QtWebEngine processes, and a leak check.

Run: .venv/bin/python benchmarks/memory.py [--edits 500] [--runs 3]

Each run is a fresh process (this script with --child): the real MainWindow opens the
bundled sample with the live preview and the spell check on; once the page is shown and the
spell process has answered its first check (its dictionaries loaded), the PSS (from
/proc/<pid>/smaps_rollup) of the process and every descendant (the spell process, the
QtWebEngine zygote, renderer, GPU and utility processes) is summed, and printed per process
kind. Then the body is edited `edits` times (a character typed through the input method, the
preview refreshed and patched each time) and PSS is summed again. Prints min / median / max
over runs. Targets (issue 9): after opening ≤ 350 MB; growth over 500 refreshes ≤ 10%.

The runs share one cache folder (dictionaries unpacked, templates compiled: an everyday
start, after one uncounted warm-up run), but each starts without the spell verdicts earlier
runs saved: the dictionaries load as they do for a story with words not judged before.

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
import tempfile
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402


def foreign_webengine_processes(root: int) -> int:
    """Count QtWebEngine processes not ours: they share our libraries and lower our PSS."""
    ours = set(benchlib.descendants(root))
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) not in ours:
            try:
                count += b"QtWebEngineProcess" in (entry / "cmdline").read_bytes()
            except OSError:
                continue
    return count


def rollup(pid: int) -> dict[str, int]:
    """Return a process's smaps_rollup fields in kB (empty if it ended meanwhile)."""
    fields = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[1].isdigit():
                fields[parts[0].rstrip(":")] = int(parts[1])
    except OSError:
        pass
    return fields


def process_kind(pid: int, root: int, parents: dict[int, int]) -> str:
    """Name what a process of the app is: ui, spell, zygote, renderer or another helper."""
    if pid == root:
        return "ui"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return "other"
    if b"editor.storage.spell_worker" in command or b"--spell-worker" in command:
        return "spell"
    kind = next((a[7:].decode() for a in command if a.startswith(b"--type=")), "other")
    if kind == "zygote" and parents.get(pid) != root:
        return "renderer"  # forked by the zygote, it keeps the zygote's command line
    return kind


def pss_by_process(root: int) -> dict[str, dict[str, float]]:
    """Return PSS, its anonymous and file-backed parts (MB) per process kind, and the total."""
    parents = {pid: benchlib.parent_of(pid) for pid in benchlib.descendants(root)}
    kinds: dict[str, dict[str, float]] = {}
    for pid in parents:
        fields = rollup(pid)
        if not fields:
            continue
        for name in (process_kind(pid, root, parents), "total"):
            row = kinds.setdefault(name, {"pss": 0.0, "anon": 0.0, "file": 0.0, "count": 0})
            row["pss"] += fields.get("Pss", 0) / 1024
            row["anon"] += fields.get("Pss_Anon", 0) / 1024
            row["file"] += fields.get("Pss_File", 0) / 1024
            row["count"] += 1
    return kinds


def pss_mb(root: int) -> tuple[float, float]:
    """Return the summed PSS and its anonymous part, in MB, of root and its descendants."""
    total = pss_by_process(root).get("total", {})
    return total.get("pss", 0.0), total.get("anon", 0.0)


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
    spelling = benchlib.wait_for_spelling(window)
    benchlib.idle(1.5)
    kinds = pss_by_process(os.getpid())
    opened, opened_anon = kinds["total"]["pss"], kinds["total"]["anon"]
    sharing = foreign_webengine_processes(os.getpid())
    place_cursor(window.body_editor.text_edit)
    for n in range(edits):
        edit_and_refresh(window, pane, n)
    benchlib.idle(1.5)
    after_kinds = pss_by_process(os.getpid())
    after, after_anon = after_kinds["total"]["pss"], after_kinds["total"]["anon"]
    sharing = max(sharing, foreign_webengine_processes(os.getpid()))
    window.document.set_modified(False)
    del app
    per_kind = {
        f"opened_{name}_{part}_mb": row[part]
        for name, row in kinds.items()
        for part in ("pss", "anon", "file")
    }
    per_kind.update({f"after_{name}_anon_mb": row["anon"] for name, row in after_kinds.items()})
    return {
        "spelling_on": float(spelling),
        "opened_mb": opened,
        "after_edits_mb": after,
        "growth_pct": (after / opened - 1) * 100,
        "opened_anon_mb": opened_anon,
        "anon_growth_pct": (after_anon / opened_anon - 1) * 100,
        "foreign_webengine_processes": sharing,  # > 0: PSS of that run is lowered by sharing
        **per_kind,
    }


KINDS = ("ui", "spell", "zygote", "renderer", "gpu-process", "utility", "other", "total")


def table(results: dict[str, dict[str, float]], edits: int) -> str:
    """Return the Markdown tables: the targets, then PSS per process kind after opening."""
    rows = [
        "| measure | median [min–max] | target |",
        "|---|---|---|",
        f"| PSS after opening the sample (app + QtWebEngine + spell process) | {benchlib.cell(results['opened_mb'])} MB | ≤ 350 MB |",
        f"| PSS after {edits} preview refreshes | {benchlib.cell(results['after_edits_mb'])} MB | |",
        f"| growth | {benchlib.cell(results['growth_pct'])} % | ≤ 10 % |",
        f"| of which anonymous memory, after opening | {benchlib.cell(results['opened_anon_mb'])} MB | |",
        f"| anonymous memory growth | {benchlib.cell(results['anon_growth_pct'])} % | (≤ 10 %) |",
        f"| spell check answered before measuring (1 = on) | {benchlib.cell(results['spelling_on'])} | |",
        "| other QtWebEngine processes while measuring (0 = measured alone) | "
        f"{benchlib.cell(results['foreign_webengine_processes'])} | |",
        "",
        f"| process, after opening | PSS MB | anonymous MB | file-backed MB | anonymous after {edits} refreshes |",
        "|---|---|---|---|---|",
    ]
    for kind in KINDS:
        if f"opened_{kind}_pss_mb" in results:
            cells = [
                benchlib.cell(results[f"opened_{kind}_{part}_mb"])
                for part in ("pss", "anon", "file")
            ]
            after = results.get(f"after_{kind}_anon_mb")
            cells.append(benchlib.cell(after) if after else "")
            rows.append(f"| {kind} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def forget_verdicts(cache: Path) -> None:
    """Delete the spell verdicts earlier runs saved, so that the dictionaries load again."""
    for path in (cache / "dictionaries").glob("verdicts-*.json"):
        path.unlink()


def drop_cached_qt_files() -> None:
    """Drop Qt's libraries and QtWebEngine's files from the page cache, as after a reboot.

    The file-backed part of PSS depends on how those pages sit in the page cache: right
    after pip wrote the 195 MB libQt6WebEngineCore the same app measured ~55 MB more than
    once the loader had faulted them in from disk (docs/performance.md). Pages a running
    process maps stay; only the rest is dropped, and the next start reads them from disk.
    """
    import importlib.util

    spec = importlib.util.find_spec("PySide6")  # finds the folder without importing Qt
    qt = Path(spec.origin).parent / "Qt"
    for path in [*qt.glob("lib/*.so*"), *qt.glob("libexec/*"), *qt.glob("resources/*")]:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def run_child(edits: int) -> dict[str, float]:
    """Run one measuring process; return its figures."""
    command = [sys.executable, __file__, "--child", "--edits", str(edits)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=900).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("RESULT "))
    return json.loads(line[len("RESULT ") :])


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark in fresh processes; print its table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--cold-files",
        action="store_true",
        help="drop Qt's files from the page cache before each run (as after a reboot)",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print("RESULT " + json.dumps(child(args.edits)), flush=True)
        os._exit(0)  # the figures are out; skip tearing QtWebEngine down
    samples: dict[str, list[float]] = {}
    cache = Path(os.environ.setdefault("ARTICLE_EDITOR_CACHE_DIR", tempfile.mkdtemp()))
    run_child(0)  # warm-up: unpacks the dictionaries, compiles the templates
    for _ in range(args.runs):
        forget_verdicts(cache)
        if args.cold_files:
            drop_cached_qt_files()
        for key, value in run_child(args.edits).items():
            samples.setdefault(key, []).append(value)
    results = {key: benchlib.summarise(values) for key, values in samples.items()}
    targets = {
        "opened_le_350mb": results["opened_mb"]["max"] <= 350,
        "growth_le_10pct": results["growth_pct"]["max"] <= 10,
    }
    data = {**results, "edits": args.edits, "cold_files": args.cold_files, "targets": targets}
    benchlib.emit("memory", data, table(results, args.edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())

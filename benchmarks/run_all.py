"""Run every benchmark, save benchmarks/results/latest.json, print the README's table.

Run: .venv/bin/python benchmarks/run_all.py [--quick]

Each benchmark runs as its own process with its default repeats (--quick: fewer), its JSON
is collected, and one Markdown table of the headline figures against issue 9's targets is
printed for the README. A benchmark that fails is reported as such; the others still run.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402

HERE = Path(__file__).resolve().parent
QUICK = {
    "typing": ["--runs", "1"],
    "preview": ["--repeat", "5"],
    "preview_e2e": ["--repeat", "5"],
    "startup": ["--runs", "3"],
    "memory": ["--runs", "1", "--edits", "100"],
    "export": ["--runs", "2"],
    "check": ["--runs", "3"],
    "peers": ["--rounds", "2"],
    "replace": ["--runs", "2"],
}

# Memory from one page-cache state, as after a reboot: right after pip has written Qt's
# libraries each fault maps more of them, and a fresh machine's bench read 374 MB where the
# same code read 343 from cold files (docs/performance.md, session 9).
ALWAYS = {"memory": ["--cold-files"]}


def last_json(stdout: str) -> dict:
    """Return the JSON document a benchmark printed after its table."""
    lines = stdout.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("{"):
            try:
                return json.loads("\n".join(lines[index:]))
            except json.JSONDecodeError:
                continue
    raise ValueError("no JSON in the output")


def run(name: str, quick: bool) -> dict:
    """Run benchmarks/<name>.py; return its JSON (or the error) and its wall time."""
    extra = [*ALWAYS.get(name, []), *(QUICK[name] if quick else [])]
    command = [sys.executable, str(HERE / f"{name}.py"), *extra]
    started = time.monotonic()
    proc = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    took = round(time.monotonic() - started, 1)
    print(proc.stdout.split("\n{", 1)[0], file=sys.stderr)  # its own table, for the log
    try:
        return {"ok": proc.returncode == 0, "seconds": took, "data": last_json(proc.stdout)}
    except ValueError:
        return {"ok": False, "seconds": took, "error": proc.stderr[-3000:]}


def _typing_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    rows = []
    for size, r in data["results"]["sizes"].items():
        figure = (
            f"p50 {r['all_p50_ms']:.1f} · p95 {r['all_p95_ms']:.1f} · max {r['all_max_ms']:.1f} ms"
            f" (UI-thread CPU {r['cpu_p50_ms']:.1f} · {r['cpu_p95_ms']:.1f} · "
            f"{r['cpu_max_ms']:.1f} ms)"
        )
        ok = r["all_p95_ms"] <= 4 and r["all_max_ms"] <= 8  # issue 17: at every size
        rows.append(
            (
                f"Typing, per keystroke, {int(size):,} chars, spell check on",
                figure,
                "p95 ≤ 4, max ≤ 8 ms",
                ok,
            )
        )
    return rows


def _preview_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    rows = []
    for size, r in data["results"]["sizes"].items():
        if int(size) < 20_000:
            continue
        e2e, work, wait = r["e2e_ms"], r["work_ms"], r["debounce_ms"]
        figure = (
            f"{e2e['median']:.0f} ms ({wait['median']:.0f} debounce + {work['median']:.0f} work; "
            f"work max {work['max']:.0f}; CPU app {r['app_cpu_ms']['median']:.0f} + "
            f"renderer {r['web_cpu_ms']['median']:.0f} ms)"
        )
        ok = wait["median"] <= 150 and work["median"] <= 30
        label = f"Preview refresh, key → edited text painted, {int(size):,} chars"
        rows.append((label, figure, "≤ 150 + ≤ 30 ms", ok))
    return rows


def _pane_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    rows = []
    for size, r in data["results"].items():
        figure = f"UI {r['ui_ms']['median']:.1f} ms, DOM patched {r['dom_ms']['median']:.1f} ms"
        rows.append((f"Preview pane alone, timer → patch, {int(size):,} chars", figure, "", None))
    return rows


def _startup_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    r = data["results"]
    rows = [
        (
            "Cold start, editor painted",
            f"{r['editor_ms']['median']:.0f} ms = {r['ratio']['median']:.2f}× bare "
            f"({r['bare_ms']['median']:.0f} ms)",
            "≤ 1.3× bare",
            r["ratio"]["median"] <= 1.3,
        ),
        (
            "Cold start, preview painted (the article's page kept from its last opening)",
            f"{r['preview_ms']['median']:.0f} ms",
            "≤ 600 ms",
            r["preview_ms"]["median"] <= 600,
        ),
    ]
    if "first_preview_ms" in r:  # nothing kept: the article's first opening
        first = f"{r['first_preview_ms']['median']:.0f} ms"
        rows.append(("Cold start, preview painted, the article's first opening", first, "", None))
    if "bare_web_ms" in r:  # the same run's floor: Chromium painting a static page
        floor = f"{r['bare_web_ms']['median']:.0f} ms"
        rows.append(("Chromium's floor: a bare QWebEngineView's page painted", floor, "", None))
    return rows


def _memory_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    r = data["results"]
    return [
        (
            "Memory (PSS, app + QtWebEngine + spell process)",
            f"{r['opened_mb']['median']:.0f} MB (max {r['opened_mb']['max']:.0f})",
            "≤ 350 MB",
            r["opened_mb"]["max"] <= 350,
        ),
        (
            f"Memory growth over {data['results']['edits']} refreshes",
            f"{r['growth_pct']['median']:.1f} % (anonymous {r['anon_growth_pct']['median']:.1f} %)",
            "≤ 10 %",
            r["growth_pct"]["median"] <= 10,
        ),
    ]


def _export_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    s, m = data["seconds"], data["peak_rss_mib"]
    cpu = data.get("cpu_seconds_per_export")
    figure = (
        f"{s['median']:.2f} s [{s['min']:.2f}–{s['max']:.2f}]"
        + (f" (CPU {cpu:.2f} s)" if cpu is not None else "")
        + f", peak {m['main']:.0f} MiB"
        + (f" + worker {m['largest_worker']:.0f} MiB" if m.get("largest_worker") else "")
    )
    label = f"Export, {data['photos']} × {data['megapixels_each']:.0f} MP → {data['format']}"
    return [(label, figure, "≤ 2 s", s["median"] <= 2)]


FLOOR_WAYS = {
    "chunspell": "chunspell (its own libhunspell)",
    "chunspell_system_lib": "chunspell with the system's libhunspell",
    "ctypes_system_lib": "the system's libhunspell through ctypes (what `check` uses)",
    "hunspell_cli": "Debian's `hunspell` command",
}


def _check_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    r = data["results"]
    rows = []
    for key, label in (
        ("no_spelling", "`check --no-spelling` (headline meter, no browser)"),
        ("spelling_known_words", "`check`, spelling, words judged before"),
        ("spelling_new_words", "`check`, spelling, new words (loads the dictionaries)"),
        ("folder", f"`check` of {r['folder']['stories']} stories, spelling, per story"),
    ):
        w = r[key]
        figure = (
            f"{benchlib.cell(w['seconds'])} s (CPU {w['cpu_seconds']['median']:.2f} s), "
            f"{w['peak_mb']['max']:.0f} MB, {w['qt_modules']} Qt modules"
        )
        t = w.get("targets")
        ok = (t["le_0_4_s"] and t["le_60_mb"] and t["no_qt"]) if t else None
        rows.append((label, figure, "≤ 0.4 s, ≤ 60 MB, no Qt" if t else "no Qt", ok))
    for key, w in r.get("load_floor", {}).items():
        name, way = key.split(".")
        figure = f"CPU {benchlib.cell(w['cpu_seconds'])} s, {w['peak_mb']['max']:.0f} MB"
        rows.append((f"Loading `{name}` alone: {FLOOR_WAYS[way]}", figure, "", None))
    return rows


def _peers_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    r = data["results"]
    rows = []
    for key, label in (
        ("article-editor.window_ms", "Start, window with the document mapped: article-editor"),
        ("ghostwriter.window_ms", "Start, window with the document mapped: ghostwriter"),
        ("retext.window_ms", "Start, window with the document mapped: ReText"),
    ):
        if key in r:
            rows.append((label, f"{benchlib.cell(r[key])} ms", "", None))
    for peer in ("ghostwriter", "retext"):
        key = f"ratio_vs_{peer}"
        if key in r:
            rows.append(
                (
                    f"Start ratio ours / {peer} (same round)",
                    f"{benchlib.cell(r[key])} ×",
                    "≤ 1.0",
                    r[key]["median"] <= 1.0,
                )
            )
    if "article-editor.preview_ms" in r:
        p = r["article-editor.preview_ms"]
        rows.append(
            (
                "Start, preview painted (Xvfb; the article's page kept from its last opening)",
                f"{benchlib.cell(p)} ms",
                "≤ 600 ms",
                p["median"] <= 600,
            )
        )
    if "article-editor.first_preview_ms" in r:
        first = r["article-editor.first_preview_ms"]
        rows.append(
            (
                "Start, preview painted (Xvfb), the article's first opening",
                f"{benchlib.cell(first)} ms",
                "",
                None,
            )
        )
    return rows


def _replace_rows(data: dict) -> list[tuple[str, str, str, bool | None]]:
    rows = []
    for label, r in data["results"]["cases"].items():
        cpu, tail = r["cpu_ms"], r["deferred_highlight_cpu_ms"]
        figure = (
            f"UI CPU {benchlib.cell(cpu)} ms, then {tail['median']:.0f} ms of highlighting "
            f"in slices (wall {r['wall_ms']['median']:.0f} ms)"
        )
        rows.append(
            (
                f"Replace all, {data['results']['size']:,} chars, {label}, {r['matches']} matches",
                figure,
                "≤ 50 ms UI",
                cpu["median"] <= 50,
            )
        )
    return rows


ROWS = {
    "typing": _typing_rows,
    "preview": _pane_rows,
    "preview_e2e": _preview_rows,
    "startup": _startup_rows,
    "memory": _memory_rows,
    "export": _export_rows,
    "check": _check_rows,
    "peers": _peers_rows,
    "replace": _replace_rows,
}


def table(outcomes: dict[str, dict]) -> str:
    """Return the README's Markdown table of headline figures."""
    lines = ["| measure | median (min–max where shown) | target | holds |", "|---|---|---|---|"]
    for name, outcome in outcomes.items():
        if not outcome["ok"]:
            lines.append(f"| {name} | failed to run | | |")
            continue
        for label, figure, target, ok in ROWS[name](outcome["data"]):
            mark = "" if ok is None else ("yes" if ok else "**no**")
            lines.append(f"| {label} | {figure} | {target} | {mark} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run them all; write latest.json; print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (a smoke run)")
    parser.add_argument("--only", default=",".join(ROWS), help="comma-separated names")
    args = parser.parse_args(argv)
    before = benchlib.speed_probe()
    outcomes = {name: run(name, args.quick) for name in args.only.split(",")}
    after = benchlib.speed_probe()
    print(f"speed probe (CPU s of a fixed Python loop): {before:.2f} before, {after:.2f} after")
    benchlib.RESULTS_DIR.mkdir(exist_ok=True)
    machine = {**benchlib.machine(), "speed_probe_s": [round(before, 3), round(after, 3)]}
    latest = {"machine": machine, "quick": args.quick, "benchmarks": outcomes}
    out = benchlib.RESULTS_DIR / "latest.json"
    out.write_text(json.dumps(latest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(outcomes))
    return 0 if all(o["ok"] for o in outcomes.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

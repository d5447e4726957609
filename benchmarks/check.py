"""`article-editor check`: wall time, CPU time and peak memory per run, with and without spelling.

Run: .venv/bin/python benchmarks/check.py [--runs 9] [--folder 10]

Each run is a fresh process on the bundled sample (byte code cached as installed, the font's
metrics and the unpacked dictionaries cached after a first untimed run, as every check after
the first has them). Four ways: `--no-spelling` (the headline meter's own cost); spelling with
the words' verdicts kept from an earlier run (re-checking a story: no dictionary loads);
spelling with none kept (a story never checked: Hunspell loads spellcheck-ko, ~3 s of CPU);
and a folder of --folder stories in one run (the desk's case: one load for all, per file).
Then the load's floor, each dictionary alone on the same unpacked files: chunspell (the
binding `check` uses, with the Hunspell it bundles) in a bare Python, and Debian's `hunspell`
command (`hunspell -d <dir>/<name> -l < /dev/null`; skipped when it is not installed), and
chunspell again with the system's libhunspell preloaded in place of its own (where there is
one): the same binding and dictionary, only the library's build differs.
Peak memory is the process's VmHWM; CPU time (user + system) varies less than wall time on a
busy machine. Targets (issue 17): ≤ 0.4 s, ≤ 60 MB, no Qt loaded.
"""

from __future__ import annotations

import argparse
import ctypes.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "autonomous-shuttle"
RUN = """
import json, sys
from editor.cli.main import main
status = main(sys.argv[1:])
hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]
qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]
print('REPORT ' + json.dumps({'peak_mb': int(hwm) / 1024, 'qt_modules': len(qt)}))
"""


def one_run(env: dict[str, str], *files: Path | str) -> dict[str, float]:
    """Run check once; return its wall and CPU seconds and what it reported."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", RUN, "check", *map(str, files)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    seconds = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    report = json.loads(proc.stdout.split("REPORT ", 1)[1])
    return {"seconds": seconds, "cpu_seconds": cpu, **report}


LOAD = """
import sys, hunspell
hunspell.Hunspell(sys.argv[1], hunspell_data_dir=sys.argv[2])
"""


def child_usage(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run command to its end; return its CPU seconds and peak MB (its own rusage)."""
    proc = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} failed ({proc.returncode})")
    return {"cpu_seconds": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def load_floor(cache: Path, env: dict[str, str], runs: int) -> dict[str, object]:
    """Time loading each unpacked dictionary alone: chunspell, and Debian's hunspell."""
    folders = sorted((cache / "article-editor" / "dictionaries").glob("*-*"))
    results: dict[str, object] = {}
    hunspell_cli = shutil.which("hunspell")
    for folder in (f for f in folders if f.is_dir()):
        name = folder.name.rsplit("-", 1)[0]
        ways = {"chunspell": [sys.executable, "-c", LOAD, name, str(folder)]}
        if hunspell_cli:
            ways["hunspell_cli"] = [hunspell_cli, "-d", str(folder / name), "-l"]
        if ctypes.util.find_library("hunspell-1.7"):
            ways["chunspell_system_lib"] = ways["chunspell"]
        for way, command in ways.items():
            way_env = env
            if way == "chunspell_system_lib":
                way_env = {**env, "LD_PRELOAD": ctypes.util.find_library("hunspell-1.7")}
            samples = [child_usage(command, way_env) for _ in range(runs)]
            results[f"{name}.{way}"] = {
                "cpu_seconds": benchlib.summarise([r["cpu_seconds"] for r in samples]),
                "peak_mb": benchlib.summarise([r["peak_mb"] for r in samples]),
            }
    return results


def forget_verdicts(cache: Path) -> None:
    """Delete the spelling verdicts earlier runs kept (the dictionaries stay unpacked)."""
    for path in (cache / "article-editor" / "dictionaries").glob("verdicts-*.json"):
        path.unlink()


def summary(runs: list[dict[str, float]], per: int = 1) -> dict[str, object]:
    """Summarise runs (per file when a run checked several)."""
    return {
        "seconds": benchlib.summarise([r["seconds"] / per for r in runs]),
        "cpu_seconds": benchlib.summarise([r["cpu_seconds"] / per for r in runs]),
        "peak_mb": benchlib.summarise([r["peak_mb"] for r in runs]),
        "qt_modules": max(r["qt_modules"] for r in runs),
    }


def measure(runs: int, folder: int) -> dict[str, object]:
    """Run each way of checking; return their summaries."""
    with tempfile.TemporaryDirectory(prefix="article-editor-check-") as base:
        cache = Path(base) / "cache"
        env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(
            Path(tempfile.gettempdir()) / "article-editor-bench-pycache"
        )
        stories = [Path(base) / f"story-{i}" for i in range(folder)]
        for story in stories:
            shutil.copytree(SAMPLE, story)
        first = one_run(env, SAMPLE)  # unpacks the font's metrics and the dictionaries
        plain = [one_run(env, "--no-spelling", SAMPLE) for _ in range(runs)]
        kept = [one_run(env, SAMPLE) for _ in range(runs)]
        cold = []
        for _ in range(runs):
            forget_verdicts(cache)
            cold.append(one_run(env, SAMPLE))
        many = []
        for _ in range(max(1, runs // 3)):
            forget_verdicts(cache)
            many.append(one_run(env, *stories))
        floor = load_floor(cache, env, max(3, runs // 3))
    return {
        "load_floor": floor,
        "first_run_seconds": round(first["seconds"], 3),
        "no_spelling": summary(plain),
        "spelling_known_words": summary(kept),
        "spelling_new_words": summary(cold),
        "folder": {"stories": folder, **summary(many, per=folder)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--folder", type=int, default=10, help="stories in the folder run")
    args = parser.parse_args(argv)
    results = measure(args.runs, args.folder)
    for key in ("no_spelling", "spelling_known_words"):
        r = results[key]
        r["targets"] = {
            "le_0_4_s": r["seconds"]["median"] <= 0.4,
            "le_60_mb": r["peak_mb"]["max"] <= 60,
            "no_qt": r["qt_modules"] == 0,
        }
    rows = [
        ("`check --no-spelling`", "no_spelling"),
        ("`check`, words judged before", "spelling_known_words"),
        ("`check`, new words (loads the dictionaries)", "spelling_new_words"),
        (f"`check` of {args.folder} stories, per story", "folder"),
    ]
    lines = ["| measure | wall s | CPU s | peak MB | target |", "|---|---|---|---|---|"]
    for label, key in rows:
        r = results[key]
        target = "≤ 0.4 s, ≤ 60 MB" if "targets" in r else ""
        lines.append(
            f"| {label} | {benchlib.cell(r['seconds'])} | {benchlib.cell(r['cpu_seconds'])} "
            f"| {benchlib.cell(r['peak_mb'])} | {target} |"
        )
    lines.append(
        f"| first run (unpacks the font's metrics) | {results['first_run_seconds']:.2f} | | | |"
    )
    for key, r in results["load_floor"].items():
        name, way = key.split(".")
        label = {
            "chunspell": "chunspell alone (its own libhunspell)",
            "chunspell_system_lib": "chunspell with the system's libhunspell",
            "hunspell_cli": "Debian's `hunspell -l`",
        }[way]
        lines.append(
            f"| load `{name}`: {label} | | {benchlib.cell(r['cpu_seconds'])} "
            f"| {benchlib.cell(r['peak_mb'])} | |"
        )
    benchlib.emit("check", results, "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

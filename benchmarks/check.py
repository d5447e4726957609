"""`article-editor check`: wall time, CPU time and peak memory per run, with and without spelling.

Run: .venv/bin/python benchmarks/check.py [--runs 9] [--folder 10] [--against acf1f01]

Each run is a fresh process on the bundled sample (byte code cached as installed, the font's
metrics and the unpacked dictionaries cached after a first untimed run, as every check after
the first has them). Five ways: `--no-spelling`; spelling with the words' verdicts kept from
an earlier run (re-checking a story: no dictionary loads); spelling with no verdict kept (new
words: Hunspell loads spellcheck-ko cut to the story's words, editor/storage/spell_scope.py,
~0.1 s of CPU, in a thread beside the rest of the check);
a story never checked (neither the verdicts nor editor/storage/memo.py's image facts and
headline line count kept); and a folder of --folder stories in one run (the desk's case: one
load for all, per file).
Then the load's floor, each dictionary alone on the same unpacked files: chunspell (the
fallback, with the Hunspell it bundles) in a bare Python, our ctypes binding of the system's
libhunspell (where there is one), and Debian's `hunspell` command (`hunspell -d <dir>/<name>
-l < /dev/null`; skipped when it is not installed).
The new-words run and the spell process's first answer (the editor's spell process, a
check of the sample's body with no verdicts kept: start, load, answer) are measured
interleaved for each engine: the optimised libhunspell the code picks (editor/storage/
hunspell_lib.py; the system's on Linux), chunspell forced (`ARTICLE_EDITOR_HUNSPELL=
chunspell`) and, with --against REV, that revision's code (a temporary git worktree).
Peak memory is the process's VmHWM; CPU time (user + system) varies less than wall time on a
busy machine; the load average is read before and after. Targets (issue 17): ≤ 0.4 s,
≤ 60 MB, no Qt loaded.
"""

from __future__ import annotations

import argparse
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

from editor.storage import hunspell_lib  # noqa: E402

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


def one_run(env: dict[str, str], *files: Path | str, tree: Path = REPO) -> dict[str, float]:
    """Run check once (the code of tree); return its wall and CPU seconds and what it reported."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", RUN, "check", *map(str, files)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tree,  # `-c` puts the working folder first on sys.path: tree's editor/
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
LOAD_CTYPES = """
import sys
from pathlib import Path
from editor.storage import hunspell_lib
hunspell_lib.open_dictionary(Path(sys.argv[2]), sys.argv[1])
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
    """Time loading each unpacked dictionary alone: chunspell, our ctypes binding, `hunspell`."""
    folders = sorted((cache / "article-editor" / "dictionaries").glob("*-*"))
    results: dict[str, object] = {}
    hunspell_cli = shutil.which("hunspell")
    for folder in (f for f in folders if f.is_dir()):
        name = folder.name.rsplit("-", 1)[0]
        ways = {"chunspell": [sys.executable, "-c", LOAD, name, str(folder)]}
        if hunspell_cli:
            ways["hunspell_cli"] = [hunspell_cli, "-d", str(folder / name), "-l"]
        if hunspell_lib.candidates():
            ways["ctypes_system_lib"] = [sys.executable, "-c", LOAD_CTYPES, name, str(folder)]
        for way, command in ways.items():
            samples = [child_usage(command, env) for _ in range(runs)]
            results[f"{name}.{way}"] = {
                "cpu_seconds": benchlib.summarise([r["cpu_seconds"] for r in samples]),
                "peak_mb": benchlib.summarise([r["peak_mb"] for r in samples]),
            }
    return results


def first_answer(env: dict[str, str], tree: Path = REPO) -> dict[str, float]:
    """Start the spell process on the sample's body; return the wall and CPU to its answer."""
    body = (SAMPLE / "index.md").read_text(encoding="utf-8")
    request = json.dumps({"id": 1, "op": "check", "items": [["0:0", body]]}) + "\n"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "editor.storage.spell_worker"],
        env=env,
        cwd=tree,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    proc.stdin.write(request)
    proc.stdin.flush()
    replies = [json.loads(proc.stdout.readline()) for _ in range(2)]  # ready, then the answer
    seconds = time.monotonic() - started
    status = Path(f"/proc/{proc.pid}/status").read_text()
    peak = int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1]) / 1024
    proc.stdin.close()
    proc.wait(timeout=60)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if replies[1].get("op") != "check":
        raise RuntimeError(f"the spell process said {replies[1]}")
    return {"seconds": seconds, "cpu_seconds": cpu, "peak_mb": peak, "qt_modules": 0}


def engines(against: str | None, base: Path) -> dict[str, tuple[Path, dict[str, str]]]:
    """Return each way to compare: its code's tree and extra environment."""
    ways = {
        "libhunspell": (REPO, {}),
        "chunspell": (REPO, {"ARTICLE_EDITOR_HUNSPELL": "chunspell"}),
    }
    if against:
        tree = base / f"tree-{against}"
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(tree), against],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        ways[against] = (tree, {})
    return ways


def drop_trees(ways: dict[str, tuple[Path, dict[str, str]]]) -> None:
    """Remove the temporary worktrees engines() added."""
    for tree, _extra in ways.values():
        if tree != REPO:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=REPO)


def new_words_ab(
    env: dict[str, str], cache: Path, runs: int, ways: dict[str, tuple[Path, dict[str, str]]]
) -> dict[str, object]:
    """Interleave every way: check with new words, and the spell process's first answer.

    Each way has its own copy of the primed cache: the kept image facts are keyed by the
    code's files, and a check by another tree's code would drop this one's (memo.save).
    """
    checks: dict[str, list] = {name: [] for name in ways}
    answers: dict[str, list] = {name: [] for name in ways}
    caches = {name: cache.with_name(f"{cache.name}-{index}") for index, name in enumerate(ways)}
    for name, own in caches.items():
        shutil.copytree(cache, own)
        tree, _extra = ways[name]
        one_run({**env, "XDG_CACHE_HOME": str(own)}, SAMPLE, tree=tree)  # its facts kept
    for _ in range(runs):
        for name, (tree, extra) in ways.items():
            way_env = {**env, **extra, "XDG_CACHE_HOME": str(caches[name])}
            forget_verdicts(caches[name])
            checks[name].append(one_run(way_env, SAMPLE, tree=tree))
            forget_verdicts(caches[name])
            answers[name].append(first_answer(way_env, tree))
    return {
        name: {"check": summary(checks[name]), "spell_process": summary(answers[name])}
        for name in ways
    }


def forget_verdicts(cache: Path) -> None:
    """Delete the spelling verdicts earlier runs kept (the dictionaries stay unpacked)."""
    for path in (cache / "article-editor" / "dictionaries").glob("verdicts-*.json"):
        path.unlink()


def forget_everything(cache: Path) -> None:
    """Delete the verdicts and the kept image facts and line counts (a story never checked)."""
    forget_verdicts(cache)
    for path in (cache / "article-editor" / "memo").glob("*.json"):
        path.unlink()


def summary(runs: list[dict[str, float]], per: int = 1) -> dict[str, object]:
    """Summarise runs (per file when a run checked several)."""
    return {
        "seconds": benchlib.summarise([r["seconds"] / per for r in runs]),
        "cpu_seconds": benchlib.summarise([r["cpu_seconds"] / per for r in runs]),
        "peak_mb": benchlib.summarise([r["peak_mb"] for r in runs]),
        "qt_modules": max(r["qt_modules"] for r in runs),
    }


def measure(runs: int, folder: int, against: str | None = None) -> dict[str, object]:
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
        never = []
        for _ in range(runs):
            forget_everything(cache)
            never.append(one_run(env, SAMPLE))
        load_before = os.getloadavg()
        ways = engines(against, Path(base))
        try:
            ab = new_words_ab(env, cache, runs, ways)
        finally:
            drop_trees(ways)
        many = []
        for _ in range(max(1, runs // 3)):
            forget_verdicts(cache)
            many.append(one_run(env, *stories))
        floor = load_floor(cache, env, max(3, runs // 3))
    return {
        "load_average": {"before": load_before, "after": os.getloadavg()},
        "load_floor": floor,
        "first_run_seconds": round(first["seconds"], 3),
        "no_spelling": summary(plain),
        "spelling_known_words": summary(kept),
        "spelling_new_words": ab["libhunspell"]["check"],
        "never_checked": summary(never),
        "folder": {"stories": folder, **summary(many, per=folder)},
        "engines": ab,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--folder", type=int, default=10, help="stories in the folder run")
    parser.add_argument("--against", help="a revision whose new-words check runs interleaved")
    args = parser.parse_args(argv)
    results = measure(args.runs, args.folder, args.against)
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
        ("`check`, a story never checked (nothing kept)", "never_checked"),
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
        f"| first run (unpacks the font's metrics, the dictionaries, the affix index) "
        f"| {results['first_run_seconds']:.2f} | | | |"
    )
    for key, r in results["load_floor"].items():
        name, way = key.split(".")
        label = {
            "chunspell": "chunspell alone (its own libhunspell)",
            "ctypes_system_lib": "ctypes, the system's libhunspell (what `check` uses)",
            "hunspell_cli": "Debian's `hunspell -l`",
        }[way]
        lines.append(
            f"| load `{name}`: {label} | | {benchlib.cell(r['cpu_seconds'])} "
            f"| {benchlib.cell(r['peak_mb'])} | |"
        )
    for name, r in results["engines"].items():
        for part, label in (("check", "`check`, new words"), ("spell_process", "spell process")):
            cells = " | ".join(benchlib.cell(r[part][k]) for k in ("seconds", "cpu_seconds"))
            lines.append(f"| {label}, {name} | {cells} | {benchlib.cell(r[part]['peak_mb'])} | |")
    before, after = results["load_average"]["before"][0], results["load_average"]["after"][0]
    lines.append(f"| load average (1 min) before / after | {before:.1f} / {after:.1f} | | | |")
    benchlib.emit("check", results, "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Start-up against the peers: article-editor, ghostwriter and ReText opening the same article.

Run: .venv/bin/python benchmarks/peers.py [--rounds 9] [--display :97] [--install] [--base DIR]

Debian packages `ghostwriter` and `retext`, and the harness's `xvfb`, `xdotool`, `x11-utils`
(as root `--install` runs apt-get for them; otherwise `sudo apt-get install ghostwriter retext
xvfb xdotool x11-utils`). A peer that is not installed is left
out and named in the output.

On an Xvfb display of its own (no window manager, 1366×768), each app is started fresh on
the bundled sample (ours on the page bundle, the peers on a copy of its index.md named
after it), interleaved A B C A B C … over the rounds after one untimed warm-up round. The
time counts from just before exec to the moment a top-level window of the app is mapped
(`xev -root` reports MapNotify as it happens) and its title names the document (read with
`xdotool getwindowname`: `xdotool search --name` cannot match a Hangul title). For our app
also to the preview's first painted page (ARTICLE_EDITOR_STARTUP_PROBE): reopening the
article (its warm-up start kept the preview's page and picture, as benchmarks/startup.py's
does) and, in the same round, opening it with nothing kept. Each app keeps one settings
folder over the rounds, as a user's would. Prints min / median / max per app, the
per-round ratios ours / peer, as JSON and a Markdown table; also each app's CPU time to its
window mapped (every thread; the app is stopped while it is read), the figure that holds on a
loaded machine, and its ratios.

--base DIR adds our app from another checkout (DIR first on PYTHONPATH, same interpreter and
environment) to every round, for an interleaved A/B of a change: ratio ours / base per round.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "autonomous-shuttle"
DOC_NAME = SAMPLE.name  # every app's window title names it
PEERS = {"ghostwriter": "ghostwriter", "retext": "retext"}  # app → Debian package
TIMEOUT_S = 60


@dataclass
class MapWatcher:
    """Reports every top-level window mapped on a display, with the time it was seen."""

    display: str
    events: queue.Queue = field(default_factory=queue.Queue)

    def start(self) -> None:
        # stdbuf: xev's stdio would otherwise hold events in a pipe buffer.
        cmd = ["stdbuf", "-oL", "xev", "-display", self.display, "-root", "-event", "substructure"]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        pending = False
        for line in self.proc.stdout:  # type: ignore[union-attr]
            now = time.monotonic()
            if line.startswith("MapNotify event"):
                pending = True
            elif pending and " window 0x" in line:
                self.events.put((now, line.rsplit("window ", 1)[1].split(",")[0].strip()))
                pending = False

    def drain(self) -> None:
        while not self.events.empty():
            self.events.get_nowait()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=10)


def window_name(display: str, window: str) -> str:
    out = subprocess.run(
        ["xdotool", "getwindowname", window],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
    )
    return out.stdout.strip()


def cpu_ms(pid: int) -> float:
    """Return the CPU time a process's threads have run so far (schedstat, ns precision)."""
    return sum(benchlib.thread_cpu_ns(pid).values()) / 1e6


def wait_document_window(
    watcher: MapWatcher, display: str, proc: subprocess.Popen
) -> tuple[float, float]:
    """Return when the app's window naming the document was mapped, and its CPU ms by then.

    The app is stopped (SIGSTOP) as soon as a window of it is seen mapped, while its CPU
    time and the window's name are read, so the CPU figure is the work done to the map
    (~ms late), which holds on a loaded machine where the wall time does not.
    """
    deadline = time.monotonic() + TIMEOUT_S
    mapped: list[tuple[float, str]] = []
    looked: set[str] = set()
    while time.monotonic() < deadline:
        try:
            mapped.append(watcher.events.get(timeout=0.01))
        except queue.Empty:
            if not mapped:
                continue
        os.killpg(proc.pid, signal.SIGSTOP)
        try:
            cpu = cpu_ms(proc.pid)
            for seen, window in mapped:
                if DOC_NAME in window_name(display, window):
                    # Named when it was mapped: the map time; named later: when we saw it.
                    return (seen if window not in looked else time.monotonic()), cpu
                looked.add(window)
        finally:
            os.killpg(proc.pid, signal.SIGCONT)
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited ({proc.returncode}) before its window")
    raise RuntimeError(f"{proc.args[0]}: no window naming {DOC_NAME} in {TIMEOUT_S} s")


def read_probe(proc: subprocess.Popen, name: str) -> float:
    """Return the monotonic time our app printed a probe line (it then exits)."""
    for line in proc.stdout:  # type: ignore[union-attr]
        parts = line.split()
        if len(parts) == 3 and parts[:2] == ["probe", name]:
            return float(parts[2])
    raise RuntimeError(f"our app printed no {name} probe")


def stop(proc: subprocess.Popen) -> None:
    """End an app and everything it started (QtWebEngine helpers too)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def commands(work: Path, base: Path | None = None) -> dict[str, list[str]]:
    """Return the command line of each app, all on the same article."""
    bundle = work / DOC_NAME  # a copy: a killed app leaves its lock file behind
    shutil.copytree(SAMPLE, bundle)
    markdown = work / f"{DOC_NAME}.md"
    shutil.copyfile(SAMPLE / "index.md", markdown)
    found = {"article-editor": [sys.executable, "-m", "editor", str(bundle)]}
    if base is not None:  # its own copy in a folder of the same name: the same title
        (work / "base").mkdir()
        shutil.copytree(SAMPLE, work / "base" / DOC_NAME)
        found["base"] = [sys.executable, "-m", "editor", str(work / "base" / DOC_NAME)]
    for app in PEERS:
        if shutil.which(app):
            found[app] = [app, str(markdown)]
    return found


def run_app(name: str, cmd: list[str], env: dict, watcher: MapWatcher) -> dict[str, float]:
    """Start one app; return ms to its document window mapped (and ours: preview painted)."""
    watcher.drain()
    ours = name in ("article-editor", "base")
    cwd = REPO
    if name == "base":  # `-m` puts the working folder first on sys.path
        cwd = Path(env["ARTICLE_EDITOR_BASE"])
        # Its own cache: a page or picture kept by one tree is not the other's to show.
        cache = Path(env["HOME"]) / ".cache" / CACHES["base"]
        env = {**env, "PYTHONPATH": str(cwd), "ARTICLE_EDITOR_CACHE_DIR": str(cache)}
    started = time.monotonic()
    proc = subprocess.Popen(
        cmd,
        env=env,
        cwd=cwd,
        stdout=subprocess.PIPE if ours else subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        mapped, cpu = wait_document_window(watcher, env["DISPLAY"], proc)
        result = {"window_ms": (mapped - started) * 1e3, "window_cpu_ms": cpu}
        if ours:
            result["preview_ms"] = (read_probe(proc, "preview_painted") - started) * 1e3
            if env.get("ARTICLE_EDITOR_STARTUP_PROBE") == "settle":
                proc.wait(timeout=TIMEOUT_S)  # it ends once it has kept the preview
    finally:
        stop(proc)
    return result


HARNESS = {"Xvfb": "xvfb", "xdotool": "xdotool", "xev": "x11-utils"}  # command → Debian package


def ensure_peers(install: bool) -> list[str]:
    """Return the peers not installed (installing them and the harness's tools first when asked
    and root: a fresh machine has neither)."""
    tools = [pkg for cmd, pkg in HARNESS.items() if not shutil.which(cmd)]
    missing = [pkg for app, pkg in PEERS.items() if not shutil.which(app)]
    if (missing or tools) and install and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", *tools, *missing], check=False)
        missing = [pkg for app, pkg in PEERS.items() if not shutil.which(app)]
    tools = [pkg for cmd, pkg in HARNESS.items() if not shutil.which(cmd)]
    if tools:
        raise SystemExit(f"the harness needs: sudo apt-get install {' '.join(tools)}")
    if missing:
        print(
            f"not installed: {', '.join(missing)} (sudo apt-get install {' '.join(missing)}, "
            "or run this as root with --install)",
            file=sys.stderr,
        )
    return missing


def start_display(display: str) -> subprocess.Popen:
    """Start Xvfb on display and wait until it answers (a display already taken is refused)."""
    if Path(f"/tmp/.X{display.lstrip(':')}-lock").exists():
        raise SystemExit(f"display {display} is taken (another X server): use --display")
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "DISPLAY": display}
    deadline = time.monotonic() + 20
    try:
        while subprocess.run(
            ["xdotool", "getmouselocation"], env=env, capture_output=True
        ).returncode:
            if time.monotonic() > deadline or xvfb.poll() is not None:
                raise RuntimeError(f"Xvfb did not start on {display}")
            time.sleep(0.05)  # a harness waiting for a server, not the app under test
    except BaseException:
        xvfb.terminate()  # never left running behind a failed start
        raise
    return xvfb


def app_env(display: str, home: Path) -> dict[str, str]:
    """Return the environment every app runs in: one display, one home kept over the rounds."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_QPA", "XDG_"))}
    env.update(DISPLAY=display, HOME=str(home), ARTICLE_EDITOR_STARTUP_PROBE="1")
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox" if os.geteuid() == 0 else ""
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "article-editor-bench-pycache")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


CACHES = {"article-editor": "article-editor", "base": "article-editor-base"}  # under ~/.cache


def rounds(apps: dict[str, list[str]], env: dict, watcher: MapWatcher, count: int) -> dict:
    """Run every app once per round (after one warm-up round); return samples per measure.

    Our app's warm-up start runs until it has kept the article's preview (the probe's
    `settle`), so each round reopens the article as a user does, as benchmarks/startup.py
    measures; after it, each round also opens the article with nothing kept (its first
    opening: `article-editor.first_preview_ms`).
    """
    samples: dict[str, list[float]] = {}
    for index in range(count + 1):
        for name, cmd in apps.items():
            ours = name in ("article-editor", "base")
            probe = "settle" if index == 0 and ours else "1"
            result = run_app(name, cmd, {**env, "ARTICLE_EDITOR_STARTUP_PROBE": probe}, watcher)
            if index == 0:
                continue  # warm-up: disk cache, font caches, first-run set-up of each app
            if ours:
                with benchlib.nothing_kept(Path(env["HOME"]) / ".cache" / CACHES[name]):
                    first = run_app(name, cmd, env, watcher)
                result["first_preview_ms"] = first["preview_ms"]
            for key, value in result.items():
                samples.setdefault(f"{name}.{key}", []).append(value)
            print(f"round {index} {name}: {result}", file=sys.stderr)
    return samples


def ratios(samples: dict[str, list[float]]) -> dict[str, list[float]]:
    """Return ours / peer window times (and CPU to the window), round by round."""
    found = {}
    for measure, prefix in (("window_ms", "ratio"), ("window_cpu_ms", "cpu_ratio")):
        ours = samples[f"article-editor.{measure}"]
        for peer in ("base", *PEERS):
            if f"{peer}.{measure}" in samples:
                theirs = samples[f"{peer}.{measure}"]
                found[f"{prefix}_vs_{peer}"] = [a / b for a, b in zip(ours, theirs, strict=True)]
    for measure in ("preview_ms", "first_preview_ms"):  # an A/B of a change to the preview
        if f"base.{measure}" in samples:
            ours, theirs = samples[f"article-editor.{measure}"], samples[f"base.{measure}"]
            found[f"{measure}_ratio_vs_base"] = [a / b for a, b in zip(ours, theirs, strict=True)]
    return found


def table(results: dict[str, dict[str, float]]) -> str:
    """Return the Markdown table: one row per measure."""
    labels = {
        "article-editor.window_ms": ("article-editor, window with the document mapped", "ms", ""),
        "article-editor.preview_ms": (
            "article-editor, preview painted (the article's page kept from its last opening)",
            "ms",
            "≤ 600",
        ),
        "article-editor.first_preview_ms": (
            "article-editor, preview painted, the article's first opening (nothing kept)",
            "ms",
            "",
        ),
        "ghostwriter.window_ms": ("ghostwriter, window with the document mapped", "ms", ""),
        "retext.window_ms": ("ReText, window with the document mapped", "ms", ""),
        "base.window_ms": ("article-editor from --base, window mapped", "ms", ""),
        "base.preview_ms": ("article-editor from --base, preview painted (kept)", "ms", ""),
        "base.first_preview_ms": ("article-editor from --base, first opening", "ms", ""),
        "ratio_vs_base": ("ratio ours / --base (same round)", "×", ""),
        "preview_ms_ratio_vs_base": ("preview painted (kept), ours / --base, same round", "×", ""),
        "first_preview_ms_ratio_vs_base": ("first opening, ours / --base, same round", "×", ""),
        "article-editor.window_cpu_ms": ("article-editor, CPU to the window mapped", "ms", ""),
        "ghostwriter.window_cpu_ms": ("ghostwriter, CPU to the window mapped", "ms", ""),
        "retext.window_cpu_ms": ("ReText, CPU to the window mapped", "ms", ""),
        "base.window_cpu_ms": ("article-editor from --base, CPU to the window", "ms", ""),
        "cpu_ratio_vs_base": ("CPU ratio ours / --base (same round)", "×", ""),
        "cpu_ratio_vs_ghostwriter": ("CPU ratio ours / ghostwriter (same round)", "×", ""),
        "cpu_ratio_vs_retext": ("CPU ratio ours / ReText (same round)", "×", ""),
        "ratio_vs_ghostwriter": ("ratio ours / ghostwriter (same round)", "×", "≤ 1.0"),
        "ratio_vs_retext": ("ratio ours / ReText (same round)", "×", "≤ 1.0"),
    }
    lines = ["| measure | median [min–max] | target |", "|---|---|---|"]
    for key, (label, unit, target) in labels.items():
        if key in results:
            lines.append(f"| {label} | {benchlib.cell(results[key])} {unit} | {target} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print its table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--display", default=":97")
    parser.add_argument("--install", action="store_true", help="apt-get the peers (root)")
    parser.add_argument("--base", type=Path, help="also run our app from this checkout (A/B)")
    args = parser.parse_args(argv)
    missing = ensure_peers(args.install)
    xvfb = start_display(args.display)
    watcher = MapWatcher(args.display)
    watcher.start()
    try:
        with tempfile.TemporaryDirectory(prefix="article-editor-peers-") as work:
            home = Path(work) / "home"
            home.mkdir()
            benchlib.seed_user(home / ".config" / "article-editor")  # no first-run question
            apps = commands(Path(work), args.base)
            env = app_env(args.display, home)
            if args.base is not None:
                env["ARTICLE_EDITOR_BASE"] = str(args.base.resolve())
            samples = rounds(apps, env, watcher, args.rounds)
    finally:
        watcher.stop()
        xvfb.terminate()
        xvfb.wait(timeout=10)
    samples.update(ratios(samples))
    results = {key: benchlib.summarise(values) for key, values in samples.items()}
    targets = {
        f"{key}_median_le_1": results[key]["median"] <= 1.0
        for key in results
        if key.startswith("ratio_vs") and key != "ratio_vs_base"
    }
    if "article-editor.preview_ms" in results:
        targets["preview_le_600ms"] = results["article-editor.preview_ms"]["median"] <= 600
    extra = {"rounds": args.rounds, "not_installed": missing, "targets": targets}
    benchlib.emit("peers", {**results, **extra}, table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Prove the Linux build: build from clean, then drive the frozen binary like a user would.

Checks `--version`, a headless export of the bundled sample to Markdown and HTML (plus render
and check), the desktop files, and the GUI opening under Xvfb (screenshot, window mapped,
closed again). Prints the size and start times, writes build/prove-linux/report.json, and
exits 1 when a check fails. Usage: python packaging/prove_linux.py [--no-build]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import buildinfo

import build

APP_DIR = build.APP_DIR
BINARY = APP_DIR / buildinfo.EXE_NAME
OUT = build.BUILD / "prove-linux"
SAMPLE = buildinfo.REPO / "resources" / "samples" / "autonomous-shuttle"
WINDOW_TIMEOUT = 60.0
SETTLE_SECONDS = 5.0  # let the preview load before the screenshot
KOREAN_UNTITLED = "제목 없음"  # "Untitled" in resources/i18n/article-editor_ko.ts
STABLE_SECONDS = 3.0  # a window id that holds this long is the one the user sees


@dataclass
class Report:
    """What the proof found: each check's outcome, the size and the timings."""

    version: str = ""
    checks: dict[str, str] = field(default_factory=dict)
    size_bytes: int = 0
    size_du: str = ""
    seconds: dict[str, float] = field(default_factory=dict)

    def record(self, name: str, ok: bool, detail: str = "") -> bool:
        """Note a check's outcome and print it; return ok."""
        self.checks[name] = ("PASS" if ok else "FAIL") + (f": {detail}" if detail else "")
        print(
            f"[{'PASS' if ok else 'FAIL'}] {name}" + (f" — {detail}" if detail else ""), flush=True
        )
        return ok

    @property
    def passed(self) -> bool:
        return all(v.startswith("PASS") for v in self.checks.values())


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """Return a bare environment: no venv, no repo on any path, home in a temp folder."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.geteuid() == 0:  # Chromium refuses to run as root with its sandbox on
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = "--no-sandbox"
    env.update(extra)
    return env


def run_app(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the frozen binary to completion (two minutes at most)."""
    return subprocess.run(
        [str(BINARY), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


def check_version(report: Report, env: dict[str, str], work: Path) -> None:
    """`--version` prints the one version; time five runs."""
    times, result = [], None
    for _ in range(5):
        started = time.perf_counter()
        result = run_app(["--version"], env, work)
        times.append(time.perf_counter() - started)
    assert result is not None
    expected = f"{buildinfo.EXE_NAME} {report.version}"
    report.seconds["version_median"] = round(statistics.median(times), 3)
    report.record(
        "--version",
        result.returncode == 0 and result.stdout.strip() == expected,
        f"{result.stdout.strip()!r} in {statistics.median(times):.2f} s",
    )


def check_headless(report: Report, env: dict[str, str], work: Path) -> None:
    """Export the sample to both formats, render it and check it, with no display."""
    sample = work / "sample"
    shutil.copytree(SAMPLE, sample)
    for fmt, page in (("markdown", "index.md"), ("html", "index.html")):
        out = work / f"export-{fmt}"
        started = time.perf_counter()
        result = run_app(["export", str(sample), "--to", fmt, "--out", str(out)], env, work)
        report.seconds[f"export_{fmt}"] = round(time.perf_counter() - started, 3)
        pages = list(out.rglob(page))
        report.record(
            f"export --to {fmt}",
            result.returncode == 0 and bool(pages),
            _outcome(result, f"wrote {pages[0].relative_to(out)}" if pages else ""),
        )
    result = run_app(["render", str(sample), "--out", str(work / "page.html")], env, work)
    report.record(
        "render", result.returncode == 0 and (work / "page.html").is_file(), _outcome(result)
    )
    result = run_app(["check", "--no-measure", str(sample)], env, work)
    report.record("check --no-measure", result.returncode == 0, _outcome(result))
    started = time.perf_counter()  # the headline meter: the bundled font, no browser
    result = run_app(["check", str(sample)], env, work)
    report.seconds["check_with_meter"] = round(time.perf_counter() - started, 3)
    measured = "could not be measured" not in result.stderr
    report.record(
        "check (headline measured with the bundled font)",
        result.returncode == 0 and measured,
        _outcome(result),
    )


def _outcome(result: subprocess.CompletedProcess, ok_detail: str = "") -> str:
    if result.returncode == 0:
        return ok_detail
    lines = (result.stderr or result.stdout).strip().splitlines()
    return f"exit {result.returncode}: {lines[-1] if lines else ''}"


def check_desktop_files(report: Report, work: Path) -> None:
    """Validate the .desktop and metainfo files and run install.sh into a temp prefix."""
    share = APP_DIR / "share"
    desktop = share / "applications" / "article-editor.desktop"
    metainfo = share / "metainfo" / f"{buildinfo.APP_ID}.metainfo.xml"
    for tool, args, name in (
        ("desktop-file-validate", [desktop], "desktop file valid"),
        ("appstreamcli", ["validate", "--no-net", metainfo], "metainfo valid"),
    ):
        if shutil.which(tool) is None:
            report.record(name, True, f"skipped: {tool} not installed")
            continue
        result = subprocess.run([tool, *map(str, args)], capture_output=True, text=True)
        report.record(name, result.returncode == 0, _outcome(result))
    prefix = work / "prefix"
    result = subprocess.run(
        ["sh", str(APP_DIR / "install.sh"), str(prefix)],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(work)},
    )
    installed = (prefix / "share/applications/article-editor.desktop").is_file() and (
        prefix / "share/icons/hicolor/256x256/apps/article-editor.png"
    ).is_file()
    report.record("install.sh", result.returncode == 0 and installed, _outcome(result))
    mime_cache = prefix / "share/mime/application/x-article-editor.xml"
    if shutil.which("update-mime-database"):
        report.record("MIME type registered", mime_cache.is_file(), str(mime_cache.name))


class Xvfb:
    """A private X server for the GUI check, stopped on exit."""

    def __init__(self) -> None:
        self.display = next(
            f":{n}" for n in range(99, 140) if not Path(f"/tmp/.X11-unix/X{n}").exists()
        )
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Xvfb:
        self.process = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{self.display[1:]}")
        deadline = time.monotonic() + 10
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


def xdotool(display: str, *args: str) -> str:
    """Run xdotool on display; return what it printed."""
    result = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env={**os.environ, "DISPLAY": display}
    )
    return result.stdout.strip()


def find_window(display: str) -> str:
    """Return the id of the app's visible top-level window, or "".

    Matched by WM_CLASS: xdotool's --name regex does not match titles with Hangul in them.
    """
    found = xdotool(display, "search", "--onlyvisible", "--class", buildinfo.EXE_NAME).split()
    return found[0] if found else ""


def screenshot(display: str, target: Path) -> None:
    """Save the whole X screen as a PNG (ImageMagick's import, else xwd + convert)."""
    env = {**os.environ, "DISPLAY": display}
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(target)], env=env, check=True)
    else:
        xwd = target.with_suffix(".xwd")
        subprocess.run(["xwd", "-root", "-silent", "-out", str(xwd)], env=env, check=True)
        subprocess.run(["convert", str(xwd), str(target)], check=True)


def colours_in(png: Path) -> int:
    """Return how many distinct colours a screenshot has (a blank screen has one)."""
    from PIL import Image

    with Image.open(png) as image:
        return len(image.convert("RGB").getcolors(maxcolors=1 << 20) or [])


def check_gui(report: Report, work: Path, run: int, language: str) -> None:
    """Open the app under Xvfb, wait for its window, take a screenshot, close it.

    In Korean the title must read KOREAN_UNTITLED: proof that the compiled catalogue shipped.
    """
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        report.record("GUI opens", False, f"missing {', '.join(missing)}")
        return
    home = work / f"gui-home-{run}"
    log = OUT / f"gui-{run}.log"
    with Xvfb() as xvfb, log.open("w") as log_file:
        env = clean_env(home, DISPLAY=xvfb.display, ARTICLE_EDITOR_LANG=language)
        started = time.perf_counter()
        app = subprocess.Popen(
            [str(BINARY)],
            env=env,
            cwd=work,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        window, mapped = _wait_for_window(xvfb.display, app, started)
        if not window:
            _stop(app)
            report.record(
                f"GUI opens (run {run}, {language})", False, f"no window in {WINDOW_TIMEOUT:.0f} s"
            )
            return
        # Qt WebEngine makes Qt recreate the top-level window once; time the one that stays.
        window, settled = _wait_for_stable_window(xvfb.display, window, mapped, started)
        report.seconds[f"window_first_mapped_run{run}"] = round(mapped, 2)
        report.seconds[f"window_final_mapped_run{run}"] = round(settled, 2)
        time.sleep(SETTLE_SECONDS)
        shot = OUT / f"screenshot-{run}.png"
        screenshot(xvfb.display, shot)
        window = find_window(xvfb.display) or window
        title = xdotool(xvfb.display, "getwindowname", window)
        closed = _close(xvfb.display, window, app)
    text = log.read_text(errors="replace")
    colours = colours_in(shot)
    ok = colours > 50 and "Traceback" not in text
    if language == "ko":
        ok = ok and KOREAN_UNTITLED in title
    report.record(
        f"GUI opens (run {run}, {language})",
        ok,
        f"window {title!r} mapped in {mapped:.2f} s (final window {settled:.2f} s), "
        f"{colours} colours in {shot.name}, "
        f"{'closed cleanly' if closed else 'had to be terminated'}"
        + ("; Python traceback in " + log.name if "Traceback" in text else ""),
    )


def _wait_for_window(display: str, app: subprocess.Popen, started: float) -> tuple[str, float]:
    """Wait for the app's first visible window; return its id and seconds since start."""
    deadline = time.monotonic() + WINDOW_TIMEOUT
    while time.monotonic() < deadline and app.poll() is None:
        window = find_window(display)
        if window:
            return window, time.perf_counter() - started
        time.sleep(0.05)
    return "", 0.0


def _wait_for_stable_window(
    display: str, window: str, seen: float, started: float
) -> tuple[str, float]:
    """Follow the visible window until its id holds for STABLE_SECONDS; return id and time."""
    deadline = time.monotonic() + WINDOW_TIMEOUT
    held_since = time.monotonic()
    while time.monotonic() < deadline and time.monotonic() - held_since < STABLE_SECONDS:
        current = find_window(display)
        if current and current != window:
            window, seen, held_since = current, time.perf_counter() - started, time.monotonic()
        time.sleep(0.05)
    return window, seen


def _close(display: str, window: str, app: subprocess.Popen) -> bool:
    """Close the window with its keyboard shortcut; return whether the app then exited."""
    xdotool(display, "windowfocus", window)
    time.sleep(0.3)
    xdotool(display, "key", "--clearmodifiers", "ctrl+q")
    try:
        app.wait(timeout=15)
        return True
    except subprocess.TimeoutExpired:
        _stop(app)
        return False


def _stop(app: subprocess.Popen) -> None:
    """Stop the app and its helper processes (they share its session)."""
    if app.poll() is None:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()


def measure_size(report: Report) -> None:
    """Record the app folder's size, in bytes and as `du -sh` prints it."""
    report.size_bytes = build.folder_size(APP_DIR)
    du = subprocess.run(["du", "-sh", str(APP_DIR)], capture_output=True, text=True)
    report.size_du = du.stdout.split()[0] if du.stdout else ""
    print(f"size: {report.size_du} on disk ({report.size_bytes / 1e6:.0f} MB of files)")


def main(argv: list[str] | None = None) -> int:
    """Build (unless --no-build), prove, report; return 0 when every check passed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="prove the existing dist/")
    args = parser.parse_args(argv)
    report = Report(version=buildinfo.app_version())
    if not args.no_build:
        started = time.perf_counter()
        build.main(["--clean"])
        report.seconds["build"] = round(time.perf_counter() - started, 1)
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    with tempfile.TemporaryDirectory(prefix="prove-linux-") as tmp:
        work = Path(tmp)
        env = clean_env(work / "home")
        check_version(report, env, work)
        check_headless(report, env, work)
        check_desktop_files(report, work)
        # The first start fills Qt WebEngine's caches; the second, in Korean, shows a warm one.
        for run, language in ((1, "en"), (2, "ko")):
            check_gui(report, work, run, language)
    measure_size(report)
    (OUT / "report.json").write_text(json.dumps(asdict(report), indent=2), encoding="utf-8")
    print(json.dumps(report.seconds, indent=2))
    print("PROOF PASSED" if report.passed else "PROOF FAILED")
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())

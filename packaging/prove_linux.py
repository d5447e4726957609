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
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import build
import buildinfo
import elfscan
import prove_install
import prove_oldroot
from proofkit import (
    Report,
    Xvfb,
    clean_env,
    colours_in,
    find_window,
    outcome,
    quit_app,
    screenshot,
    session_processes,
    stop,
    xdotool,
)

from editor.storage import hunspell_lib

APP_DIR = build.APP_DIR
BINARY = APP_DIR / buildinfo.EXE_NAME
OUT = build.BUILD / "prove-linux"
SAMPLE = buildinfo.REPO / "resources" / "samples" / "autonomous-shuttle"
WINDOW_TIMEOUT = 60.0
SETTLE_SECONDS = 5.0  # let the preview load before the screenshot
KOREAN_UNTITLED = "제목 없음"  # "Untitled" in resources/i18n/article-editor_ko.ts
STABLE_SECONDS = 3.0  # a window id that holds this long is the one the user sees
BARE_SUITE = "bookworm"  # Debian 12: the host side of the floor, with only HOST_PACKAGES
CHECK_PACKAGES = ("xvfb", "x11-utils")  # what the GUI check itself needs in that userland


@dataclass(frozen=True)
class Target:
    """Where the frozen app runs: this machine, or the userland at root (entered with chroot).

    Paths under root are handed to the app as the userland sees them.
    """

    root: Path | None = None

    def inside(self, value: str) -> str:
        """Return value with root's prefix taken off (unchanged on this machine)."""
        if self.root is None or not value.startswith(str(self.root) + "/"):
            return value
        return value[len(str(self.root)) :]

    def prefix(self) -> list[str]:
        return [prove_oldroot.chroot_command(), str(self.root)] if self.root else []

    def argv(self, args: list[str]) -> list[str]:
        binary = prove_oldroot.INSIDE / buildinfo.EXE_NAME if self.root else BINARY
        return [*self.prefix(), str(binary), *map(self.inside, args)]

    def env(self, env: dict[str, str]) -> dict[str, str]:
        return {key: self.inside(value) for key, value in env.items()}


HOST = Target()


def run_app(
    args: list[str], env: dict[str, str], cwd: Path, target: Target = HOST
) -> subprocess.CompletedProcess:
    """Run the frozen binary to completion (two minutes at most)."""
    return subprocess.run(
        target.argv(args),
        env=target.env(env),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_version(report: Report, env: dict[str, str], work: Path, target: Target = HOST) -> None:
    """`--version` prints the one version; time five runs."""
    times, result = [], None
    for _ in range(5):
        started = time.perf_counter()
        result = run_app(["--version"], env, work, target)
        times.append(time.perf_counter() - started)
    assert result is not None
    expected = f"{buildinfo.EXE_NAME} {report.version}"
    report.seconds["version_median"] = round(statistics.median(times), 3)
    report.record(
        "--version",
        result.returncode == 0 and result.stdout.strip() == expected,
        f"{result.stdout.strip()!r} in {statistics.median(times):.2f} s",
    )


def check_headless(report: Report, env: dict[str, str], work: Path, target: Target = HOST) -> None:
    """Export the sample to both formats, render it and check it, with no display."""
    sample = work / "sample"
    shutil.copytree(SAMPLE, sample)
    for fmt, page in (("markdown", "index.md"), ("html", "index.html")):
        out = work / f"export-{fmt}"
        started = time.perf_counter()
        result = run_app(["export", str(sample), "--to", fmt, "--out", str(out)], env, work, target)
        report.seconds[f"export_{fmt}"] = round(time.perf_counter() - started, 3)
        pages = list(out.rglob(page))
        report.record(
            f"export --to {fmt}",
            result.returncode == 0 and bool(pages),
            outcome(result, f"wrote {pages[0].relative_to(out)}" if pages else ""),
        )
    result = run_app(["render", str(sample), "--out", str(work / "page.html")], env, work, target)
    report.record(
        "render", result.returncode == 0 and (work / "page.html").is_file(), outcome(result)
    )
    result = run_app(["check", "--no-measure", str(sample)], env, work, target)
    report.record("check --no-measure", result.returncode == 0, outcome(result))
    started = time.perf_counter()  # the headline meter: the bundled font, no browser
    result = run_app(["check", str(sample)], env, work, target)
    report.seconds["check_with_meter"] = round(time.perf_counter() - started, 3)
    measured = "could not be measured" not in result.stderr
    report.record(
        "check (headline measured with the bundled font)",
        result.returncode == 0 and measured,
        outcome(result),
    )
    check_spelling_library(report, env, work, target)
    check_image_library(report, env, work, target)


def check_image_library(report: Report, env: dict[str, str], work: Path, target: Target) -> None:
    """Prove the HTML export shrinks photos with the app's own libvips, not Pillow.

    Without libvips the export falls back to Pillow (editor/export/resample.py): slower and
    silent, so only the loader's list of mapped files (LD_DEBUG=files) shows it.
    """
    story = work / "photos"
    shutil.copytree(SAMPLE, story)
    out = work / "export-vips"
    extra = {"LD_DEBUG": "files"}
    args = ["export", str(story), "--to", "html", "--out", str(out)]
    result = run_app(args, {**env, **extra}, work, target)
    mapped = sorted(set(re.findall(r"file=(\S*libvips[-.]\S*)", result.stderr)))
    # libvips itself is named as _libvips's dependency (found by its RUNPATH); paths are
    # printed for what is opened by path: all of those must be the app's own.
    paths = [m for m in mapped if m.startswith("/")]
    report.record(
        "html export shrinks photos with the bundled libvips",
        result.returncode == 0
        and any("libvips-" in m for m in mapped)
        and bool(paths)
        and all("/_internal/" in m for m in paths),
        f"mapped {', '.join(mapped) or 'no libvips'}",
    )


def check_spelling_library(report: Report, env: dict[str, str], work: Path, target: Target) -> None:
    """`check` with new words loads the app's own optimised libhunspell, not chunspell's.

    glibc's loader names every file it maps (LD_DEBUG=files); a fresh cache folder means no
    kept verdicts, so the Korean dictionary loads.
    """
    story = work / "spelling"
    shutil.copytree(SAMPLE, story)
    extra = {"LD_DEBUG": "files", "ARTICLE_EDITOR_CACHE_DIR": str(work / "cache-spelling")}
    result = run_app(["check", "--no-measure", str(story)], {**env, **extra}, work, target)
    mapped = sorted(set(re.findall(r"file=(\S*libhunspell\S*)", result.stderr)))
    bundled = f"{hunspell_lib.BUNDLED_FOLDER}/{hunspell_lib.SONAME}"
    report.record(
        "check spells with the bundled optimised libhunspell",
        result.returncode == 0 and bool(mapped) and all(m.endswith(bundled) for m in mapped),
        f"mapped {', '.join(mapped) or 'no libhunspell'}",
    )


def check_desktop_files(report: Report) -> None:
    """Validate the shipped .desktop entry and the AppStream metainfo (strictly)."""
    share = APP_DIR / "share"
    desktop = share / "applications" / "article-editor.desktop"
    metainfo = share / "metainfo" / f"{buildinfo.APP_ID}.metainfo.xml"
    for tool, args, name in (
        ("desktop-file-validate", [desktop], "desktop file valid"),
        ("appstreamcli", ["validate", "--strict", "--no-net", metainfo], "metainfo valid (strict)"),
    ):
        if shutil.which(tool) is None:  # a proof without its validator proves nothing
            report.record(name, False, f"{tool} is not installed (make package-check installs it)")
            continue
        result = subprocess.run([tool, *map(str, args)], capture_output=True, text=True)
        report.record(name, result.returncode == 0, outcome(result, result.stdout.strip()))


def check_floor(report: Report) -> None:
    """The launcher checks the glibc floor the build measured, and that is the supported one."""
    needs = json.loads((build.GENERATED / "host-needs.json").read_text(encoding="utf-8"))
    report.host_needs = needs
    launcher = BINARY.read_text(encoding="utf-8")
    ok = f"GLIBC_FLOOR={needs['glibc']}\n" in launcher and elfscan.at_least(
        buildinfo.GLIBC_FLOOR, needs["glibc"]
    )
    report.record(
        "glibc floor measured and checked at start",
        ok,
        f"glibc {needs['glibc']} (supported floor {buildinfo.GLIBC_FLOOR}), "
        f"GLIBCXX_{needs['glibcxx']}; {len(needs['host_libraries'])} libraries from the host",
    )


def check_gui(report: Report, work: Path, run: int, language: str, target: Target = HOST) -> None:
    """Open the app under Xvfb, wait for its window, take a screenshot, close it.

    In Korean the title must read KOREAN_UNTITLED: proof that the compiled catalogue shipped.
    """
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        report.record("GUI opens", False, f"missing {', '.join(missing)}")
        return
    home = work / f"gui-home-{run}"
    log = OUT / f"gui-{run}.log"
    with Xvfb(target.prefix()) as xvfb, log.open("w") as log_file:
        env = clean_env(home, DISPLAY=xvfb.display, ARTICLE_EDITOR_LANG=language)
        started = time.perf_counter()
        app = subprocess.Popen(
            target.argv([]),
            env=target.env(env),
            cwd=work,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        window, mapped = _wait_for_window(xvfb.display, app, started)
        if not window:
            stop(app)
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
        helpers = session_processes(app, "QtWebEngineProcess")
        window = find_window(xvfb.display) or window
        title = xdotool(xvfb.display, "getwindowname", window)
        icon = window_icon_size(xvfb.display, window)
        closed = _close(xvfb.display, window, app)
    text = log.read_text(errors="replace")
    colours = colours_in(shot)
    ok = colours > 50 and "Traceback" not in text and icon > 0 and helpers > 0
    if language == "ko":
        ok = ok and KOREAN_UNTITLED in title
    report.record(
        f"GUI opens (run {run}, {language})",
        ok,
        f"window {title!r} mapped in {mapped:.2f} s (final window {settled:.2f} s), "
        f"{colours} colours in {shot.name}, window icon of {icon} values, "
        f"{helpers} Qt WebEngine processes, "
        f"{'closed cleanly' if closed else 'had to be terminated'}"
        + ("; Python traceback in " + log.name if "Traceback" in text else ""),
    )


def window_icon_size(display: str, window: str) -> int:
    """Return how many numbers the window's _NET_WM_ICON holds (0: no icon for the WM)."""
    result = subprocess.run(
        ["xprop", "-id", window, "-notype", "32c", "_NET_WM_ICON"],
        capture_output=True,
        text=True,
        env={**os.environ, "DISPLAY": display},
    )
    values = result.stdout.partition("=")[2]
    return len(values.split(",")) if values.strip() else 0


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
    quit_app(display, window)
    try:
        app.wait(timeout=15)
        return True
    except subprocess.TimeoutExpired:
        stop(app)
        return False


def check_bare_host(report: Report, cache: Path) -> None:
    """Run the app in a Debian 12 minbase userland holding only the documented host packages.

    --version, both exports (and render, check) and the GUI under an Xvfb of that userland:
    a library the bundle leaves to the host but the docs do not list fails here.
    """
    if not prove_oldroot.tools_present(report, BARE_SUITE):
        return
    packages = (*buildinfo.HOST_PACKAGES, *CHECK_PACKAGES)
    log = OUT / f"debootstrap-{BARE_SUITE}.log"
    root = prove_oldroot.ensure_root(report, cache, log, BARE_SUITE, packages)
    if root is None:
        return
    prove_oldroot.install_app(root, APP_DIR)
    work = root / "tmp" / "prove-linux"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    bare = Report(version=report.version, where=f"{BARE_SUITE}, documented host packages only")
    target = Target(root)
    env = clean_env(work / "home")
    check_version(bare, env, work, target)
    check_headless(bare, env, work, target)
    check_gui(bare, work, 3, "en", target)
    bare.where = BARE_SUITE  # shorter keys for the timings
    report.merge(bare)
    shutil.rmtree(work, ignore_errors=True)


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
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path.home() / ".cache" / "article-editor-package-check",
        help="where the old Debian userland is kept between runs",
    )
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
        check_desktop_files(report)
        check_floor(report)
        prove_install.check_install(report, APP_DIR, work)
        prove_oldroot.check_old_userland(report, APP_DIR, args.cache, OUT)
        check_bare_host(report, args.cache)
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

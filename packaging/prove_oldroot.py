"""Prove the glibc floor in an older Debian userland: debootstrap it once (cached), chroot in.

Debian 11 (bullseye, glibc 2.31) is older than the floor. There the launcher must refuse with
its one clear message, on the command line and as a window on the desktop, and the frozen
binary started past the launcher must fail in the loader: proof that the floor is real.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

import buildinfo
from proofkit import Report, Xvfb, find_window, screenshot, stop

SUITE = "bullseye"
# xmessage: the launcher's window where a desktop has neither zenity nor kdialog.
PACKAGES = ("x11-utils",)
INSIDE = Path("/opt") / buildinfo.EXE_NAME
DEFAULT_MIRROR = "http://deb.debian.org/debian"


def mirror(sources: Path = Path("/etc/apt")) -> str:
    """Return the Debian archive this machine's apt uses (its first .../debian URI)."""
    files = sorted(sources.glob("sources.list.d/*.sources")) + sorted(sources.glob("sources.list*"))
    for file in files:
        if file.is_file():
            for uri in re.findall(
                r"(?:URIs:\s*|^deb\s+(?:\[[^]]*\]\s+)?)(\S+)",
                file.read_text(errors="replace"),
                re.MULTILINE,
            ):
                if uri.rstrip("/").endswith("/debian"):
                    return uri.rstrip("/")
    return DEFAULT_MIRROR


def ensure_root(
    report: Report, cache: Path, log: Path, suite: str = SUITE, packages: Sequence[str] = PACKAGES
) -> Path | None:
    """Return the cached minbase userland of suite with packages, debootstrapping it when missing.

    The marker records the mirror and the package list: a changed list makes a new userland.
    """
    root = cache / f"{suite}-root"
    stamp = mirror() + "\n" + " ".join(packages) + "\n"
    marker = root / ".complete"
    if marker.is_file() and marker.read_text() == stamp:
        report.seconds[f"debootstrap_{suite}"] = 0.0  # cached
        return root
    shutil.rmtree(root, ignore_errors=True)
    partial = cache / f"{suite}-root.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    command = ["debootstrap", "--variant=minbase", f"--include={','.join(packages)}"]
    command += [suite, str(partial), mirror()]
    print("+", " ".join(command), flush=True)
    started = time.perf_counter()
    with log.open("w") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT)
    report.seconds[f"debootstrap_{suite}"] = round(time.perf_counter() - started, 1)
    if result.returncode != 0:
        report.record(f"debootstrap {suite}", False, f"exit {result.returncode}, see {log}")
        return None
    (partial / ".complete").write_text(stamp)
    partial.rename(root)
    return root


def install_app(root: Path, app_dir: Path) -> None:
    """Copy the built app folder to INSIDE in root, replacing an earlier copy."""
    shutil.rmtree(root / INSIDE.relative_to("/"), ignore_errors=True)
    shutil.copytree(app_dir, root / INSIDE.relative_to("/"), symlinks=True)


def chroot(root: Path, args: list[str], **kwargs: object) -> subprocess.CompletedProcess:
    """Run args inside root with a bare environment."""
    env = {"PATH": "/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8"}
    env.update(kwargs.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(
        [chroot_command(), str(root), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )  # type: ignore[arg-type]


def chroot_command() -> str:
    """Return chroot's full path (the bare environment's PATH has no sbin)."""
    return shutil.which("chroot") or "/usr/sbin/chroot"


def check_old_userland(report: Report, app_dir: Path, cache: Path, out: Path) -> None:
    """Refusal on the command line, as a window, and the loader's failure past the launcher."""
    if not tools_present(report, SUITE):
        return
    root = ensure_root(report, cache, out / f"debootstrap-{SUITE}.log")
    if root is None:
        return
    install_app(root, app_dir)
    glibc = chroot(root, ["getconf", "GNU_LIBC_VERSION"]).stdout.strip()
    floor = _floor(app_dir)
    expected = f"glibc) {floor} or newer; this system has {glibc}."
    started = time.perf_counter()
    version = chroot(root, [str(INSIDE / buildinfo.EXE_NAME), "--version"])
    report.seconds[f"{SUITE}_refusal"] = round(time.perf_counter() - started, 3)
    report.record(
        f"{SUITE} ({glibc}): --version refused clearly",
        version.returncode == 1
        and expected in version.stderr
        and "not found" not in version.stderr,
        version.stderr.strip(),
    )
    export = chroot(
        root,
        [str(INSIDE / buildinfo.EXE_NAME), "export", "/tmp", "--to", "html", "--out", "/tmp/out"],
    )
    report.record(
        f"{SUITE}: export refused clearly",
        export.returncode == 1 and expected in export.stderr,
        f"exit {export.returncode}",
    )
    bare = chroot(root, [str(INSIDE / "app" / buildinfo.EXE_NAME), "--version"])
    lines = [line for line in bare.stderr.splitlines() if "GLIBC_" in line]
    report.record(
        f"{SUITE}: past the launcher the loader stops (the floor is real)",
        bare.returncode != 0 and bool(lines),
        lines[0].strip() if lines else bare.stderr,
    )
    _check_refusal_window(report, root, out)


def tools_present(report: Report, suite: str) -> bool:
    """Return whether debootstrap and chroot are here; a FAIL line when not."""
    if shutil.which("debootstrap") and shutil.which("chroot"):
        return True
    return report.record(f"{suite} userland", False, "debootstrap or chroot missing")


def _floor(app_dir: Path) -> str:
    text = (app_dir / buildinfo.EXE_NAME).read_text(encoding="utf-8")
    match = re.search(r"^GLIBC_FLOOR=(\S+)$", text, re.MULTILINE)
    return match.group(1) if match else "?"


def _check_refusal_window(report: Report, root: Path, out: Path) -> None:
    """Started as from the menu (no terminal), the refusal shows as a window."""
    log = out / f"{SUITE}-refusal.log"
    with Xvfb() as xvfb, log.open("w") as log_file:
        started = time.perf_counter()
        app = subprocess.Popen(
            [chroot_command(), str(root), str(INSIDE / buildinfo.EXE_NAME)],
            env={
                "PATH": "/usr/bin:/bin",
                "HOME": "/root",
                "LANG": "C.UTF-8",
                "DISPLAY": xvfb.display,
            },
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        window = ""
        deadline = time.monotonic() + 40
        while not window and time.monotonic() < deadline and app.poll() is None:
            window = find_window(xvfb.display, "Xmessage")
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        shot = out / f"{SUITE}-refusal.png"
        if window:
            time.sleep(0.5)
            screenshot(xvfb.display, shot)
        stop(app)
    report.record(
        f"{SUITE}: started from the menu, the refusal is a window",
        bool(window),
        f"xmessage in {seconds:.2f} s, {shot.name}"
        if window
        else f"no window: {log.read_text()!r}",
    )

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


def ensure_root(report: Report, cache: Path, log: Path) -> Path | None:
    """Return the cached old userland, making it with debootstrap first when missing."""
    root = cache / f"{SUITE}-root"
    if (root / ".complete").is_file():
        report.seconds["debootstrap"] = 0.0  # cached
        return root
    partial = cache / f"{SUITE}-root.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.parent.mkdir(parents=True, exist_ok=True)
    command = [
        "debootstrap",
        "--variant=minbase",
        f"--include={','.join(PACKAGES)}",
        SUITE,
        str(partial),
        mirror(),
    ]
    print("+", " ".join(command), flush=True)
    started = time.perf_counter()
    with log.open("w") as out:
        result = subprocess.run(command, stdout=out, stderr=subprocess.STDOUT)
    report.seconds["debootstrap"] = round(time.perf_counter() - started, 1)
    if result.returncode != 0:
        report.record(f"debootstrap {SUITE}", False, f"exit {result.returncode}, see {log}")
        return None
    (partial / ".complete").write_text(mirror() + "\n")
    partial.rename(root)
    return root


def chroot(root: Path, args: list[str], **kwargs: object) -> subprocess.CompletedProcess:
    """Run args inside root with a bare environment."""
    env = {"PATH": "/usr/bin:/bin", "HOME": "/root", "LANG": "C.UTF-8"}
    env.update(kwargs.pop("env", {}))  # type: ignore[arg-type]
    return subprocess.run(
        [_chroot(), str(root), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )  # type: ignore[arg-type]


def _chroot() -> str:
    """Return chroot's full path (the bare environment's PATH has no sbin)."""
    return shutil.which("chroot") or "/usr/sbin/chroot"


def check_old_userland(report: Report, app_dir: Path, cache: Path, out: Path) -> None:
    """Refusal on the command line, as a window, and the loader's failure past the launcher."""
    if shutil.which("debootstrap") is None or shutil.which("chroot") is None:
        report.record(f"{SUITE} userland", False, "debootstrap or chroot missing")
        return
    root = ensure_root(report, cache, out / "debootstrap.log")
    if root is None:
        return
    shutil.rmtree(root / INSIDE.relative_to("/"), ignore_errors=True)
    shutil.copytree(app_dir, root / INSIDE.relative_to("/"), symlinks=True)
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
            [_chroot(), str(root), str(INSIDE / buildinfo.EXE_NAME)],
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

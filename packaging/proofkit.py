"""What the Linux proofs share: the report, a bare environment, a private X server, xdotool."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import buildinfo


@dataclass
class Report:
    """What the proof found: each check's outcome, the size and the timings."""

    version: str = ""
    checks: dict[str, str] = field(default_factory=dict)
    size_bytes: int = 0
    size_du: str = ""
    seconds: dict[str, float] = field(default_factory=dict)
    host_needs: dict[str, object] = field(default_factory=dict)
    where: str = ""  # names the place of every check, e.g. a chroot's release

    def record(self, name: str, ok: bool, detail: str = "") -> bool:
        """Note a check's outcome and print it; return ok."""
        name = f"{self.where}: {name}" if self.where else name
        self.checks[name] = ("PASS" if ok else "FAIL") + (f": {detail}" if detail else "")
        print(
            f"[{'PASS' if ok else 'FAIL'}] {name}" + (f" — {detail}" if detail else ""), flush=True
        )
        return ok

    def merge(self, other: Report) -> None:
        """Take other's checks, and its timings prefixed with its place."""
        self.checks.update(other.checks)
        self.seconds.update({f"{other.where}_{k}": v for k, v in other.seconds.items()})

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


def outcome(result: subprocess.CompletedProcess, ok_detail: str = "") -> str:
    if result.returncode == 0:
        return ok_detail
    lines = (result.stderr or result.stdout).strip().splitlines()
    return f"exit {result.returncode}: {lines[-1] if lines else ''}"


class Xvfb:
    """A private X server for the GUI check, stopped on exit.

    Tries displays from FIRST_DISPLAY on (others on this machine use low numbers, some with
    no lock file this process can see) until one starts and answers a client.
    """

    FIRST_DISPLAY = 98

    def __init__(self, prefix: Sequence[str] = ()) -> None:
        self.display = ""
        self.process: subprocess.Popen | None = None
        self.prefix = list(prefix)  # e.g. chroot ROOT: the server runs inside a userland

    def __enter__(self) -> Xvfb:
        for number in range(self.FIRST_DISPLAY, self.FIRST_DISPLAY + 60):
            if not Path(f"/tmp/.X{number}-lock").exists() and self._start(number):
                return self
        raise RuntimeError("no free display for Xvfb")

    def _start(self, number: int) -> bool:
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            [
                *self.prefix,
                "Xvfb",
                f":{number}",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1600x1000x24",
                "-nolisten",
                "tcp",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write_end,),
        )
        os.close(write_end)
        with os.fdopen(read_end) as ready:
            started = ready.readline().strip() == str(number)  # empty when it gave up
        self.display = f":{number}"
        if started and xdotool(self.display, "getdisplaygeometry"):
            return True
        self.__exit__()
        return False

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


def xdotool(display: str, *args: str) -> str:
    """Run xdotool on display; return what it printed."""
    result = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, env={**os.environ, "DISPLAY": display}
    )
    return result.stdout.strip()


def quit_app(display: str, window: str) -> None:
    """Quit as a user would: Escape each dialog on top (e.g. first-run questions), then Ctrl+Q.

    Without a window manager, keys go to the focused window; a modal dialog ignores keys
    sent to the window under it, so each one is focused in turn.
    """
    found = xdotool(display, "search", "--onlyvisible", "--class", buildinfo.EXE_NAME).split()
    for dialog in reversed([w for w in found if w != window]):
        xdotool(display, "windowfocus", dialog)
        time.sleep(0.3)
        xdotool(display, "key", "--clearmodifiers", "Escape")
    xdotool(display, "windowfocus", window)
    time.sleep(0.3)
    xdotool(display, "key", "--clearmodifiers", "ctrl+q")


def find_window(display: str, window_class: str = buildinfo.EXE_NAME) -> str:
    """Return the id of the app's (or window_class's) visible top-level window, or "".

    Matched by WM_CLASS: xdotool's --name regex does not match titles with Hangul in them.
    """
    found = xdotool(display, "search", "--onlyvisible", "--class", window_class).split()
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


def session_processes(app: subprocess.Popen, comm: str) -> int:
    """Return how many live processes of app's session are named comm (cut to 15 characters).

    Qt WebEngine's helper is started by the app: when a host library it links is missing it
    dies at once, silently, and the preview stays empty while the window looks fine.
    """
    count = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        name, _, rest = text.partition("(")[2].rpartition(")")
        fields = rest.split()
        count += name == comm[:15] and fields[3] == str(app.pid) and fields[0] != "Z"
    return count


def stop(app: subprocess.Popen) -> None:
    """Stop the app and its helper processes (they share its session)."""
    if app.poll() is None:
        os.killpg(app.pid, signal.SIGTERM)
        try:
            app.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(app.pid, signal.SIGKILL)
            app.wait()

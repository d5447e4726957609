"""What every benchmark shares: Qt environment, temp settings, summaries, machine, output."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS_DIR = HERE / "results"


def prepare_environment() -> None:
    """Run Qt offscreen (unless a display is chosen), unsandboxed as root, settings in tmp."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
        if "--no-sandbox" not in flags.split():
            os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} --no-sandbox".strip()
    if "ARTICLE_EDITOR_CONFIG_DIR" not in os.environ:
        base = Path(tempfile.mkdtemp(prefix="article-editor-bench-"))
        os.environ["ARTICLE_EDITOR_CONFIG_DIR"] = str(base / "config")
        os.environ["ARTICLE_EDITOR_DATA_DIR"] = str(base / "data")


def seed_user(config_dir: Path) -> None:
    """Write the settings of a user who has said who they are (the first run's question).

    Start-up figures are for the everyday start; the first run alone asks for a name.
    """
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "settings.ini").write_text(
        "[user]\nname=벤치 기자\nemail=bench@example.com\nrole=reporter\n", encoding="utf-8"
    )


def percentile(values: Sequence[float], share: float) -> float:
    """Return the nearest-rank percentile (share in 0..1) of values."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(share * len(ordered) + 0.5)))
    return ordered[rank - 1]


def summarise(values: Sequence[float]) -> dict[str, float]:
    """Return min, median and max (rounded) and the count."""
    return {
        "min": round(min(values), 2),
        "median": round(statistics.median(values), 2),
        "max": round(max(values), 2),
        "n": len(values),
    }


def cell(summary: dict[str, float]) -> str:
    """Return 'median [min–max]' for a table cell."""
    return f"{summary['median']:.2f} [{summary['min']:.2f}–{summary['max']:.2f}]"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return 0.0


def machine() -> dict[str, object]:
    """Describe the machine and the software the figures came from."""
    info: dict[str, object] = {
        "cpus": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "ram_gb": _ram_gb(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else [],
    }
    try:
        import PySide6
        from PySide6 import QtCore

        info["pyside6"] = PySide6.__version__
        info["qt"] = QtCore.qVersion()
    except ImportError:
        pass
    return info


SPEED_LOOP = 12_000_000  # iterations of the speed probe's loop


def speed_probe() -> float:
    """Return the CPU seconds of a fixed pure-Python loop: how quick this hour's machine is.

    The same loop on the same interpreter, so its time moves only with the machine (the
    virtual machine's steal, a noisy neighbour, frequency): 0.69-0.80 s on this project's
    machine at 2026-12-02 05:00 UTC. make bench prints it before and after its run and keeps
    it with the machine in latest.json, so wall times of different hours can be read against it.
    """
    started = time.process_time()
    total = 0
    for i in range(SPEED_LOOP):
        total += i * i & 7
    return time.process_time() - started


KEPT = ("pages", "pictures", "thumbnails")  # what the app keeps of an article's last opening


@contextlib.contextmanager
def nothing_kept(cache: Path) -> Iterator[None]:
    """Move the app's kept pages, pictures and photo thumbnails aside for a start, then back.

    The article then opens as for the first time (startup.py, peers.py: "first opening").
    """
    aside = Path(tempfile.mkdtemp(prefix="article-editor-aside-"))
    moved = [name for name in KEPT if (cache / name).is_dir()]
    for name in moved:
        shutil.move(cache / name, aside / name)
    try:
        yield
    finally:
        for name in moved:
            shutil.rmtree(cache / name, ignore_errors=True)
            shutil.move(aside / name, cache / name)
        shutil.rmtree(aside, ignore_errors=True)


def emit(name: str, results: dict[str, object], table: str) -> None:
    """Print the table and the JSON (with the machine) of one benchmark."""
    print(table)
    print(json.dumps({"benchmark": name, "machine": machine(), "results": results}, indent=1))


def spin(condition: Callable[[], bool], timeout: float = 30.0, what: str = "condition") -> None:
    """Process Qt events until condition holds (or raise TimeoutError)."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def idle(seconds: float) -> None:
    """Process Qt events for a while (timers, IPC), as an idle UI would."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)


def wait_for_spelling(window, timeout: float = 120) -> bool:  # noqa: ANN001
    """Wait until the spell process has answered a first check; False if spelling is off.

    The process is ready at once; a dictionary loads (~2–3 s of CPU for Korean) with the
    first word of its script that earlier runs did not judge, so the first answer is what
    says the underlines are there.
    """
    spin(lambda: window.spelling is not None or not window._spelling_on, what="spelling")
    if window.spelling is None:
        return False
    service = window.spelling.service
    spin(
        lambda: service.checks_answered > 0 or bool(window.spelling.error),
        timeout=timeout,
        what="the spell check's first answer",
    )
    return service.checks_answered > 0


def parent_of(pid: int) -> int:
    """Return a process's parent id (0 if it ended)."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return 0


def descendants(root: int) -> list[int]:
    """Return root and every process below it (Linux: read from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            children.setdefault(parent_of(int(entry.name)), []).append(int(entry.name))
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, []))
    return found


def thread_cpu_ns(pid: int) -> dict[str, int]:
    """Return the CPU ns a process's threads have run, by thread name (schedstat; {} if gone)."""
    found: dict[str, int] = {}
    try:
        tasks = list(os.scandir(f"/proc/{pid}/task"))
    except OSError:
        return found
    for task in tasks:
        try:
            name = Path(task.path, "comm").read_text().strip()
            ns = int(Path(task.path, "schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended meanwhile
        found[name] = found.get(name, 0) + ns
    return found


def add_bench_path() -> None:
    """Let a benchmark import its siblings (korean_body, benchlib) when run as a script."""
    if str(HERE) not in sys.path:
        sys.path.append(str(HERE))  # after the standard library: typing.py lives here


def settle(app, seconds: float) -> None:  # noqa: ANN001 - a QApplication
    """Let Qt paint (and pages load) for a while; screenshots need settled pixels."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)


def screenshot_parser(
    description: str, *, settle_s: float, lang: str, lang_help: str, size: str = "1440x900"
) -> argparse.ArgumentParser:
    """Return the arguments every screenshot script takes: folder, size, settle time, language."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default=size, help="window size, WIDTHxHEIGHT")
    parser.add_argument("--settle", type=float, default=settle_s, help="seconds to let pages paint")
    parser.add_argument("--lang", default=lang, help=lang_help)
    return parser


def screenshot_environment(
    args: argparse.Namespace, temp: tuple[str, ...] = (), *, replace: bool = False
) -> None:
    """Run offscreen in args.lang, with the named folders ("config", "data") in temp folders.

    A folder the caller already set is kept unless replace: a run that writes settings
    (publishing targets) always gets fresh ones.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.lang:
        os.environ["ARTICLE_EDITOR_LANG"] = args.lang
    for kind in temp:
        var = f"ARTICLE_EDITOR_{kind.upper()}_DIR"
        if replace or var not in os.environ:
            os.environ[var] = tempfile.mkdtemp(prefix="shots-")


def open_screenshot_window(args: argparse.Namespace, size: tuple[int, int] | None = None):  # noqa: ANN201
    """Start the app on the sample at args.size (or size), settled; return (app, window)."""
    width, height = size or window_size(args)
    from editor.ui.app import create_application, open_window

    app = create_application([sys.argv[0]])
    window = open_window(None)
    window.resize(width, height)
    settle(app, args.settle)
    args.out.mkdir(parents=True, exist_ok=True)
    return app, window


def window_size(args: argparse.Namespace) -> tuple[int, int]:
    """Return args.size (WIDTHxHEIGHT) as numbers."""
    width, height = (int(n) for n in args.size.lower().split("x"))
    return width, height


def save_shot(widget, out: Path, name: str, written: list[str] | None = None) -> Path:  # noqa: ANN001
    """Grab a widget into out/name (and list it in written)."""
    target = out / name
    widget.grab().save(str(target))
    if written is not None:
        written.append(str(target))
    return target


def close_screenshot_window(window) -> None:  # noqa: ANN001 - a MainWindow
    """Close the window without asking to save what the script changed."""
    window.document.set_modified(False)
    window.close()

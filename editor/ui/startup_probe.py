"""Start-up probe for benchmarks/startup.py: ARTICLE_EDITOR_STARTUP_PROBE=1 switches it on.

It prints `probe window_painted <t>` once the window's first frame is painted (its
`first_painted` signal, on the event-loop turn after its first paint event) and
`probe preview_painted <t>` once the preview has painted its first loaded page, t being
time.monotonic() (one clock for every process on the machine), then ends the process.
When the window's first frame painted the preview's kept picture (preview/picture.py) it
also prints `probe picture_shown <t>` with that frame, and `probe picture_swapped <t>` when
the live page took the picture's place (after `probe-info picture_differing <n>`).
With ARTICLE_EDITOR_STARTUP_PROBE=paint-event it ends the process at the window's first
paint event instead, without waiting on any timer: what benchmarks/startup.py
--instructions counts under callgrind (a load-robust measure of the work before the
first frame). With ARTICLE_EDITOR_STARTUP_PROBE=settle it ends SETTLE_MS after the preview's
page painted instead: long enough for the preview to keep its page for the next start
(editor/ui/preview/page_cache.py), as a start that the user used for a while does.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from editor.ui import first_paint
from editor.ui.first_paint import after_preview_painted

PROBE_ENV = "ARTICLE_EDITOR_STARTUP_PROBE"
SETTLE_MS = 2500
SWAP_WAIT_MS = 5000
_panes: list[QWidget] = []  # the window's preview, once installed


def stamp(name: str) -> None:
    """Print one probe line with the current monotonic time (and the UI thread's CPU)."""
    print(f"probe {name} {time.monotonic():.6f}", flush=True)
    print(f"probe-info {name}_ui_cpu_ms {time.thread_time() * 1000:.3f}", flush=True)
    if name == "preview_painted":
        print(f"probe-info renderer_cpu_ms {children_cpu_ms():.0f}", flush=True)


def children_cpu_ms() -> float:
    """Return the CPU time of this process's descendants (Chromium's zygote and renderer).

    From /proc (Linux; 0 elsewhere): they are still running, so getrusage cannot see them.
    """
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    parents, total = {os.getpid()}, 0
    try:
        entries = sorted(int(e) for e in os.listdir("/proc") if e.isdigit())
    except OSError:
        return 0.0
    for pid in entries:  # a child's pid is higher than its parent's, short of wrap-around
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as file:
                fields = file.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) in parents:
            parents.add(pid)
            total += int(fields[11]) + int(fields[12])
    return total * 1000 / ticks


def prepare() -> None:
    """Before the window exists: in paint-event mode no fallback may stand in for the paint.

    Under callgrind a start takes ~50 times as long, and the first-paint fallback would
    start the preview (and QtWebEngine) before the window's paint event arrives.
    """
    if os.environ.get(PROBE_ENV) == "paint-event":
        first_paint.FALLBACK_MS = None


def arm(window) -> None:
    """Stamp the window's first paint and the preview's first painted page, then quit."""
    mode = os.environ.get(PROBE_ENV)
    if not mode:
        return
    if mode == "paint-event":
        _ExitAtPaint(window)
        return
    window.first_painted.connect(lambda: stamp("window_painted"))
    window.first_painted.connect(lambda: _stamp_picture(window))
    window.preview_installed.connect(_watch_swap)
    done = _settle if mode == "settle" else _preview_painted
    # No fallback here: a page that never paints must show as a missing probe, not a time.
    window.preview_installed.connect(lambda pane: after_preview_painted(pane, done, None))


def _stamp_picture(window) -> None:
    """Stamp the kept picture if the window's first frame painted it (the same frame)."""
    placeholder = window.main_splitter.widget(1)
    if getattr(placeholder, "picture_shown", False):
        stamp("picture_shown")
        print(f"probe-info picture_look_up_ms {placeholder.look_up_ms:.3f}", flush=True)
        print(f"probe-info picture_look_up_cpu_ms {placeholder.look_up_cpu_ms:.3f}", flush=True)


def _watch_swap(pane) -> None:
    _panes.append(pane)
    swapped = getattr(pane, "picture_swapped", None)
    if swapped is not None:
        swapped.connect(_stamp_swap)


def _stamp_swap(differing: int) -> None:
    stamp("picture_swapped")
    print(f"probe-info picture_differing {differing}", flush=True)


class _ExitAtPaint(QObject):
    """End the process when the watched widget's first paint event arrives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            stamp("paint_event")
            _quit()
        return False


def _preview_painted() -> None:
    stamp("preview_painted")
    pane = _panes[-1] if _panes else None
    if getattr(pane, "_picture", None) is None:
        _quit()
        return
    # The picture gives way only to the same pixels, which may take Chromium a few frames.
    from PySide6.QtCore import QTimer

    pane.picture_swapped.connect(lambda _differing: _quit())
    QTimer.singleShot(SWAP_WAIT_MS, _quit)  # dropped for another reason: no swap to stamp


def _settle() -> None:
    from PySide6.QtCore import QTimer

    stamp("preview_painted")
    QTimer.singleShot(SETTLE_MS, _quit)


def _quit() -> None:
    sys.stdout.flush()
    os._exit(0)  # only the timings matter; skip tearing down QtWebEngine

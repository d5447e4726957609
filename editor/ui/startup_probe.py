"""Start-up probe for benchmarks/startup.py: ARTICLE_EDITOR_STARTUP_PROBE=1 switches it on.

It prints `probe window_painted <t>` once the window's first frame is painted (its
`first_painted` signal, on the event-loop turn after its first paint event) and
`probe preview_painted <t>` once the preview has painted its first loaded page, t being
time.monotonic() (one clock for every process on the machine), then ends the process.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from editor.ui.first_paint import after_first_paint

PROBE_ENV = "ARTICLE_EDITOR_STARTUP_PROBE"


def stamp(name: str) -> None:
    """Print one probe line with the current monotonic time."""
    print(f"probe {name} {time.monotonic():.6f}", flush=True)


def arm(window) -> None:
    """Stamp the window's first paint and the preview's first painted page, then quit."""
    if not os.environ.get(PROBE_ENV):
        return
    window.first_painted.connect(lambda: stamp("window_painted"))
    window.preview_installed.connect(lambda pane: QTimer.singleShot(0, lambda: _watch(pane)))


def _watch(pane: QWidget) -> None:
    views = getattr(pane, "active_views", lambda: [])()
    if not views:  # no QtWebEngine preview here: nothing more to wait for
        _preview_painted()
        return
    view = views[0]
    view.ready.connect(lambda: after_first_paint(view.focusProxy() or view, _preview_painted, None))


def _preview_painted() -> None:
    stamp("preview_painted")
    _quit()


def _quit() -> None:
    sys.stdout.flush()
    os._exit(0)  # only the timings matter; skip tearing down QtWebEngine

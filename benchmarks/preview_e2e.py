"""Preview refresh end to end: from the last keystroke to the painted page, in the real window.

Used by benchmarks/preview.py. A Hangul syllable is committed through the input method
into the real MainWindow's body (highlighter, status bar, autosave on); the app then runs
as it would: the debounce timer fires, the pane renders and patches, the page paints.
Measured per edit:
  e2e_ms         end of the keystroke until the preview's view paints the patched page
  debounce_ms    end of the keystroke until the debounce timer fired (its wait, ~120 ms)
  work_ms        e2e_ms - debounce_ms: render, diff, patch, layout and paint of the page
  ui_refresh_ms  of which UI-thread time in the timer's slot (render changed blocks, send)
"""

from __future__ import annotations

import time

import benchlib

E2E_METRICS = ("e2e_ms", "debounce_ms", "work_ms", "ui_refresh_ms")
WARMUP = 3


def _spin_until(condition, timeout: float = 30.0) -> None:
    """Run the event loop (yielding the CPU between turns) until condition holds."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not paint")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        time.sleep(0.0005)


def _instrument(pane, marks: dict[str, float]) -> None:
    """Time the debounce timer's slot (benchmark-only rewiring of the pane's timer)."""
    slot = pane._on_timer_timeout

    def timed() -> None:
        marks["fired"] = time.perf_counter()
        slot()
        marks["refreshed"] = time.perf_counter()

    pane.timer.timeout.disconnect(slot)
    pane.timer.timeout.connect(timed)


def _edit_once(window, pane, marks: dict[str, float], n: int) -> dict[str, float]:
    """Commit one syllable and time its way onto the screen."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    from editor.ui.first_paint import after_first_paint

    view = pane.active_views()[0]
    marks.clear()

    def on_patched(_layout: str) -> None:
        after_first_paint(
            view.focusProxy() or view,
            lambda: marks.setdefault("painted", time.perf_counter()),
            None,
        )

    pane.page_updated.connect(on_patched)
    event = QInputMethodEvent()
    event.setCommitString("수정했다"[n % 4])
    QCoreApplication.sendEvent(window.body_editor.text_edit, event)
    QCoreApplication.sendPostedEvents()
    typed = time.perf_counter()
    _spin_until(lambda: "painted" in marks)
    pane.page_updated.disconnect(on_patched)
    e2e = (marks["painted"] - typed) * 1000
    debounce = (marks["fired"] - typed) * 1000
    return {
        "e2e_ms": e2e,
        "debounce_ms": debounce,
        "work_ms": e2e - debounce,
        "ui_refresh_ms": (marks["refreshed"] - marks["fired"]) * 1000,
    }


def bench_size(size: int, repeat: int) -> dict[str, dict[str, float]]:
    """Open the real window at size chars; edit repeat times; return min/median/max."""
    from keystrokes import close_window, open_window, place_cursor

    window = open_window(size)
    pane = window.preview
    marks: dict[str, float] = {}
    _instrument(pane, marks)
    place_cursor(window)
    samples: dict[str, list[float]] = {m: [] for m in E2E_METRICS}
    for n in range(repeat + WARMUP):
        result = _edit_once(window, pane, marks, n)
        benchlib.idle(0.25)  # the status counts and autosave timers run here, not in the edit
        if n >= WARMUP:
            for key, value in result.items():
                samples[key].append(value)
    close_window(window)
    return {m: benchlib.summarise(v) for m, v in samples.items()}


def table(results: dict[int, dict[str, dict[str, float]]]) -> str:
    """Return the Markdown table: one row per size."""
    lines = [
        "| body | end of typing → painted ms | debounce ms | work ms | UI thread in refresh ms |",
        "|---:|---|---|---|---|",
    ]
    for size, r in results.items():
        cells = " | ".join(benchlib.cell(r[m]) for m in E2E_METRICS)
        lines.append(f"| {size:,} | {cells} |")
    return "\n".join(lines)

"""Preview refresh end to end: from the last keystroke to the edited text painted on screen.

Run: .venv/bin/python benchmarks/preview_e2e.py [--repeat 15] [--sizes 2000,20000,100000]
     [--site plain]

The real MainWindow (highlighter, spell check, status bar, autosave on) holds a generated
Korean article of each size. The cursor goes to the end of the paragraph in the middle of
the body and the editor is scrolled so that paragraph is its first line: the app's own
scroll sync then brings it onto the preview's screen (a patch below the fold is never
painted, so there would be nothing to wait for). Per edit a Hangul syllable is committed
through the input method and the app runs as it would: the debounce fires, the pane renders
and patches, Chromium lays out and paints. The paint is the first paint event, after the
patch was sent, of the widget Chromium draws into (`view.focusProxy()`, QtWebEngine's
QQuickWidget delegate); it counts only if the pixels of the edited paragraph then differ
from before the keystroke (grabbed outside the timed span) — proof the new text is shown.
Measured per edit (wall ms unless it says CPU):
  e2e_ms         the key event delivered until the edited paragraph's pixels are painted
  key_ms         of which the keystroke itself: its event and the events it posted
  debounce_ms    the keystroke (re)started the debounce timer until it fired (120 ms)
  work_ms        e2e_ms - debounce_ms: render, patch, Chromium's style, layout and paint
  ui_refresh_ms  of which the debounce slot on the UI thread (render inline, send)
  ui_refresh_cpu_ms  that slot's UI-thread CPU (time.thread_time): the app's own part,
                 which the machine's load stretches least
  sent_ms        timer fired until the patch was sent (a long body renders on a worker)
  dom_ms         patch sent until the page script answered (the DOM holds the new text)
  paint_ms       patch sent until the paint event
  app_cpu_ms     CPU of the app process, every thread, key event to paint (schedstat)
  web_cpu_ms     CPU of QtWebEngine's processes (the renderer) in the same span
  page_patch_ms  the page's own clock (performance.now, 0.1 ms steps): the patch script
  page_frame_ms  the patch's end until the main thread finished the next frame (a task
                 posted from its requestAnimationFrame runs after style, layout and paint)
  page_lifecycle_ms  of which that frame's own work: its requestAnimationFrame until then
  page_wait_ms   the patch's end until that frame began (its requestAnimationFrame): the
                 wait for Chromium's next frame
`--site plain` previews the article in the neutral profile (no reading bar, no scroll-driven
animation) instead of the article's own, sisacatch.
and the CPU per thread (mean over the edits) of both, the busiest first.
Targets (issue 9): debounce ≤ 150 ms and work ≤ 30 ms (medians).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import benchlib

benchlib.prepare_environment()

E2E_METRICS = (
    "e2e_ms",
    "key_ms",
    "debounce_ms",
    "work_ms",
    "ui_refresh_ms",
    "ui_refresh_cpu_ms",
    "sent_ms",
    "dom_ms",
    "paint_ms",
    "app_cpu_ms",
    "web_cpu_ms",
    "page_patch_ms",
    "page_frame_ms",
    "page_lifecycle_ms",
    "page_wait_ms",
)
WARMUP = 3
TIMEOUT_S = 20.0
SYLLABLES = "수정했다"
# The edited paragraph's rectangle in the view (device px), from the page itself.
_BLOCK_BOX = """(() => {
  const row = document.querySelectorAll('[data-field="body"] .md-block')[%d];
  if (!row) return null;
  const range = document.createRange();
  range.selectNodeContents(row);
  const r = range.getBoundingClientRect();
  return JSON.stringify([r.left, r.top, r.width, r.height, window.innerHeight]);
})()"""
# The page's own clock around each patch and the frame after it (read outside the timed span).
_PAGE_MARKS = """(() => {
  const preview = window.articlePreview, apply = preview.applyBody;
  window.__marks = null;
  preview.applyBody = (patch) => {
    const start = performance.now();
    const result = apply(patch);
    const end = performance.now();
    requestAnimationFrame(() => {
      const frame = performance.now();
      setTimeout(() => { window.__marks = [end - start, performance.now() - end,
                                           performance.now() - frame]; }, 0);
    });
    return result;
  };
  return true;
})()"""


def _web_processes(root: int) -> list[int]:
    """Return the QtWebEngine processes below root (zygote, renderer; not the spell checker)."""
    return [pid for pid in benchlib.descendants(root)[1:] if _is_web_process(pid)]


def _is_web_process(pid: int) -> bool:
    try:
        return b"QtWebEngineProcess" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


class CpuClock:
    """CPU time by thread of the app's process and of the processes QtWebEngine started."""

    def __init__(self) -> None:
        self.children = _web_processes(os.getpid())

    def read(self) -> dict[str, int]:
        """Return ns per "app:<thread>" and "web:<thread>" (renderer and zygote summed)."""
        found = {f"app:{k}": v for k, v in benchlib.thread_cpu_ns(os.getpid()).items()}
        for pid in self.children:
            for name, ns in benchlib.thread_cpu_ns(pid).items():
                found[f"web:{name}"] = found.get(f"web:{name}", 0) + ns
        return found

    @staticmethod
    def spent(before: dict[str, int], after: dict[str, int]) -> dict[str, float]:
        """Return the ms each thread ran between two readings."""
        return {k: (v - before.get(k, 0)) / 1e6 for k, v in after.items()}


def _rest(seconds: float) -> None:
    """Let the app idle, blocked in its event loop (a busy loop would hold a core)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _paint_watch(widget):
    """Return an event filter on widget that records the time of each paint event."""
    from PySide6.QtCore import QEvent, QObject

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__(widget)
            self.armed_at: float | None = None  # paints before this time do not count
            self.painted_at: float | None = None
            self.wake: list = [lambda: None]
            widget.installEventFilter(self)

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and self.armed_at is not None:
                now = time.perf_counter()
                if now >= self.armed_at and self.painted_at is None:
                    self.painted_at = now
                    self.wake[0]()
            return False

    return PaintWatch()


def _wait(done, timeout: float, what: str, wake: list) -> None:
    """Block in the event loop, as an idle app does, until done() holds.

    Whoever can make done() true calls wake[0]() (no polling timer: it would wake the
    process every millisecond and count in the CPU figures).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    wake[:] = [lambda: done() and loop.quit()]
    deadline = QTimer(singleShot=True, interval=int(timeout * 1000))
    deadline.timeout.connect(loop.quit)
    deadline.start()
    if not done():
        loop.exec()
    deadline.stop()
    wake[:] = [lambda: None]
    if not done():
        raise TimeoutError(what)


def _js(view, code: str):
    """Run code in the preview page's script world; return its result."""
    box: list[object] = []
    wake: list = [lambda: None]

    def answer(result: object) -> None:
        box.append(result)
        wake[0]()

    view.run_script(code, answer)
    _wait(lambda: bool(box), 10, "the page did not answer", wake)
    return box[0]


class EditProbe:
    """The real window at one size, with the edit point on the preview's screen."""

    def __init__(self, window) -> None:
        from keystrokes import place_cursor

        from editor.render.preview_updates import block_index_for_line

        self.window, self.pane = window, window.preview
        self.view = self.pane.active_views()[0]
        self.edit = window.body_editor.text_edit
        place_cursor(window.body_editor.text_edit)
        self.line = self.edit.textCursor().blockNumber()
        self._scroll_editor_to(self.line)
        self.index = block_index_for_line(self.pane.blocks, self.line)
        self.watch = _paint_watch(self.view.focusProxy())
        self.marks: dict[str, float] = {}
        self._instrument()
        self.cpu = CpuClock()
        _js(self.view, _PAGE_MARKS)

    def _scroll_editor_to(self, line: int) -> None:
        """Make line the editor's first visible one; the app scrolls the preview to it."""
        bar = self.edit.verticalScrollBar()
        for _ in range(50):
            first = self.edit.first_visible_line()
            if first == line or bar.value() in (bar.minimum(), bar.maximum()) and first > line:
                break
            bar.setValue(bar.value() + (line - first))
        _rest(0.6)  # the scroll timer (60 ms) fires and the page scrolls

    def _instrument(self) -> None:
        """Time the debounce slot and the moment the patch goes to the page."""
        pane, view, marks = self.pane, self.view, self.marks
        slot = pane._on_timer_timeout

        def timed() -> None:
            marks["fired"] = time.perf_counter()
            cpu = time.thread_time()
            slot()
            marks["refresh_cpu"] = time.thread_time() - cpu
            marks["refreshed"] = time.perf_counter()

        pane.timer.timeout.disconnect(slot)
        pane.timer.timeout.connect(timed)
        send = view.patch_body

        def sent(patch, callback=None, **options) -> None:
            if not patch.is_empty:
                marks.setdefault("sent", time.perf_counter())
                self.watch.armed_at = marks["sent"]
            send(patch, callback, **options)

        view.patch_body = sent

        def dom(_layout: str) -> None:
            marks.setdefault("dom", time.perf_counter())
            self.watch.wake[0]()

        pane.page_updated.connect(dom)

        def restarted(_field: str) -> None:
            if "fired" not in marks:  # the last (re)start before the timer fired
                marks["restarted"] = time.perf_counter()

        # Connected after the pane's own slot: runs once the keystroke restarted the timer.
        self.window.document.changed.connect(restarted)

    def block_box(self) -> tuple[int, int, int, int]:
        """Return the edited paragraph's rectangle in device px; fail if it is off screen."""
        found = _js(self.view, _BLOCK_BOX % self.index)
        if not found:
            raise RuntimeError("the edited paragraph is not in the page")
        left, top, width, height, screen = json.loads(found)
        if top < 0 or top + height > screen:
            raise RuntimeError(f"the edited paragraph is off screen ({top:.0f} of {screen})")
        zoom = self.view.zoomFactor()
        return (round(left * zoom), round(top * zoom), round(width * zoom), round(height * zoom))

    def grab(self, box: tuple[int, int, int, int]):
        """Return the pixels of box as the view shows them (no paint is recorded)."""
        armed, self.watch.armed_at = self.watch.armed_at, None
        image = self.view.grab().toImage().copy(*box)
        self.watch.armed_at = armed
        return image

    def edit_once(self, n: int) -> dict[str, float]:
        """Commit one syllable and time its way onto the screen."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QInputMethodEvent

        box = self.block_box()
        before = self.grab(box)
        self.marks.clear()
        self.watch.armed_at, self.watch.painted_at = float("inf"), None
        event = QInputMethodEvent()
        event.setCommitString(SYLLABLES[n % len(SYLLABLES)])
        cpu_before = self.cpu.read()
        self.marks["pressed"] = time.perf_counter()
        QCoreApplication.sendEvent(self.edit, event)
        QCoreApplication.sendPostedEvents()
        self.marks["typed"] = time.perf_counter()
        _wait(
            lambda: self.watch.painted_at is not None and "dom" in self.marks,
            TIMEOUT_S,
            "the preview did not paint the patch",
            self.watch.wake,
        )
        self.threads = CpuClock.spent(cpu_before, self.cpu.read())
        self.watch.armed_at = None
        if self.grab(self.block_box()) == before:
            raise RuntimeError("the preview painted, but the edited paragraph looks the same")
        app_cpu = sum(v for k, v in self.threads.items() if k.startswith("app:"))
        figures = self._figures(app_cpu, sum(self.threads.values()) - app_cpu)
        marks = "null"
        for _ in range(50):  # the frame after the patch may still be on its way
            marks = _js(self.view, "JSON.stringify(window.__marks)")
            if marks != "null":
                break
            _rest(0.02)
        patch, frame, lifecycle = json.loads(marks) or (float("nan"),) * 3
        _js(self.view, "window.__marks = null")
        figures.update(
            page_patch_ms=patch,
            page_frame_ms=frame,
            page_lifecycle_ms=lifecycle,
            page_wait_ms=frame - lifecycle,
        )
        return figures

    def _figures(self, app_cpu: float, web_cpu: float) -> dict[str, float]:
        m, painted = self.marks, self.watch.painted_at

        def ms(a: float, b: float) -> float:
            return (b - a) * 1000

        return {
            "e2e_ms": ms(m["pressed"], painted),
            "key_ms": ms(m["pressed"], m["typed"]),
            "debounce_ms": ms(m["restarted"], m["fired"]),
            "work_ms": ms(m["fired"], painted),
            "ui_refresh_ms": ms(m["fired"], m["refreshed"]),
            "ui_refresh_cpu_ms": m["refresh_cpu"] * 1000,
            "sent_ms": ms(m["fired"], m["sent"]),
            "dom_ms": ms(m["sent"], m["dom"]),
            "paint_ms": ms(m["sent"], painted),
            "app_cpu_ms": app_cpu,
            "web_cpu_ms": web_cpu,
        }


def _use_site(window, site: str) -> None:
    """Preview the window's article in another site profile; wait for its page."""
    from dataclasses import replace

    document = window.document
    document.restore(replace(document.article, site=site), None)
    pane = window.preview
    benchlib.spin(
        lambda: all(v.is_ready and v.state.site == site for v in pane.active_views()),
        what=f"the {site} page",
    )
    benchlib.idle(0.5)


def bench_size(size: int, repeat: int, site: str = "") -> dict[str, dict[str, float]]:
    """Open the real window at size chars; edit repeat times; return min/median/max."""
    from keystrokes import close_window, open_window

    window = open_window(size)
    if site:
        _use_site(window, site)
    probe = EditProbe(window)
    samples: dict[str, list[float]] = {m: [] for m in E2E_METRICS}
    threads: dict[str, list[float]] = {}
    for n in range(repeat + WARMUP):
        result = probe.edit_once(n)
        _rest(0.25)  # the status counts and autosave timers run here, not in the edit
        if n >= WARMUP:
            for key, value in result.items():
                samples[key].append(value)
            for name, ms in probe.threads.items():
                threads.setdefault(name, []).append(ms)
    close_window(window)
    summary: dict[str, object] = {m: benchlib.summarise(v) for m, v in samples.items()}
    # Per thread, the mean over the edits (a median hides a thread that runs every other edit).
    means = {k: round(sum(v) / len(v), 2) for k, v in threads.items()}
    summary["threads_cpu_ms"] = dict(
        sorted(((k, v) for k, v in means.items() if v >= 0.1), key=lambda kv: -kv[1])
    )
    return summary


def table(results: dict[int, dict[str, dict[str, float]]]) -> str:
    """Return the Markdown table: one row per size."""
    lines = [
        "| body | key → painted ms | keystroke ms | debounce ms | work ms | UI thread in refresh ms "
        "| its CPU ms | fired → sent ms | sent → DOM ms | sent → painted ms | app CPU ms | web CPU ms "
        "| page: patch ms | page: patch → frame done ms | page: frame's work ms "
        "| page: wait for the frame ms |",
        "|---:|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, r in results.items():
        cells = " | ".join(benchlib.cell(r[m]) for m in E2E_METRICS)
        lines.append(f"| {size:,} | {cells} |")
    lines += ["", "| body | CPU per edit, key → painted, by thread (mean ms) |", "|---:|---|"]
    for size, r in results.items():
        busiest = list(r["threads_cpu_ms"].items())[:8]
        lines.append(f"| {size:,} | " + ", ".join(f"{k} {v:.1f}" for k, v in busiest) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; print its table and JSON."""
    from korean_body import hangul_share, korean_body

    from editor.ui.app import create_application

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--sizes", default="2000,20000,100000")
    parser.add_argument("--site", default="", help="preview in this site profile (plain)")
    args = parser.parse_args(argv)
    app = create_application()
    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[int, dict[str, object]] = {}
    for size in sizes:
        results[size] = bench_size(size, args.repeat, args.site)
        results[size]["hangul_share"] = round(hangul_share(korean_body(size)), 3)
    biggest = {k: v for k, v in results.items() if k >= 20_000} or results
    targets = {
        "debounce_le_150ms": all(r["debounce_ms"]["median"] <= 150 for r in biggest.values()),
        "work_le_30ms": all(r["work_ms"]["median"] <= 30 for r in biggest.values()),
    }
    report = {"sizes": results, "site": args.site, "targets": targets}
    benchlib.emit("preview_e2e", report, table(results))
    del app
    return 0


if __name__ == "__main__":
    benchlib.add_bench_path()
    sys.exit(main())

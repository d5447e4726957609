"""Preview refresh: how long an edit takes to reach the page, against full-refresh baselines.

Run: .venv/bin/python benchmarks/preview.py [--repeat 15] [--sizes 2000,20000,100000]

For a generated Korean article of each size, a PreviewPane shows the desktop page; then one
paragraph in the middle is edited again and again. Measured per edit:
  ui_ms      work on the UI thread once the debounce fires: render changed blocks, diff, send
  render_ms  of which rendering the body's blocks (cache hits except the edited block)
  dom_ms     from the debounce firing until the page script has applied the patch
And, in the same run, the ways the preview could refresh instead:
  full_render_ms   Python-Markdown + sanitiser over the whole body
  full_replace_ms  replace the whole body in the loaded page (runJavaScript round trip)
  set_html_ms      setHtml of the whole page until loadFinished
  reload_ms        load the whole page again by URL until loadFinished
Prints a table and JSON with min / median / max of each.
The real path, end to end (a key in the real MainWindow until the edited text is painted,
the figure issue 9 sets), is benchmarks/preview_e2e.py.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
        os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "") + " --no-sandbox"
    ).strip()

import benchlib  # noqa: E402
from korean_body import hangul_share, korean_body  # noqa: E402

benchlib.prepare_environment()  # the real window's settings and drafts go to a temp folder

from editor.ui.preview.scheme import register_schemes  # noqa: E402

register_schemes()

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Signal  # noqa: E402
from PySide6.QtWebEngineCore import QWebEnginePage  # noqa: E402
from PySide6.QtWebEngineWidgets import QWebEngineView  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor import resources  # noqa: E402
from editor.render.markdown import make_markdown, normalise  # noqa: E402
from editor.render.preview_updates import group_blocks  # noqa: E402
from editor.render.sanitize import clean_html  # noqa: E402
from editor.storage import read_article  # noqa: E402
from editor.ui.preview import PreviewPane  # noqa: E402
from editor.ui.preview.scheme import url_for  # noqa: E402

METRICS = (
    "ui_ms",
    "render_ms",
    "dom_ms",
    "full_render_ms",
    "full_replace_ms",
    "set_html_ms",
    "reload_ms",
)


class BenchDocument(QObject):
    """What the pane needs of a document (ui/preview/pane.PreviewDocument)."""

    changed = Signal(str)

    def __init__(self, article) -> None:
        super().__init__()
        self.article = article

    def display_name(self) -> str:
        return "benchmark.article"

    def body_length(self) -> int:
        return len(self.article.body)


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Spin the event loop until condition holds."""
    deadline = time.perf_counter() + timeout
    loop = QEventLoop()
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the preview did not answer")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def js_round_trip(view, code: str) -> float:
    """Return the ms until a runJavaScript call has answered."""
    box: list[object] = []
    started = time.perf_counter()
    view.run_script(code, box.append)
    wait_until(lambda: bool(box))
    return (time.perf_counter() - started) * 1000


def load_time(view, start: Callable[[], None]) -> float:
    """Return the ms from start() until the view's loadFinished."""
    done: list[bool] = []
    view.loadFinished.connect(done.append)
    started = time.perf_counter()
    start()
    wait_until(lambda: bool(done))
    elapsed = (time.perf_counter() - started) * 1000
    view.loadFinished.disconnect(done.append)
    if not done[0]:
        raise RuntimeError("the page did not load")
    return elapsed


def edit_once(
    pane: PreviewPane, doc: BenchDocument, paragraphs: list[str], index: int, n: int
) -> dict[str, float]:
    """Edit one paragraph and time its way into the page."""
    paragraphs[index] = paragraphs[index].rstrip("다.") + f" 수정{n}했다."
    doc.article.body = "\n\n".join(paragraphs)
    patched: list[str] = []
    pane.page_updated.connect(patched.append)
    doc.changed.emit("body")  # the keystroke path: restarts the debounce timer only
    started = time.perf_counter()
    pane.flush()  # what the timer would do 120 ms later
    ui_ms = (time.perf_counter() - started) * 1000
    render_ms = pane.last_render_ms
    wait_until(lambda: bool(patched))
    dom_ms = (time.perf_counter() - started) * 1000
    pane.page_updated.disconnect(patched.append)
    return {"ui_ms": ui_ms, "render_ms": render_ms, "dom_ms": dom_ms}


def plain_view(pane: PreviewPane) -> QWebEngineView:
    """Return a plain view on the preview's profile (the preview's page refuses data: URLs)."""
    plain = QWebEngineView()
    plain.setPage(QWebEnginePage(pane.web_profile, plain))
    plain.resize(pane.views["desktop"].size())
    plain.show()
    load_time(plain, lambda: plain.setHtml("<p>warm</p>", url_for("warm.html")))
    return plain


def baselines(pane: PreviewPane, doc: BenchDocument, plain: QWebEngineView) -> dict[str, float]:
    """Time the full-refresh alternatives once."""
    view = pane.views["desktop"]
    md = make_markdown()
    started = time.perf_counter()
    md.reset()
    clean_html(md.convert(normalise(doc.article.body)))
    full_render = (time.perf_counter() - started) * 1000
    body = json.dumps(group_blocks(pane.blocks), ensure_ascii=False)
    full_replace = js_round_trip(view, f"window.articlePreview.replaceBody({body})")
    html, _ = pane.builder.page(doc.article, "desktop", pane.blocks)
    set_html = load_time(plain, lambda: plain.setHtml(html, url_for("desktop.html")))
    reload = load_time(view, lambda: view.load_page("desktop.html"))
    wait_until(lambda: view.is_ready)
    return {
        "full_render_ms": full_render,
        "full_replace_ms": full_replace,
        "set_html_ms": set_html,
        "reload_ms": reload,
    }


def bench_size(size: int, repeat: int) -> dict[str, dict[str, float]]:
    """Run every measurement for one body size; return min/median/max per metric."""
    article = read_article(resources.sample_path())
    article.body = korean_body(size)
    doc = BenchDocument(article)
    pane = PreviewPane(debounce_ms=120)
    pane.resize(1400, 900)
    pane.show()
    pane.set_document(doc)
    pane.set_mode("desktop", 390)
    wait_until(lambda: all(v.is_ready for v in pane.active_views()) and bool(pane.views))
    paragraphs = article.body.split("\n\n")
    index = len(paragraphs) // 2
    samples: dict[str, list[float]] = {m: [] for m in METRICS}
    for n in range(repeat + 3):
        result = edit_once(pane, doc, paragraphs, index, n)
        if n >= 3:  # the first edits warm the caches and the page's JIT
            for key, value in result.items():
                samples[key].append(value)
    plain = plain_view(pane)
    for _ in range(max(3, repeat // 3)):
        for key, value in baselines(pane, doc, plain).items():
            samples[key].append(value)
    plain.close()
    plain.deleteLater()
    pane.close()
    pane.deleteLater()
    # Delete the pages now, before their web profile and the app go at exit.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {m: summarise(v) for m, v in samples.items()}


def summarise(values: list[float]) -> dict[str, float]:
    """Return min, median and max, rounded."""
    return {
        "min": round(min(values), 2),
        "median": round(statistics.median(values), 2),
        "max": round(max(values), 2),
        "n": len(values),
    }


def print_table(results: dict[int, dict[str, dict[str, float]]]) -> None:
    """Print one row per metric, one column per size (median [min-max] ms)."""
    sizes = list(results)
    print(f"{'metric':<16}" + "".join(f"{f'{s:,} chars':>28}" for s in sizes))
    for metric in METRICS:
        cells = []
        for size in sizes:
            s = results[size][metric]
            cells.append(f"{s['median']:>9.2f} [{s['min']:.2f}–{s['max']:.2f}]")
        print(f"{metric:<16}" + "".join(f"{c:>28}" for c in cells))


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--sizes", default="2000,20000,100000")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {size: bench_size(size, args.repeat) for size in sizes}
    print_table(results)
    machine = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "hangul_share": {s: round(hangul_share(korean_body(s)), 3) for s in sizes},
    }
    print(
        json.dumps(
            {"machine": machine, "results": results},
            ensure_ascii=False,
            indent=1,
        )
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The live preview's floor: Chromium's start and our page's work, without the editor around them.

Run: .venv/bin/python benchmarks/preview_floor.py [--runs 7]

Each run starts three fresh processes, interleaved, each a bare QApplication with one
QWebEngineView of the editor's desktop size (951 x 658 at 1366 x 768), the app's fonts
registered as the app registers them (`create_application`):

- `static`: a one-line page by setHtml on the default profile (benchmarks/startup.py's
  "Chromium's floor");
- `page`: the sample article's real preview page (built by the editor's own PageBuilder,
  with its style sheets, photos and fonts) served by the preview's article: scheme from
  the sandboxed profile, on a plain QWebEnginePage;
- `preview`: the same on the preview's own PreviewPage (its web channel and the two page
  scripts injected in their world), as the editor shows it;
- `late` and `ahead`: `preview` with BUSY_MS of the UI thread's CPU standing for the
  pane's imports and widgets, before the page's load() (`late`, the order up to session 7)
  or after it with the page's HTML request held until then (`ahead`, preview/engine.py);
  compare "first paint" minus "the HTML given".

Times count from the moment the profile is made (the start of QtWebEngine's own work, after
its modules are imported): page load() issued, loadStarted, the page's HTML asked for,
loadFinished, and the view's first paint after it, with the UI thread's CPU and Chromium's
zygote + renderer CPU at the paint. The editor's own figure is exec → painted in
benchmarks/startup.py; what it adds to this floor is its window and its Python.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))
import benchlib  # noqa: E402
import startup  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
VARIANTS = ("static", "page", "preview", "late", "ahead")
BUSY_MS = 150  # late / ahead: the UI thread's CPU between the page's creation and its HTML
VIEW_SIZE = (951, 658)  # the desktop view in a 1366 x 768 window (its frame's viewport)
CHILD = """
import os, sys, time
from editor.ui import app as editor_app

app = editor_app.create_application()  # its names (the fonts' cache folder), theme and fonts
editor_app.configure_webengine()
variant = sys.argv[1]
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from editor.ui.first_paint import after_first_paint
from editor.ui.startup_probe import children_cpu_ms
if variant != "static":
    from editor import resources
    from editor.storage import read_article
    from editor.ui.preview.pages import PageBuilder
    from editor.ui.preview.page import PreviewPage
    from editor.ui.preview.resources import PreviewResources
    from editor.ui.preview.scheme import SandboxedProfile, register_schemes, url_for

    register_schemes()
    article = read_article(resources.sample_path())
    from editor.ui.preview.body_render import BodyRenderQueue

    builder = PageBuilder()
    resolver = PreviewResources(builder, lambda: article)
    shown = BodyRenderQueue(lambda: article.body, builder.prepare, app)._render(article.body)
    resolver.pages["desktop.html"] = builder.page(article, "desktop", shown)
    resolver.check_images()
start = time.monotonic()
cpu0 = time.thread_time()

def stamp(name):
    print(f"probe {name} {(time.monotonic() - start) * 1000:.3f}", flush=True)
    print(f"probe {name}_ui_cpu {(time.thread_time() - cpu0) * 1000:.3f}", flush=True)

def painted():
    stamp("painted")
    print(f"probe renderer_cpu {children_cpu_ms():.0f}", flush=True)
    if variant != "static":
        print("served", " ".join(handler.served), flush=True)
    os._exit(0)

view = QWebEngineView()
if variant == "static":
    page = view.page()
else:
    profile = SandboxedProfile(resolver.resolve)
    handler = profile.scheme_handler
    real = handler._answer
    handler._answer = lambda job: (stamp("html") if not handler.served else None, real(job))
    plain = variant == "page"
    page = QWebEnginePage(profile, view) if plain else PreviewPage(profile, view)
    view.setPage(page)
stamp("profile")
view.resize(VIEW_W, VIEW_H)
view.loadStarted.connect(lambda: stamp("started"))
view.loadFinished.connect(
    lambda ok: (stamp("finished"), after_first_paint(view.focusProxy() or view, painted, None))
)
def busy(ms):  # the pane's imports and widgets, as CPU on this thread
    end = time.thread_time() + ms / 1000
    while time.thread_time() < end:
        pass

if variant == "static":
    view.setHtml("<!doctype html><meta charset=utf-8><h1>Headline</h1><p>" + "Body text. " * 200)
elif variant == "late":  # the pane's work first, then the page's load
    busy(BUSY_MS)
    stamp("given")
    view.load(url_for("desktop.html?v=1"))
elif variant == "ahead":  # the load first, its HTML held until the pane's work is done
    handler.hold()
    view.load(url_for("desktop.html?v=1"))
    busy(BUSY_MS)
    stamp("given")
    handler.answer_held()
else:
    view.load(url_for("desktop.html?v=1"))
stamp("load")
view.show()
app.exec()
"""


def _child() -> str:
    """Return the child's code with this script's constants in it."""
    code = CHILD.replace("BUSY_MS", str(BUSY_MS))
    return code.replace("VIEW_W", str(VIEW_SIZE[0])).replace("VIEW_H", str(VIEW_SIZE[1]))


def one(variant: str, env: dict[str, str]) -> dict[str, float]:
    """Start one process of a variant; return its stamps (ms after the profile was made)."""
    proc = subprocess.run(
        [sys.executable, "-c", _child(), variant],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    stamps = {}
    for line in proc.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "probe":
            stamps[parts[1]] = float(parts[2])
        elif parts and parts[0] == "served" and os.environ.get("FLOOR_VERBOSE"):
            print(variant, line)
    if "painted" not in stamps:
        raise RuntimeError(f"{variant}: no paint: {proc.stderr[-2000:]}")
    if "given" in stamps:
        stamps["after_given"] = stamps["painted"] - stamps["given"]
    return stamps


ROWS = (
    ("load() issued", "load"),
    ("loadStarted", "started"),
    ("the page's HTML asked for (article: scheme)", "html"),
    ("loadFinished", "finished"),
    ("first paint after it", "painted"),
    ("late / ahead: the pane's work done (the HTML given)", "given"),
    ("late / ahead: first paint after the HTML was given", "after_given"),
    ("UI-thread CPU to the paint", "painted_ui_cpu"),
    ("zygote + renderer CPU at the paint", "renderer_cpu"),
)


def main(argv: list[str] | None = None) -> int:
    """Run the variants interleaved; print their table and JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    benchlib.prepare_environment()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # The app's cache folder as startup.py keeps it: the fonts' TrueType form is there, so
    # the page names the registered fonts (local()) as in the app, nothing to fetch.
    env["ARTICLE_EDITOR_CACHE_DIR"] = str(startup.CACHE)
    env["PYTHONPYCACHEPREFIX"] = str(startup.PYCACHE)
    samples: dict[str, dict[str, list[float]]] = {v: {} for v in VARIANTS}
    for variant in VARIANTS:
        one(variant, env)  # byte code and the disk cache warm
    for _ in range(args.runs):
        for variant in VARIANTS:
            for key, value in one(variant, env).items():
                samples[variant].setdefault(key, []).append(value)
    results = {
        variant: {key: benchlib.summarise(values) for key, values in found.items()}
        for variant, found in samples.items()
    }
    lines = ["| after the profile is made (ms) | " + " | ".join(VARIANTS) + " |"]
    lines.append("|---" * (len(VARIANTS) + 1) + "|")
    for label, key in ROWS:
        cells = [benchlib.cell(results[v][key]) if key in results[v] else "—" for v in VARIANTS]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    benchlib.emit("preview_floor", results, "\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Start-up: a minimal first frame; review, autosave, recovery and QtWebEngine come after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtWidgets import QMenu, QWidget

from editor.ui import first_paint
from editor.ui.main_window import MainWindow

HEAVY = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "jinja2", "markdown", "PIL")
# Loaded only once the window's first frame is painted (or when first used).
AFTER_FIRST_PAINT = (
    *HEAVY,
    # The package itself comes in: its kept picture (preview/picture.py) is the first frame's.
    "editor.ui.preview.pane",
    "editor.ui.preview.kept_picture",
    "editor.ui.preview.page_cache",
    "editor.render.preview_sync",
    "editor.ui.review.controller",
    "editor.ui.review.notes_panel",
    "editor.ui.recovery",
    "editor.ui.autosave",
    "editor.storage.drafts",
    "editor.storage.lock",  # socket, getpass: only once a file is opened
    "socket",
    "getpass",
    "uuid",  # with platform, for review notes and revisions
    "platform",
    "difflib",
    "subprocess",  # compiling translations only
    "editor.ui.about",
    "editor.ui.dialogs",
    "editor.render.profiles",
    "importlib.metadata",
    "editor.render.headline_meter",  # HarfBuzz's module set-up alone is ~86 M instructions
    "uharfbuzz",
    "icu4py",
    "fontTools",
)
FIRST_FRAME = """
import json, os, sys
from editor.ui import app

def report(window):
    window.first_painted.connect(
        lambda: (print(json.dumps([m for m in WATCHED if m in sys.modules])), os._exit(0))
    )
    return window

real_open = app.open_window
app.open_window = lambda *a, **k: report(real_open(*a, **k))
app.run(None)
"""


def _run(code: str) -> list:
    # Without the tests' own PYSIDE6_OPTION_LAZY: the app must set up PySide6 itself.
    env = {k: v for k, v in os.environ.items() if k != "PYSIDE6_OPTION_LAZY"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env=env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_window_module_and_the_app_load_nothing_heavy():
    code = (
        "import json, sys\n"
        "from editor.ui.app import create_application\n"
        "import editor.ui.main_window, editor.ui.preview\n"
        "create_application()\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    assert _run(code) == []


def test_the_first_frame_of_the_real_app_loads_only_what_it_shows():
    assert _run(f"WATCHED = {AFTER_FIRST_PAINT!r}\n{FIRST_FRAME}") == []


# 238 modules at the first paint when this was written; a new import before it shows here.
MAX_MODULES_AT_FIRST_PAINT = 250
COUNT_AT_FIRST_PAINT = FIRST_FRAME.replace(
    "print(json.dumps([m for m in WATCHED if m in sys.modules]))",
    "print(json.dumps([len(sys.modules), sorted(vars(sys.modules['PySide6.QtWidgets']))]))",
)


def test_the_first_frame_creates_few_modules_and_only_the_qt_types_it_uses():
    count, widgets_names = _run(COUNT_AT_FIRST_PAINT)
    assert count <= MAX_MODULES_AT_FIRST_PAINT
    # PYSIDE6_OPTION_LAZY=2 (editor/ui/__init__): most classes the first frame never touches
    # have no Python type (nor enums) yet: 113 of QtWidgets' names exist at the first paint,
    # 206 eagerly, where setting up QtWidgets alone was ~220 M instructions.
    assert "QMainWindow" in widgets_names
    assert len(widgets_names) < 160


def test_the_preview_and_the_site_profile_come_after_the_first_paint(qtbot, settings):
    order: list[str] = []
    window = MainWindow(settings=settings, preview_factory=lambda doc, parent: _label(parent))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.first_painted.connect(lambda: order.append("painted"))
    window.preview_installed.connect(lambda _w: order.append("preview"))
    window.document.load_sample()
    assert window.form.section_combo.count() == 0  # the profile is not read yet
    window.show()
    qtbot.waitUntil(lambda: window.preview is not None)
    assert order == ["painted", "preview"]
    qtbot.waitUntil(lambda: window.form.section_combo.count() > 0)  # right after the preview
    assert not window.document.is_modified  # filling the sections is not an edit


def test_review_and_autosave_start_after_the_first_paint(qtbot, settings):
    window = MainWindow(settings=settings, preview_factory=lambda doc, parent: _label(parent))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.document.load_sample()
    started: list[tuple[bool, bool]] = []
    window.first_painted.connect(
        lambda: started.append((window._review is None, window._autosaver is None))
    )
    window.show()
    qtbot.waitUntil(lambda: window._review is not None)
    assert started == [(True, True)]  # neither was in the first frame
    assert window._review is not None and window._autosaver is not None
    assert window.findChild(QMenu, "review_menu") is not None


def test_review_docks_come_back_where_the_last_window_left_them(make_window):
    first = make_window()
    first.review.set_review_mode(True)
    first.close()
    second = make_window()
    assert second.review.notes_dock.isVisibleTo(second)
    assert second.review.checklist_dock.isVisibleTo(second)


def test_an_edit_made_before_autosave_started_still_gets_a_draft(qtbot, settings):
    settings.set_autosave_interval_ms(60)
    window = MainWindow(settings=settings, preview_factory=lambda doc, parent: _label(parent))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.document.set_field("headline", "첫 화면 전에 쓴 제목")
    with qtbot.waitSignal(window.autosaver.draft_written, timeout=3000):
        pass  # the autosaver starts on first use and sees the unsaved change
    assert window.autosaver.store.load(window.autosaver.draft_id).headline == "첫 화면 전에 쓴 제목"


def test_a_window_closed_before_its_first_paint_keeps_the_saved_docks(qtbot, settings):
    saved = QByteArray(b"saved-by-an-earlier-window")
    settings.set_window_state(saved)
    window = MainWindow(settings=settings, preview_factory=lambda doc, parent: _label(parent))
    qtbot.addWidget(window)
    window.close()
    assert window._review is None  # closing did not build review mode just to save its docks
    assert settings.window_state() == saved


class _SlowPage(QWidget):
    """A stand-in web view: its load starts, and it is ready, when the test says."""

    ready = Signal()
    loadStarted = Signal()  # noqa: N815 - QWebEngineView's name


class _Resources:
    """A stand-in for the preview's resources: records the thread its images are checked on."""

    def __init__(self) -> None:
        self.checked_on: list[object] = []

    def check_images(self) -> None:
        import threading

        self.checked_on.append(threading.current_thread())


class _PreviewWithPage(QWidget):
    def __init__(self, parent):
        super().__init__(parent)
        self.page = _SlowPage(self)
        self.resources = _Resources()

    def active_views(self):
        return [self.page]


def _sample_window_with_page(qtbot, settings) -> MainWindow:
    """Return a shown window on the sample whose preview's page loads when the test says."""
    window = MainWindow(
        settings=settings, preview_factory=lambda doc, parent: _PreviewWithPage(parent)
    )
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.document.load_sample()
    window.show()
    qtbot.waitUntil(lambda: window.preview is not None)
    return window


def test_spelling_review_and_autosave_wait_until_the_preview_has_painted(qtbot, settings):
    # Chromium's navigation and the page's requests are served on the UI thread, and the
    # spell checker's process takes a core: neither may compete with the first page.
    window = _sample_window_with_page(qtbot, settings)
    window.preview.page.loadStarted.emit()
    qtbot.waitUntil(lambda: window.form.section_combo.count() > 0)  # the form's counts don't wait
    qtbot.wait(50)
    assert (window._review, window._autosaver, window.spelling) == (None, None, None)
    with qtbot.waitSignal(window.preview_painted, timeout=5000):
        window.preview.page.ready.emit()
        window.preview.page.update()  # its first paint after the load
    qtbot.waitUntil(lambda: window.style_marks is not None)
    assert window._review is not None and window._autosaver is not None


def test_the_page_images_and_the_meter_are_prepared_off_the_ui_thread(qtbot, settings):
    # Between the window's paint and the page's, the UI thread serves Chromium's navigation:
    # the image checks (Pillow) and the meter's import (HarfBuzz) run on a thread, and the
    # form fills in on the UI thread before the page has painted.
    import threading

    window = _sample_window_with_page(qtbot, settings)
    qtbot.wait(50)
    checked = window.preview.resources.checked_on
    assert checked == []  # the page is still being built, in Python, on the UI thread
    window.preview.page.loadStarted.emit()
    qtbot.waitUntil(lambda: window.form.section_combo.count() > 0)
    assert len(checked) == 1 and checked[0] is not threading.main_thread()
    assert "editor.ui.headline_fit" in sys.modules and "editor.render.line_filler" in sys.modules
    assert window._review is None  # the page has not painted: the rest still waits


def test_a_preview_that_never_loads_still_lets_the_rest_start(qtbot, settings, monkeypatch):
    monkeypatch.setattr(first_paint, "PREVIEW_FALLBACK_MS", 200)
    window = MainWindow(
        settings=settings, preview_factory=lambda doc, parent: _PreviewWithPage(parent)
    )
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.show()
    qtbot.waitUntil(lambda: window._review is not None, timeout=5000)


def _label(parent):
    from PySide6.QtWidgets import QLabel

    return QLabel("preview", parent)


SOURCE_SCAN = FIRST_FRAME.replace(
    "print(json.dumps([m for m in WATCHED if m in sys.modules]))",
    "print(json.dumps([linecache_reads, sys.modules['shibokensupport.feature']._mod_uses_pyside"
    ".__module__]))",
).replace(
    "from editor.ui import app\n",
    "import linecache\n"
    "linecache_reads = []\n"
    "_real_updatecache = linecache.updatecache\n"
    "def _counting(*a, **k):\n"
    "    linecache_reads.append(a[0])\n"
    "    return _real_updatecache(*a, **k)\n"
    "linecache.updatecache = _counting\n"
    "from editor.ui import app\n",
)


def test_no_module_source_is_read_on_the_way_to_the_first_frame():
    # shiboken's __feature__ hook read every imported module's source (inspect.getsource,
    # which also walks sys.modules each time): ~117 files before the first frame.
    reads, scanner = _run(SOURCE_SCAN)
    assert scanner == "editor.ui"
    assert [r for r in reads if "/editor/" in r] == []
    # What shiboken scans while it is itself imported, before the hook can be replaced
    # (shiboken6/__init__.py and enum.py when this was written).
    assert len(reads) <= 3

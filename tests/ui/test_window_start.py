"""The window at start: what the first frame builds, in what order (docs/performance.md).

Issue 17 (third part): each deferral or shortcut on the way to the window's first frame is
held here by what is loaded, created and called, never by a timer.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from editor.ui import fast_enums, theme
from editor.ui import lead_image_panel as lead_module
from editor.ui.assignment_panel import set_level
from editor.ui.headline_edit import HeadlineEdit
from editor.ui.main_window import MainWindow
from tests.ui.test_startup_cost import _run

# The end of a first-frame script: run the real app on the sample, print at_first_paint()'s
# dict as JSON at the window's first painted frame.
RUN_TO_FIRST_PAINT = """
def report(window):
    def painted():
        seen = at_first_paint()
        import json  # after the modules are listed
        print(json.dumps(seen))
        os._exit(0)
    window.first_painted.connect(painted)
    return window

real_open = app.open_window
app.open_window = lambda *a, **k: report(real_open(*a, **k))
app.run(None)
"""

# What the real app had built, loaded and set at its first frame.
FIRST_FRAME = (
    """
import enum, os, sys, threading  # json once the modules are listed
from editor.ui import fast_enums  # before any Qt class: count how its enums are built
from tests.ui.enum_shapes import made_enums

seen = {"sheet_while_built": None, "decoded_on": [], "one_pass": 0, "python_built": []}
real_build, real_create = fast_enums._build, enum.EnumType._create_
def build(*a, **k):
    seen["one_pass"] += 1
    return real_build(*a, **k)
fast_enums._build = build
def create(cls, name, names, **k):
    seen["python_built"].append([name, len(names)])
    return real_create(cls, name, names, **k)
enum.EnumType._create_ = create
from editor.ui import app, lead_image_panel, main_window
real_init = main_window.MainWindow.__init__
def init(self, *a, **k):
    real_init(self, *a, **k)
    from PySide6.QtWidgets import QApplication
    seen["sheet_while_built"] = QApplication.instance().styleSheet()
main_window.MainWindow.__init__ = init
real_thumbnail = lead_image_panel.cached_thumbnail
def thumbnail(*a, **k):
    seen["decoded_on"].append(threading.current_thread() is threading.main_thread())
    return real_thumbnail(*a, **k)
lead_image_panel.cached_thumbnail = thumbnail

def types(module):
    return [n for n, v in vars(sys.modules[module]).items() if isinstance(v, type)]

def at_first_paint():
    from PySide6.QtWidgets import QApplication
    from editor.ui.theme import STYLESHEET
    qapp = QApplication.instance()
    pyi = sys.modules.get("shibokensupport.signature.lib.pyi_generator")
    seen.update(
        pyi_generator_ran=pyi is None or "generate_pyi" in vars(pyi),
        widgets=types("PySide6.QtWidgets"),
        enums=len(made_enums()),
        modules=sorted(sys.modules),
        sheet_at_paint=qapp.styleSheet() == STYLESHEET,
        signature_pattern=type(
            sys.modules["shibokensupport.signature.parser"].arglistParser._finditer.__self__
        ).__name__,
        yaml_loaded=[m for m in sys.modules if m == "yaml" or m.startswith("yaml.")],
    )
    if seen["signature_pattern"] == "LazyPattern":
        parser = sys.modules["shibokensupport.signature.parser"].arglistParser
        seen["signature_compiled"] = parser._finditer.__self__._compiled is not None
    qapp.setStyleSheet("")  # the style under the sheet
    seen["style"] = qapp.style().name()
    return seen
"""
    + RUN_TO_FIRST_PAINT
)

_REPORT: dict = {}


def _first_frame() -> dict:
    """Return what the real app had built at its first painted frame (run once per session)."""
    if not _REPORT:
        _REPORT.update(_run(FIRST_FRAME))
    return _REPORT


def test_the_first_frame_creates_no_python_type_for_widgets_it_does_not_show():
    report = _first_frame()
    # The headline's width once came from viewport(): PySide's first wrapper of a plain
    # QWidget made by Qt created the type of every QWidget subclass (~70, ~80 enums).
    for name in ("QWizard", "QMdiArea", "QCalendarWidget", "QGraphicsView", "QListView"):
        assert name not in report["widgets"], name
    # app.setStyle("Fusion") and label.style() wrapped a QStyle (11 enums); the message
    # box and file picker types come with the first message.
    for name in ("QStyle", "QCommonStyle", "QMessageBox", "QFileDialog"):
        assert name not in report["widgets"], name
    # 302 Python enums were created before the first paint when this was written, 225 after
    # (a bare PySide6 window: 131). A new one shows here.
    assert report["enums"] <= 235


def test_the_first_frame_builds_shibokens_enums_in_one_pass():
    report = _first_frame()
    # Python's EnumType made each of the ~220 enums member by member (~285 M instructions
    # of ~990 M to the first paint); editor.ui.fast_enums builds the same classes in one
    # pass. Only an enum with no members is left to Python's own code.
    if fast_enums._fingerprint() not in fast_enums.KNOWN_FINGERPRINTS:
        pytest.skip("another Python keeps its own enum code")
    assert report["one_pass"] >= 200
    assert [name for name, size in report["python_built"] if size] == []


def test_the_first_frame_loads_no_socket_openssl_or_test_hooks():
    modules = _first_frame()["modules"]
    # socket (the lock's host name), hmac and OpenSSL (atomic's temp names via secrets, the
    # font cache's key, the file's fingerprint): ~6 ms each, for nothing the frame shows.
    for name in ("socket", "hmac", "secrets", "_hashlib", "hashlib", "editor.ui.automation"):
        assert name not in modules, name


def test_the_first_frame_reads_the_front_matter_without_pyyaml_or_shibokens_pattern():
    report = _first_frame()
    # PyYAML's import (~45 M instructions) waits for a file plain_yaml does not take, or a
    # save; its reader's pattern is seeded cheap when it comes (tests/core/test_regex_cache).
    assert report["yaml_loaded"] == []
    assert "editor.storage.plain_yaml" in report["modules"]
    # shiboken's argument-list pattern (~45 M instructions) waits for a signature.
    assert report["signature_pattern"] == "LazyPattern"
    assert report["signature_compiled"] is False


def test_the_app_starts_without_argparse_or_importlib_resources():
    # importlib.abc's base classes brought importlib.resources (~18 M instructions).
    assert "importlib.resources" not in _first_frame()["modules"]
    code = (
        "import json, sys\n"
        "import editor.cli.main, editor.ui\n"
        "print(json.dumps([m in sys.modules for m in ('argparse', 'importlib.resources')]))\n"
    )
    assert _run(code) == [False, False]  # argparse waits for a command (the CLI's own)


def test_the_first_frame_imports_no_logging_json_or_modules_it_does_not_use():
    modules = _first_frame()["modules"]
    # logging and its patterns (~12 M instructions) for messages a clean start never
    # writes, json for an .article's editor data (~6 M), the checklist's Problem and the
    # preview's zoom (their dataclasses' generated functions, ~4 M each).
    for name in ("logging", "json", "editor.core.validate", "editor.render.preview_zoom"):
        assert name not in modules, name
    # zoneinfo reads sysconfig's TZPATH at import (~8 M): the first frame shows no time;
    # html's named entities (~8 M) wait for a text with an entity in it.
    for name in ("zoneinfo", "html", "html.entities"):
        assert name not in modules, name


def test_shibokens_stub_generator_runs_only_when_asked_for():
    # Its four regular expressions and imports were ~137 M instructions of every start.
    assert _first_frame()["pyi_generator_ran"] is False
    code = (
        "import json, editor.ui\n"
        "from PySide6.support.signature.lib.pyi_generator import generate_pyi\n"
        "print(json.dumps(callable(generate_pyi)))\n"
    )
    assert _run(code) is True  # PySide6's stub tool still finds it


def test_the_style_sheet_comes_after_the_window_is_built_and_before_it_paints():
    report = _first_frame()
    assert report["sheet_while_built"] == ""
    assert report["sheet_at_paint"] is True
    assert report["style"].lower() == "fusion"  # chosen by -style on Qt's command line


def test_the_sample_photo_is_decoded_off_the_ui_thread_at_start():
    assert _first_frame()["decoded_on"] == [False]


def test_the_headline_width_is_the_viewports_without_asking_for_it(qtbot, settings):
    window = MainWindow(settings=settings, preview_factory=lambda doc, parent: QLabel(parent))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.document.load_sample()
    edits = window.findChildren(HeadlineEdit)

    def same() -> list[tuple[str, int, int]]:
        return [(e.objectName(), e.viewport_width(), e.viewport().width()) for e in edits]

    # (Before the first show Qt's viewport keeps its initial size until the resize event;
    # each field fits itself again then.)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.form.headline_edit.setPlainText("아주 긴 제목이 세 줄을 넘긴다 " * 12)  # a scroll bar
    window.form.lead_image_panel.caption_edit.setPlainText("")
    for size in ((1280, 800), (700, 600), (1366, 768)):
        window.resize(*size)
        qtbot.wait(20)  # let the layout settle at the new size
        for name, ours, qts in same():
            assert ours == qts, (size, name)
    assert window.form.headline_edit.verticalScrollBar().isVisibleTo(window.form.headline_edit)


def _count_label(parent: QWidget) -> QLabel:
    label = QLabel("29/23", parent)
    label.setProperty("role", "count")
    QVBoxLayout(parent).addWidget(label)
    return label


def _colour(label: QLabel) -> tuple[str, bool]:
    return label.palette().color(QPalette.ColorRole.WindowText).name(), label.font().bold()


def test_a_count_label_takes_its_level_colour_polished_or_not(qapp, qtbot):
    qapp.setStyleSheet(theme.STYLESHEET)
    try:
        shown = QWidget()
        qtbot.addWidget(shown)
        label = _count_label(shown)
        shown.show()
        qtbot.waitExposed(shown)
        seen = []
        for level in ("warn", "error", "ok", "warn"):
            set_level(label, level)
            seen.append(_colour(label))
        assert seen == [("#b26a00", True), ("#c62828", True), ("#7a8391", False)] + [
            ("#b26a00", True)
        ]
        later = QWidget()
        qtbot.addWidget(later)
        early = _count_label(later)
        set_level(early, "error")  # not polished yet: read when it is
        later.show()
        qtbot.waitExposed(later)
        assert _colour(early) == ("#c62828", True)
    finally:
        qapp.setStyleSheet("")


def test_a_photo_opened_before_the_window_shows_arrives_from_a_thread(qtbot, settings, monkeypatch):
    threads: list[bool] = []
    real = lead_module.cached_thumbnail

    def spy(*args, **kwargs):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(lead_module, "cached_thumbnail", spy)
    window = MainWindow(settings=settings, preview_factory=lambda doc, parent: QLabel(parent))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    panel = window.form.lead_image_panel
    window.document.load_sample()
    assert panel.thumbnail_pending  # not decoded on the way to the first frame
    qtbot.waitUntil(lambda: not panel.thumbnail_pending)
    assert threads == [False]
    assert not panel.thumbnail_label.pixmap().isNull() and panel.thumbnail_label.text() == ""
    window.show()
    qtbot.waitExposed(window)
    window.document.remove_lead_image()  # once the window is up: decoded (or not) at once
    assert not panel.thumbnail_pending
    assert panel.thumbnail_label.pixmap().isNull() and panel.thumbnail_label.text()

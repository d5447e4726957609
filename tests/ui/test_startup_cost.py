"""Start-up: nothing heavy before the first paint; QtWebEngine and the site profile after it."""

from __future__ import annotations

import json
import subprocess
import sys

from editor.ui.main_window import MainWindow

HEAVY = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "jinja2", "markdown", "PIL")


def test_the_window_module_and_the_app_load_nothing_heavy():
    code = (
        "import json, sys\n"
        "from editor.ui.app import create_application\n"
        "import editor.ui.main_window, editor.ui.preview\n"
        "create_application()\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


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
    assert window.form.section_combo.count() > 0
    assert not window.document.is_modified  # filling the sections is not an edit


def _label(parent):
    from PySide6.QtWidgets import QLabel

    return QLabel("preview", parent)

"""Qt Quick's software renderer where OpenGL itself is drawn on the CPU (Xvfb, a VM)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from PySide6.QtGui import QSurfaceFormat

from editor.ui import app
from tests.realtools import require

CHECK = """
import os
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
qt = QApplication([])
from editor.ui import app
app.configure_webengine()
print(os.environ.get("QT_QUICK_BACKEND", "-"), os.environ["QTWEBENGINE_CHROMIUM_FLAGS"])
"""


class _Functions:
    def __init__(self, renderer: str) -> None:
        self.renderer = renderer

    def glGetString(self, name: int) -> str:  # noqa: N802 - Qt's name
        assert name == 0x1F01
        return self.renderer


class _Context:
    """Stands for Qt's share context: current on request, naming a renderer."""

    def __init__(self, renderer: str) -> None:
        self.renderer, self.current = renderer, False

    def format(self) -> QSurfaceFormat:
        return QSurfaceFormat()

    def makeCurrent(self, _surface) -> bool:  # noqa: N802 - Qt's name
        self.current = True
        return True

    def doneCurrent(self) -> None:  # noqa: N802 - Qt's name
        self.current = False

    def functions(self) -> _Functions:
        return _Functions(self.renderer)


def test_mesas_cpu_renderers_count_as_software_and_a_gpu_does_not(qapp):
    for renderer, software in (
        ("llvmpipe (LLVM 15.0.6, 256 bits)", True),
        ("softpipe", True),
        ("Mesa Intel(R) UHD Graphics 620 (KBL GT2)", False),
        ("NVIDIA GeForce RTX 3060/PCIe/SSE2", False),
    ):
        context = _Context(renderer)
        assert app.is_software_gl(context) is software, renderer
        assert not context.current  # handed back: Chromium's GPU thread shares it


def test_under_xvfb_qt_quick_renders_in_software_and_offscreen_chromium_skips_gl(tmp_path):
    xvfb = require("Xvfb", "apt-get install xvfb (.ci/deps/60-xvfb.sh)")
    display = ":187"
    server = subprocess.Popen([xvfb, display, "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    try:
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QUICK_BACKEND",)}
        env["QTWEBENGINE_CHROMIUM_FLAGS"] = ""
        offscreen = subprocess.run(
            [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, check=True
        )
        assert offscreen.stdout.split() == [
            "-",
            "--no-unsandboxed-zygote",
            "--js-flags=--expose-gc",
            "--disable-gpu",
        ]
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        deadline = time.monotonic() + 20
        while True:  # the server answers once its socket is there
            real = subprocess.run(
                [sys.executable, "-c", CHECK], env=env, capture_output=True, text=True
            )
            if real.returncode == 0 or time.monotonic() > deadline:
                break
        assert real.returncode == 0, real.stderr[-2000:]
        assert real.stdout.split()[0] == "software"
        assert "--disable-gpu" not in real.stdout.split()
    finally:
        server.terminate()
        server.wait(timeout=10)

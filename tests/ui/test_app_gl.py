"""Qt Quick's software renderer where OpenGL itself is drawn on the CPU (Xvfb, a VM), and no
OpenGL at all on a machine without a GPU, under X and under Wayland."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator

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
    with _xvfb(":187") as env:
        as_started = {k: v for k, v in env.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
        as_started.update(
            {k: os.environ[k] for k in ("DISPLAY", "QT_QPA_PLATFORM") if k in os.environ}
        )
        offscreen = subprocess.run(
            [sys.executable, "-c", CHECK],
            env=as_started,
            capture_output=True,
            text=True,
            check=True,
        )
        assert offscreen.stdout.split() == [
            "-",
            "--no-unsandboxed-zygote",
            "--js-flags=--expose-gc",
            "--disable-gpu",
        ]
        real = _run_once_answered(CHECK, env, until=lambda run: run.returncode == 0)
        assert real.returncode == 0, real.stderr[-2000:]
        assert real.stdout.split()[0] == "software"
        assert "--disable-gpu" not in real.stdout.split()


# The app's own start (create_application) on a machine without a GPU device, then the
# preview's flags and a page painted in a QWebEngineView: what the X server shows of it
# ("screen"), or on Wayland, where no screen can be grabbed, the view's own frame ("frame").
NO_GPU_START = """
import os, sys
from editor.ui import app
app.GPU_NODES = tuple(sys.argv[2:])  # the test's stand-in device nodes
from PySide6.QtCore import QCoreApplication, Qt, QTimer
qt = app.create_application()
app.configure_webengine()
shared = QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
set_here = ("QT_QUICK_BACKEND", "QT_XCB_GL_INTEGRATION", "QT_WAYLAND_CLIENT_BUFFER_INTEGRATION")
print("flags", qt.platformName(), *(os.environ.get(name, "-") for name in set_here),
      "shared" if shared else "unshared", os.environ["QTWEBENGINE_CHROMIUM_FLAGS"], flush=True)
from PySide6.QtWebEngineWidgets import QWebEngineView
view = QWebEngineView()
view.resize(300, 200)
view.move(0, 0)
def look():
    if sys.argv[1] == "screen":
        image = qt.primaryScreen().grabWindow(0).toImage()  # the X server's pixels
        at = view.mapToGlobal(view.rect().center())
    else:
        image = view.grab().toImage()
        at = image.rect().center()
    print("pixel", image.pixelColor(at.x(), at.y()).name(), flush=True)
    qt.quit()
view.loadFinished.connect(lambda ok: QTimer.singleShot(1500, look))
view.setHtml("<body style='margin:0;background:#c81e1e'></body>")
view.show()
QTimer.singleShot(30000, qt.quit)
qt.exec()
"""


def test_without_a_gpu_device_node_gl_is_left_out(tmp_path, monkeypatch):
    node = tmp_path / "renderD128"
    monkeypatch.setattr(app.sys, "platform", "linux")
    monkeypatch.setattr(app, "GPU_NODES", (str(tmp_path / "renderD*"),))
    assert app.without_gpu()  # no node: only the CPU can draw OpenGL
    node.touch()
    assert not app.without_gpu()  # a GPU's node: Qt and Chromium look for it as usual
    monkeypatch.setattr(app.sys, "platform", "darwin")
    node.unlink()
    assert not app.without_gpu()  # not Linux: the question does not arise


_OURS = (  # what the app sets itself: the tests' processes start without them
    "QT_QUICK_BACKEND",
    "QT_XCB_GL_INTEGRATION",
    "QT_WAYLAND_CLIENT_BUFFER_INTEGRATION",
    "QTWEBENGINE_CHROMIUM_FLAGS",
)


@contextlib.contextmanager
def _xvfb(display: str) -> Iterator[dict[str, str]]:
    xvfb = require("Xvfb", "apt-get install xvfb (.ci/deps/60-xvfb.sh)")
    server = subprocess.Popen([xvfb, display, "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
    env = {k: v for k, v in os.environ.items() if k not in _OURS}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    try:
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def _run_once_answered(
    code: str, env: dict[str, str], *args: str, until
) -> subprocess.CompletedProcess:
    """Run code under the new X server, again until it has answered (its socket comes late)."""
    deadline = time.monotonic() + 20
    while True:
        run = subprocess.run(
            [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=60
        )
        if until(run) or time.monotonic() > deadline:
            return run


def _start(env: dict[str, str], how: str, *nodes: str) -> subprocess.CompletedProcess:
    run = _run_once_answered(
        NO_GPU_START, env, how, *nodes, until=lambda run: "pixel" in run.stdout
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run


def test_without_a_gpu_the_preview_paints_under_x_with_no_opengl(tmp_path):
    """Xvfb with no GPU node: no GL integration, no share context, and the page on screen."""
    with _xvfb(":188") as env:
        lines = _start(env, "screen", str(tmp_path / "renderD*")).stdout.splitlines()
    flags = lines[0].split()
    assert flags[1:6] == ["xcb", "software", "none", "none", "unshared"]
    assert "--disable-gpu" in flags[6:]
    assert lines[1] == "pixel #c81e1e"  # the page's colour, read back from the X server


def test_with_a_gpu_node_qt_keeps_its_share_context(tmp_path):
    node = tmp_path / "renderD128"
    node.touch()
    with _xvfb(":189") as env:
        lines = _start(env, "screen", str(node)).stdout.splitlines()
    flags = lines[0].split()
    assert flags[3:6] == ["-", "-", "shared"]  # GL integrations untouched, the context shared
    assert lines[1] == "pixel #c81e1e"


@contextlib.contextmanager
def _weston(tmp_path) -> Iterator[dict[str, str]]:
    """A headless Weston (no GPU, no screen) on a socket of the test's own."""
    weston = require("weston", "apt-get install weston (.ci/deps/61-weston.sh)")
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in (*_OURS, "DISPLAY")}
    env.update(XDG_RUNTIME_DIR=str(runtime), WAYLAND_DISPLAY="wl-article-test")
    server = subprocess.Popen(
        [weston, "--backend=headless-backend.so", "--socket=wl-article-test", "--idle-time=0"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env["QT_QPA_PLATFORM"] = "wayland"
    try:
        deadline = time.monotonic() + 20
        while not (runtime / "wl-article-test").exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        yield env
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_without_a_gpu_the_preview_paints_on_wayland_with_no_opengl(tmp_path):
    with _weston(tmp_path) as env:
        run = _start(env, "frame", str(tmp_path / "renderD*"))
    lines = run.stdout.splitlines()
    flags = lines[0].split()
    assert flags[1] == "wayland" and flags[4:6] == ["none", "unshared"]
    assert "--disable-gpu" in flags[6:]
    assert lines[1] == "pixel #c81e1e"  # Chromium's page, in the view's frame
    # QtWebEngine's GPU probe found no OpenGL at once: Mesa's CPU renderer never set up.
    assert "llvmpipe" not in run.stderr

"""Start the desktop app: environment, QApplication, translations, font, first window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from editor.ui import environment

APP_NAME = "Article Editor"
_windows: list[object] = []  # open MainWindows, kept alive here


def configure_environment() -> None:
    """Set what Qt and Chromium read at start-up (no sandbox when running as root).

    QtWebEngine's zygote and renderer start with one glibc malloc arena (they inherit the
    environment; a user's own MALLOC_ARENA_MAX wins): by default each of the renderer's
    threads that allocates gets an arena of its own and keeps its freed memory, ~5 MB of
    the renderer after opening an article (docs/performance.md). Blink and V8 allocate
    from their own heaps, not malloc. The app's process has already started its allocator
    and keeps the default arenas, but its mmap threshold is fixed (heap.py: freed
    picture-sized buffers go back to the system); the spell process has one thread, so one
    arena anyway.

    Qt's raster painter hands any fill over 96 rows high (a scrollbar, the view below a
    paragraph that gained a line) in slices to its own pooled threads and sleeps until they
    finish: on two busy cores a keystroke then waited for them, up to ~10 ms
    (docs/performance.md, session 8). QT_NO_GUI_THREADPOOL makes it paint on the calling
    thread; typing's paints are small, the UI thread never waits for another thread.
    """
    from editor.ui import heap

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        add_chromium_flag("--no-sandbox")
    environment.set_default("MALLOC_ARENA_MAX", "1")
    environment.set_default("QT_NO_GUI_THREADPOOL", "1")
    heap.unmap_large_blocks()


SWITCH_INTERVAL_S = 0.001  # CPython's default is 5 ms


def share_the_gil() -> None:
    """Let the UI thread take the GIL back from a Python worker within 1 ms, not 5.

    A keystroke enters Python many times (the editor's overrides, the highlighter, signals),
    and PySide lets go of the GIL around Qt's calls in between; while a worker runs Python
    (the preview's render, the warm-up after start) each return waited until CPython made the
    worker let go: a whole switch interval (perf: waits of 5.05 ms, up to 14 ms in one key).
    With a worker rendering non-stop, 189 keys at 100k slept 97-138 ms at 5 ms and 44-65 at
    1 ms (docs/performance.md, session 8). Threads that do not compete are not affected.
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def configure_webengine() -> None:
    """Add the Chromium flags that depend on the running QApplication (before QtWebEngine starts).

    Without OpenGL (no GPU, a remote or offscreen display) Chromium falls back to software
    compositing anyway; telling it up front keeps it from loading and setting up the GL
    stack, ~35 MB of the app's memory. On Linux Chromium also forks a second, unsandboxed
    zygote for helpers that would run without a sandbox; QtWebEngine runs the GPU and network
    services in the app's process, so it sat idle holding ~12 MB (docs/performance.md).
    Without it such a helper is started directly, as with --no-zygote. The preview's own
    script collects the garbage its patches leave every 100 patches (`gc`, given by
    --expose-gc; the article's scripts never run): V8 alone let it pile up, ~17 MB of the
    renderer over 500 refreshes.
    """
    from PySide6.QtGui import QOpenGLContext

    if sys.platform.startswith("linux"):
        add_chromium_flag("--no-unsandboxed-zygote")
    add_chromium_flag("--js-flags=--expose-gc")
    if "--disable-gpu" in chromium_flags():
        return  # no GPU on this machine (create_application), or the user said so

    shared = QOpenGLContext.globalShareContext()  # made by Qt: AA_ShareOpenGLContexts is set
    if shared is None or not shared.isValid():
        add_chromium_flag("--disable-gpu")
    elif is_software_gl(shared):
        # OpenGL drawn on the CPU (Mesa's llvmpipe: Xvfb, a VM, remote X): Qt Quick's own
        # software renderer puts the same pixels on screen without the GL composition of
        # the whole window, live page painted ~240 ms sooner under Xvfb (docs/performance.md,
        # "Issue 17, session 8: the live preview under X"). Read when the first view is made.
        environment.set_default("QT_QUICK_BACKEND", "software")


SOFTWARE_GL = ("llvmpipe", "softpipe", "swrast", "software rasterizer")
GPU_NODES = ("/dev/dri/renderD*", "/dev/dri/card*", "/dev/nvidia[0-9]*")  # DRM, NVIDIA's own


def without_gpu() -> bool:
    """Tell if this is Linux with no GPU device at all: OpenGL can only be drawn on the CPU.

    No DRM render or card node and no NVIDIA device (Xvfb on a server, a container, a VM
    with no virtual GPU): Mesa's llvmpipe is all there is. Elsewhere Qt and Chromium find
    their GPU as usual, and configure_webengine asks the share context what it renders on.
    """
    import glob

    if not sys.platform.startswith("linux"):
        return False
    return not any(glob.glob(pattern) for pattern in GPU_NODES)


def draw_on_the_cpu() -> None:
    """Before the QApplication, on a machine without a GPU: no OpenGL anywhere in the app.

    Qt Quick (the preview's view) renders with its software renderer and Chromium
    composites in software (--disable-gpu), as they do offscreen. Qt's xcb GL integration is
    off and AA_ShareOpenGLContexts unset, so nothing sets up Mesa's llvmpipe: QtWebEngine's
    own GPU probe at its start (a QRhi on OpenGL, to name the GPU's vendor) fails at once,
    where it took ~35-70 ms of the preview's path under Xvfb, and Qt makes no GLX share
    context (docs/performance.md, "Issue 17, session 9"). On Wayland the same is done by
    naming no client buffer integration (Qt's Wayland plugin then offers no OpenGL and says
    so once in the log; widgets draw into shared memory as always): under a headless Weston
    the probe had set up llvmpipe through EGL, ~50 ms of the preview's path (session 10).
    A user's own values win; the programs the app opens do not inherit these
    (environment.open_url).
    """
    environment.set_default("QT_QUICK_BACKEND", "software")
    environment.set_default("QT_XCB_GL_INTEGRATION", "none")
    environment.set_default("QT_WAYLAND_CLIENT_BUFFER_INTEGRATION", "none")
    add_chromium_flag("--disable-gpu")


def is_software_gl(context) -> bool:
    """Tell if an OpenGL context renders on the CPU (its GL_RENDERER names a software rasteriser)."""
    from PySide6.QtGui import QOffscreenSurface

    surface = QOffscreenSurface()
    surface.setFormat(context.format())
    surface.create()
    if not context.makeCurrent(surface):
        return False
    try:
        renderer = context.functions().glGetString(0x1F01) or ""  # GL_RENDERER
    finally:
        context.doneCurrent()
    return any(name in renderer.lower() for name in SOFTWARE_GL)


def chromium_flags() -> list[str]:
    """Return the flags QtWebEngine will give Chromium (QTWEBENGINE_CHROMIUM_FLAGS)."""
    return os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()


def add_chromium_flag(flag: str) -> None:
    """Add a flag to QTWEBENGINE_CHROMIUM_FLAGS unless it is there."""
    if flag not in chromium_flags():
        flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")  # the user's, as written
        environment.set_value("QTWEBENGINE_CHROMIUM_FLAGS", f"{flags} {flag}".strip())


def create_application(argv: list[str] | None = None):
    """Return the QApplication, creating and dressing it the first time."""
    configure_environment()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from editor import __version__
    from editor.ui.i18n import install_translators
    from editor.ui.theme import apply_theme

    existing = QApplication.instance()
    if existing is not None:
        return existing
    share_the_gil()
    if without_gpu():
        draw_on_the_cpu()
    else:
        # QtWebEngine needs this before the QApplication; the engine itself (and its
        # article: scheme) is loaded after the editor's first paint (install_preview).
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from editor.ui.file_open import ArticleApplication  # hears macOS's QFileOpenEvent

    # Fusion everywhere (the style sheet is written for it), chosen on the command line Qt
    # reads: app.setStyle("Fusion") returns the QStyle, and wrapping it creates QStyle's
    # Python type with its 11 enums (several hundred members) inside the first frame.
    base = list(argv if argv is not None else sys.argv[:1]) or ["article-editor"]
    app = ArticleApplication([*base, "-style", "Fusion"])
    app.setApplicationName("article-editor")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("SisaCatch")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("article-editor")
    install_translators(app)
    # The window manager shows this after every title: in Korean on a Korean system.
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Article Editor"))
    apply_theme(app)
    return app


def open_window(path: Path | None = None, *, sample_when_empty: bool = True):
    """Create and show a MainWindow on path, on the sample, or on a new article."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from editor.ui.main_window import MainWindow
    from editor.ui.messages import show_error
    from editor.ui.theme import apply_style_sheet

    window = MainWindow()
    apply_style_sheet(QApplication.instance())  # once the window is built: see there
    window.new_window_requested.connect(lambda: open_window(None, sample_when_empty=False))
    _windows.append(window)
    window.destroyed.connect(lambda *_: _forget(window))
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    try:
        if path is not None and window.confirm_open(path):
            window.document.load(path)
            window.settings.add_recent_file(path)
        elif path is None and sample_when_empty:
            window.document.load_sample()
        else:
            window.new_document()
    except Exception as exc:  # noqa: BLE001 - an unreadable file still opens a window
        window.document.new_blank()
        window.show()
        show_error(
            window, QCoreApplication.translate("MainWindow", "Could not open the article"), exc
        )
        return window
    window.show()
    return window


def _forget(window: object) -> None:
    if window in _windows:
        _windows.remove(window)


def run(path: Path | None) -> int:
    """Start the GUI on path (or the bundled sample as an untitled copy); return the exit code."""
    from PySide6.QtCore import QTimer

    from editor.ui import heap

    app = create_application()
    probe = os.environ.get("ARTICLE_EDITOR_STARTUP_PROBE")  # benchmarks/startup.py
    if probe:
        from editor.ui import startup_probe

        startup_probe.prepare()
    window = open_window(Path(path) if path is not None else None)
    install_file_open_events(app)
    window.preview_painted.connect(lambda: _offer_recovery_soon(window))
    # The icon on the turn after: the preview (Chromium's start) comes first.
    window.first_painted.connect(lambda: QTimer.singleShot(0, app, lambda: set_window_icon(app)))
    heap.freeze_when_settled(window)  # no full GC walking the start-up heap mid-typing
    if any(name.startswith("ARTICLE_EDITOR_TEST_") for name in os.environ):
        from editor.ui import automation  # an outside test drives the app (its docstring)

        automation.apply(window)
    if probe:
        startup_probe.arm(window)
    return app.exec()


def set_window_icon(app) -> None:
    """Give every window the bundled icon (install.sh's theme icon may not be there).

    After the first paint: the window manager's icon is rendered from the SVG, which the
    first frame need not wait for.
    """
    from PySide6.QtGui import QIcon

    from editor import resources

    app.setWindowIcon(QIcon(str(resources.path("icons", "article-editor.svg"))))


def install_file_open_events(app) -> None:
    """Open the files macOS sends by QFileOpenEvent (Finder, the Dock) once the app runs."""
    from editor.ui.file_open import install_file_open

    install_file_open(app, lambda: list(_windows), open_window)


def _offer_recovery_soon(window) -> None:
    """Ask who the user is on the first run, then offer a crash's drafts, once painted."""
    from PySide6.QtCore import QTimer

    def offer() -> None:
        from editor.ui.recovery import offer_recovery

        if not window.settings.has_user():
            window.ask_user()  # the first run: whose byline, who signs, who may approve
        offer_recovery(window, lambda: open_window(None, sample_when_empty=False))

    QTimer.singleShot(0, window, offer)

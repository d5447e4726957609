"""The variables the app sets for itself and its QtWebEngine helpers, kept from what it opens.

The app sets a few environment variables at start (a one-arena allocator for Chromium's
renderer, no GPU where the machine has none, Chromium's flags, PySide's lazy loading). They
are for this process and the helpers QtWebEngine starts, not for the programs a user opens
from it: a browser for a link in the preview, the file manager for an export's folder. Those
get the environment the user started the app with (`open_url`): a browser must not inherit
`--no-sandbox` (a root start) or a single malloc arena, and a Qt Quick program on a machine
without a GPU must not be told it has no OpenGL at all.

The app's own environment is never changed back at run time: Chromium's threads read it, and
glibc's setenv may move the array a concurrent getenv is reading. A child gets its own copy.
"""

from __future__ import annotations

import os
import sys

_originals: dict[str, str | None] = {}  # name -> the user's own value (None: unset)


def set_default(name: str, value: str) -> None:
    """Set a variable for the app unless the user set it (a user's own value wins)."""
    if name not in os.environ:
        _originals.setdefault(name, None)
        os.environ[name] = value


def set_value(name: str, value: str) -> None:
    """Set a variable for the app, remembering the user's own value for the programs it opens."""
    _originals.setdefault(name, os.environ.get(name))
    os.environ[name] = value


def user_environment() -> dict[str, str]:
    """Return the environment as the user started the app: without what the app set."""
    env = dict(os.environ)
    for name, value in _originals.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def open_url(url) -> bool:
    """Open a URL (a link, a folder) in the user's program for it, with the user's environment.

    On Linux and the BSDs through `xdg-open` started with that environment, where it exists
    (it is what Qt runs there outside a sandbox); elsewhere, or without it, Qt's own
    QDesktopServices (macOS and Windows hand the URL to the system, not to a child of ours).
    """
    from PySide6.QtCore import QProcess, QProcessEnvironment
    from PySide6.QtGui import QDesktopServices

    launcher = _xdg_open()
    if launcher is None:
        return QDesktopServices.openUrl(url)
    env = QProcessEnvironment()
    for name, value in user_environment().items():
        env.insert(name, value)
    process = QProcess()
    process.setProgram(launcher)
    process.setArguments([url.toString() if not url.isLocalFile() else url.toLocalFile()])
    process.setProcessEnvironment(env)
    return process.startDetached() or QDesktopServices.openUrl(url)


def _xdg_open() -> str | None:
    """Return xdg-open's path where Qt itself would use it (not macOS, Windows or a sandbox)."""
    import shutil

    if (
        sys.platform in ("darwin", "win32")
        or os.environ.get("FLATPAK_ID")
        or os.environ.get("SNAP")
    ):
        return None
    return shutil.which("xdg-open")

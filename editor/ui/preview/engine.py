"""Chromium started first: the preview's web profile and its first page, before the pane.

The window's first paint hands the preview over (MainWindow.install_preview). The pane's own
modules (the render pipeline's, ~50–80 ms of the UI thread's CPU) and its widgets come
next; Chromium's browser side does not need them. So the profile (which starts Chromium's
browser threads and forks its zygote) and the page of the first layout the mode shows are
made first, and their start-up runs on the other core while this thread imports and builds
the pane (docs/performance.md, "Issue 17, session 7"). The pane adopts both
(`PreviewPane(engine=...)`); no article: request is answered before.

The page's load is issued here too, for the page its view will show first (`load_ahead`):
Chromium forks and starts its renderer on the other core while this thread imports and
builds the pane, and the page's request for its HTML waits in the scheme handler
(`hold`) until the pane serves the article's page (`answer_held`); the view then takes
that load as its first (PreviewView.load_page). In a bare script with 150 ms of the UI
thread's CPU between the page's creation and its HTML, the page painted 160 ms after the
HTML was given instead of 204 ms (8 runs each, docs/performance.md, "session 8").
Pointing the page at about:blank instead (tried in session 7) lost the article's load,
issued meanwhile, in one of two test runs: here there is only the one load.

Chromium itself starts with Python's lock let go (`start_chromium`), so that a thread can
run the pane's Python while the UI thread waits for it (preview/warm.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from dataclasses import dataclass

from editor.ui.preview.page import PreviewPage
from editor.ui.preview.scheme import Resource, SandboxedProfile, register_schemes


@dataclass
class Engine:
    """The web profile and a page started ahead of the pane, for one layout."""

    profile: SandboxedProfile
    page: PreviewPage | None
    layout: str

    def take_page(self, layout: str) -> PreviewPage | None:
        """Return the page started for a layout's view (once), None for another layout."""
        if layout != self.layout:
            return None
        page, self.page = self.page, None
        return page

    def release(self) -> None:
        """Delete the page if no view took it (another layout came first, or the body paused)."""
        page, self.page = self.page, None
        if page is not None:
            page.deleteLater()
            self.profile.scheme_handler.answer_held()  # nothing waits for that page any more


def _nothing(_path: str) -> Resource | None:
    return None  # the pane's resources answer once it exists; nothing asks before


# QWebEngineProfile::defaultProfile(), by its name in the Itanium C++ ABI (Linux's).
_DEFAULT_PROFILE = "_ZN17QWebEngineProfile14defaultProfileEv"


def start_chromium() -> bool:
    """Start Chromium's browser side with the interpreter's lock free; tell if it was done here.

    The first profile a process makes starts Chromium: its threads, its zygote (a process
    exec'd and waited for) and its GPU probe, 60-100 ms here, all inside the profile's
    constructor, which PySide6 calls holding the interpreter's lock: no Python thread runs
    meanwhile. QWebEngineProfile's static defaultProfile() starts the same context, and
    called through ctypes (which lets the lock go around a foreign call) it lets a thread
    build the pane meanwhile (warm.py); the pane's own profile, made next, then takes ~1 ms.
    The default profile is off the record, like the pane's, and never loads a page.

    Linux only: elsewhere, or where the loaded library has no such symbol, nothing is done
    here and the pane's profile starts Chromium itself, as before.
    """
    if not sys.platform.startswith("linux"):
        return False
    import PySide6.QtWebEngineCore  # noqa: F401  (loads the library looked up below)

    with contextlib.suppress(OSError, AttributeError):
        library = ctypes.CDLL("libQt6WebEngineCore.so.6", mode=os.RTLD_NOLOAD | os.RTLD_LAZY)
        default_profile = getattr(library, _DEFAULT_PROFILE)
        default_profile.restype = ctypes.c_void_p
        default_profile.argtypes = []
        return default_profile() is not None
    return False


def start_engine(mode: str) -> Engine:
    """Start the profile and a page for the mode's first layout.

    The first layout is the desktop page unless the mode shows the phone alone
    (render.preview_sync.mode_layouts, whose module is one of those that load after this).
    """
    register_schemes()
    start_chromium()
    profile = SandboxedProfile(_nothing)
    page = PreviewPage(profile)
    layout = "mobile" if mode == "mobile" else "desktop"
    profile.scheme_handler.hold()  # the page's HTML is the pane's to give (answer_held)
    page.load_ahead(f"{layout}.html")
    return Engine(profile, page, layout)

"""Chromium started first: the preview's web profile and its first page, before the pane.

The window's first paint hands the preview over (MainWindow.install_preview). The pane's own
modules (the render pipeline's, ~50–80 ms of the UI thread's CPU) and its widgets come
next; Chromium's browser side and its renderer process do not need them. So the profile and
the page of the first layout the mode shows are made first, and that page is pointed at
about:blank: Chromium forks its renderer there and then, which starts Blink and V8 on the
other core while this thread imports and builds the pane. about:blank gives the renderer no
site, so the article's page, loaded into the same page a moment later, commits in that
warm process instead of waiting for a new one (docs/performance.md, "Issue 17, session 7").
The pane adopts both (`PreviewPane(engine=...)`); nothing article: is asked for before.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QUrl

from editor.ui.preview.page import PreviewPage
from editor.ui.preview.scheme import Resource, SandboxedProfile, register_schemes


@dataclass
class Engine:
    """The web profile and a page started ahead of the pane, for one layout."""

    profile: SandboxedProfile
    page: PreviewPage | None
    layout: str

    def take_page(self, layout: str) -> PreviewPage | None:
        """Return the warm page for a layout's view (once), None for another layout."""
        if layout != self.layout:
            return None
        page, self.page = self.page, None
        return page

    def release(self) -> None:
        """Delete the warm page if no view took it: its renderer must not stay for nothing."""
        page, self.page = self.page, None
        if page is not None:
            page.deleteLater()


def _nothing(_path: str) -> Resource | None:
    return None  # the pane's resources answer once it exists; nothing asks before


def start_engine(mode: str) -> Engine:
    """Start the profile and a page for the mode's first layout, its renderer at about:blank.

    The first layout is the desktop page unless the mode shows the phone alone
    (render.preview_sync.mode_layouts, whose module is one of those that load after this).
    """
    register_schemes()
    profile = SandboxedProfile(_nothing)
    page = PreviewPage(profile)
    page.setUrl(QUrl("about:blank"))
    return Engine(profile, page, "mobile" if mode == "mobile" else "desktop")

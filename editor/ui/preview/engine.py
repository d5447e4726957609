"""Chromium started first: the preview's web profile and its first page, before the pane.

The window's first paint hands the preview over (MainWindow.install_preview). The pane's own
modules (the render pipeline's, ~50–80 ms of the UI thread's CPU) and its widgets come
next; Chromium's browser side does not need them. So the profile (which starts Chromium's
browser threads and forks its zygote) and the page of the first layout the mode shows are
made first, and their start-up runs on the other core while this thread imports and builds
the pane (docs/performance.md, "Issue 17, session 7"). The pane adopts both
(`PreviewPane(engine=...)`); nothing article: is asked for before.

The page is not pointed anywhere here: a navigation to about:blank would fork the renderer
sooner, but Qt starts a page's first navigation when the page is first shown, and the
article's load issued meanwhile was then lost to about:blank's in one of two test runs.
"""

from __future__ import annotations

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


def _nothing(_path: str) -> Resource | None:
    return None  # the pane's resources answer once it exists; nothing asks before


def start_engine(mode: str) -> Engine:
    """Start the profile and a page for the mode's first layout.

    The first layout is the desktop page unless the mode shows the phone alone
    (render.preview_sync.mode_layouts, whose module is one of those that load after this).
    """
    register_schemes()
    profile = SandboxedProfile(_nothing)
    page = PreviewPage(profile)
    return Engine(profile, page, "mobile" if mode == "mobile" else "desktop")

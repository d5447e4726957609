"""One preview page on screen: a QWebEngineView at a true CSS width, patched in place."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor.render.preview_sync import PageState
from editor.render.preview_updates import BodyPatch
from editor.ui.preview.page import WORLD_ID, PreviewPage
from editor.ui.preview.quick_flush import QuickFlush
from editor.ui.preview.scheme import url_for

MIN_ZOOM, MAX_ZOOM = 0.25, 5.0


def _js(name: str, *args: Any) -> str:
    payload = ", ".join(json.dumps(a, ensure_ascii=False) for a in args)
    return f"window.articlePreview && window.articlePreview.{name}({payload})"


class PreviewView(QWebEngineView):
    """A web view showing one layout of the article, and what its page currently holds.

    css_width is the page width in CSS pixels. exact=True (a phone) scales the page so the
    view's width is exactly css_width CSS pixels; exact=False (desktop) only scales down,
    so the page is at least css_width wide and fills a wider view.
    """

    ready = Signal()  # a page finished loading; the page script is in place
    block_clicked = Signal(int)

    def __init__(
        self,
        profile: QWebEngineProfile,
        layout: str,
        css_width: int,
        *,
        exact: bool,
        parent: QWidget | None = None,
        page: PreviewPage | None = None,
    ) -> None:
        super().__init__(parent)
        # A page started ahead of the pane (engine.py) is adopted as it was made.
        self.preview_page = page if page is not None else PreviewPage(profile, self)
        self.preview_page.setParent(self)
        self.setPage(self.preview_page)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # A phone's scrollbars overlay the page; a desktop scrollbar would narrow it.
        self.preview_page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.ShowScrollBars, not exact
        )
        self.layout_name = layout
        self.css_width = css_width
        self.exact = exact
        self.is_ready = False
        self.state = PageState(layout)  # what the page shows now (render/preview_sync.py)
        self._loads = 0
        self._restore_y: float | None = None
        self.preview_page.bridge.clicked.connect(self.block_clicked)
        self.loadFinished.connect(self._on_page_load_finished)
        self._quick_flush = QuickFlush(self)  # a new frame on screen at once, not 5 ms later

    # Loading -----------------------------------------------------------------------------
    def load_page(self, path: str, *, keep_scroll: bool = True) -> None:
        """Load (or reload) the page served at path, keeping the reader's place."""
        if keep_scroll and self.is_ready:
            self._restore_y = self.page().scrollPosition().y()
        self.is_ready = False
        self._loads += 1
        if self._loads == 1 and self.preview_page.loading_ahead == path:
            self.preview_page.loading_ahead = None  # that load is this one: its request waits
            return
        self.load(url_for(f"{path}?v={self._loads}"))

    def _on_page_load_finished(self, ok: bool) -> None:
        self.apply_zoom()
        if not ok:
            return
        if self._restore_y:
            self.run("restoreScroll", self._restore_y)
        self._restore_y = None
        self.is_ready = True
        self.ready.emit()

    # Patching ----------------------------------------------------------------------------
    def run(self, name: str, *args: Any, callback: Callable[[Any], None] | None = None) -> None:
        """Call a function of the page script in its isolated world."""
        self.run_script(_js(name, *args), callback)

    def run_script(self, code: str, callback: Callable[[Any], None] | None = None) -> None:
        """Run JavaScript in the page script's world; callback gets the result."""
        if callback is None:
            self.page().runJavaScript(code, WORLD_ID)
        else:
            self.page().runJavaScript(code, WORLD_ID, callback)

    def patch_body(
        self,
        patch: BodyPatch,
        callback: Callable[[Any], None] | None = None,
        *,
        reveal: bool = False,
        scroll_to: int = -1,
    ) -> None:
        """Send a body patch; only the blocks it names change.

        scroll_to: a block to scroll near the top first; reveal: then make sure the first
        changed block is in view.
        """
        if not patch.is_empty:
            payload = {**patch.to_json(), "reveal": reveal, "scrollTo": scroll_to}
            self.run("applyBody", payload, callback=callback)
            return
        if scroll_to >= 0:
            self.scroll_to_block(scroll_to)
        if callback is not None:
            callback(None)

    def patch_fields(self, updates: list[dict[str, object]]) -> None:
        """Send changed page fields (headline copies, byline, figure…)."""
        if updates:
            self.run("applyFields", updates)

    def scroll_to_block(self, index: int) -> None:
        """Scroll so the block at index is near the top."""
        self.run("scrollToBlock", index)

    # Scaling -----------------------------------------------------------------------------
    def zoom_for(self, width: int) -> float:
        """Return the zoom that shows css_width CSS pixels in a view width wide."""
        if width <= 0:
            return 1.0
        zoom = width / self.css_width
        if not self.exact:
            zoom = min(zoom, 1.0)
        return max(MIN_ZOOM, min(MAX_ZOOM, zoom))

    def apply_zoom(self) -> None:
        """Set the zoom that keeps the page at its CSS width in this view."""
        zoom = self.zoom_for(self.width())
        if abs(self.zoomFactor() - zoom) > 1e-4:
            self.setZoomFactor(zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Rescale the page so its CSS width stays fixed as the view resizes."""
        super().resizeEvent(event)
        self.apply_zoom()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Prefer the page's natural width."""
        return QSize(self.css_width, 600)

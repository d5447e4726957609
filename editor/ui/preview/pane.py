"""The live preview: the site's pages for the open article, patched as the reporter types."""

from __future__ import annotations

import json
import time
from functools import partial

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from editor.core.errors import ProfileError
from editor.core.model import Article
from editor.render.markdown import BodyRenderer
from editor.render.page import Layout
from editor.render.preview_updates import (
    ALL_FIELDS,
    ShownBlock,
    block_index_for_line,
    diff_blocks,
    diff_fields,
    plan_update,
    render_inline,
)
from editor.render.preview_zoom import DESKTOP_WIDTH, Zoom
from editor.ui import messages
from editor.ui.document_review import REVIEW_ONLY_FIELDS
from editor.ui.preview.controls import PreviewControls
from editor.ui.preview.detached import Detacher
from editor.ui.preview.pages import PageBuilder
from editor.ui.preview.resources import PreviewResources
from editor.ui.preview.scheme import SandboxedProfile
from editor.ui.preview.share_card import ShareCard, share_card_data
from editor.ui.preview.stage import DesktopFrame, PhoneFrame, PreviewStage
from editor.ui.preview.view import PreviewView

DEBOUNCE_MS = 120
# A longer body pauses the preview: its page would take Chromium many seconds to lay out
# (a 10 MB body: ~20 s) and every patch would carry megabytes. docs/reliability.md.
MAX_PREVIEW_CHARS = 1_000_000
REMEASURE_MS = 150  # after a phone width change, before the headline is counted again
MOBILE_WIDTHS = (360, 390, 412)
MODES = ("desktop", "mobile", "both")
_MODE_ALIASES = {"side-by-side": "both", "side_by_side": "both"}

# The headline's lines and the width the page had when they were counted (its CSS viewport).
_HEADLINE_AND_WIDTH_JS = (
    "JSON.stringify(window.articlePreview"
    " ? [window.articlePreview.headlineLines(), window.innerWidth] : null)"
)


class _RenderSignals(QObject):
    done = Signal(int, object)  # generation, list[ShownBlock]


class PreviewPane(QWidget):
    """The preview of one document in the desktop layout, a phone, or both."""

    block_clicked = Signal(int)  # source line of the block the reporter clicked
    page_updated = Signal(str)  # layout whose page now shows the latest body patch
    headline_lines_measured = Signal(str, int, str)  # layout, lines, the headline measured
    headline_measured = Signal(str, int, int, str)  # layout, page's CSS width, lines, headline
    zoom_changed = Signal(object)  # Zoom: the reader's fit and steps (the window remembers)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        builder: PageBuilder | None = None,
    ) -> None:
        super().__init__(parent)
        self.builder = builder or PageBuilder()
        self.renderer = BodyRenderer()
        # The stage (and every view in it) is created before the web profile, so Qt deletes
        # the pages first: a profile must outlive its pages.
        self.stage = PreviewStage(self)
        self.share_card = ShareCard(self)
        self.error_label = QLabel(self)
        self.paused_label = QLabel(self)
        self.paused = False
        self.share_card_action = QAction(self.tr("Share card"), self, checkable=True)
        self.share_card_action.setObjectName("share_card_action")
        self.controls = PreviewControls(self.share_card_action, self)
        self.controls.add_shortcuts_to(self)
        self.detacher = Detacher(self)
        self.desktop_frame: DesktopFrame | None = None
        self.resources = PreviewResources(self.builder, self._current_article)
        self.web_profile = SandboxedProfile(self.resources.resolve, self)
        self.interceptor = self.web_profile.interceptor
        self.scheme_handler = self.web_profile.scheme_handler
        self.views: dict[str, PreviewView] = {}
        self.phone: PhoneFrame | None = None
        self.mode, self.mobile_width = "desktop", 390
        self.last_render_ms = 0.0
        self._document: QObject | None = None
        self._shown: list[ShownBlock] = []
        self._dirty: set[str] = set()
        self._held: set[str] = set()  # changes made while the preview was paused
        self._body_generation = self._field_generation = 0
        self._render_generation = 0
        self._rendering = self._render_again = False
        self._render_signals = _RenderSignals(self)
        self._render_signals.done.connect(self._on_render_done)
        self.timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._show_timer = QTimer(self, singleShot=True, interval=0)
        self._show_timer.timeout.connect(self._show_mode)
        self._build_layout()

    def _build_layout(self) -> None:
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.paused_label.setObjectName("preview_paused_label")
        self.paused_label.setWordWrap(True)
        self.paused_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_label.setMargin(24)
        self.paused_label.hide()
        side = QVBoxLayout()
        side.setContentsMargins(0, 8, 8, 8)
        side.addWidget(self.share_card)
        side.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.stage, 1)
        row.addWidget(self.paused_label, 1)
        row.addLayout(side)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.controls)
        column.addWidget(self.error_label)
        column.addLayout(row, 1)
        self.share_card_action.toggled.connect(self.set_share_card_visible)
        self.share_card_action.setChecked(True)
        self.controls.zoom_changed.connect(self._on_controls_zoom_changed)
        self.controls.detach_action.toggled.connect(self.set_detached)

    # Public API --------------------------------------------------------------------------
    def set_document(self, document: QObject) -> None:
        """Preview a document (an object with `article` and a `changed(str)` signal)."""
        if self._document is not None:
            self._document.changed.disconnect(self._on_document_changed)
        self._document = document
        document.changed.connect(self._on_document_changed)
        self._dirty.add(ALL_FIELDS)
        self._on_timer_timeout()
        # Show the pages on the next turn, so a set_mode right after this one decides
        # which page loads first (and an unused layout is never loaded).
        self._show_timer.start()

    @Slot(str, int)
    def set_mode(self, mode: str, width: int = 0) -> None:
        """Show the desktop page, a phone of width CSS px (360/390/412), or both."""
        mode = _MODE_ALIASES.get(mode, mode)
        self.mode = mode if mode in MODES else "desktop"
        if width:
            self.mobile_width = width
        if self._document is not None:
            self._show_mode()

    def _show_mode(self) -> None:
        """Create the views the mode needs, lay them out and bring them up to date."""
        self._show_timer.stop()
        if self.paused:
            return  # resuming shows the mode
        desktop = None
        if self.mode != "mobile":
            self._view(Layout.DESKTOP)
            desktop = self.desktop_frame
        phone = None
        if self.mode != "desktop":
            mobile = self._view(Layout.MOBILE)
            if mobile.css_width != self.mobile_width and mobile.is_ready:
                # Count the headline again once the page has its new width.
                QTimer.singleShot(REMEASURE_MS, mobile, partial(self._measure_headline, mobile))
            mobile.css_width = self.mobile_width
            phone = self.phone
        self.stage.show_views(desktop, phone)
        for view in self.active_views():
            self._sync_view(view)

    @Slot(bool)
    def set_share_card_visible(self, visible: bool) -> None:
        """Show or hide the share-card preview beside the pages."""
        self.share_card.setVisible(visible)
        if visible:
            self._update_share_card()
        if self.share_card_action.isChecked() != visible:
            self.share_card_action.setChecked(visible)

    @Slot(object)
    def set_zoom(self, zoom: Zoom) -> None:
        """Zoom the pages: a fit (the article column, or the whole page) and steps."""
        self.controls.set_zoom(zoom)

    def zoom_factor(self) -> float:
        """Return the desktop page's zoom on screen (1.0 before it is shown)."""
        return self.desktop_frame.factor if self.desktop_frame is not None else 1.0

    @Slot(bool)
    def set_detached(self, detached: bool) -> None:
        """Show the preview in its own window (F11 there: full screen), or back in place."""
        if detached:
            title = self.tr("Preview — {name}").format(name=self._document_name())
            if self.detacher.detach(title) is None:
                self.controls.detach_action.setChecked(False)
                return
            self.detacher.window.closed.connect(
                lambda: self.controls.detach_action.setChecked(False)
            )
        else:
            self.detacher.attach()

    def _document_name(self) -> str:
        name = getattr(self._document, "display_name", None)
        return name() if callable(name) else ""

    def _on_controls_zoom_changed(self, zoom: Zoom) -> None:
        self.stage.set_zoom(zoom)
        self.controls.show_factor(self.zoom_factor())
        self.zoom_changed.emit(zoom)

    @Slot(int)
    def scroll_to_source_line(self, line: int) -> None:
        """Scroll every visible page to the block holding a source line."""
        for view in self.active_views():
            if view.is_ready and view.shown:
                view.scroll_to_block(block_index_for_line(view.shown, line))

    @property
    def blocks(self) -> list[ShownBlock]:
        """Return the body's blocks as last rendered (what the pages show once synced)."""
        return self._shown

    def active_views(self) -> list[PreviewView]:
        """Return the views the current mode shows."""
        names = {
            "desktop": [Layout.DESKTOP],
            "mobile": [Layout.MOBILE],
            "both": [Layout.DESKTOP, Layout.MOBILE],
        }[self.mode]
        return [self.views[str(n)] for n in names if str(n) in self.views]

    def flush(self) -> None:
        """Apply pending document changes now instead of after the debounce."""
        if self.timer.isActive():
            self.timer.stop()
            self._on_timer_timeout()

    # Views -------------------------------------------------------------------------------
    def _view(self, layout: Layout) -> PreviewView:
        name = str(layout)
        if name not in self.views:
            mobile = layout is Layout.MOBILE
            view = PreviewView(
                self.web_profile,
                name,
                self.mobile_width if mobile else DESKTOP_WIDTH,
                exact=True,  # both scale, neither reflows: see DesktopFrame
                parent=self.stage,
            )
            view.ready.connect(partial(self._on_view_ready, view))
            view.block_clicked.connect(self.block_clicked)
            view.preview_page.bridge.zoom_requested.connect(self.controls.step)
            self.views[name] = view
            if mobile:
                self.phone = PhoneFrame(view, self.stage)
            else:
                self.desktop_frame = DesktopFrame(view, self.stage)
                self.desktop_frame.refitted = self.controls.show_factor
        return self.views[name]

    def _on_view_ready(self, view: PreviewView) -> None:
        self._sync_view(view)
        self._measure_headline(view)
        if self.desktop_frame is not None and view is self.desktop_frame.view:
            self.desktop_frame.measure_column()

    def _measure_headline(self, view: PreviewView) -> None:
        """Ask the page how many lines the headline takes in this layout (after patches)."""
        if self._document is None:
            return
        headline = self._document.article.headline
        view.run_script(_HEADLINE_AND_WIDTH_JS, partial(self._on_headline_measured, view, headline))

    def measure_headline_again(self) -> None:
        """Count the headline's lines again in every page shown (results come as signals)."""
        for view in self.active_views():
            if view.is_ready:
                self._measure_headline(view)

    def _on_headline_measured(self, view: PreviewView, headline: str, result: object) -> None:
        try:  # carried as JSON: a list does not survive runJavaScript's conversion
            lines, width = json.loads(result) if isinstance(result, str) else None
        except (TypeError, ValueError):
            return
        if isinstance(lines, (int, float)) and lines >= 0:
            self.headline_lines_measured.emit(view.layout_name, int(lines), headline)
            if isinstance(width, (int, float)):
                self.headline_measured.emit(view.layout_name, round(width), int(lines), headline)

    def _load_view(self, view: PreviewView, *, keep_scroll: bool = True) -> None:
        """Build the view's page from the current article and load it by URL."""
        article = self._document.article
        try:
            html, csp = self.builder.page(article, view.layout_name, self._shown)
            view.fields = self.builder.fields(article, view.layout_name)
        except ProfileError as exc:
            self._show_error(messages.error_words(exc))
            return
        self._show_error("")
        path = f"{view.layout_name}.html"
        self.resources.pages[path] = (html, csp)
        view.shown, view.site = self._shown, article.site
        view.body_generation, view.field_generation = self._body_generation, self._field_generation
        view.load_page(path, keep_scroll=keep_scroll)

    def _sync_view(self, view: PreviewView) -> None:
        """Bring one view up to date: load it, or patch what changed since it last synced."""
        if self._document is None or self.paused or self._rendering and not self._shown:
            return
        article = self._document.article
        if view.site != article.site:
            self._load_view(view, keep_scroll=bool(view.site))
            return
        if not view.is_ready:
            return  # the load in flight ends in ready, which syncs again
        fields_stale = view.field_generation != self._field_generation
        if fields_stale and not self._patch_fields(view, article):
            return
        if view.body_generation != self._body_generation:
            patch = diff_blocks(view.shown, self._shown)
            view.shown, view.body_generation = self._shown, self._body_generation
            view.patch_body(patch, callback=partial(self._on_view_patched, view.layout_name))

    def _patch_fields(self, view: PreviewView, article) -> bool:
        """Patch the page's fields; reload it when its structure changed. Tell if patched."""
        try:
            fields = self.builder.fields(article, view.layout_name)
        except ProfileError as exc:
            self._show_error(messages.error_words(exc))
            return False
        updates = diff_fields(view.fields, fields)
        if updates is None:
            self._load_view(view)
            return False
        view.patch_fields(updates)
        view.fields, view.field_generation = fields, self._field_generation
        if any(u.get("field") == "headline" for u in updates):
            self._measure_headline(view)
        return True

    def _on_view_patched(self, layout: str, _result: object) -> None:
        self.page_updated.emit(layout)

    # Document changes --------------------------------------------------------------------
    def _on_document_changed(self, field: str) -> None:
        # The keystroke path: remember what changed and restart the timer, nothing more.
        if field in REVIEW_ONLY_FIELDS:
            return  # notes are not on the page
        self._dirty.add(field)
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        dirty, self._dirty = self._dirty, set()
        if self._document is None or not dirty:
            return
        was_paused = self.paused
        if self._pause_for_length():
            if dirty - {"body"}:
                self._update_share_card()
            self._held |= dirty  # applied when the body is short again
            return
        dirty, self._held = dirty | self._held, set()
        plan = plan_update(dirty)
        if plan.reload_pages:
            for view in self.views.values():
                view.site = ""  # reload: a new article, start at its top
        if plan.fields:
            self._field_generation += 1
        if plan.images:
            for view in self.active_views():
                if view.is_ready:
                    view.run("reloadBrokenImages")
        if plan.render_body:
            self._start_render(fresh=plan.fresh)
        else:
            self._sync_all()
        if was_paused:
            self._show_mode()

    def _pause_for_length(self) -> bool:
        """Pause the preview while the body is over MAX_PREVIEW_CHARS; tell if it is paused."""
        length = self._body_length()
        paused = length > MAX_PREVIEW_CHARS
        if paused:
            text = self.tr(
                "The body is too long to preview, so the preview is paused ({count} characters). "
                "Export and saving work as usual."
            )
            self.paused_label.setText(text.format(count=f"{length:,}"))
        if paused != self.paused:
            self.paused = paused
            self.stage.setVisible(not paused)
            self.paused_label.setVisible(paused)
        return paused

    def _body_length(self) -> int:
        """Return the body's length, without copying it out when the document can tell."""
        body_length = getattr(self._document, "body_length", None)
        return body_length() if callable(body_length) else len(self._document.article.body)

    def _start_render(self, *, fresh: bool = False) -> None:
        """Render the body's blocks: here if that is cheap, else on a worker; newest wins.

        A fresh document has nothing cached, so a long one goes to the worker at once.
        """
        if self.paused:
            return
        if self._rendering:
            self._render_again = True
            return
        text = self._document.article.body
        self._render_generation += 1
        if render_inline(self.last_render_ms, len(text), fresh=fresh):
            self._apply_blocks(self._render_blocks(text))
            return
        self._rendering = True
        job = QRunnable.create(partial(self._render_in_worker, text, self._render_generation))
        QThreadPool.globalInstance().start(job)

    def _render_in_worker(self, text: str, generation: int) -> None:
        self._render_signals.done.emit(generation, self._render_blocks(text))

    def _render_blocks(self, text: str) -> list[ShownBlock]:
        started = time.perf_counter()
        prepare = self.builder.prepare
        blocks = [
            ShownBlock(b.key, b.line, prepare(html))
            for b, html in self.renderer.render_blocks(text)
        ]
        self.last_render_ms = (time.perf_counter() - started) * 1000
        return blocks

    def _on_render_done(self, generation: int, blocks: list[ShownBlock]) -> None:
        self._rendering = False
        if self._render_again:
            self._render_again = False
            self._start_render()  # the text changed meanwhile: that render wins
            return
        if generation == self._render_generation:
            self._apply_blocks(blocks)

    def _apply_blocks(self, blocks: list[ShownBlock]) -> None:
        self._shown = blocks
        self._body_generation += 1
        self._sync_all()

    def _sync_all(self) -> None:
        for view in self.active_views():
            self._sync_view(view)
        self._update_share_card()

    # Share card, errors, resources -------------------------------------------------------
    def _update_share_card(self) -> None:
        if self._document is None or self.share_card.isHidden():
            return
        article = self._document.article
        try:
            profile = self.builder.profile(article)
        except ProfileError:
            return
        data = share_card_data(article, self._shown, profile.name, str(profile.get("home_url", "")))
        self.share_card.show_data(data, article.images.get(data.image_src))

    def _current_article(self) -> Article | None:
        return None if self._document is None else self._document.article

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

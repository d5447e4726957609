"""The live preview: the site's pages for the open article, patched as the reporter types."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from editor.core.model import Article
from editor.render.page import Layout
from editor.render.preview_sync import (
    MAX_PREVIEW_CHARS,
    PageStep,
    PreviewSync,
    mode_layouts,
    parse_mode,
)
from editor.render.preview_updates import (
    ALL_FIELDS,
    ShownBlock,
    block_index_for_line,
)
from editor.render.preview_zoom import DESKTOP_WIDTH
from editor.ui import first_paint, messages
from editor.ui.document_review import REVIEW_ONLY_FIELDS
from editor.ui.preview.body_render import BodyRenderQueue
from editor.ui.preview.controls import PreviewControls
from editor.ui.preview.detached import Detacher
from editor.ui.preview.document import PreviewDocument
from editor.ui.preview.kept_pages import KeptPages
from editor.ui.preview.kept_picture import KeptPicture
from editor.ui.preview.page_cache import CachedPage, PageCache
from editor.ui.preview.page_probes import PageProbes
from editor.ui.preview.pages import PageBuilder
from editor.ui.preview.pane_controls import PaneControls
from editor.ui.preview.picture import PictureStore
from editor.ui.preview.resources import PreviewResources
from editor.ui.preview.scheme import SandboxedProfile
from editor.ui.preview.share_card import ShareCard
from editor.ui.preview.stage import DesktopFrame, PhoneFrame, PreviewStage
from editor.ui.preview.view import PreviewView

if TYPE_CHECKING:
    from editor.render.markdown import BodyRenderer
    from editor.ui.preview.engine import Engine

DEBOUNCE_MS = 120
REMEASURE_MS = 150  # after a phone width change, before the headline is counted again


class PreviewPane(KeptPages, KeptPicture, PageProbes, PaneControls, QWidget):
    """The preview of one document in the desktop layout, a phone, or both."""

    block_clicked = Signal(int)  # source line of the block the reporter clicked
    page_updated = Signal(str)  # layout whose page now shows the latest body patch
    headline_lines_measured = Signal(str, int, str)  # layout, lines, the headline measured
    headline_measured = Signal(str, int, int, str)  # layout, page's CSS width, lines, headline
    zoom_changed = Signal(object)  # Zoom: the reader's fit and steps (the window remembers)
    picture_swapped = Signal(int)  # the kept picture gave way to the live page: pixels differing

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
        builder: PageBuilder | None = None,
        page_cache: PageCache | None = None,
        picture_store: PictureStore | None = None,
        engine: Engine | None = None,
        renderer: BodyRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine  # Chromium started ahead of the pane (engine.py)
        self.builder = builder or PageBuilder()
        self.page_cache = page_cache if page_cache is not None else PageCache()
        # The first document's pages come from the cache until its first page is painted,
        # then the live pipeline takes over (_take_over).
        self._first_page_pending = False
        self._kept: dict[str, tuple[str, CachedPage]] = {}  # layout: (key, page)
        self._kept_keys: dict[str, str] = {}  # layout: key of the kept page shown first
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
        if engine is not None:  # made before the stage: its parent now, so deleted after it
            self.web_profile = engine.profile
            self.web_profile.setParent(self)
            self.web_profile.scheme_handler.resolver = self.resources.resolve
        else:
            self.web_profile = SandboxedProfile(self.resources.resolve, self)
        self.interceptor = self.web_profile.interceptor
        self.scheme_handler = self.web_profile.scheme_handler
        self.views: dict[str, PreviewView] = {}
        self.phone: PhoneFrame | None = None
        self.mode, self.mobile_width = "desktop", 390
        self.mode_asked = self.mode
        self._document: PreviewDocument | None = None
        self._reveal_edit = False  # the body patch on its way comes from an edit
        self._typed_before_take_over = False  # an edit while a kept page showed (kept_pages.py)
        self._scroll_line: int | None = None  # the editor's scroll, waiting for that patch
        self.sync = PreviewSync(self.builder)
        self.body_render = BodyRenderQueue(
            self._body_text,
            self.builder.prepare,
            self,
            busy=lambda: self.timer.isActive(),
            renderer=renderer,
        )
        self.body_render.rendered.connect(self._apply_blocks)
        self.timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self.timer.timeout.connect(self._on_timer_timeout)
        self._show_timer = QTimer(self, singleShot=True, interval=0)
        self._show_timer.timeout.connect(self._show_mode)
        self._init_picture(picture_store)
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
    def set_document(
        self,
        document: PreviewDocument,
        page_keys: dict[str, str] | None = None,
        built: dict[str, tuple[str, CachedPage]] | None = None,
    ) -> None:
        """Preview a document: its article, kept up to date through its `changed` signal.

        page_keys: the kept pages the window's kept picture showed (layout: key), if any.
        built: pages a thread built for its first opening (layout: (key, page); warm.py),
        shown as kept pages are and kept after their paint.
        """
        if self._document is not None:
            self._document.changed.disconnect(self._on_document_changed)
        first = self._document is None and not self.views
        self._document = document
        document.changed.connect(self._on_document_changed)
        self.sync.note_change(ALL_FIELDS)
        # A body too long to preview pauses the preview, as before.
        first = first and document.body_length() <= MAX_PREVIEW_CHARS
        if first:
            self._find_kept_pages(page_keys, built)
        else:
            self._kept, self._kept_keys = {}, {}
        self._picture_touched = False
        if self._kept:
            self._first_page_pending = True  # the kept pages show before anything is built
            if first_paint.PREVIEW_FALLBACK_MS is not None:  # a page that never paints
                QTimer.singleShot(first_paint.PREVIEW_FALLBACK_MS, self, self._take_over)
        else:
            self._on_timer_timeout()
        # Show the pages on the next turn, so a set_mode right after this one decides
        # which page loads first (and an unused layout is never loaded).
        self._show_timer.start()

    @Slot(str, int)
    def set_mode(self, mode: str, width: int = 0) -> None:
        """Show the desktop page, a phone of width CSS px (360/390/412), or both."""
        self.mode, self.mode_asked = parse_mode(mode), mode  # the settings' name: the picture's
        if width:
            self.mobile_width = width
        if self._document is not None:
            self._show_mode()
        self.check_picture()

    def _show_mode(self) -> None:
        """Create the views the mode needs, lay them out and bring them up to date."""
        self._show_timer.stop()
        if self.paused:
            self._release_engine()
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
        self._release_engine()

    @Slot(int)
    def scroll_to_source_line(self, line: int) -> None:
        """Scroll every visible page to the block holding a source line."""
        if self.sync.shown and block_index_for_line(self.sync.shown, line) > 0:
            self._drop_picture("scrolled")  # the picture is the page's top
        if self.timer.isActive() or self.body_render.running:
            # The editor scrolled as the reporter typed: scroll with the edit's patch, which
            # then brings the edited block into view if this left it out (one move, not two).
            self._scroll_line = line
            return
        for view in self.active_views():
            if view.is_ready and view.state.shown:
                view.scroll_to_block(block_index_for_line(view.state.shown, line))

    @property
    def blocks(self) -> list[ShownBlock]:
        """Return the body's blocks as last rendered (what the pages show once synced)."""
        return self.sync.shown

    def active_views(self) -> list[PreviewView]:
        """Return the views the current mode shows."""
        return [self.views[name] for name in mode_layouts(self.mode) if name in self.views]

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
                page=self._engine.take_page(name) if self._engine is not None else None,
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

    def _release_engine(self) -> None:
        """Let go of the page started ahead once the views are made (deleted if not taken)."""
        if self._engine is not None:
            self._engine.release()
            self._engine = None

    def _on_view_ready(self, view: PreviewView) -> None:
        if not self._first_page_pending:
            self._picture_later()  # a page built fresh: its picture, once it has settled
        self._sync_view(view)
        self._measure_headline(view)
        if self.desktop_frame is not None and view is self.desktop_frame.view:
            self.desktop_frame.measure_column()

    def _sync_view(self, view: PreviewView) -> None:
        """Bring one view up to date: load it, or patch what changed since it last synced."""
        if self._first_page_pending:
            if not view.state.site and not self._show_kept_page(view):
                self._take_over()  # nothing kept for this layout: build it now
            return
        first_render_pending = self.body_render.running and not self.sync.shown
        if self._document is None or self.paused or first_render_pending:
            return
        step = self.sync.step(view.state, self._document.article, ready=view.is_ready)
        self._apply_step(view, step)

    def _apply_step(self, view: PreviewView, step: PageStep) -> None:
        """Do to one view what the sync decided: show an error, load, or patch."""
        if step.error is not None:
            self._show_error(messages.error_words(step.error))
            return
        if step.load is not None:
            self._show_error("")
            self._load_view(view, step.load.html, step.load.csp, keep_scroll=step.load.keep_scroll)
            self._keep_later(view, step.load.html, step.load.csp)
            return
        view.patch_fields(step.field_updates)
        if step.measure_headline:
            self._measure_headline(view)
        # A scroll sync that waited for this patch goes in the same script: one move.
        line, shown = self._scroll_line, view.state.shown
        scroll_to = block_index_for_line(shown, line) if line is not None and shown else -1
        if step.body is not None:
            done = partial(self._on_view_patched, view.layout_name)
            view.patch_body(step.body, done, reveal=self._reveal_edit, scroll_to=scroll_to)
        elif scroll_to >= 0:
            view.scroll_to_block(scroll_to)

    def _load_view(self, view: PreviewView, html: str, csp: str, *, keep_scroll: bool) -> None:
        """Serve a page to a view and load it (or answer the load started ahead, engine.py)."""
        path = f"{view.layout_name}.html"
        self.resources.pages[path] = (html, csp)
        view.load_page(path, keep_scroll=keep_scroll)
        self.scheme_handler.answer_held()

    def _on_view_patched(self, layout: str, _result: object) -> None:
        self.page_updated.emit(layout)

    # Document changes --------------------------------------------------------------------
    def _on_document_changed(self, field: str) -> None:
        # The keystroke path: remember what changed and restart the timer, nothing more.
        if field in REVIEW_ONLY_FIELDS:
            return  # notes are not on the page
        self._picture_touched = True
        self._drop_picture("typed")
        self.sync.note_change(field)
        if self._first_page_pending and field == "body":
            self._typed_before_take_over = True  # the take-over brings that edit into view
        self.timer.start()

    def _on_timer_timeout(self, *, reload: bool = True) -> None:
        if self._first_page_pending:
            self._take_over()  # typed before the first page was painted: build now
            return
        dirty = self.sync.take_changes()
        if self._document is None or not dirty:
            return
        was_paused = self.paused
        if self._pause_for_length():
            if dirty - {"body"}:
                self._update_share_card()
            self.sync.hold(dirty)  # applied when the body is short again
            return
        plan = self.sync.plan(dirty)
        if plan.reload_pages and reload:
            for view in self.views.values():
                view.state.site = ""  # reload: a new article, start at its top
        if plan.images:
            for view in self.active_views():
                if view.is_ready:
                    view.run("reloadBrokenImages")
        if plan.render_body:
            # The reporter edited the body: the page brings the edited block into view.
            # A kept page's take-over is a fresh plan; an edit typed before it is an edit.
            self._reveal_edit = not plan.fresh or self._typed_before_take_over
            self._typed_before_take_over = False
            self._start_render(fresh=plan.fresh)
        else:
            self._sync_all()
        if was_paused:
            self._show_mode()

    def _pause_for_length(self) -> bool:
        """Pause the preview while the body is over MAX_PREVIEW_CHARS; tell if it is paused."""
        length = self._document.body_length()
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

    def _start_render(self, *, fresh: bool = False) -> None:
        """Render the body's blocks (a fresh document: nothing cached, a long one on a worker)."""
        if not self.paused:
            self.body_render.start(fresh=fresh)

    @property
    def renderer(self) -> BodyRenderer:
        """Return the body renderer (tests watch its calls)."""
        return self.body_render.renderer

    @property
    def last_render_ms(self) -> float:
        """Return how long the last body render took (decides inline or worker)."""
        return self.body_render.last_render_ms

    @last_render_ms.setter
    def last_render_ms(self, ms: float) -> None:
        self.body_render.last_render_ms = ms

    def _apply_blocks(self, blocks: list[ShownBlock]) -> None:
        self.sync.blocks_rendered(blocks)
        self._sync_all()
        self._reveal_edit = False

    def _sync_all(self) -> None:
        for view in self.active_views():
            self._sync_view(view)
        self._scroll_line = None
        self._update_share_card()

    # The text shown, errors ---------------------------------------------------------------
    def _body_text(self) -> str:
        return self._document.article.body if self._document is not None else ""

    def _current_article(self) -> Article | None:
        return None if self._document is None else self._document.article

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

"""An article's first opening: Chromium and the pane's Python started side by side.

With no page kept from the article's last opening, the pane builds its first page from
nothing: its own modules (~50 ms of the UI thread), Markdown's and Jinja2's, the site
profile and its templates, the body rendered block by block, the page and its fields. The
UI thread did all of it right after Chromium's start, and Chromium's navigation to the page
(its renderer's start among it) waited behind that Python. Now a thread does it: while the
UI thread waits for Chromium's start with the interpreter's lock free
(engine.start_chromium), then while the UI thread's event loop serves Chromium. The window
makes the pane when the thread is done (MainWindow.take_preview_ahead); the pane takes over
the renderer and the page builder, their caches filled (the profile is cached by
render.profiles), and shows the pages the thread built as it shows a page kept from the
last opening (kept_pages.py): served at once to the request that waited in the scheme
handler (engine.py), checked and taken over by the live pipeline after their paint, and
kept for the next opening. An article opened again shows its kept page first and is built
after that page is painted: nothing of this runs for it.
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from editor.core.errors import ImageError, ProfileError
from editor.ui.first_paint import in_background
from editor.ui.logs import get_logger
from editor.ui.preview.engine import Engine, start_engine

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from editor.core.model import Article
    from editor.render.markdown import BodyRenderer
    from editor.ui.preview.page_cache import CachedPage
    from editor.ui.preview.pages import PageBuilder

log = get_logger(__name__)


@dataclass
class Warmed:
    """What the pane takes over: a renderer and a builder that have seen the article's body,
    and the first pages built (layout: (key, page)), shown as kept pages are (kept_pages.py)."""

    renderer: BodyRenderer
    builder: PageBuilder
    pages: dict[str, tuple[str, CachedPage]]


@dataclass
class PreviewAhead:
    """Chromium started for a pane not made yet, and what the thread made for it."""

    engine: Engine | None = None  # None once a pane took it, or it was dropped
    warmed: Warmed | None = None  # None until the thread is done, or if it failed

    def take(self) -> tuple[Engine | None, Warmed | None]:
        """Hand the engine and what the thread made to the pane (once)."""
        engine, self.engine = self.engine, None
        return engine, self.warmed

    def drop(self) -> None:
        """Delete the page and profile if no pane took them (its window closed or went)."""
        engine, self.engine = self.engine, None
        if engine is not None:
            engine.release()  # its page first: a profile must outlive its pages
            engine.profile.deleteLater()

    def warm(self, article: Article, layouts: list[str]) -> None:
        """Import and build what the pane's first pages need (on the thread).

        article is the window's, as it was when the thread started (a copy).
        """
        try:
            import editor.ui.preview.pane  # noqa: F401  (the pane's modules, QtWebEngine's too)
            from editor.render.markdown import BodyRenderer
            from editor.render.preview_sync import MAX_PREVIEW_CHARS
            from editor.render.preview_updates import ShownBlock
            from editor.render.profiles import load_profile
            from editor.storage.images import inspect
            from editor.ui.preview.page_cache import CachedPage, PageCache
            from editor.ui.preview.pages import PageBuilder

            renderer, builder = BodyRenderer(), PageBuilder()
            if len(article.body) > MAX_PREVIEW_CHARS:
                self.warmed = Warmed(renderer, builder, {})  # the pane pauses: nothing to build
                return
            blocks = [
                ShownBlock(block.key, block.line, builder.prepare(html))
                for block, html in renderer.render_blocks(article.body)
            ]
            for path, data in article.images.items():  # Pillow loaded: served at once
                with contextlib.suppress(ImageError):
                    inspect(data, path)
            pages: dict[str, tuple[str, CachedPage]] = {}
            with contextlib.suppress(ProfileError):  # the pane tells the reporter, in its words
                load_profile(article.site)  # its templates compiled too
                for layout in layouts:
                    key = PageCache().key(article, layout, builder.urls)
                    if key is None:
                        continue
                    html, csp = builder.page(article, layout, blocks)
                    fields = builder.fields(article, layout)
                    assets = builder.asset_files(article.site)
                    pages[layout] = (key, CachedPage(html, csp, fields, blocks, assets))
            self.warmed = Warmed(renderer, builder, pages)  # handed over whole, or not at all
        except Exception:  # only a head start: the pane does the same work itself
            log.exception("the preview's warm-up failed")


def _import_pane() -> None:
    with contextlib.suppress(Exception):  # imported again, and reported, by the pane's maker
        import editor.ui.preview.pane  # noqa: F401


@contextlib.contextmanager
def pane_imported_meanwhile() -> Iterator[None]:
    """Import the pane's modules on a thread while the block runs (an article reopened).

    The block is Chromium's start, which leaves the interpreter's lock free: the pane's
    modules (~20-40 ms of imports) load then instead of after it.
    """
    thread = threading.Thread(target=_import_pane, name="pane-imports", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()


def start_ahead(
    article: Article, mode: str, parent: QObject, ready: Callable[[], None]
) -> PreviewAhead:
    """Start the thread, then Chromium; ready is called on this thread once the thread is done.

    The thread starts first so that it runs while Chromium's start holds this thread up.
    ready never comes if parent is deleted first; the page and profile are deleted then.
    """
    from editor.render.preview_sync import mode_layouts, parse_mode

    ahead = PreviewAhead()
    as_opened = copy.copy(article)
    as_opened.images = dict(article.images)
    in_background(parent, partial(ahead.warm, as_opened, mode_layouts(parse_mode(mode))), ready)
    ahead.engine = start_engine(mode)
    parent.destroyed.connect(ahead.drop)  # a window deleted before its pane was made
    return ahead

"""The preview's kept pages: the last page built for an article shows first at the next start.

Half of PreviewPane (pane.py), kept apart to keep the pane readable: on the first document,
a page kept for its article (page_cache.py) is loaded at once and the pane builds nothing
(no Markdown, no Jinja2, no first render) until that page is painted; then the live
pipeline takes over and compares what it builds with what the kept page shows, patching
any difference as it patches an edit (none when the key holds). Pages built fresh are kept
a moment after they load, and the window keeps the pages of a saved article as it closes.

When the window's first frame showed the kept picture, the pages it names are loaded by the
picture's keys (a JSON read), and a page's full key (the site profile's files, the code's
stamp, the article as opened) is computed only after its first paint (~18 ms of the UI
thread's CPU off the way to it). A key that no longer holds (a profile or the code changed
while the picture's key did not) drops the picture and reloads that page built fresh at once.
"""

from __future__ import annotations

import copy
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QRunnable, Qt, QThreadPool, QTimer

from editor.core.errors import ProfileError
from editor.render.page import Layout
from editor.ui import first_paint
from editor.ui.preview.page_cache import CachedPage

if TYPE_CHECKING:
    from editor.core.model import Article
    from editor.ui.preview.view import PreviewView

KEEP_AFTER_MS = 1000  # a page built fresh is kept for the next start once it has been shown


class KeptPages:
    """The pane's part that shows kept pages first and keeps the pages it builds."""

    _kept_article: Article | None = None  # the first document's article as opened
    _built: dict[str, tuple[str, CachedPage]] | None = None  # pages to keep once painted
    _kept_stale: list[str] | None = None  # layouts whose kept page's key failed; None: unchecked

    def _kept_pages(self) -> dict[str, tuple[str, CachedPage]]:
        """Return the pages kept for the document's article, by layout."""
        found = {}
        for layout in (str(Layout.DESKTOP), str(Layout.MOBILE)):
            key = self.page_cache.key(self._document.article, layout, self.builder.urls)
            page = self.page_cache.load(key) if key is not None else None
            if page is not None:
                found[layout] = (key, page)
        return found

    def _kept_pages_named(self, page_keys: dict[str, str]) -> dict[str, tuple[str, CachedPage]]:
        """Return the pages kept under the keys the kept picture names, by layout (unchecked)."""
        found = {}
        for layout, key in page_keys.items():
            page = self.page_cache.load(key)
            if page is not None:
                found[layout] = (key, page)
        return found

    def _find_kept_pages(
        self,
        page_keys: dict[str, str] | None,
        built: dict[str, tuple[str, CachedPage]] | None = None,
    ) -> None:
        """Find the first document's kept pages: by the picture's keys, else by their own.

        built: pages a thread built just now for an article opened for the first time
        (warm.py): shown as kept ones are, and kept for the next opening once painted.
        """
        if built:
            self._kept, self._built = dict(built), dict(built)
        else:
            self._kept = self._kept_pages_named(page_keys) if page_keys else self._kept_pages()
            self._built = {}
        self._kept_keys = {layout: key for layout, (key, _page) in self._kept.items()}
        # The article as opened: its keys are checked after the first paint, and what the
        # reporter types meanwhile is patched by the take-over as any edit is.
        self._kept_article = copy.copy(self._document.article)
        self._kept_article.images = dict(self._kept_article.images)
        self._kept_stale = None

    def _kept_pages_hold(self) -> bool:
        """Tell whether the kept pages shown still have their full keys (checked once).

        A page that does not is marked for the take-over to load built fresh, and the
        picture, which showed it, is dropped and forgotten.
        """
        if self._kept_stale is not None or self._kept_article is None:
            return not self._kept_stale
        article, urls = self._kept_article, self.builder.urls
        self._kept_stale = [
            name
            for name, key in self._kept_keys.items()
            if name in self.views
            and self.views[name].state.site
            and key != self.page_cache.key(article, name, urls)
        ]
        for name in self._kept_stale:
            self.views[name].state.site = ""  # the take-over loads the page built fresh
        # A profile changed since may name other files: read them again for the fresh page.
        self.resources.forget_kept_assets(read=bool(self._kept_stale))
        if self._kept_stale and self._picture is not None:
            self.picture_store.forget(self._picture.picture.key)
            self._drop_picture("stale")
        return not self._kept_stale

    def _show_kept_page(self, view: PreviewView) -> bool:
        """Load the page kept for the article in this layout; tell if there was one."""
        article = self._document.article
        _key, page = self._kept.pop(view.layout_name, (None, None))
        if page is None:
            return False
        state = view.state
        state.site, state.fields, state.shown = article.site, page.fields, page.blocks
        state.body_generation = state.field_generation = -1  # the take-over compares them
        if not self.sync.shown:
            self.sync.shown = page.blocks  # scroll sync and clicks work before it
        self.resources.kept_assets.update(page.assets)  # no profile read before the paint
        self._load_view(view, page.html, page.csp, keep_scroll=False)
        view.ready.connect(
            partial(self._on_kept_page_ready, view), Qt.ConnectionType.SingleShotConnection
        )
        return True

    def _on_kept_page_ready(self, view: PreviewView) -> None:
        # After the page's first paint, and after whatever else waited for it (the window's
        # own after_preview_painted, the start-up probe): one turn later.
        # The kept picture (kept_picture.py) gives way first; the take-over blocks a while.
        def soon() -> None:
            if not self._kept_pages_hold():
                self._take_over()  # at once: the page shown is not the article's page now
                return
            self._keep_built(view.layout_name)
            # The share card from the kept blocks (its photo's thumbnail is decoded here):
            # not before, where it would hold up Chromium's navigation on this thread; the
            # kept picture covers it until the swap, which compares it too.
            self._update_share_card()
            self._after_picture(view, lambda: QTimer.singleShot(0, self, self._take_over))
            self._picture_later()

        if view.isVisible():
            first_paint.after_first_paint(view.focusProxy() or view, soon)
        else:
            soon()

    def _take_over(self) -> None:
        """Start the live pipeline: build the page fresh, patch what the kept page lacks."""
        if not self._first_page_pending:
            return
        self._first_page_pending = False
        self._kept_pages_hold()  # a page that never painted is checked here
        self._on_timer_timeout(reload=False)  # views that show a kept page are diffed

    def _keep_built(self, layout: str) -> None:
        """Keep a page built on the first opening's thread, now shown and its key holding."""
        key, page = (self._built or {}).pop(layout, (None, None))
        if key is not None and page is not None:
            self._store_later(key, page)

    def _store_later(self, key: str, page: CachedPage) -> None:
        # Not now: this is the page's load. Not on this thread either: the reporter may be
        # typing by then, and the write fsyncs (file I/O releases the GIL).
        store = QRunnable.create(partial(self.page_cache.store, key, page))
        QTimer.singleShot(KEEP_AFTER_MS, self, lambda: QThreadPool.globalInstance().start(store))

    def _keep_later(self, view: PreviewView, html: str, csp: str) -> None:
        """Keep a page just built for the next start, if it shows the article as it is now."""
        article = self._document.article
        if self.body_render.text_shown != article.body:
            return  # built from an older render: its key would lie
        key = self.page_cache.key(article, view.layout_name, self.builder.urls)
        if key is None:
            return
        assets = self.builder.asset_files(article.site)
        self._store_later(
            key, CachedPage(html, csp, list(view.state.fields), list(view.state.shown), assets)
        )

    def keep_pages(self) -> None:
        """Keep the pages of the article as it is now for its next opening (the window closes)."""
        if self._document is None or self.paused or self._first_page_pending:
            return  # nothing shown, or what is shown came from the cache
        article, blocks = self._document.article, list(self.sync.shown)
        if self.body_render.text_shown != article.body:
            return  # the last render is older than the text
        for view in self.views.values():
            key = self.page_cache.key(article, view.layout_name, self.builder.urls)
            if not view.state.site or key is None or self.page_cache.has(key):
                continue
            try:
                html, csp = self.builder.page(article, view.layout_name, blocks)
                fields = self.builder.fields(article, view.layout_name)
            except ProfileError:
                continue
            assets = self.builder.asset_files(article.site)
            self.page_cache.store(key, CachedPage(html, csp, fields, blocks, assets))

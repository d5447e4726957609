"""An article's first opening: Chromium and the pane's Python started side by side.

With no page kept from the article's last opening, the pane builds its first page from
nothing: its own modules (~50 ms of the UI thread), Markdown's and Jinja2's, the site
profile and its templates, the body rendered block by block. The UI thread did all of it
right after Chromium's start, and Chromium's navigation to the page (its renderer's start
among it) waited behind that Python. Now a thread does it: while the UI thread waits for
Chromium's start with the interpreter's lock free (engine.start_chromium), then while the
UI thread's event loop serves Chromium. The window makes the pane when the thread is done
(MainWindow.take_preview_ahead); the pane takes over the renderer and the page builder,
their caches filled (the profile is cached by render.profiles), and answers the page's
request, which waited in the scheme handler as before (engine.py). An article opened
again shows its kept page first and is built after that page is painted: nothing of this
runs for it.
"""

from __future__ import annotations

import contextlib
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
    from editor.ui.preview.pages import PageBuilder

log = get_logger(__name__)


@dataclass
class Warmed:
    """What the pane takes over: a renderer and a builder that have seen the article's body."""

    renderer: BodyRenderer
    builder: PageBuilder


@dataclass
class PreviewAhead:
    """Chromium started for a pane not made yet, and what the thread made for it."""

    engine: Engine | None = None
    warmed: Warmed | None = None  # None until the thread is done, or if it failed

    def warm(self, site: str, body: str, images: dict[str, bytes]) -> None:
        """Import and build what the pane's first page needs (on the thread)."""
        try:
            import editor.ui.preview.pane  # noqa: F401  (the pane's modules, QtWebEngine's too)
            from editor.render.markdown import BodyRenderer
            from editor.render.profiles import load_profile
            from editor.storage.images import inspect
            from editor.ui.preview.pages import PageBuilder

            renderer, builder = BodyRenderer(), PageBuilder()
            for _block, html in renderer.render_blocks(body):
                builder.prepare(html)
            for path, data in images.items():  # Pillow loaded: the page's images served at once
                with contextlib.suppress(ImageError):
                    inspect(data, path)
            warmed = Warmed(renderer, builder)
            try:
                load_profile(site)  # its templates compiled too
            except ProfileError:
                pass  # the pane tells the reporter, in its own words
            self.warmed = warmed  # handed over whole, or not at all
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
    ready never comes if parent is deleted first.
    """
    ahead = PreviewAhead()
    work = partial(ahead.warm, article.site, article.body, dict(article.images))
    in_background(parent, work, ready)
    ahead.engine = start_engine(mode)
    return ahead

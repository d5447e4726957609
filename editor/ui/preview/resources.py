"""What the preview's article: scheme serves: its pages, the document's images, the site's assets."""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Callable
from importlib import resources as importlib_resources
from pathlib import Path

from editor.core.errors import ImageError
from editor.core.model import Article
from editor.ui.preview.pages import PREVIEW_CSS, PageBuilder
from editor.ui.preview.scheme import Resource, mime_for


class PreviewResources:
    """Answer article: requests from the pages built so far and the open article."""

    def __init__(self, builder: PageBuilder, article: Callable[[], Article | None]) -> None:
        self.builder = builder
        self._article = article
        self.pages: dict[str, tuple[str, str]] = {}  # path: (html, content security policy)
        self._assets: dict[tuple[str, str], bytes] = {}
        self._safe_images: dict[tuple[str, int, int], bool] = {}  # bombs never reach the page
        # The kept page's assets (name: file) until its key is checked after its paint.
        self.kept_assets: dict[str, str] = {}

    def resolve(self, path: str) -> Resource | None:
        """Answer an article: request: a page, an image of the document, or an asset."""
        if path in self.pages:
            html, csp = self.pages[path]
            return Resource(
                html.encode("utf-8"), "text/html;charset=utf-8", {"Content-Security-Policy": csp}
            )
        article = self._article()
        if article is None:
            return None
        if path.startswith("images/"):
            data = article.images.get(path)
            if data is None or not self._image_is_safe(path, data):
                return None
            return Resource(data, mime_for(path))
        if path == PREVIEW_CSS:
            return Resource(static_file("preview.css"), "text/css")
        if path.startswith("assets/"):
            return self._asset(article.site, path[len("assets/") :])
        return None

    def forget_kept_assets(self, *, read: bool) -> None:
        """Stop serving the kept page's asset files; read: forget what was read from them."""
        if read:
            self._assets = {k: v for k, v in self._assets.items() if k[1] not in self.kept_assets}
        self.kept_assets = {}

    def check_images(self) -> None:
        """Check the open article's images now, before the page asks for them.

        The first check imports Pillow (~35 ms). MainWindow runs this on a thread while
        Chromium navigates to the first page (the verdicts are plain dict entries, the same
        from either thread): the page's image requests, answered on the UI thread, are then
        served at once, and Chromium lays the page out with its images from the start.
        """
        article = self._article()
        if article is not None:
            for path, data in list(article.images.items()):
                self._image_is_safe(path, data)

    def _image_is_safe(self, path: str, data: bytes) -> bool:
        """Tell whether the page may decode an image: pixels bounded first (bombs never)."""
        from editor.storage.images import inspect

        key = (path, len(data), zlib.crc32(data))
        cache = self._safe_images
        if key not in cache:
            try:
                inspect(data, path)
                cache[key] = True
            except ImageError:
                cache[key] = False
        return cache[key]

    def _asset(self, site: str, rel: str) -> Resource | None:
        data = self._assets.get((site, rel))
        if data is None and rel in self.kept_assets:
            with contextlib.suppress(OSError):
                data = self._assets[(site, rel)] = Path(self.kept_assets[rel]).read_bytes()
        if data is None:
            file = self.builder.asset(site, rel)
            if file is None:
                return None
            data = self._assets[(site, rel)] = file.read_bytes()
        return Resource(data, mime_for(rel))


def static_file(name: str) -> bytes:
    """Return a file of the preview's own _static folder."""
    return importlib_resources.files(__package__).joinpath("_static", name).read_bytes()

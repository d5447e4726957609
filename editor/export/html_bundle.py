"""The HTML bundle: a stand-alone page, a CMS fragment, ninjs, assets and sized images.

index.html    the article page in the site's style (responsive), JSON-LD, Open Graph
article.html  lead figure + body, to paste into a CMS's HTML mode
article.json  IPTC ninjs
assets/       the profile's CSS and fonts
images/       <name>-<width>.jpg (and .webp) for every width of the profile
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote, urljoin

from editor.core.body_reading import read_body
from editor.core.model import Article
from editor.export.bundle import Files
from editor.export.fields import Prepared, prepare
from editor.export.images import ProcessedImage, Rendition
from editor.export.metadata import LeadPicture, description, json_ld, social_meta
from editor.export.ninjs import LEAD_ROLE, Picture, PictureRendition, ninjs, ninjs_json
from editor.render.page import Layout, prepare_body, render_article_block, render_page
from editor.render.profiles import SiteProfile
from editor.render.urls import BundleUrls

ASSETS_DIR = "assets"


class HtmlBundleExporter:
    """Build the files of an HTML bundle from an article."""

    def __init__(
        self, profile: SiteProfile, progress: Callable[[int, int], None] | None = None
    ) -> None:
        self.profile = profile
        self.progress = progress

    def build(
        self, article: Article, slug: str, sink: Callable[[Files], None] | None = None
    ) -> Files:
        """Return every file of the bundle by path.

        sink, when given, gets the files that are final early (the assets, then each
        image's renditions as it is finished) to write them while the rest is made.

        Raises:
            ImageError: an image the article uses is broken, naming it.
            ProfileError: a template or asset of the profile is missing.
        """
        assets = self._assets()
        if sink:
            sink(assets)
        ready = prepare(
            article,
            self.profile,
            widths=tuple(self.profile.image_widths),
            webp=self.profile.webp,
            progress=self.progress,
            extra_steps=1,
            on_image=(lambda stem, image: sink(self._image_files(stem, image))) if sink else None,
        )
        files: Files = {}
        attrs: dict[str, dict[str, str]] = {}
        for key, image in ready.images.items():
            files.update(self._image_files(ready.stems[key], image))
            attrs[key] = self._image_attrs(ready.stems[key], image)

        def image_attrs(src: str) -> dict[str, str]:
            key = ready.used.key_for(src)
            return dict(attrs[key]) if key in attrs else {"src": src}

        urls = BundleUrls(image_attrs, assets_dir=ASSETS_DIR)
        files.update(self._pages(ready, urls, slug))
        files.update(assets)
        if self.progress:
            total = len(ready.images) + 1
            self.progress(total, total)
        return files

    # -- images -------------------------------------------------------------------------
    def _image_files(self, stem: str, image: ProcessedImage) -> dict[str, bytes]:
        """Name each rendition <stem>-<width><suffix>; with WebP, one JPEG fallback only."""
        out: dict[str, bytes] = {}
        primary = image.renditions[:1] if image.webp else image.renditions
        for rendition in (*primary, *image.webp):
            out[_name(stem, rendition)] = rendition.data
        return out

    def _image_attrs(self, stem: str, image: ProcessedImage) -> dict[str, str]:
        """Return src (largest), srcset over every width, sizes, width and height."""
        largest = image.renditions[0]
        attrs = {
            "src": _url(stem, largest),
            "width": str(largest.width),
            "height": str(largest.height),
        }
        options = image.webp or image.renditions
        if len(options) > 1 or image.webp:
            attrs["srcset"] = ", ".join(f"{_url(stem, r)} {r.width}w" for r in options)
            attrs["sizes"] = self._sizes()
        return attrs

    def _sizes(self) -> str:
        """Return the sizes attribute: full width below the breakpoint, the column above."""
        theme = self.profile.get("theme") or {}
        column = re.fullmatch(r"\s*(\d+)(?:px)?\s*", str(theme.get("content", "800")))
        width = column.group(1) if column else "800"
        return f"(max-width: {self.profile.breakpoint - 1}px) 100vw, {width}px"

    # -- pages --------------------------------------------------------------------------
    def _pages(self, ready: Prepared, urls: BundleUrls, slug: str) -> dict[str, bytes]:
        """Render index.html, article.html and article.json."""
        article, body_html = ready.article, ready.body_html
        page_url = self.profile.article_url(slug)
        lead = self._lead(ready, page_url)
        desc = description(article, body_html)
        page = render_page(
            article,
            self.profile,
            Layout.RESPONSIVE,
            urls=urls,
            body_html=body_html,
            head_extra=json_ld(article, self.profile, desc, lead, page_url),
            meta=social_meta(article, self.profile, desc, lead, page_url),
        )
        fragment = render_article_block(article, self.profile, urls=urls, body_html=body_html)
        item = ninjs(
            article,
            self.profile,
            slug,
            prepare_body(body_html, urls),
            self._pictures(ready, page_url),
        )
        return {
            "index.html": page.encode("utf-8"),
            "article.html": fragment.encode("utf-8"),
            "article.json": ninjs_json(item),
        }

    def _lead(self, ready: Prepared, page_url: str) -> LeadPicture | None:
        key = ready.lead_key()
        if key is None:
            return None
        largest = ready.images[key].renditions[0]
        return LeadPicture(
            _absolute(page_url, _url(ready.stems[key], largest)),
            largest.width,
            largest.height,
            ready.article.lead_image.alt.strip(),
        )

    def _pictures(self, ready: Prepared, page_url: str) -> list[Picture]:
        """Return the lead and then every other image the body shows, in first-use order."""
        lead_key, lead = ready.lead_key(), ready.article.lead_image
        texts = _image_texts(ready)
        pictures = []
        if lead_key is not None:
            files = self._renditions(ready, lead_key, page_url)
            pictures.append(Picture(LEAD_ROLE, files, lead.alt, lead.caption, lead.credit))
        body_keys = [key for key in ready.used.used if key != lead_key and key in texts]
        for n, key in enumerate(body_keys, 1):
            alt, title = texts[key]
            pictures.append(
                Picture(f"image{n}", self._renditions(ready, key, page_url), alt, title)
            )
        return pictures

    def _renditions(self, ready: Prepared, key: str, page_url: str) -> list[PictureRendition]:
        image = ready.images[key]
        primary = image.renditions[:1] if image.webp else image.renditions
        return [
            PictureRendition(
                _absolute(page_url, _url(ready.stems[key], r)),
                r.mime,
                r.width,
                r.height,
                len(r.data),
            )
            for r in (*primary, *image.webp)
        ]

    def _assets(self) -> dict[str, bytes]:
        """Copy the profile's stylesheets and fonts into assets/."""
        return {
            f"{ASSETS_DIR}/{rel}": path.read_bytes()
            for rel, path in sorted(self.profile.assets().items())
        }


def _image_texts(ready: Prepared) -> dict[str, tuple[str, str]]:
    """Return (alt, title) of each article image the body shows, by image key (first use).

    Read from the body's one reading (core.body_reading), not from the rendered HTML.
    """
    texts: dict[str, tuple[str, str]] = {}
    for image in read_body(ready.article.body).images:
        key = ready.used.key_for(image.url)
        if key is not None and key in ready.images:
            texts.setdefault(key, (image.alt, image.title))
    return texts


def _name(stem: str, rendition: Rendition) -> str:
    return f"{stem}-{rendition.width}{rendition.suffix}"


def _absolute(page_url: str, rel: str) -> str:
    """Return a bundle file's public URL next to the page, or rel when there is no base_url."""
    return urljoin(page_url, rel) if page_url else rel


def _url(stem: str, rendition: Rendition) -> str:
    """Return a rendition's URL: its name %-escaped (spaces break srcset and src)."""
    return quote(_name(stem, rendition), safe="/")

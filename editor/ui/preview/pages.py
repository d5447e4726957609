"""Preview pages from the one render path: the profile's page, sandboxed, body as blocks."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from urllib.parse import quote

from editor.core.model import Article
from editor.render.page import Layout, is_bundled_font, prepare_body, render_page
from editor.render.preview_updates import FieldNode, ShownBlock, find_fields, group_blocks
from editor.render.profiles import SiteProfile, load_profile
from editor.ui.preview.scheme import ORIGIN, mime_for

PREVIEW_CSS = "_preview/preview.css"
_SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
_PREPARED_CACHE = 8192


def content_security_policy(nonce: str) -> str:
    """Return the preview page's CSP: everything from article: only, scripts by nonce only."""
    return (
        "default-src 'none'; img-src article: data:; font-src article: data:; "
        "style-src article: 'unsafe-inline'; media-src article:; "
        f"script-src 'nonce-{nonce}'; base-uri 'none'; form-action 'none'; "
        "frame-src 'none'; object-src 'none'; connect-src 'none'"
    )


def font_preloads(profile: SiteProfile, urls: PreviewUrls) -> str:
    """Return preload links for the profile's fonts: fetched with the page, not after layout.

    The app's own fonts are named instead (render/page.font_face_css): nothing to fetch.
    """
    return "".join(
        f'<link rel="preload" href="{urls.asset(rel)}" as="font" type="{mime_for(rel)}" crossorigin>'
        for rel in dict.fromkeys(f.rel for f in profile.fonts if not is_bundled_font(f))
    )


class PreviewUrls:
    """URL policy of the preview: profile assets under article://preview/assets/.

    Article images keep their bundle path (images/x.jpg); the page lives at the scheme's
    root, so the browser resolves them to article://preview/images/x.jpg.
    """

    def asset(self, rel: str) -> str:
        """Return the article: URL of a profile asset."""
        return f"{ORIGIN}/assets/{quote(rel)}"

    def image(self, src: str) -> dict[str, str]:
        """Return the image's attributes: its bundle path, resolved against the page."""
        return {"src": src}


class PageBuilder:
    """Build preview pages and their field snapshots for an article."""

    def __init__(
        self,
        profile_loader: Callable[[str], SiteProfile] = load_profile,
        renderer: Callable[..., str] = render_page,
    ) -> None:
        self.urls = PreviewUrls()
        self._load_profile = profile_loader
        # An asset needs only the profile's settings: serving a kept page's CSS and fonts
        # must not compile the templates (Jinja2) before that page is painted.
        default = profile_loader is load_profile
        self._load_settings = partial(load_profile, templates=False) if default else profile_loader
        self._render = renderer
        self._prepared: OrderedDict[str, str] = OrderedDict()

    def profile(self, article: Article) -> SiteProfile:
        """Return the article's site profile (raises ProfileError)."""
        return self._load_profile(article.site)

    def settings(self, article: Article) -> SiteProfile:
        """Return the article's site profile, its templates not compiled yet (raises ProfileError)."""
        return self._load_settings(article.site)

    def prepare(self, html: str) -> str:
        """Return one block's HTML made page-ready (figures, mini-heads, image URLs), cached."""
        prepared = self._prepared.get(html)
        if prepared is None:
            prepared = self._prepared[html] = prepare_body(html, self.urls)
            if len(self._prepared) > _PREPARED_CACHE:
                self._prepared.popitem(last=False)
        return prepared

    def page(
        self, article: Article, layout: Layout | str, blocks: Sequence[ShownBlock]
    ) -> tuple[str, str]:
        """Return (page HTML, CSP) for a layout, the body given as block wrappers."""
        import secrets  # not with the module: it loads hashlib (OpenSSL) before the first paint

        nonce = secrets.token_urlsafe(16)
        marker = f"<!--article-body-{nonce}-->"
        profile = self.profile(article)
        # The fonts are asked for with the page instead of after its layout: Chromium's work
        # on them (~0.2 s of its renderer's CPU here) is the longest part of the first page.
        head = f'<link rel="stylesheet" href="{ORIGIN}/{PREVIEW_CSS}">' + font_preloads(
            profile, self.urls
        )
        shell = self._render(
            article,
            profile,
            layout,
            urls=self.urls,
            body_html=marker,
            preview=True,
            head_extra=head,
        )
        # Only the profile's own template may run script; the body is inserted afterwards.
        shell = _SCRIPT_TAG.sub(f'<script nonce="{nonce}"', shell)
        body = group_blocks(blocks)
        if marker in shell:
            page = shell.replace(marker, body, 1)
        else:
            page = self._render(
                article,
                self.profile(article),
                layout,
                urls=self.urls,
                body_html=body,
                preview=True,
                head_extra=head,
            )
        return page, content_security_policy(nonce)

    def fields(self, article: Article, layout: Layout | str) -> list[FieldNode]:
        """Return the page's data-field elements (body left empty) for patching."""
        shell = self._render(
            article, self.profile(article), layout, urls=self.urls, body_html="", preview=True
        )
        return find_fields(shell)

    def asset_files(self, article_site: str) -> dict[str, str]:
        """Return the files of every asset a page of the profile links, by name ({} if none)."""
        try:
            return {
                rel: str(path) for rel, path in self._load_settings(article_site).assets().items()
            }
        except Exception:
            return {}

    def asset(self, article_site: str, rel: str) -> Path | None:
        """Return the file of a profile asset, or None if the profile has no such asset."""
        try:
            return self._load_settings(article_site).asset_path(rel)
        except Exception:
            return None

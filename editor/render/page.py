"""Article pages: one render path for the preview, the CLI and the HTML export.

A page is the profile's template (desktop, mobile or responsive) filled with the article's
view. The article block (lead figure + body) is its own template so exports can hand it to a
CMS on its own; the pages include the same file.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from markupsafe import Markup

from editor import resources
from editor.core.model import Article
from editor.render.profiles import FontFace, SiteProfile
from editor.render.urls import UrlPolicy, map_images

_LONE_IMAGE = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>", re.IGNORECASE)
_TITLE = re.compile(r'\stitle="([^"]*)"')
_MINI_HEAD = re.compile(r"<p>(\s*<(strong|b)>[^<]*</\2>\s*)</p>")
_STYLE_UNSAFE = re.compile(r"[<>{};]")


class Layout(StrEnum):
    """Which page: the site's desktop page, its mobile page, or one page for both."""

    DESKTOP = "desktop"
    MOBILE = "mobile"
    RESPONSIVE = "responsive"  # desktop layout, mobile layout below the profile's breakpoint


def prepare_body(body_html: str, urls: UrlPolicy) -> str:
    """Make sanitised body HTML page-ready: image URLs, captioned figures, mini-heads.

    An image alone in its paragraph becomes a figure captioned by its title; a paragraph
    that is only bold text becomes a mini-head. The preview applies this to each block too.
    """

    def figure(match: re.Match[str]) -> str:
        img = match.group(1)
        title = _TITLE.search(img)
        caption = f"<figcaption>{title.group(1)}</figcaption>" if title else ""
        return f'<figure class="body-figure">{img}{caption}</figure>'

    html = _LONE_IMAGE.sub(figure, body_html)
    html = _MINI_HEAD.sub(r'<p class="minihead">\1</p>', html)
    return map_images(html, urls)


def theme_css(profile: SiteProfile) -> str:
    """Return the profile's theme as CSS custom properties on :root."""
    props = {str(k): str(v) for k, v in (profile.get("theme") or {}).items()}
    props["font-stack"] = profile.font_stack
    decls = "".join(
        f"--{k}:{_STYLE_UNSAFE.sub('', v)};" for k, v in props.items() if re.fullmatch(r"[\w-]+", k)
    )
    return f":root{{{decls}}}"


def font_face_css(profile: SiteProfile, urls: UrlPolicy, *, by_name: bool = False) -> str:
    """Return @font-face rules for the profile's fonts, with URLs from the policy.

    by_name (the live preview): a font the app bundles, and registers at start, is named
    first as `local("<PostScript name>")`, so that Chromium maps the app's own TrueType
    file instead of decoding the WOFF2 into the renderer's memory (~10 MB for Pretendard's
    two weights, docs/performance.md); the URL stays as the fallback. The pages people get
    (export, CLI) keep the URL alone.
    """
    rules = []
    for face in profile.fonts:
        family = _STYLE_UNSAFE.sub("", face.family).replace('"', "")
        src = f'url("{urls.asset(face.rel)}") format("woff2")'
        if by_name and is_bundled_font(face):
            src = f'local("{face.path.stem}"),{src}'  # a bundled file is named as its font
        rules.append(
            f'@font-face{{font-family:"{family}";src:{src};font-weight:{face.weight};'
            f"font-style:{face.style};font-display:swap}}"
        )
    return "\n".join(rules)


def is_bundled_font(face: FontFace) -> bool:
    """Tell whether a profile's font is one of the app's own (resources/fonts)."""
    return face.path.is_relative_to(resources.path("fonts"))


def page_context(
    article: Article,
    profile: SiteProfile,
    layout: Layout | str,
    *,
    urls: UrlPolicy,
    body_html: str | None = None,
    preview: bool = False,
) -> dict[str, Any]:
    """Return the template context of a page (and of the article block)."""
    layout = Layout(layout)
    html = body_html
    if html is None:
        from editor.render.markdown import render_body  # the preview passes its own blocks

        html = render_body(article.body)
    from editor.render.view import build_view  # not with the module: the preview's first paint

    wordmark = profile.get("wordmark")
    return {
        "a": build_view(article, profile, urls),
        "site": profile.data,
        "profile": profile,
        "s": profile.data.get("strings") or {},
        "layout": str(layout),
        "preview": preview,
        "asset": urls.asset,
        "body": Markup(prepare_body(html, urls)),
        "wordmark": profile.inline_svg(str(wordmark)) if wordmark else Markup(""),
        "stylesheets": [(urls.asset(rel), media) for rel, media in profile.stylesheets(layout)],
        "style_head": Markup(
            font_face_css(profile, urls, by_name=preview) + "\n" + theme_css(profile)
        ),
        "head_extra": Markup(""),
        "meta": Markup(""),
    }


def render_page(
    article: Article,
    profile: SiteProfile,
    layout: Layout | str,
    *,
    urls: UrlPolicy,
    body_html: str | None = None,
    preview: bool = False,
    head_extra: str = "",
    meta: str = "",
) -> str:
    """Render a whole article page in one of the profile's layouts.

    Args:
        body_html: sanitised body HTML (default: the article's body rendered); the preview
            passes per-block wrappers here.
        preview: the page is for the live preview (the preview injects its own script).
        head_extra, meta: trusted markup for the head (JSON-LD, Open Graph), already escaped.

    Raises:
        ProfileError: a template of the profile is missing or broken.
    """
    context = page_context(
        article, profile, layout, urls=urls, body_html=body_html, preview=preview
    )
    context["head_extra"] = Markup(head_extra)
    context["meta"] = Markup(meta)
    return profile.template(str(Layout(layout))).render(context)


def render_article_block(
    article: Article, profile: SiteProfile, *, urls: UrlPolicy, body_html: str | None = None
) -> str:
    """Render the lead figure and body only (the fragment a CMS takes).

    Raises:
        ProfileError: the profile's article template is missing or broken.
    """
    context = page_context(article, profile, Layout.DESKTOP, urls=urls, body_html=body_html)
    return profile.template("article").render(context)

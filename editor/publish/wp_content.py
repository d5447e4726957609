"""The post content WordPress gets: subhead, then the body with every image on the uploads.

The lead figure is not in it (WordPress shows the featured image); each body image carries
`wp-image-<id>` and its upload's width and height, which is what WordPress needs to add
srcset and sizes itself, for any role (an Author's own srcset would be stripped).
"""

from __future__ import annotations

import html
import re
from typing import Any

from editor.export.fields import Prepared
from editor.render.page import prepare_body
from editor.render.urls import _IMG_TAG, _parse_attrs

_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")', re.IGNORECASE)


class UploadUrls:
    """Image attributes from the upload responses (a UrlPolicy for prepare_body)."""

    def __init__(self, ready: Prepared, media: dict[str, dict[str, Any]]) -> None:
        self.ready = ready
        self.media = media

    def asset(self, rel: str) -> str:
        return rel  # the post has no assets of ours; WordPress's theme styles it

    def image(self, src: str) -> dict[str, str]:
        item = self.media.get(self.ready.used.key_for(src) or "")
        if item is None:
            return {"src": src}
        attrs = {"src": item["url"], "class": f"wp-image-{item['id']}"}
        if item.get("width") and item.get("height"):
            attrs.update(width=str(item["width"]), height=str(item["height"]))
        return attrs


def post_content(ready: Prepared, media: dict[str, dict[str, Any]]) -> str:
    """Return the post's HTML: subhead lines, then the body with images on the uploads."""
    urls = UploadUrls(ready, media)
    body = prepare_body(ready.body_html, urls)
    body = body.replace(
        '<figure class="body-figure">', '<figure class="wp-block-image body-figure">'
    )

    def link(match: re.Match[str]) -> str:
        key = ready.used.key_for(html.unescape(match.group(2)))
        if key not in media:
            return match.group(0)
        return match.group(1) + html.escape(media[key]["url"], quote=True) + match.group(3)

    body = _HREF.sub(link, body)
    lines = [html.escape(line.strip(), quote=False) for line in ready.article.subhead.splitlines()]
    lines = [line for line in lines if line]
    head = f'<h2 class="subheading">{"<br>".join(lines)}</h2>\n' if lines else ""
    return head + body


def body_image_text(ready: Prepared, key: str) -> tuple[str, str, str]:
    """Return alt, caption (the Markdown image title) and credit ("") of a body image."""
    for match in _IMG_TAG.finditer(ready.body_html):
        attrs = _parse_attrs(match.group(1))
        if ready.used.key_for(attrs.get("src", "")) == key:
            return attrs.get("alt", "").strip(), attrs.get("title", "").strip(), ""
    return "", "", ""

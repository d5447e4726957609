"""URL policies: where a rendered page finds the profile's assets and the article's images.

The templates never build a URL themselves; they ask the policy. A stand-alone page (CLI
render, preview) uses FileUrls; an export bundle uses BundleUrls with relative URLs.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from editor.render.profiles import SiteProfile

_IMG_TAG = re.compile(r"<img\b([^>]*?)\s*/?>", re.IGNORECASE)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_MIME = {
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".css": "text/css",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}


class UrlPolicy(Protocol):
    """Where a page's resources are."""

    def asset(self, rel: str) -> str:
        """Return the URL of a profile asset, e.g. css/base.css or fonts/X.woff2."""
        ...

    def image(self, src: str) -> dict[str, str]:
        """Return the attributes of an article image given its bundle path (at least src)."""
        ...


def data_uri(data: bytes, name: str) -> str:
    """Return a base64 data: URI for bytes, typed by the file name."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    mime = _MIME.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


class FileUrls:
    """URLs for a page that a browser shows from anywhere on this machine.

    Stylesheets and article images become data: URIs (the page carries them); fonts are
    file:// URIs into the app's resources, or data: URIs too with embed_fonts=True (a page
    that survives being mailed, at about 2 MB more).
    """

    offline = True  # a remote URL (a tracking beacon) is never put in the page

    def __init__(
        self,
        profile: SiteProfile,
        images: Mapping[str, bytes] | None = None,
        *,
        embed_fonts: bool = False,
    ) -> None:
        self.profile = profile
        self.images = images or {}
        self.embed_fonts = embed_fonts
        self._assets: dict[str, str] = {}

    def asset(self, rel: str) -> str:
        """Return a data: URI (CSS, or fonts when embedded) or a file:// URI."""
        if rel not in self._assets:
            path = self.profile.asset_path(rel)
            if rel.startswith("fonts/") and not self.embed_fonts:
                self._assets[rel] = path.resolve().as_uri()
            else:
                self._assets[rel] = data_uri(path.read_bytes(), path.name)
        return self._assets[rel]

    def image(self, src: str) -> dict[str, str]:
        """Return the image as a data: URI; nothing remote (a tracking beacon) is ever loaded.

        An image the article lacks keeps its path when it is one of the bundle's (the page
        shows it missing); a remote or file URL becomes an empty src.
        """
        data = self.images.get(src)
        if data is not None:
            return {"src": data_uri(data, src)}
        return {"src": src if is_bundle_path(src) or src.startswith("data:") else ""}


class BundleUrls:
    """Relative URLs inside an export bundle: assets/<rel> and images/<name>.

    image_attrs, given by the exporter, returns the attributes of an image (src, srcset,
    sizes, width, height) for its bundle path.
    """

    def __init__(
        self,
        image_attrs: Callable[[str], dict[str, str]] | None = None,
        *,
        assets_dir: str = "assets",
    ) -> None:
        self.image_attrs = image_attrs
        self.assets_dir = assets_dir.rstrip("/")

    def asset(self, rel: str) -> str:
        """Return assets/<rel>."""
        return f"{self.assets_dir}/{rel}"

    def image(self, src: str) -> dict[str, str]:
        """Return the exporter's attributes, or the bundle path itself."""
        return self.image_attrs(src) if self.image_attrs else {"src": src}


def is_bundle_path(src: str) -> bool:
    """Tell whether src names an image inside the article (not a data: or remote URL)."""
    lowered = src.strip().lower()
    return bool(lowered) and not lowered.startswith(("data:", "http:", "https:", "//", "file:"))


def _parse_attrs(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in _ATTR.finditer(text):
        value = next((g for g in m.groups()[1:] if g is not None), "")
        attrs[m.group(1).lower()] = html.unescape(value)
    return attrs


def img_tag(attrs: Mapping[str, str]) -> str:
    """Return an <img> tag with escaped attributes."""
    parts = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    return f"<img{parts}>"


def map_images(body_html: str, urls: UrlPolicy) -> str:
    """Rewrite every article image in HTML (<img src="images/...">) through urls.image()."""

    def replace(match: re.Match[str]) -> str:
        attrs = _parse_attrs(match.group(1))
        src = attrs.get("src", "")
        if not is_bundle_path(src):
            return match.group(0)
        attrs.update(urls.image(src))
        return img_tag(attrs)

    return _IMG_TAG.sub(replace, body_html)

"""What every export starts from: a copy of the article with plain-text fields and
the images it uses under names that travel (NFC, safe on Windows)."""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote

from editor.core.model import Article, Author, LeadImage
from editor.export.images import ImageJob, ProcessedImage, process_images
from editor.render.markdown import render_body
from editor.render.profiles import SiteProfile
from editor.storage.names import clean_member_name

_URL_ATTR = re.compile(r'\s(src|href)="([^"]*)"')
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain(text: str) -> str:
    """Return a plain-text field as the text it is: NFC, without control characters.

    Plain fields are never read as HTML: `MBC <PD수첩>`, `<JTBC>` or `a < b` stay exactly
    as typed, and every writer escapes them for its format (HTML, JSON-LD, ninjs, YAML).
    """
    return _CONTROL.sub("", unicodedata.normalize("NFC", text))


def plain_copy(article: Article) -> Article:
    """Return a copy whose text fields are plain, without the editor's private data."""
    copy = article.copy()
    copy.private = {}
    copy.headline = plain(copy.headline)
    copy.web_title = plain(copy.web_title)
    copy.social_title = plain(copy.social_title)
    copy.subhead = plain(copy.subhead)
    copy.summary = plain(copy.summary)
    copy.section = plain(copy.section)
    copy.tags = [t for t in (plain(t).strip() for t in copy.tags) if t]
    copy.authors = [Author(plain(a.name), plain(a.email)) for a in copy.authors]
    lead = copy.lead_image
    copy.lead_image = LeadImage(lead.src, plain(lead.alt), plain(lead.caption), plain(lead.credit))
    return copy


@dataclass
class ImageSet:
    """The article's images an export carries, found from any spelling of their names."""

    images: dict[str, bytes]
    used: list[str] = field(default_factory=list)  # keys of images, in first-use order
    _by_clean: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in sorted(self.images):
            self._by_clean.setdefault(clean_member_name(key), key)

    def key_for(self, ref: str) -> str | None:
        """Return the image key a reference names (NFD, %-escaped or ./ spellings too)."""
        if not ref or ref.startswith(("#", "/")) or re.match(r"^[A-Za-z][\w+.-]*:", ref):
            return None
        path = ref.split("#", 1)[0].split("?", 1)[0]
        for candidate in dict.fromkeys((ref, unquote(ref), path, unquote(path))):
            if candidate in self.images:
                return candidate
            key = self._by_clean.get(clean_member_name(candidate))
            if key is not None:
                return key
        return None

    def use(self, ref: str) -> str | None:
        """Note that a reference is used; return its image key."""
        key = self.key_for(ref)
        if key is not None and key not in self.used:
            self.used.append(key)
        return key


def used_images(article: Article, body_html: str) -> ImageSet:
    """Return the images the lead and the rendered body use (img src, a href), in order."""
    found = ImageSet(article.images)
    if article.lead_image.src:
        found.use(article.lead_image.src)
    for match in _URL_ATTR.finditer(body_html):
        found.use(html.unescape(match.group(2)))
    return found


def stems(keys: list[str]) -> dict[str, str]:
    """Give each image key a unique output stem (images/x), adding -2, -3 on clashes.

    Clashes are found ignoring case, as macOS and Windows file systems do.
    """
    taken: set[str] = set()
    out: dict[str, str] = {}
    for key in keys:
        stem = posixpath.splitext(clean_member_name(key))[0] or "images/image"
        candidate, n = stem, 2
        while candidate.lower() in taken:
            candidate = f"{stem}-{n}"
            n += 1
        taken.add(candidate.lower())
        out[key] = candidate
    return out


@dataclass
class Prepared:
    """An article made ready for an export: plain fields, body HTML, processed images."""

    article: Article  # the plain copy; its lead image is dropped when it names no image
    body_html: str  # the preview's sanitised body HTML
    used: ImageSet
    stems: dict[str, str]  # image key -> unique output stem (images/x)
    images: dict[str, ProcessedImage]  # image key -> its renditions

    def lead_key(self) -> str | None:
        src = self.article.lead_image.src
        return self.used.key_for(src) if src else None


def prepare(
    article: Article,
    profile: SiteProfile,
    *,
    widths: tuple[int, ...],
    webp: bool,
    progress: Callable[[int, int], None] | None = None,
    extra_steps: int = 0,
    on_image: Callable[[str, ProcessedImage], None] | None = None,
) -> Prepared:
    """Copy the article with plain fields and process the images it uses (every core).

    on_image is called with each image's output stem and renditions as it is finished.

    Raises:
        ImageError: an image the article uses is broken, naming it.
    """
    copy = plain_copy(article)
    body_html = render_body(copy.body)
    used = used_images(copy, body_html)
    if copy.lead_image.src and used.key_for(copy.lead_image.src) is None:
        copy.lead_image = LeadImage()  # a lead that names no image of the article
    lead = used.key_for(copy.lead_image.src) if copy.lead_image.src else None
    credit = copy.lead_image.credit.strip() if profile.get("exif_credit", False) else ""
    jobs = [
        ImageJob(
            key, used.images[key], widths, profile.jpeg_quality, webp, credit if key == lead else ""
        )
        for key in used.used
    ]
    total = len(jobs) + extra_steps
    report = (lambda done: progress(done, total)) if progress else None
    named = stems(used.used)
    done = (lambda image: on_image(named[image.name], image)) if on_image else None
    processed = process_images(jobs, report, done)
    return Prepared(copy, body_html, used, named, {image.name: image for image in processed})

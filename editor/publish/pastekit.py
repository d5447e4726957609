"""The paste kit, for a web CMS with no API (our site's ND-family CMS): each field ready to
paste in turn, the body as clean HTML and as plain text, and a photo folder to upload in
order. No Qt here: the panel in editor/ui puts these on the clipboard.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import nh3

from editor.core.model import Article
from editor.core.text import make_slug
from editor.export.fields import prepare
from editor.render.profiles import load_profile
from editor.storage.atomic import atomic_write

PHOTO_WIDTH = 1200  # the CMS shows photos at up to 600 CSS px: sharp on a 2x screen
CAPTIONS_FILE = "captions.txt"
_CLEAN_TAGS = {"p", "br", "strong", "b", "em", "i", "a", "ul", "ol", "li", "blockquote",
               "h2", "h3", "h4", "sub", "sup", "del", "s"}  # fmt: skip
_IMG_BLOCK = re.compile(r"<figure\b[^>]*>.*?</figure>|<p>\s*<img\b[^>]*>\s*</p>|<img\b[^>]*>",
                        re.IGNORECASE | re.DOTALL)  # fmt: skip
_SRC = re.compile(r'\ssrc="([^"]*)"')


@dataclass(frozen=True)
class PasteField:
    """One field of the CMS form: its name, the text to paste, and HTML where it has one."""

    key: str  # headline, subhead, body, caption, credit, tags
    text: str
    html: str = ""


@dataclass(frozen=True)
class Photo:
    """A photo to upload, in body order (the lead first)."""

    name: str  # ASCII: 01-shuttle-lead.jpg
    caption: str
    credit: str
    alt: str
    data: bytes


@dataclass(frozen=True)
class PasteKit:
    """Everything a reporter pastes into the CMS form, in the form's order."""

    fields: list[PasteField]
    photos: list[Photo]

    def field(self, key: str) -> PasteField:
        return next(f for f in self.fields if f.key == key)


def build_kit(article: Article, width: int = PHOTO_WIDTH) -> PasteKit:
    """Return the paste kit of an article: fields and photos (upright, stripped, resized).

    Raises:
        ImageError: an image of the article is broken, naming it.
    """
    ready = prepare(article, load_profile(article.site), widths=(width,), webp=False)
    photos = _photos(ready, article)
    names = {key: photo.name for key, photo in zip(ready.used.used, photos, strict=True)}
    body_html = _clean_body(ready.body_html, lambda src: names.get(ready.used.key_for(src) or ""))
    lead = article.lead_image
    fields = [
        PasteField("headline", article.headline.strip()),
        PasteField("subhead", article.subhead.strip(),
                   "<br>".join(html.escape(x, quote=False) for x in article.subhead.splitlines())),
        PasteField("body", html_to_text(body_html), body_html),
        PasteField("caption", lead.caption.strip() if lead.src else ""),
        PasteField("credit", lead.credit.strip() if lead.src else ""),
        PasteField("tags", ", ".join(t.strip() for t in article.tags if t.strip())),
    ]  # fmt: skip
    return PasteKit(fields, photos)


def _photos(ready, article: Article) -> list[Photo]:  # noqa: ANN001
    out = []
    lead_key = ready.lead_key()
    taken: set[str] = set()
    for n, key in enumerate(ready.used.used, start=1):  # body order, the lead first
        rendition = ready.images[key].renditions[0]
        stem = make_slug(posixpath.splitext(posixpath.basename(key))[0]) or "photo"
        name = f"{n:02d}-{stem}{rendition.suffix}"
        while name in taken:
            name = f"{n:02d}-{stem}-{len(taken)}{rendition.suffix}"
        taken.add(name)
        if key == lead_key:
            lead = article.lead_image
            text = (lead.caption.strip(), lead.credit.strip(), lead.alt.strip())
        else:
            text = _body_image_text(ready.body_html, ready, key)
        out.append(Photo(name, *text, rendition.data))
    return out


def _body_image_text(body_html: str, ready, key: str) -> tuple[str, str, str]:  # noqa: ANN001
    from editor.publish.wp_content import body_image_text

    alt, caption, credit = body_image_text(ready, key)
    return caption, credit, alt


def _clean_body(body_html: str, name_of) -> str:  # noqa: ANN001
    """Return the body as the CMS's editor takes it: plain tags, a marker where a photo goes."""

    def marker(match: re.Match[str]) -> str:
        src = _SRC.search(match.group(0))
        name = name_of(html.unescape(src.group(1))) if src else None
        return f"<p>[사진 {name}]</p>" if name else ""

    marked = _IMG_BLOCK.sub(marker, body_html)
    cleaned = nh3.clean(marked, tags=_CLEAN_TAGS, attributes={"a": {"href"}}, link_rel=None)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip()


class _Text(HTMLParser):
    BLOCKS = {"p", "blockquote", "h2", "h3", "h4", "ul", "ol"}  # a list's items stay together

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("\n", " "))


def html_to_text(fragment: str) -> str:
    """Return clean HTML as the plain text a reporter would paste "through Notepad"."""
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def write_photos(kit: PasteKit, folder: Path) -> list[Path]:
    """Write the photos and captions.txt into folder (created); return the photos' paths.

    Only the kit's own file names are written; nothing else in the folder is touched.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for photo in kit.photos:
        atomic_write(folder / photo.name, photo.data)
        paths.append(folder / photo.name)
    lines = []
    for photo in kit.photos:
        words = " ".join(part for part in (photo.caption, photo.credit) if part)
        lines.append(f"{photo.name}\t{words}")
    atomic_write(folder / CAPTIONS_FILE, ("\n".join(lines) + "\n").encode("utf-8"))
    return paths

"""article.json: the article in IPTC ninjs 1.4 (News in JSON) for wire-style systems."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from editor.core.assignment import is_embargoed
from editor.core.clock import to_iso
from editor.core.model import Article
from editor.export.metadata import times
from editor.render.profiles import SiteProfile

NINJS_VERSION = "1.4"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_1.4.json#"
# ninjs 1.4 has no subheadline property; extra headlines go in headline_<purpose>.
SUBHEADLINE_KEY = "headline_subheadline"
WEB_TITLE_KEY = "headline_web"  # the search and browser-tab title, when the desk set one
SOCIAL_TITLE_KEY = "headline_social"  # the share cards' title, when the desk set one
LEAD_ROLE = "featureimage"  # the lead picture's associations key; body images are image1…


@dataclass(frozen=True)
class PictureRendition:
    """One file of a picture inside the bundle."""

    href: str
    mimetype: str
    width: int
    height: int
    size: int


@dataclass(frozen=True)
class Picture:
    """One picture of the article as ninjs associates it: the lead or a body image."""

    role: str  # the associations key: featureimage, image1, image2…
    renditions: list[PictureRendition]
    alt: str = ""
    caption: str = ""
    credit: str = ""


def byline(article: Article, profile: SiteProfile) -> str:
    """Return the byline as the page prints it (e.g. 김하늘 기자)."""
    names = [a.name.strip() for a in article.authors if a.name.strip()]
    join = profile.format("byline_join", ", ")
    return join.join(profile.format_byline(name) for name in names)


def picture(uri: str, pic: Picture) -> dict[str, Any]:
    """Return the ninjs item of a picture: caption, credit, alt text, renditions."""
    item: dict[str, Any] = {
        "uri": uri,
        "type": "picture",
        "mimetype": pic.renditions[0].mimetype if pic.renditions else "image/jpeg",
        "representationtype": "complete",
    }
    if pic.caption.strip():
        item["description_text"] = pic.caption.strip()
    if pic.credit.strip():
        item["byline"] = pic.credit.strip()
    if pic.alt.strip():
        item["body_text"] = pic.alt.strip()  # the picture's text alternative
    item["renditions"] = {
        f"{r.mimetype.split('/')[-1]}_{r.width}": {
            "href": r.href,
            "mimetype": r.mimetype,
            "width": r.width,
            "height": r.height,
            "sizeinbytes": r.size,
        }
        for r in pic.renditions
    }
    return item


def ninjs(
    article: Article,
    profile: SiteProfile,
    slug: str,
    body_html: str,
    pictures: list[Picture],
) -> dict[str, Any]:
    """Return the ninjs object of an article (fields already plain text)."""
    published, modified = times(article)
    base = f"urn:article-editor:{profile.id}:{slug}"
    item: dict[str, Any] = {
        "$standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA},
        "uri": base,
        "type": "text",
        "mimetype": "text/html",
        "representationtype": "complete",
        # A draft, or an article under embargo, is not for use (yet).
        "pubstatus": "withheld" if article.draft or is_embargoed(article) else "usable",
        "language": str(profile.get("lang") or "ko"),
        "slugline": slug,
    }
    first = article.created or article.published
    if first:
        item["firstcreated"] = to_iso(first)
    if modified or published:
        item["versioncreated"] = modified or published
    if article.embargo is not None:
        item["embargoed"] = to_iso(article.embargo)  # also once lifted: when it was
    item["headline"] = article.headline
    if article.subhead.strip():
        item[SUBHEADLINE_KEY] = article.subhead.strip()
    for key, text in ((WEB_TITLE_KEY, article.web_title), (SOCIAL_TITLE_KEY, article.social_title)):
        if text.strip():
            item[key] = " ".join(text.split())
    item["byline"] = byline(article, profile)
    if article.summary.strip():
        item["description_text"] = article.summary.strip()
    item["body_html"] = body_html
    if article.tags:
        item["subject"] = [{"name": tag} for tag in article.tags]
    if profile.copyright_line:
        item["copyrightnotice"] = profile.copyright_line
    if pictures:
        item["associations"] = {
            p.role: picture(f"{base}:{'lead' if p.role == LEAD_ROLE else p.role}", p)
            for p in pictures
        }
    return item


def ninjs_json(item: dict[str, Any]) -> bytes:
    """Serialise as stable, readable UTF-8 JSON."""
    return (json.dumps(item, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

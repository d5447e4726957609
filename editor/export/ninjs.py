"""article.json: the article in IPTC ninjs 1.4 (News in JSON) for wire-style systems."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from editor.core.clock import to_iso
from editor.core.model import Article
from editor.export.metadata import times
from editor.render.profiles import SiteProfile

NINJS_VERSION = "1.4"
NINJS_SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_1.4.json#"
# ninjs 1.4 has no subheadline property; extra headlines go in headline_<purpose>.
SUBHEADLINE_KEY = "headline_subheadline"


@dataclass(frozen=True)
class PictureRendition:
    """One file of the lead picture inside the bundle."""

    href: str
    mimetype: str
    width: int
    height: int
    size: int


def byline(article: Article, profile: SiteProfile) -> str:
    """Return the byline as the page prints it (e.g. 김하늘 기자)."""
    names = [a.name.strip() for a in article.authors if a.name.strip()]
    join = profile.format("byline_join", ", ")
    return join.join(profile.format_byline(name) for name in names)


def picture(article: Article, uri: str, renditions: list[PictureRendition]) -> dict[str, Any]:
    """Return the ninjs item of the lead picture: caption, credit, alt text, renditions."""
    lead = article.lead_image
    item: dict[str, Any] = {
        "uri": uri,
        "type": "picture",
        "mimetype": renditions[0].mimetype if renditions else "image/jpeg",
        "representationtype": "complete",
    }
    if lead.caption.strip():
        item["description_text"] = lead.caption.strip()
    if lead.credit.strip():
        item["byline"] = lead.credit.strip()
    if lead.alt.strip():
        item["body_text"] = lead.alt.strip()  # the picture's text alternative
    item["renditions"] = {
        f"{r.mimetype.split('/')[-1]}_{r.width}": {
            "href": r.href,
            "mimetype": r.mimetype,
            "width": r.width,
            "height": r.height,
            "sizeinbytes": r.size,
        }
        for r in renditions
    }
    return item


def ninjs(
    article: Article,
    profile: SiteProfile,
    slug: str,
    body_html: str,
    renditions: list[PictureRendition],
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
        "pubstatus": "withheld" if article.draft else "usable",  # a draft is not for use
        "language": str(profile.get("lang") or "ko"),
        "slugline": slug,
    }
    first = article.created or article.published
    if first:
        item["firstcreated"] = to_iso(first)
    if modified or published:
        item["versioncreated"] = modified or published
    item["headline"] = article.headline
    if article.subhead.strip():
        item[SUBHEADLINE_KEY] = article.subhead.strip()
    item["byline"] = byline(article, profile)
    if article.summary.strip():
        item["description_text"] = article.summary.strip()
    item["body_html"] = body_html
    if article.tags:
        item["subject"] = [{"name": tag} for tag in article.tags]
    if profile.copyright_line:
        item["copyrightnotice"] = profile.copyright_line
    if renditions:
        item["associations"] = {"featureimage": picture(article, f"{base}:lead", renditions)}
    return item


def ninjs_json(item: dict[str, Any]) -> bytes:
    """Serialise as stable, readable UTF-8 JSON."""
    return (json.dumps(item, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

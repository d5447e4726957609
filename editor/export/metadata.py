"""What machines read in the page head: JSON-LD NewsArticle, Open Graph and Twitter cards."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from editor.core.assignment import is_embargoed, social_title, web_title
from editor.core.clock import to_iso
from editor.core.model import Article
from editor.render.profiles import SiteProfile

DESCRIPTION_LIMIT = 160  # characters; search engines and cards cut longer text anyway
_FIRST_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
# Characters that could end the <script> element or confuse an HTML parser inside it.
_SCRIPT_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@dataclass(frozen=True)
class LeadPicture:
    """The lead image as the metadata names it (absolute with base_url, else bundle-relative)."""

    url: str
    width: int
    height: int
    alt: str = ""


def description(article: Article, body_html: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Return the summary, or the first paragraph's text, cut at a word near limit."""
    text = article.summary.strip()
    if not text:
        for match in _FIRST_PARAGRAPH.finditer(body_html):
            text = _text(match.group(1))
            if text:
                break
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,.") + "…"


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAG.sub("", fragment))).strip()


def times(article: Article) -> tuple[str, str]:
    """Return (published, modified) as ISO 8601; modified falls back to published."""
    published = article.published or article.created or article.updated
    modified = article.updated or published
    return (to_iso(published) if published else "", to_iso(modified) if modified else "")


def news_article(
    article: Article, profile: SiteProfile, desc: str, lead: LeadPicture | None, page_url: str = ""
) -> dict[str, Any]:
    """Return the schema.org NewsArticle of an article (url only when the page has one)."""
    published, modified = times(article)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": web_title(article),  # what Google shows; the page's h1 comes next
    }
    if page_url:
        data["url"] = page_url
        data["mainEntityOfPage"] = {"@type": "WebPage", "@id": page_url}
    others = [article.headline] if data["headline"] != article.headline else []
    others += [" ".join(article.subhead.split())] if article.subhead.strip() else []
    if others:
        data["alternativeHeadline"] = others[0] if len(others) == 1 else others
    data["description"] = desc
    if lead:
        data["image"] = [lead.url]
    if published:
        data["datePublished"] = published
    if modified:
        data["dateModified"] = modified
    data["author"] = [{"@type": "Person", "name": a.name} for a in article.authors if a.name]
    publisher: dict[str, Any] = {"@type": "NewsMediaOrganization", "name": profile.name}
    if profile.get("home_url"):
        publisher["url"] = str(profile.get("home_url"))
    data["publisher"] = publisher
    if article.section:
        data["articleSection"] = article.section
    if article.tags:
        data["keywords"] = list(article.tags)
    data["inLanguage"] = str(profile.get("lang") or "ko")
    return data


def script_json(data: Any) -> str:
    """Serialise JSON for inside a <script> element: no "<", ">" or "&" appears raw."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group(0)], text)


def json_ld(
    article: Article, profile: SiteProfile, desc: str, lead: LeadPicture | None, page_url: str = ""
) -> str:
    """Return the one <script type="application/ld+json"> block of an export page."""
    body = script_json(news_article(article, profile, desc, lead, page_url))
    return f'<script type="application/ld+json">{body}</script>'


def social_meta(
    article: Article, profile: SiteProfile, desc: str, lead: LeadPicture | None, page_url: str = ""
) -> str:
    """Return the canonical link, Open Graph and Twitter card <meta> tags, escaped."""
    published, modified = times(article)
    props: list[tuple[str, str, str]] = [
        ("property", "og:type", "article"),
        ("property", "og:url", page_url),
        ("property", "og:title", social_title(article)),
        ("property", "og:description", desc),
        ("property", "og:site_name", profile.name),
        ("property", "og:locale", str(profile.get("og_locale") or "ko_KR")),
    ]
    if lead:
        props += [
            ("property", "og:image", lead.url),
            ("property", "og:image:width", str(lead.width)),
            ("property", "og:image:height", str(lead.height)),
        ]
        if lead.alt:
            props.append(("property", "og:image:alt", lead.alt))
    if published:
        props.append(("property", "article:published_time", published))
    if modified:
        props.append(("property", "article:modified_time", modified))
    if article.section:
        props.append(("property", "article:section", article.section))
    props += [("property", "article:tag", tag) for tag in article.tags]
    props += [
        ("name", "twitter:card", "summary_large_image" if lead else "summary"),
        ("name", "twitter:title", social_title(article)),
        ("name", "twitter:description", desc),
    ]
    if lead:
        props.append(("name", "twitter:image", lead.url))
        if lead.alt:
            props.append(("name", "twitter:image:alt", lead.alt))
    if not article.summary.strip() and desc:
        props.append(("name", "description", desc))  # the page writes it only from a summary
    if is_embargoed(article):
        # No stock tag says "embargoed"; robots keeps crawlers off a page that leaked early.
        props += [("name", "robots", "noindex"), ("name", "embargo", to_iso(article.embargo))]
    canonical = f'<link rel="canonical" href="{html.escape(page_url)}">\n' if page_url else ""
    return canonical + "".join(
        f'<meta {kind}="{html.escape(key)}" content="{html.escape(value)}">\n'
        for kind, key, value in props
        if value
    )

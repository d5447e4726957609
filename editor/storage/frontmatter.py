"""index.md: YAML front matter + Markdown body, mapped to and from an Article."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from editor.core import clock
from editor.core.errors import DocumentError
from editor.core.model import DEFAULT_SITE, Article, Author, LeadImage, Status
from editor.storage import safeyaml

# Keys this editor owns, in the order it writes them. Everything else is kept in extra.
KNOWN_KEYS = (
    "title",
    "subtitle",
    "summary",
    "date",
    "publishDate",
    "lastmod",
    "author",
    "section",
    "tags",
    "slug",
    "draft",
    "status",
    "site",
    "lead_image",
    "images",
)
_FENCE = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M
)


def split(text: str) -> tuple[str | None, str]:
    """Split a page into its YAML front matter (None if absent) and its body."""
    text = text.removeprefix("\ufeff")
    if text.startswith("---\n") and text[4:].startswith("---"):
        rest = text[7:]
        return "", rest[1:] if rest.startswith("\n") else rest
    match = _FENCE.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def parse(text: str) -> Article:
    """Read a Markdown page with front matter into an Article (no images yet)."""
    yaml_text, body = split(text)
    meta = safeyaml.load(yaml_text) if yaml_text else {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError("The front matter must be a set of keys and values.")
    return from_meta(meta, body.replace("\r\n", "\n"))


def render(article: Article) -> str:
    """Write an Article as a Markdown page: front matter, then the body."""
    return "---\n" + safeyaml.dump(to_meta(article)) + "---\n" + article.body


def to_meta(article: Article) -> dict[str, Any]:
    """Return the front matter of an article: known keys in order, then unknown ones."""
    meta: dict[str, Any] = {"title": article.headline}
    if article.subhead:
        meta["subtitle"] = article.subhead
    if article.summary:
        meta["summary"] = article.summary
    if article.created:
        meta["date"] = clock.to_iso(article.created)
    if article.published:
        meta["publishDate"] = clock.to_iso(article.published)
    if article.updated:
        meta["lastmod"] = clock.to_iso(article.updated)
    if article.authors:
        meta["author"] = [
            {k: v for k, v in (("name", a.name), ("email", a.email)) if v} for a in article.authors
        ]
    if article.section:
        meta["section"] = article.section
    if article.tags:
        meta["tags"] = list(article.tags)
    if article.slug:
        meta["slug"] = article.slug
    meta["draft"] = article.draft
    meta["status"] = str(article.status)
    meta["site"] = article.site
    lead = article.lead_image
    if any(vars(lead).values()):
        meta["lead_image"] = {k: v for k, v in vars(lead).items() if v}
    if lead.is_set:
        meta["images"] = [lead.src]
    for key, value in article.extra.items():
        if key not in meta and key not in KNOWN_KEYS:
            meta[key] = value
    return meta


def from_meta(meta: dict[Any, Any], body: str) -> Article:
    """Build an Article from parsed front matter, coercing sensible wrong types."""
    text = {str(k): v for k, v in meta.items()}
    lead = _lead_image(text.get("lead_image"))
    if not lead.is_set and isinstance(text.get("images"), list) and text["images"]:
        lead.src = _text(text["images"][0], "images")
    # No status means nobody approved it here, whatever `draft:` says: it opens as a draft.
    status = text.get("status") or Status.DRAFT
    return Article(
        headline=_text(text.get("title"), "title"),
        subhead=_text(text.get("subtitle"), "subtitle"),
        summary=_text(text.get("summary") or text.get("description"), "summary"),
        body=body,
        lead_image=lead,
        authors=_authors(text.get("author", text.get("authors"))),
        section=_text(text.get("section"), "section"),
        tags=_tags(text.get("tags")),
        slug=_text(text.get("slug"), "slug"),
        created=_datetime(text.get("date"), "date"),
        published=_datetime(text.get("publishDate"), "publishDate"),
        updated=_datetime(text.get("lastmod"), "lastmod"),
        status=Status.parse(status),
        site=_text(text.get("site"), "site") or DEFAULT_SITE,
        extra={k: v for k, v in text.items() if k not in KNOWN_KEYS},
    )


def _text(value: Any, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool, date)):
        return str(value)
    raise DocumentError(
        f"The front matter key '{key}' must be text, not a "
        f"{'list' if isinstance(value, list) else 'mapping'}."
    )


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, list):
        return [_text(t, "tags") for t in value if t is not None and str(t).strip()]
    raise DocumentError("The front matter key 'tags' must be a list of words.")


def _authors(value: Any) -> list[Author]:
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    authors = []
    for item in items:
        if isinstance(item, dict):
            authors.append(
                Author(
                    _text(item.get("name"), "author.name"), _text(item.get("email"), "author.email")
                )
            )
        else:
            authors.append(Author(_text(item, "author")))
    return authors


def _lead_image(value: Any) -> LeadImage:
    if value is None:
        return LeadImage()
    if isinstance(value, str):
        return LeadImage(src=value)
    if not isinstance(value, dict):
        raise DocumentError(
            "The front matter key 'lead_image' must be a mapping with src, alt, caption and credit."
        )
    return LeadImage(
        **{k: _text(value.get(k), f"lead_image.{k}") for k in ("src", "alt", "caption", "credit")}
    )


def _datetime(value: Any, key: str) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return clock.aware(value)
    if isinstance(value, date):
        return clock.aware(datetime(value.year, value.month, value.day))
    if isinstance(value, str):
        try:
            return clock.aware(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
        except ValueError:
            pass
    raise DocumentError(f"The front matter key '{key}' is not a date and time: {value!r}.")

"""index.md: YAML front matter + Markdown body, mapped to and from an Article."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from editor.core import clock
from editor.core.assignment import UNITS, is_embargoed, release_time
from editor.core.errors import DocumentError, ErrorCode
from editor.core.model import DEFAULT_SITE, Article, Author, LeadImage, LengthTarget, Status
from editor.storage import plain_yaml

# Keys this editor owns, in the order it writes them. Everything else is kept in extra.
KNOWN_KEYS = (
    "title",
    "web_title",
    "social_title",
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
    "reporters",
    "embargo",
    "target",
)
# Keys stock themes read, derived from the article on export (a key the user wrote wins).
THEME_KEYS = ("description", "cover", "image", "published")
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
    meta = load_meta(yaml_text) if yaml_text else {}
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError(ErrorCode.META_NOT_MAPPING)
    return from_meta(meta, body.replace("\r\n", "\n"))


def load_meta(yaml_text: str) -> Any:
    """Parse front matter: the app's own plain kind without PyYAML, anything else with it.

    PyYAML's import is ~45 M instructions of the window's first frame (the sample is read
    before the window shows); plain_yaml reads what this app writes to the same values.
    """
    try:
        return plain_yaml.read(yaml_text)
    except plain_yaml.Unsupported:
        from editor.storage import safeyaml

        return safeyaml.load(yaml_text)


def render(article: Article, theme: str | None = None) -> str:
    """Write an Article as a Markdown page: front matter, then the body.

    theme: also write the keys stock themes read — "hugo" (description, cover) or
    "jekyll" (description, image, published: false for a draft); None for the source.
    """
    meta = to_meta(article)
    if theme:
        for key, value in theme_meta(article, theme).items():
            meta.setdefault(key, value)
        meta.update(embargo_meta(article, theme))
    from editor.storage import safeyaml  # PyYAML: not needed to read the app's own files

    return "---\n" + safeyaml.dump(meta) + "---\n" + article.body


def theme_meta(article: Article, theme: str) -> dict[str, Any]:
    """Return the keys Hugo's or Jekyll's stock themes read for an article."""
    lead = article.lead_image
    meta: dict[str, Any] = {}
    if article.summary.strip():
        meta["description"] = article.summary  # Hugo's and jekyll-seo-tag's summary
    if theme == "jekyll":
        if lead.src:
            meta["image"] = {"path": lead.src, "alt": lead.alt} if lead.alt else lead.src
        if article.draft:
            meta["published"] = False  # Jekyll builds `draft: true` posts; not these
    elif lead.src:  # Hugo: PaperMod and friends read cover; images is already written
        cover = {"image": lead.src, "alt": lead.alt, "caption": lead.caption, "relative": True}
        meta["cover"] = {k: v for k, v in cover.items() if v != ""}
    return meta


def embargo_meta(article: Article, theme: str) -> dict[str, Any]:
    """Return the keys that hold an embargoed page back ({} when no embargo is in force).

    Hugo leaves out drafts and pages whose publishDate is still to come; Jekyll leaves out
    `published: false`. The app's own `embargo` key says why.
    """
    if not is_embargoed(article):
        return {}
    if theme == "jekyll":
        return {"draft": True, "published": False}
    release = release_time(article)
    return {"draft": True, "publishDate": clock.to_iso(release)} if release else {"draft": True}


def to_meta(article: Article) -> dict[str, Any]:
    """Return the front matter of an article: known keys in order, then unknown ones."""
    meta: dict[str, Any] = {"title": article.headline}
    if article.web_title.strip():
        meta["web_title"] = article.web_title
    if article.social_title.strip():
        meta["social_title"] = article.social_title
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
        meta.update(_author_meta(article))
    if article.section:
        meta["section"] = article.section
    if article.tags:
        tags_as_text = article.shapes.get("tags") == "str"
        meta["tags"] = ", ".join(article.tags) if tags_as_text else list(article.tags)
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
    if article.embargo:
        meta["embargo"] = clock.to_iso(article.embargo)
    if article.target.is_set:
        meta["target"] = {article.target.unit: _number(article.target.amount)}
    for key, value in article.extra.items():
        if key not in meta and key not in KNOWN_KEYS:
            meta[key] = value
    return meta


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _target(value: Any) -> LengthTarget:
    """Read `target: {pages: 8}` or `{chars: 1600}` (0 is no target)."""
    if not isinstance(value, dict) or len(value) != 1:
        raise DocumentError(ErrorCode.META_TARGET)
    unit, amount = next(iter(value.items()))
    if unit not in UNITS or isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise DocumentError(ErrorCode.META_TARGET)
    return LengthTarget(float(amount), str(unit)) if amount > 0 else LengthTarget()


def _author_meta(article: Article) -> dict[str, Any]:
    """Return author in the shape the user wrote it (a name, names, or name/email maps).

    A new article writes the name (or names), which stock themes print; e-mails then go
    in the app's own key, reporters.
    """
    shape = article.shapes.get("author", "")
    maps = [{k: v for k, v in (("name", a.name), ("email", a.email)) if v} for a in article.authors]
    if shape == "maps" or (shape == "map" and len(maps) > 1):
        return {"author": maps}
    if shape == "map":
        return {"author": maps[0]}
    names = [a.name for a in article.authors]
    meta: dict[str, Any] = {}
    if shape == "list":
        meta["author"] = names
    else:
        meta["author"] = names[0] if len(names) == 1 else (", ".join(names) if shape else names)
    if any(a.email for a in article.authors):
        meta["reporters"] = maps
    return meta


def _shapes(text: dict[str, Any]) -> dict[str, str]:
    """Note how author and tags were written, to write them back the same way."""
    shapes = {}
    author = text.get("author", text.get("authors"))
    if isinstance(author, str):
        shapes["author"] = "str"
    elif isinstance(author, dict):
        shapes["author"] = "map"
    elif isinstance(author, list) and author:
        shapes["author"] = "maps" if all(isinstance(a, dict) for a in author) else "list"
    if isinstance(text.get("tags"), str):
        shapes["tags"] = "str"
    return shapes


def _with_emails(authors: list[Author], reporters: Any) -> list[Author]:
    """Fill in e-mails from the app's own reporters key (one entry per author, in order)."""
    if not isinstance(reporters, list) or len(reporters) != len(authors):
        return authors
    out = []
    for author, item in zip(authors, reporters, strict=True):
        same = isinstance(item, dict) and _text(item.get("name"), "reporters.name") == author.name
        email = _text(item.get("email"), "reporters.email") if same else ""
        out.append(Author(author.name, author.email or email))
    return out


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
        web_title=_text(text.get("web_title"), "web_title"),
        social_title=_text(text.get("social_title"), "social_title"),
        subhead=_text(text.get("subtitle"), "subtitle"),
        summary=_text(text.get("summary") or text.get("description"), "summary"),
        body=body,
        lead_image=lead,
        authors=_with_emails(
            _authors(text.get("author", text.get("authors"))), text.get("reporters")
        ),
        section=_text(text.get("section"), "section"),
        tags=_tags(text.get("tags")),
        slug=_text(text.get("slug"), "slug"),
        created=_datetime(text.get("date"), "date"),
        published=_datetime(text.get("publishDate"), "publishDate"),
        updated=_datetime(text.get("lastmod"), "lastmod"),
        status=Status.parse(status),
        site=_text(text.get("site"), "site") or DEFAULT_SITE,
        embargo=_datetime(text.get("embargo"), "embargo"),
        target=_target(text["target"]) if text.get("target") is not None else LengthTarget(),
        extra={k: v for k, v in text.items() if k not in KNOWN_KEYS},
        shapes=_shapes(text),
    )


def _text(value: Any, key: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float, bool, date)):
        return str(value)
    code = ErrorCode.META_KEY_LIST if isinstance(value, list) else ErrorCode.META_KEY_MAPPING
    raise DocumentError(code, key=key)


def _tags(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, list):
        return [_text(t, "tags") for t in value if t is not None and str(t).strip()]
    raise DocumentError(ErrorCode.META_TAGS)


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
        raise DocumentError(ErrorCode.META_LEAD_IMAGE)
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
    raise DocumentError(ErrorCode.META_DATE, key=key, value=value)

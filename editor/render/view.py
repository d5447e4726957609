"""The article as a page shows it: bylines, formatted times, credit and figure, per profile.

Templates read only this view (and the profile's settings), never the Article itself, so the
formatting rules live in one place and the preview can ask for the same strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from editor.core.assignment import web_title
from editor.core.clock import aware, newsroom_zone, to_iso
from editor.core.model import Article
from editor.render.profiles import SiteProfile
from editor.render.urls import UrlPolicy, is_bundle_path


@dataclass(frozen=True)
class Reporter:
    """One reporter as the end-of-article box shows them."""

    name: str
    email: str
    label: str  # e.g. 김하늘 기자


@dataclass(frozen=True)
class Figure:
    """The lead figure; present is False when the article has no lead image."""

    present: bool = False
    attrs: dict[str, str] = field(default_factory=dict)  # img attributes from the URL policy
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Stamp:
    """A time as the page prints it (text) and as machines read it (iso)."""

    text: str = ""
    iso: str = ""

    def __bool__(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True)
class ArticleView:
    """Every article-driven string a page template shows."""

    headline: str
    web_title: str  # the browser tab's and search result's title (the headline if none)
    subhead: str  # line breaks kept; templates show them with white-space: pre-line
    section: str
    byline: str  # e.g. 김하늘 기자 (several reporters joined)
    reporters: list[Reporter]
    published: Stamp
    updated: Stamp
    last_edit: str  # 최종편집 stamp: the article's last save
    credit: str  # opening credit, e.g. [시사캐치]
    figure: Figure
    tags: list[str]
    summary: str


def format_time(value: datetime | None, pattern: str) -> Stamp:
    """Format a time in the newsroom's zone; an empty Stamp for no time."""
    if value is None:
        return Stamp()
    moment = aware(value).astimezone(newsroom_zone())  # the site prints Seoul time
    return Stamp(moment.strftime(pattern), to_iso(moment))


def build_figure(article: Article, urls: UrlPolicy) -> Figure:
    """Return the lead figure with its image attributes from the URL policy."""
    lead = article.lead_image
    if not lead.is_set:
        return Figure()
    # A stand-alone page (offline policy) decides about remote URLs too: it loads none.
    ask = is_bundle_path(lead.src) or getattr(urls, "offline", False)
    attrs = urls.image(lead.src) if ask else {"src": lead.src}
    return Figure(True, dict(attrs), lead.alt, lead.caption.strip(), lead.credit.strip())


def build_view(article: Article, profile: SiteProfile, urls: UrlPolicy) -> ArticleView:
    """Return what the templates show of an article under a profile."""
    time_pattern = profile.format("time", "%Y.%m.%d %H:%M")
    authors = [a for a in article.authors if a.name.strip() or a.email.strip()]
    reporters = [
        Reporter(
            a.name.strip(),
            a.email.strip(),
            profile.format("reporter", "{name}").format(name=a.name.strip(), site=profile.name),
        )
        for a in authors
    ]
    byline = profile.format("byline_join", ", ").join(
        profile.format_byline(a.name.strip()) for a in authors if a.name.strip()
    )
    last = article.updated or article.published or article.created
    first_name = authors[0].name.strip() if authors else ""
    published = format_time(article.published or article.created, time_pattern)
    updated = format_time(article.updated, time_pattern)
    return ArticleView(
        headline=article.headline.strip(),
        web_title=web_title(article).strip(),
        subhead=article.subhead.strip("\n").rstrip(),
        section=article.section.strip(),
        byline=byline,
        reporters=reporters,
        published=published,
        updated=updated if updated.text != published.text else Stamp(),  # 수정 only if later
        last_edit=format_time(last, profile.format("last_edit", "%Y-%m-%d %H:%M")).text,
        credit=profile.format_credit(first_name if "{name}" in profile.credit_format else ""),
        figure=build_figure(article, urls),
        tags=[t.strip() for t in article.tags if t.strip()],
        summary=article.summary.strip(),
    )

"""Validation: what is wrong or missing in an article, as a list (never an exception)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from editor.core.model import Article

HEADLINE_WARN_CHARS = 30  # SITE.md: warn from about 30 characters
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Problem:
    """One finding: how bad, which field, what is wrong (English; the UI translates by code)."""

    severity: Severity
    field: str
    code: str
    message: str
    start: int = -1  # where in the field's text, for the editor to jump to (-1: the field)
    end: int = -1
    args: dict[str, object] = field(default_factory=dict, compare=False, hash=False)
    # the values the message names (length, limit, …), for the UI to word it in Korean


def validate(article: Article) -> list[Problem]:
    """Return the problems of an article, errors first; never raises on user content."""
    problems: list[Problem] = []

    def add(severity: Severity, where: str, code: str, message: str, **args: object) -> None:
        problems.append(Problem(severity, where, code, message, args=args))

    headline = article.headline.strip()
    if not headline:
        add(Severity.ERROR, "headline", "headline-missing", "The headline is empty.")
    elif len(headline) > HEADLINE_WARN_CHARS:
        add(
            Severity.WARNING,
            "headline",
            "headline-long",
            f"The headline has {len(headline)} characters; aim for {HEADLINE_WARN_CHARS} or fewer.",
            length=len(headline),
            limit=HEADLINE_WARN_CHARS,
        )
    if "\n" in article.headline:
        add(Severity.WARNING, "headline", "headline-newline", "The headline contains a line break.")
    if not article.subhead.strip():
        add(Severity.INFO, "subhead", "subhead-missing", "There is no subhead.")
    if not article.body.strip():
        add(Severity.ERROR, "body", "body-missing", "The body is empty.")
    _check_lead_image(article, add)
    for ref in article.referenced_images():
        if _is_local(ref) and ref not in article.images:
            add(
                Severity.ERROR,
                "body" if ref != article.lead_image.src else "lead_image",
                "image-missing",
                f"The image {ref} is not in the document.",
                path=ref,
            )
    if not any(a.name.strip() for a in article.authors):
        add(Severity.WARNING, "authors", "author-missing", "No reporter is named.")
    for author in article.authors:
        if author.email and not _EMAIL.match(author.email):
            add(
                Severity.WARNING,
                "authors",
                "email-invalid",
                f"The e-mail address {author.email!r} does not look valid.",
                email=author.email,
            )
    if article.slug and not _SLUG.match(article.slug):
        add(
            Severity.WARNING,
            "slug",
            "slug-invalid",
            "The slug should hold only lowercase letters, digits and hyphens.",
        )
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(problems, key=lambda p: order[p.severity])


def _check_lead_image(article: Article, add) -> None:
    lead = article.lead_image
    if not lead.is_set:
        add(Severity.WARNING, "lead_image", "lead-image-missing", "There is no lead image.")
        return
    if not lead.alt.strip():
        add(
            Severity.WARNING,
            "lead_image.alt",
            "alt-missing",
            "The lead image has no alt text for readers who cannot see it.",
        )
    if not lead.caption.strip():
        add(
            Severity.INFO, "lead_image.caption", "caption-missing", "The lead image has no caption."
        )
    if not lead.credit.strip():
        add(
            Severity.WARNING, "lead_image.credit", "credit-missing", "The lead image has no credit."
        )


def _is_local(ref: str) -> bool:
    return not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//", ref)


def has_errors(problems: list[Problem]) -> bool:
    """Return True when any problem is an error."""
    return any(p.severity is Severity.ERROR for p in problems)

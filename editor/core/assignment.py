"""The assignment: the desk's length target, the headline's variants and the embargo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from editor.core import clock
from editor.core.model import Article, LengthTarget
from editor.core.text import MANUSCRIPT_PAGE, Counts, count_body

if TYPE_CHECKING:  # the checklist's findings: imported when there are any to make
    from editor.core.validate import Problem

UNITS = ("pages", "chars")


@dataclass(frozen=True)
class AssignmentRules:
    """The site profile's guidance (site.yaml `checklist.assignment`)."""

    web_title_max: int = 60  # characters a search result shows before cutting
    social_title_max: int = 40  # characters a share card shows on a phone
    target_tolerance: int = 10  # percent under or over the target the checklist lets pass
    zone: str = clock.DEFAULT_ZONE_NAME  # the embargo's time zone when none is typed

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> AssignmentRules:
        """Build from profile data, keeping the defaults for missing or unusable values."""
        base, values = cls(), {}
        for key, value in (data or {}).items():
            default = getattr(base, key, None)
            if default is None:
                continue
            try:
                values[key] = type(default)(value)
            except (TypeError, ValueError):
                continue
        return cls(**values)


@dataclass(frozen=True)
class Progress:
    """How far the body is toward the target, in the target's unit."""

    done: float
    goal: float
    unit: str

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.goal) if self.goal else 0


def web_title(article: Article) -> str:
    """Return the title for search results and the browser tab: the web title, else the headline."""
    return " ".join(article.web_title.split()) or article.headline


def social_title(article: Article) -> str:
    """Return the title share cards show: the social title, else the headline."""
    return " ".join(article.social_title.split()) or article.headline


def is_embargoed(article: Article, now: datetime | None = None) -> bool:
    """Return whether the article is under an embargo that has not yet lifted."""
    if article.embargo is None:
        return False
    return clock.aware(article.embargo) > clock.aware(now or clock.now())


def release_time(article: Article) -> datetime | None:
    """Return when the article may appear: the later of its publish time and its embargo."""
    times = [clock.aware(t) for t in (article.published, article.embargo) if t is not None]
    return max(times) if times else None


def embargo_notice(article: Article, now: datetime | None = None) -> str:
    """Return the one line every export says of an embargo still in force ("" for none)."""
    if article.embargo is None or not is_embargoed(article, now):
        return ""
    return (
        f"Embargoed until {clock.to_iso(article.embargo)}: the export is marked as not for "
        "publication (draft, withheld) until then."
    )


def approved_assignment(article: Article) -> dict[str, Any]:
    """Return the title variants and embargo a desk approval covers, only those set.

    Only set values take part, so an approval signed before these fields existed verifies.
    """
    found: dict[str, Any] = {k: getattr(article, k) for k in ("web_title", "social_title")}
    found["embargo"] = clock.to_iso(article.embargo) if article.embargo else ""
    return {k: v for k, v in found.items() if v}


def progress(target: LengthTarget, counts: Counts) -> Progress | None:
    """Return the body's progress toward the target (None when there is none).

    Pages count characters with spaces, as 원고지 does; a chars target counts the same.
    """
    if not target.is_set:
        return None
    if target.unit == "chars":
        return Progress(counts.chars, target.amount, "chars")
    return Progress(round(counts.chars / MANUSCRIPT_PAGE, 1), target.amount, "pages")


def assignment_problems(article: Article, rules: AssignmentRules) -> list[Problem]:
    """Return the checklist's findings on the target, the title variants and the embargo."""
    return _target(article, rules) + _variants(article, rules) + _embargo(article, rules)


def _target(article: Article, rules: AssignmentRules) -> list[Problem]:
    from editor.core.validate import Problem, Severity

    done = progress(article.target, count_body(article.body))
    if done is None or not article.body.strip():
        return []
    slack = done.goal * rules.target_tolerance / 100
    if done.goal - slack <= done.done <= done.goal + slack:
        return []
    over = done.done > done.goal
    unit = "매" if done.unit == "pages" else "자"
    args = {
        "done": _number(done.done),
        "goal": _number(done.goal),
        "unit": unit,
        "percent": done.percent,
        "tolerance": rules.target_tolerance,
    }
    code, words = ("target-over", "over") if over else ("target-under", "under")
    message = (
        f"The body is {args['done']}{unit} of the {args['goal']}{unit} assigned "
        f"({done.percent}%): {words} the target by more than {rules.target_tolerance}%."
    )
    return [Problem(Severity.WARNING, "body", code, message, args=args)]


def _variants(article: Article, rules: AssignmentRules) -> list[Problem]:
    from editor.core.validate import Problem, Severity

    found = []
    for name, limit, label in (
        ("web_title", rules.web_title_max, "web title"),
        ("social_title", rules.social_title_max, "social title"),
    ):
        length = len(" ".join(getattr(article, name).split()))
        if limit and length > limit:
            found.append(
                Problem(
                    Severity.WARNING,
                    name,
                    f"{name.replace('_', '-')}-long",
                    f"The {label} has {length} characters; the site allows {limit}.",
                    args={"length": length, "limit": limit},
                )
            )
    return found


def _embargo(article: Article, rules: AssignmentRules) -> list[Problem]:
    from editor.core.validate import Problem, Severity

    if article.embargo is None or not is_embargoed(article):
        return []
    local = clock.aware(article.embargo).astimezone(clock.newsroom_zone(rules.zone))
    when = local.strftime("%Y-%m-%d %H:%M %Z").strip()
    return [
        Problem(
            Severity.WARNING,
            "embargo",
            "embargo-future",
            f"Embargoed until {when}: exports are marked as not for publication until then.",
            args={"time": when},
        )
    ]


def _number(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))

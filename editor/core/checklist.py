"""The pre-publish checklist: the site profile's rules applied to an article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from editor.core.assignment import AssignmentRules, assignment_problems
from editor.core.body_reading import read_body
from editor.core.errors import ArticleError
from editor.core.model import Article
from editor.core.review import field_text
from editor.core.style import HouseStyle, clickbait, style_findings
from editor.core.validate import Problem, Severity, validate

PLACEHOLDERS = (r"\bTK\b", r"○○○", r"\bXXX\b", r"\[사진\]")
_URL = re.compile(r"^(https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+|#[\w-]*|tel:[+\d-]+)$")


@dataclass
class ChecklistConfig:
    """The rules a site profile turns on (from site.yaml's `checklist`)."""

    headline_target: int = 23  # fits one line on PC
    headline_warn: int = 30
    headline_mobile_lines: int = 2  # at most, on a 360 px phone
    min_share_width: int = 1200
    min_body_chars: int = 300
    credit_pattern: str = r"^\[시사캐치(=[^\]\s]+ 기자)?\]"
    credit_example: str = "[시사캐치]"
    copyright_line: str = "저작권자 © 시사캐치 무단전재 및 재배포 금지"
    house_style_words: dict[str, str] = field(
        default_factory=lambda: {"하였다": "했다", "하였습니다": "했습니다"}
    )
    max_sentence_chars: int = 60  # 0 turns the hint off
    # The site's style.yaml (editor/core/style.py); when present its replacements, sensitive
    # words, formats, sentence length and headline rules replace the three settings above.
    style: dict[str, Any] = field(default_factory=dict)
    # Length target tolerance, title-variant lengths, embargo zone (editor/core/assignment.py).
    assignment: dict[str, Any] = field(default_factory=dict)

    def house_style(self) -> HouseStyle:
        """Return the house style: style.yaml's, or one built from the older settings."""
        if self.style:
            return HouseStyle.from_data(self.style)
        return HouseStyle.from_data(
            {
                "replacements": [
                    {"id": f"replace.{wrong}", "find": wrong, "replace": right}
                    for wrong, right in self.house_style_words.items()
                ],
                "sentence_length": {"max": self.max_sentence_chars},
                "headline": {"target": self.headline_target, "warn": self.headline_warn},
            }
        )

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> ChecklistConfig:
        """Build from profile data, ignoring unknown keys and keeping defaults for missing."""
        config = cls()
        for key, value in (data or {}).items():
            key = "house_style_words" if key == "house_style" else key  # the older name
            if hasattr(config, key) and value is not None:
                setattr(config, key, value)
        return config


@dataclass(frozen=True)
class ImageFacts:
    """What the checklist needs to know of an image (found by the storage layer)."""

    width: int = 0
    height: int = 0
    has_gps: bool = False
    error: ArticleError | None = None  # why the image cannot be used (the UI words it)


@dataclass(frozen=True)
class HtmlFact:
    """Raw HTML in the body the renderer will not show as typed (found by render.reading).

    kind: "dropped" (the tag goes, its words stay), "removed" (goes with its content),
    "text" (no HTML element: shown as typed, e.g. <JTBC>).
    """

    start: int
    end: int
    text: str
    kind: str


@dataclass
class Facts:
    """Measurements made outside the core: image facts, the headline's rendered lines, and
    what the body's one Markdown reading found."""

    images: dict[str, ImageFacts] = field(default_factory=dict)
    headline_lines: dict[int, int] = field(default_factory=dict)  # viewport width → lines
    raw_html: list[HtmlFact] = field(default_factory=list)


def run_checklist(
    article: Article, config: ChecklistConfig | None = None, facts: Facts | None = None
) -> list[Problem]:
    """Return every problem of the article, errors first; never raises on user content."""
    config, facts = config or ChecklistConfig(), facts or Facts()
    problems = [p for p in validate(article) if p.code != "headline-long"]
    for rule in (
        _headline,
        _lead_image,
        _body,
        _credit_and_copyright,
        _links,
        _placeholders,
        _house_style,
        _images,
        _raw_html,
        _assignment,
        _reading_hints,
    ):
        problems += rule(article, config, facts)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    return sorted(problems, key=lambda p: order[p.severity])


def _headline(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    found = []
    rules = config.house_style().headline
    length = len(article.headline.strip())
    if length > rules.warn:
        found.append(
            Problem(
                Severity.WARNING,
                "headline",
                "headline-long",
                f"The headline has {length} characters; the site warns from {rules.warn}.",
                args={"length": length, "limit": rules.warn, "rule": "headline.warn"},
            )
        )
    elif length > rules.target:
        found.append(
            Problem(
                Severity.INFO,
                "headline",
                "headline-over-target",
                f"The headline has {length} characters; {rules.target} fit one line on PC.",
                args={"length": length, "limit": rules.target, "rule": "headline.target"},
            )
        )
    lines = facts.headline_lines.get(360)
    if lines and lines > config.headline_mobile_lines:
        found.append(
            Problem(
                Severity.WARNING,
                "headline",
                "headline-mobile-lines",
                f"On a 360 px phone the headline takes {lines} lines; aim for "
                f"{config.headline_mobile_lines}.",
                args={"lines": lines, "limit": config.headline_mobile_lines},
            )
        )
    if clickbait(article.headline, rules):
        found.append(
            Problem(
                Severity.INFO,
                "headline",
                "headline-clickbait",
                "The headline reads like clickbait (a trailing ? or 충격).",
                args={"rule": "headline.clickbait"},
            )
        )
    return found


def _lead_image(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    lead = article.lead_image
    info = facts.images.get(lead.src)
    if not lead.is_set or info is None or info.error:
        return []
    if info.width < config.min_share_width:
        return [
            Problem(
                Severity.WARNING,
                "lead_image",
                "lead-image-small",
                f"The lead image is {info.width} px wide; share cards need "
                f"{config.min_share_width} px.",
                args={"width": info.width, "limit": config.min_share_width},
            )
        ]
    return []


def _body(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    from editor.core.text import count_body

    chars = count_body(article.body).chars_no_spaces
    if article.body.strip() and chars < config.min_body_chars:
        return [
            Problem(
                Severity.WARNING,
                "body",
                "body-short",
                f"The body has {chars} characters; the site expects at least "
                f"{config.min_body_chars}.",
                args={"length": chars, "limit": config.min_body_chars},
            )
        ]
    return []


def _credit_and_copyright(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    found = []
    body = article.body.lstrip()
    if body and config.credit_pattern and not re.match(config.credit_pattern, body):
        found.append(
            Problem(
                Severity.WARNING,
                "body",
                "credit-missing",
                f"The body should open with the credit, e.g. {config.credit_example}.",
                0,
                0,
                {"example": config.credit_example},
            )
        )
    lines = [ln.strip() for ln in article.body.rstrip().split("\n") if ln.strip()]
    if (
        lines
        and re.search(r"무단\s*전재|저작권자|재배포", lines[-1])
        and lines[-1] != config.copyright_line
    ):
        start = article.body.rfind(lines[-1])
        found.append(
            Problem(
                Severity.WARNING,
                "body",
                "copyright-form",
                f"The closing line should read “{config.copyright_line}”.",
                start,
                start + len(lines[-1]),
                {"line": config.copyright_line},
            )
        )
    return found


def _links(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    found = []
    for link in read_body(article.body).links:
        target = link.url
        if not target or not (_URL.match(target) or target in article.images):
            found.append(
                Problem(
                    Severity.ERROR,
                    "body",
                    "link-broken",
                    f"The link “{link.text}” points nowhere valid ({target or 'empty'}).",
                    link.start,
                    link.end,
                    {"text": link.text, "target": target or "empty"},
                )
            )
    return found


def _placeholders(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    found = []
    for name in ("headline", "subhead", "body", "lead_image.caption", "lead_image.alt"):
        text = field_text(article, name)
        for pattern in PLACEHOLDERS:
            for match in re.finditer(pattern, text):
                found.append(
                    Problem(
                        Severity.ERROR,
                        name,
                        "placeholder",
                        f"A placeholder is left in: {match.group(0)}",
                        match.start(),
                        match.end(),
                        {"text": match.group(0)},
                    )
                )
    return found


def _house_style(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    return style_findings(article, config.house_style())


def _images(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    found = []
    for path, info in sorted(facts.images.items()):
        where = "lead_image" if path == article.lead_image.src else "body"
        if info.error:
            found.append(
                Problem(
                    Severity.ERROR,
                    where,
                    "image-broken",
                    f"{path}: {info.error.message}",
                    args={"path": path, "error": info.error},
                )
            )
        elif info.has_gps:
            found.append(
                Problem(
                    Severity.WARNING,
                    where,
                    "image-gps",
                    f"{path} still carries GPS coordinates (exports strip them).",
                    args={"path": path},
                )
            )
    return found


_RAW_HTML_PROBLEMS = {
    "dropped": (Severity.WARNING, "html-dropped", "The HTML tag {tag} is removed; its words stay."),
    "removed": (
        Severity.WARNING,
        "html-removed",
        "The HTML {tag} is removed with everything in it: {passage}",
    ),
    "text": (Severity.INFO, "html-as-text", "{tag} is no HTML tag: it is shown as typed."),
}


def _raw_html(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    """Name each passage of raw HTML the preview and exports will not show as typed."""
    found = []
    for fact in facts.raw_html:
        if fact.kind not in _RAW_HTML_PROBLEMS:
            continue
        severity, code, message = _RAW_HTML_PROBLEMS[fact.kind]
        tag = fact.text if len(fact.text) <= 40 else fact.text[:39] + "…"
        passage = article.body[fact.start : fact.end]
        passage = passage if len(passage) <= 60 else passage[:59] + "…"
        args = {"tag": tag, "passage": passage}
        found.append(
            Problem(severity, "body", code, message.format(**args), fact.start, fact.end, args)
        )
    return found


def _assignment(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    return assignment_problems(article, AssignmentRules.from_data(config.assignment))


def _reading_hints(article: Article, config: ChecklistConfig, facts: Facts) -> list[Problem]:
    """Name passages whose CommonMark meaning a reporter may not expect, or no export keeps."""
    body, found = article.body, []
    reading = read_body(body)
    starts = [0]
    for line in body.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    for heading in reading.headings:
        if heading.setext_lines > 1:  # several lines over ---: one heading, not text + rule
            first, under = heading.line, heading.line + heading.setext_lines
            start, end = starts[first], starts[under + 1] - 1
            args = {"lines": heading.setext_lines, "underline": body[starts[under] : end].strip()}
            message = (
                "The {lines} lines above “{underline}” become one heading; "
                "leave a blank line above it for a dividing rule."
            )
            found.append(
                Problem(
                    Severity.INFO,
                    "body",
                    "heading-from-paragraph",
                    message.format(**args),
                    start,
                    end,
                    args,
                )
            )
    for image in reading.images:
        if image.alone and image.title:  # the page's figure caption; Markdown keeps a title
            args = {"caption": image.title}
            message = (
                "The caption “{caption}” shows under the image in the preview and the HTML "
                "export; the Markdown export keeps it as the image's title only."
            )
            found.append(
                Problem(
                    Severity.INFO,
                    "body",
                    "caption-in-markdown",
                    message.format(**args),
                    image.start,
                    image.end,
                    args,
                )
            )
    return found

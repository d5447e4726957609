"""The checklist's findings in the user's language, worded from each problem's code and values.

The English templates are the core's messages word for word (a test holds them together), so
the panel and `article-editor check` say the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.core.errors import ArticleError
from editor.core.validate import Problem, Severity
from editor.ui.messages import error_words

translate = QCoreApplication.translate


def _templates() -> dict[str, str]:
    """Return the message template of each problem code (translated now)."""
    return {
        "headline-missing": translate("checklist", "The headline is empty."),
        "headline-long": translate(
            "checklist", "The headline has {length} characters; the site warns from {limit}."
        ),
        "headline-over-target": translate(
            "checklist", "The headline has {length} characters; {limit} fit one line on PC."
        ),
        "headline-mobile-lines": translate(
            "checklist", "On a 360 px phone the headline takes {lines} lines; aim for {limit}."
        ),
        "headline-clickbait": translate(
            "checklist", "The headline reads like clickbait (a trailing ? or 충격)."
        ),
        "headline-newline": translate("checklist", "The headline contains a line break."),
        "subhead-missing": translate("checklist", "There is no subhead."),
        "body-missing": translate("checklist", "The body is empty."),
        "lead-image-missing": translate("checklist", "There is no lead image."),
        "alt-missing": translate(
            "checklist", "The lead image has no alt text for readers who cannot see it."
        ),
        "caption-missing": translate("checklist", "The lead image has no caption."),
        "photo-credit-missing": translate("checklist", "The lead image has no credit."),
        "credit-missing": translate(
            "checklist", "The body should open with the credit, e.g. {example}."
        ),
        "image-missing": translate("checklist", "The image {path} is not in the document."),
        "author-missing": translate("checklist", "No reporter is named."),
        "email-invalid": translate(
            "checklist", "The e-mail address {email!r} does not look valid."
        ),
        "slug-invalid": translate(
            "checklist", "The slug should hold only lowercase letters, digits and hyphens."
        ),
        "lead-image-small": translate(
            "checklist", "The lead image is {width} px wide; share cards need {limit} px."
        ),
        "body-short": translate(
            "checklist", "The body has {length} characters; the site expects at least {limit}."
        ),
        "copyright-form": translate("checklist", "The closing line should read “{line}”."),
        "link-broken": translate("checklist", "The link “{text}” points nowhere valid ({target})."),
        "placeholder": translate("checklist", "A placeholder is left in: {text}"),
        "house-style": translate("checklist", "House style: write “{right}”, not “{wrong}”."),
        "style-sensitive": translate("checklist", "Sensitive wording “{wrong}”: {advice}"),
        "sentence-long": translate(
            "checklist",
            "A sentence of {length} characters; consider splitting it (over {limit}).",
        ),
        "image-broken": translate("checklist", "{path}: {error}"),
        "image-gps": translate(
            "checklist", "{path} still carries GPS coordinates (exports strip them)."
        ),
        "html-dropped": translate("checklist", "The HTML tag {tag} is removed; its words stay."),
        "html-removed": translate(
            "checklist", "The HTML {tag} is removed with everything in it: {passage}"
        ),
        "html-as-text": translate("checklist", "{tag} is no HTML tag: it is shown as typed."),
        "heading-from-paragraph": translate(
            "checklist",
            "The {lines} lines above “{underline}” become one heading; "
            "leave a blank line above it for a dividing rule.",
        ),
        "caption-in-markdown": translate(
            "checklist",
            "The caption “{caption}” shows under the image in the preview and the HTML "
            "export; the Markdown export keeps it as the image's title only.",
        ),
        **_assignment_templates(),
    }


def _assignment_templates() -> dict[str, str]:
    """Return the templates of the assignment's findings (editor/core/assignment.py)."""
    return {
        "target-under": translate(
            "checklist",
            "The body is {done}{unit} of the {goal}{unit} assigned ({percent}%): under the "
            "target by more than {tolerance}%.",
        ),
        "target-over": translate(
            "checklist",
            "The body is {done}{unit} of the {goal}{unit} assigned ({percent}%): over the "
            "target by more than {tolerance}%.",
        ),
        "web-title-long": translate(
            "checklist", "The web title has {length} characters; the site allows {limit}."
        ),
        "social-title-long": translate(
            "checklist", "The social title has {length} characters; the site allows {limit}."
        ),
        "embargo-future": translate(
            "checklist",
            "Embargoed until {time}: exports are marked as not for publication until then.",
        ),
    }


def problem_text(problem: Problem) -> str:
    """Return what a problem says, in the interface's language."""
    code = problem.code
    if code == "credit-missing" and problem.field == "lead_image.credit":
        code = "photo-credit-missing"  # the same code names two different findings
    template = _templates().get(code)
    args = dict(problem.args)
    if isinstance(args.get("error"), ArticleError):
        args["error"] = error_words(args["error"])
    if template is None:
        return problem.message
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        return problem.message  # a translation that names a value the problem lacks


def severity_label(severity: Severity) -> str:
    """Return the word for a severity."""
    return {
        Severity.ERROR: translate("checklist", "Error"),
        Severity.WARNING: translate("checklist", "Warning"),
        Severity.INFO: translate("checklist", "Hint"),
    }[severity]

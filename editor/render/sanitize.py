"""Sanitising: the allow-list every piece of user HTML passes through (nh3)."""

from __future__ import annotations

import re

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "del",
    "ins",
    "mark",
    "sub",
    "sup",
    "small",
    "code",
    "pre",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "span",
    "abbr",
    "cite",
    "q",
    "dl",
    "dt",
    "dd",
    "kbd",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start", "reversed"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "td": {"style", "colspan", "rowspan"},
    "abbr": {"title"},
    "q": {"cite"},
    "code": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)  # elements with no end tag
CLEAN_CONTENT_TAGS = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select"}
)  # removed with their content
_LINK_WITHOUT_HREF = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.S)
_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'\salt="([^"]*)"')
_SPACER = re.compile(r"<p>(?:\s|&nbsp;|&#160;|\xa0|<br\s*/?>)*</p>\s*")


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "code" and attr == "class":
        return value if re.fullmatch(r"language-[\w+-]{1,40}", value) else None
    if attr == "src" and value.strip().lower().startswith(("http:", "https:", "//")):
        return None  # remote images would make the page load from the network
    return value


def clean_html(html: str) -> str:
    """Keep only safe markup: no script, iframe, event handler or javascript: URL.

    Remote images are dropped (exports load nothing from the network); style survives only
    as text-align on table cells. The text around anything removed stays.
    """
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={
            "script",
            "style",
            "iframe",
            "object",
            "embed",
            "template",
            "noscript",
            "textarea",
            "select",
        },
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute_filter,
        url_schemes=URL_SCHEMES,
        filter_style_properties={"text-align"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    cleaned = _LINK_WITHOUT_HREF.sub(r"\1", cleaned)  # a link whose URL was unsafe: its words
    cleaned = _IMG.sub(_fix_img, cleaned)
    return _SPACER.sub("", cleaned)


def _fix_img(match: re.Match[str]) -> str:
    """Keep the alt text of an image whose source was dropped; give every image an alt."""
    tag = match.group(0)
    if " src=" not in tag:
        alt = _ALT.search(tag)
        return alt.group(1) if alt else ""
    if " alt=" not in tag:
        return tag[:4] + ' alt=""' + tag[4:]
    return tag


def clean_text(text: str) -> str:
    """Return text with any markup removed (for fields that take no HTML)."""
    return nh3.clean_text(text)

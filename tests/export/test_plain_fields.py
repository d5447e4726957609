"""Plain-text fields are text: whatever printable text is typed arrives literally in every export."""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from exporthelp import photo
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.model import Article, Author, LeadImage, Status
from editor.export import export_article
from editor.render.markdown import render_body
from editor.storage import frontmatter

KOREAN_TITLES = ["MBC <PD수첩>", "<JTBC>", "x<y>z", "<SBS 스페셜>", "《토지》", "a < b & c > d"]
PRINTABLE = st.characters(
    codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp", "Zs")
) | st.sampled_from(" <>&\"'/=!-`{}%")
FIELD = st.one_of(
    st.sampled_from(KOREAN_TITLES),
    st.text(PRINTABLE, min_size=1, max_size=40)
    .map(lambda s: unicodedata.normalize("NFC", s).strip())  # exports write NFC (documented)
    .filter(bool),
)


class _Page(HTMLParser):
    """Collect a page's text, attribute values and script contents, unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        self.texts += [v for _, v in attrs if v]

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.texts).append(data)


def _page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _article(headline, subhead, summary, alt, caption, credit, tag, name) -> Article:
    return Article(
        headline=headline,
        subhead=subhead,
        summary=summary,
        body="본문 첫 문단.",
        lead_image=LeadImage("images/lead.jpg", alt, caption, credit),
        authors=[Author(name, "a@b.example")],
        tags=[tag],
        slug="plain",
        status=Status.APPROVED,
        images={"images/lead.jpg": photo(40, 30)},
    )


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    headline=FIELD,
    subhead=FIELD,
    summary=FIELD,
    alt=FIELD,
    caption=FIELD,
    credit=FIELD,
    tag=FIELD,
    name=FIELD,
)
def test_any_printable_text_in_a_plain_field_survives_every_export(
    tmp_path_factory, headline, subhead, summary, alt, caption, credit, tag, name
):
    fields = [headline, subhead, summary, alt, caption, credit, tag, name]
    article = _article(*fields)
    out = tmp_path_factory.mktemp("out")
    html_dir = export_article(article, "html", out / "html")
    md_dir = export_article(article, "markdown", out / "md")

    page = _page(html_dir / "index.html")
    shown = "\n".join(page.texts)
    for value in (headline, subhead, alt, caption, credit, tag):
        assert value in shown, value
    assert summary in shown  # the description meta tags
    assert any(name in t for t in page.texts)  # the byline and reporter box
    ld = json.loads(page.scripts[0])
    assert ld["headline"] == headline and ld["keywords"] == [tag]
    assert ld["author"][0]["name"] == name and ld["description"] == summary

    fragment = "\n".join(_page(html_dir / "article.html").texts)
    for value in (alt, caption, credit):
        assert value in fragment, value

    item = json.loads((html_dir / "article.json").read_text(encoding="utf-8"))
    feature = item["associations"]["featureimage"]
    assert item["headline"] == headline and item["description_text"] == summary
    assert item["headline_subheadline"] == subhead and item["subject"] == [{"name": tag}]
    assert (feature["description_text"], feature["byline"]) == (caption, credit)
    assert feature["body_text"] == alt and name in item["byline"]

    back = frontmatter.parse((md_dir / "index.md").read_text(encoding="utf-8"))
    assert (back.headline, back.subhead, back.summary) == (headline, subhead, summary)
    assert (back.lead_image.alt, back.lead_image.caption, back.lead_image.credit) == (
        alt,
        caption,
        credit,
    )
    assert back.tags == [tag] and back.authors[0].name == name


def test_preview_and_export_show_the_same_headline(tmp_path):
    from editor.render.page import render_page
    from editor.render.profiles import load_profile
    from editor.render.urls import BundleUrls

    article = _article(*KOREAN_TITLES, "《토지》", "<JTBC>")
    preview = render_page(
        article, load_profile("sisacatch"), "desktop", urls=BundleUrls(lambda s: {"src": s})
    )
    exported = (export_article(article, "html", tmp_path) / "index.html").read_text("utf-8")
    for page in (preview, exported):
        assert "MBC &lt;PD수첩&gt;" in page and re.search(r"&lt;JTBC&gt;", page)
    assert render_body(article.body) in exported and render_body(article.body) in preview

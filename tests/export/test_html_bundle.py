"""The HTML bundle: a stand-alone page that loads nothing from outside, with metadata."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from exporthelp import (
    fragment_page,
    harmless,
    hostile_article,
    html_escape,
    nu_check,
    photo,
    tree,
)

from editor.export import export_article
from editor.export.metadata import script_json

SLUG = "sejong-autonomous-shuttle-expands"


class Resources(HTMLParser):
    """Collect scripts and every URL a page would load or link."""

    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.urls: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.html_lang: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if tag == "script":
            self.scripts.append(a)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta.setdefault(a.get("property") or a.get("name") or "", []).append(
                a.get("content") or ""
            )
        for key in ("src", "href", "poster", "data"):
            if a.get(key):
                self.urls.append(a[key] or "")
        for candidate in (a.get("srcset") or "").split(","):
            if candidate.strip():
                self.urls.append(candidate.split()[0])


def parse(html: str) -> Resources:
    found = Resources()
    found.feed(html)
    return found


def css_urls(css: str) -> list[str]:
    return [u.strip("'\"") for u in re.findall(r"url\(([^)]*)\)", css)]


def _sample():
    from exporthelp import SAMPLE

    from editor.storage import read_article

    return read_article(SAMPLE)


@pytest.fixture(scope="module")
def sample_bundle(tmp_path_factory) -> Path:
    return export_article(_sample(), "html", tmp_path_factory.mktemp("html"))


@pytest.fixture(scope="module")
def hostile_bundle(tmp_path_factory) -> Path:
    article = hostile_article({"images/lead.jpg": photo(900, 600)})
    return export_article(article, "html", tmp_path_factory.mktemp("hostile"))


def test_bundle_layout(sample_bundle):
    assert sample_bundle.name == SLUG
    assert sorted(tree(sample_bundle)) == [
        ".article-editor-export.json",  # the marker: what makes it replaceable, and only it
        "article.html",
        "article.json",
        "assets/css/base.css",
        "assets/css/desktop.css",
        "assets/css/mobile.css",
        "assets/fonts/Pretendard-Bold.woff2",
        "assets/fonts/Pretendard-Regular.woff2",
        "images/shuttle-lead-1600.jpg",
        "images/shuttle-lead-800.jpg",
        "images/shuttle-stop-1200.jpg",
        "images/shuttle-stop-800.jpg",
        "index.html",
    ]


def test_no_request_leaves_the_bundle(sample_bundle):
    for page in ("index.html", "article.html"):
        found = parse((sample_bundle / page).read_text(encoding="utf-8"))
        for url in found.urls:
            if url.startswith(("#", "mailto:")):
                continue
            assert not re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.I), f"{page}: {url}"
            assert (sample_bundle / url.split("#")[0]).is_file(), f"{page}: missing {url}"
    for css in (sample_bundle / "assets").rglob("*.css"):
        for url in css_urls(css.read_text(encoding="utf-8")):
            assert url.startswith("data:") or (css.parent / url).is_file(), f"{css}: {url}"
    style = (sample_bundle / "index.html").read_text(encoding="utf-8")
    for url in css_urls(style):
        assert (sample_bundle / url).is_file(), url


def test_one_script_only_json_ld_with_the_news_article(sample_bundle):
    html = (sample_bundle / "index.html").read_text(encoding="utf-8")
    found = parse(html)
    assert found.html_lang == "ko"
    assert found.scripts == [{"type": "application/ld+json"}]
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(body)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다"
    assert data["description"].startswith("세종시가 자율주행 셔틀의")
    assert data["image"] == ["images/shuttle-lead-1600.jpg"]
    assert data["datePublished"] == "2025-03-27T10:00:00+09:00"
    assert data["dateModified"] == "2025-04-04T02:59:00+09:00"
    assert data["author"] == [{"@type": "Person", "name": "김하늘"}]
    assert data["publisher"]["name"] == "시사캐치"


def test_open_graph_and_twitter_cards(sample_bundle):
    meta = parse((sample_bundle / "index.html").read_text(encoding="utf-8")).meta
    assert meta["og:type"] == ["article"]
    assert meta["og:title"] == ["세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다"]
    assert meta["og:description"][0].startswith("세종시가 자율주행 셔틀의")
    assert meta["og:image"] == ["images/shuttle-lead-1600.jpg"]
    assert meta["article:published_time"] == ["2025-03-27T10:00:00+09:00"]
    assert meta["article:modified_time"] == ["2025-04-04T02:59:00+09:00"]
    assert meta["twitter:card"] == ["summary_large_image"]
    assert meta["twitter:image"] == ["images/shuttle-lead-1600.jpg"]


def test_images_carry_srcset_sizes_and_dimensions(sample_bundle):
    html = (sample_bundle / "article.html").read_text(encoding="utf-8")
    lead = re.search(r'<img data-field="lead-image"[^>]*>', html).group(0)
    assert 'src="images/shuttle-lead-1600.jpg"' in lead
    assert 'srcset="images/shuttle-lead-1600.jpg 1600w, images/shuttle-lead-800.jpg 800w"' in lead
    assert 'sizes="(max-width: 599px) 100vw, 800px"' in lead
    assert 'width="1600"' in lead and 'height="1000"' in lead
    assert 'srcset="images/shuttle-stop-1200.jpg 1200w, images/shuttle-stop-800.jpg 800w"' in html
    assert "<figcaption>" in html and "사진=세종시 제공" in html
    assert "<html" not in html, "article.html is a fragment"


def test_description_falls_back_to_the_first_paragraph(sample, tmp_path):
    sample.summary = ""
    bundle = export_article(sample, "html", tmp_path)
    meta = parse((bundle / "index.html").read_text(encoding="utf-8")).meta
    assert meta["og:description"][0].startswith("[시사캐치] 세종시가 자율주행 셔틀의")
    assert meta["description"] == meta["og:description"]


def test_ninjs(sample_bundle):
    item = json.loads((sample_bundle / "article.json").read_text(encoding="utf-8"))
    assert item["$standard"]["name"] == "ninjs" and item["type"] == "text"
    assert item["headline"] == "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다"
    assert item["headline_subheadline"].startswith("정부세종청사~오송역 22km")
    assert item["byline"] == "김하늘 기자"
    assert item["versioncreated"] == "2025-04-04T02:59:00+09:00"
    assert item["body_html"].startswith("<p>[시사캐치] 세종시가")
    assert 'src="images/shuttle-stop-1200.jpg"' in item["body_html"]
    lead = item["associations"]["featureimage"]
    assert lead["type"] == "picture"
    assert (
        lead["description_text"]
        == "▲ 정부세종청사 정류장에서 시민들이 자율주행 셔틀에 오르고 있다."
    )
    assert lead["byline"] == "사진=세종시 제공"
    assert lead["renditions"]["jpeg_1600"]["href"] == "images/shuttle-lead-1600.jpg"
    assert (sample_bundle / lead["renditions"]["jpeg_800"]["href"]).is_file()


def test_script_json_cannot_end_the_script_element():
    text = script_json({"headline": "</script><script>alert(1)</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text)["headline"].startswith("</script>")


def test_hostile_fields_are_text_and_the_body_is_neutralised(hostile_bundle):
    typed = hostile_article({})
    for page in ("index.html", "article.html"):
        html = (hostile_bundle / page).read_text(encoding="utf-8")
        harmless(html)
        found = parse(html)
        assert found.scripts == ([{"type": "application/ld+json"}] if page == "index.html" else [])
        shown = re.sub(r"<[^>]+>", "", html)
        for words in ("첫 문단", "이어서", "굵게", "위험한 링크", "사진 뒤 글", "블록", "끝말"):
            assert words in shown, (page, words)
        # plain fields are text: shown as typed, escaped, never run
        for typed_text in (typed.lead_image.caption, typed.lead_image.credit):
            assert html_escape(typed_text) in html, (page, typed_text)
        assert "alert(4)" not in html and "alert(10)" not in html  # body scripts are gone
    index = (hostile_bundle / "index.html").read_text(encoding="utf-8")
    assert f">{html_escape(typed.headline)}</h1>" in index
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', index, re.S).group(1))
    assert data["headline"] == typed.headline
    item = json.loads((hostile_bundle / "article.json").read_text(encoding="utf-8"))
    assert item["headline"] == typed.headline and "<script" not in item["body_html"]


@pytest.mark.slow
def test_nu_html_checker_finds_no_errors(sample_bundle, hostile_bundle, tmp_path):
    """One JVM for every page: the sample in both profiles, the hostile one, the fragment."""
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(sample_bundle / "index.html", pages / "sample.html")
    shutil.copy(hostile_bundle / "index.html", pages / "hostile.html")
    plain = export_article(_sample(), "html", tmp_path / "plain", site="plain")
    shutil.copy(plain / "index.html", pages / "plain.html")
    fragment = (sample_bundle / "article.html").read_text(encoding="utf-8")
    (pages / "fragment.html").write_text(fragment_page(fragment), encoding="utf-8")
    nu_check(pages)


def test_image_names_with_spaces_give_valid_urls_and_drafts_are_withheld(tmp_path):
    from urllib.parse import unquote

    from editor.core.model import Article, LeadImage, Status

    images = {"images/my photo.jpg": photo(1700, 900), "images/사진 2.jpg": photo(900, 600)}
    article = Article(
        headline="제목",
        body="본문\n\n![둘째](<images/사진 2.jpg>)",
        lead_image=LeadImage("images/my photo.jpg", "대체"),
        slug="spaces",
        status=Status.DRAFT,
        images=images,
    )
    bundle = export_article(article, "html", tmp_path)
    html = (bundle / "index.html").read_text(encoding="utf-8")
    urls = re.findall(r'\ssrc="([^"]*)"', html)
    urls += [
        u.rsplit(" ", 1)[0] for s in re.findall(r'srcset="([^"]*)"', html) for u in s.split(", ")
    ]
    assert urls and all(" " not in u for u in urls)
    assert all((bundle / unquote(u)).is_file() for u in urls), urls
    item = json.loads((bundle / "article.json").read_text(encoding="utf-8"))
    assert item["pubstatus"] == "withheld"
    hrefs = [r["href"] for r in item["associations"]["featureimage"]["renditions"].values()]
    assert all(" " not in h and (bundle / unquote(h)).is_file() for h in hrefs)

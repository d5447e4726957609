"""The exported body reads the same in CommonMark (markdown-it-py) as in the preview."""

from __future__ import annotations

import re
import unicodedata

import pytest
from exporthelp import SAMPLE
from markdown_it import MarkdownIt

from editor.export.portable import portable_body, safe_url
from editor.render.markdown import render_body
from editor.storage import frontmatter

COMMONMARK = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")
_SAME = {"s": "del", "strike": "del"}

CORPUS = {
    "list after a paragraph": "문단 한 줄\n- 하나\n- 둘\n",
    "two-space nested list": "- 가\n  - 나\n  - 다\n- 라\n",
    "paren ordered list": "1) 하나\n2) 둘\n",
    "hard breaks": "백슬래시\\\n다음 줄\n\n두 칸  \n다음 줄",
    "intraword underscores": "snake_case_name 과 __굵게__ 그리고 _기울임_",
    "table": "| 구분 | 값 |\n|---|:-:|\n| 가 | 1 |\n| 나 | 2 |\n",
    "image with title": '![대체 글](images/a.jpg "사진 설명")\n\n다음 문단',
    "inline html kept": "H<sub>2</sub>O 와 <u>밑줄</u>, <mark>강조</mark> 문장",
    "html block": '<div class="box">\n<p>안쪽 *별표*</p>\n</div>\n\n뒤 문단',
    "tag alone on its line": "<span>\n홀로\n</span>",
    "spacer paragraphs": "위 문단\n\n&nbsp;\n\n아래 문단",
    "comments": "앞 <!-- 숨김 --> 뒤\n\n<!-- 블록 주석 -->\n\n끝",
    "code keeps markup": "```html\n<script>alert(1)</script>\n```\n\n`<b>코드</b>` 인라인",
    "strikethrough": "~~취소~~ 된 글",
    "quote": "> 인용 <u>밑줄</u>\n> 둘째 줄",
    "heading with html": "## 소제목 <em>강조</em>",
    "reference links": "[링크][r] 문장\n\n[r]: https://example.com/a",
    "brackets that are no link": "[시사캐치] 기사 [2] 번째 (괄호)",
    "autolinks": "<https://example.com/x> 와 <a@b.example>",
}


def structure(html: str) -> list[str]:
    """Return the tag sequence, treating <s> as <del> and href-less <a> as no tag."""
    tags = []
    for closing, name, attrs in _TAG.findall(html):
        name = _SAME.get(name.lower(), name.lower())
        if name == "a" and "href" not in attrs and not closing:
            continue
        tags.append(closing + name)
    # an <a> without href opened nothing above: drop one of its closings each
    opened = sum(1 for t in tags if t == "a")
    closed = [i for i, t in enumerate(tags) if t == "/a"]
    for i in reversed(closed[opened:]):
        del tags[i]
    return tags


def text(html: str) -> str:
    """Return the text a reader sees (the word joiners of portable forms show nothing)."""
    shown = re.sub(r"<[^>]+>", " ", html).replace("\u2060", "")
    return re.sub(r"\s+", " ", shown).strip()


def keep(ref: str) -> str | None:
    return None


@pytest.mark.parametrize("body", CORPUS.values(), ids=CORPUS.keys())
def test_commonmark_reads_the_export_as_the_preview_shows_it(body):
    preview = render_body(body)
    exported = COMMONMARK.render(portable_body(body, keep))
    assert structure(exported) == structure(preview)
    assert text(exported).replace("&#10;", " ") == text(preview)


def test_the_sample_body_has_the_same_block_structure():
    body = frontmatter.split((SAMPLE / "index.md").read_text(encoding="utf-8"))[1]
    preview = render_body(body)
    exported = COMMONMARK.render(portable_body(body, keep))
    assert structure(exported) == structure(preview)
    assert text(exported) == text(preview)


HOSTILE_BODY = (
    '앞말 <script>alert(1)</script> 가운데 <b onclick="alert(2)">굵게</b> 뒷말\n\n'
    '<iframe src="https://evil.example"></iframe>\n\n'
    "[클릭](javascript:alert(3)) 과 [정상](https://example.com) "
    '<a href="javascript:alert(4)">앵커</a> 끝\n\n'
    '<img src="images/a.jpg" onerror="alert(5)"> 사진 뒤\n\n'
    '<div onmouseover="alert(6)">블록 <script>alert(7)</script>안쪽</div>\n\n'
    "[참조][bad] 링크\n\n[bad]: javascript:alert(8)\n\n"
    "<javascript:alert(9)> 자동 링크\n\n"
    "[엔티티](java&#115;cript:alert(10)) 와 [제어](jav\tascript:alert(11))"
)


def test_hostile_html_is_neutralised_and_the_words_stay():
    exported = portable_body(HOSTILE_BODY, keep)
    html = COMMONMARK.render(exported)
    assert_harmless(html)
    assert "alert(1)" not in html and "alert(7)" not in html  # script content went too
    for words in (
        "앞말",
        "가운데",
        "굵게",
        "뒷말",
        "클릭",
        "정상",
        "앵커",
        "끝",
        "사진 뒤",
        "블록",
        "안쪽",
        "참조",
        "자동 링크",
        "엔티티",
        "제어",
    ):
        assert words in text(html), words
    assert 'href="https://example.com"' in html


def assert_harmless(html: str) -> None:
    """Fail on anything in rendered HTML that could run or load: scripts, frames, handlers."""
    lowered = html.lower()
    assert "<script" not in lowered and "<iframe" not in lowered
    assert not re.search(r"\son\w+\s*=", lowered), "an event handler survived"
    assert not re.search(r"(href|src)\s*=\s*[\"']?\s*(javascript|vbscript|data):", lowered)


def test_remote_images_keep_only_their_words():
    exported = portable_body("글 ![추적 픽셀](https://evil.example/p.png) 끝", keep)
    assert "evil.example" not in exported and "추적 픽셀" in exported


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://a.example", True),
        ("images/x.jpg", True),
        ("#top", True),
        ("mailto:a@b.example", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java&#x73;cript:x", False),
        (" javascript:x", False),
        ("java\\script:x", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
    ],
)
def test_safe_url(url, safe):
    assert safe_url(url) is safe


def test_image_references_are_renamed_wherever_they_appear():
    nfd = unicodedata.normalize("NFD", "images/사진 1.jpg")
    body = (
        f'![사진](<{nfd}>)\n\n[원본](<{nfd}>)\n\n<img src="{nfd}" alt="x">\n\n'
        f"![참조][p]\n\n[p]: <{nfd}>"
    )
    renamed = portable_body(
        body,
        lambda ref: (
            "images/사진 1.jpg"
            if unicodedata.normalize("NFC", ref) == "images/사진 1.jpg"
            else None
        ),
    )
    assert unicodedata.normalize("NFD", "사진") not in renamed
    html = COMMONMARK.render(renamed)
    expected = "images/%EC%82%AC%EC%A7%84%201.jpg"
    assert html.count(f'src="{expected}"') == 2
    assert html.count(f'href="{expected}"') == 1
    assert 'src="images/사진 1.jpg"' in html  # the raw <img> keeps its spelling

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from editor.render.markdown import BodyRenderer, render_body, split_blocks
from editor.render.sanitize import clean_html

# Constructs reporters write, each to be read the same by the app and by CommonMark renderers.
CORPUS = {
    "paragraphs": "첫 문단입니다.\n같은 문단의 둘째 줄.\n\n둘째 문단.",
    "list after paragraph": "다음과 같다.\n- 하나\n- 둘",
    "ordered after paragraph": "순서는 이렇다.\n1. 첫째\n2. 둘째",
    "two-space nested list": "- 상위\n  - 하위 하나\n  - 하위 둘\n- 상위 둘",
    "nested ordered in bullet": "- 상위\n  1. 하나\n  2. 둘",
    "paren ordered list": "1) 하나\n2) 둘\n3) 셋",
    "ordered list start": "3. 셋째부터\n4. 넷째",
    "loose list": "- 하나\n\n- 둘\n\n- 셋",
    "list then paragraph": "- 하나\n- 둘\n\n문단이 이어진다.",
    "marker change starts new list": "- 하나\n- 둘\n1. 새 목록",
    "hard break two spaces": "첫 줄  \n둘째 줄",
    "hard break backslash": "첫 줄\\\n둘째 줄",
    "intraword underscore": "snake_case_name 과 file_name_here",
    "emphasis": "*기울임* 과 **굵게** 와 ***둘 다***",
    "mini head": "**운행 구간과 시간, 이렇게 바뀐다**\n\n본문이 이어진다.",
    "atx heading after paragraph": "문단\n## 소제목\n본문",
    "setext heading": "소제목\n------\n\n본문",
    "setext heading of two lines": "두 줄 문단의 첫 줄\n둘째 줄\n---\n본문",
    "setext h1 of two lines": "첫 줄\n둘째 줄\n===",
    "rule under a paragraph": "문단\n***\n다음",
    "blockquote": "> 인용문\n> 계속된다\n\n본문",
    "blockquote after paragraph": "그는 말했다.\n> 인용",
    "fenced code": "```\ncode_here *not em*\n```",
    "fenced code after paragraph": "코드:\n```python\nprint(1)\n```",
    "table": "| 구분 | 수치 |\n|:--|--:|\n| 가 | 1 |\n| 나 | 2 |",
    "image with title": '![셔틀](images/a.jpg "세종의 셔틀")',
    "link with title": '[시사캐치](https://example.com "홈")',
    "autolink": "<https://example.com/a_b>",
    "thematic break": "위\n\n---\n\n아래",
    "curly quotes and triangles": "“큰따옴표” ‘작은따옴표’ △하나 △둘 등",
    "strikethrough": "~~취소~~ 된 말",
    "inline code": "`a_b` 와 `*x*`",
    "escaped characters": "\\*별표\\* 와 \\_밑줄\\_",
    "reference link": "[참고][1] 자료\n\n[1]: https://example.com",
    "deep nesting": "- 1\n  - 2\n    - 3",
    "link with underscore url": "[링크](https://example.com/a_b_c)",
}


_COMMONMARK = MarkdownIt("commonmark").enable(["table", "strikethrough"])


class _Structure(HTMLParser):
    """Reduce HTML to its element tree and text, so two renderers can be compared."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[str] = []

    def handle_starttag(self, tag, attrs):
        keep = {k: v for k, v in attrs if k in ("href", "src", "alt", "title", "start")}
        self.items.append(f"<{tag}{sorted(keep.items()) if keep else ''}>")

    def handle_endtag(self, tag):
        self.items.append(f"</{tag}>")

    def handle_data(self, data):
        text = re.sub(r"\s+", " ", data).strip()
        if text:
            self.items.append(text)


def structure(html: str) -> list[str]:
    html = re.sub(r'\s(rel|style)="[^"]*"', "", html)
    html = re.sub(r"<(/?)s>", r"<\1del>", html)  # markdown-it writes <s>, goldmark <del>
    parser = _Structure()
    parser.feed(html)
    return parser.items


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_app_reads_markdown_as_commonmark_does(name):
    source = CORPUS[name]
    ours = structure(render_body(source))
    reference = structure(clean_html(_COMMONMARK.render(source)))
    assert ours == reference


def test_block_rendering_equals_whole_rendering_for_corpus():
    whole = "\n\n---\n\n".join(CORPUS.values())
    assert structure(render_body(whole)) == structure(clean_html(_COMMONMARK.render(whole)))


_blocks = st.sampled_from(
    [
        *CORPUS.values(),
        "문단 텍스트",
        "- 항목\n- 항목 둘",
        "1. 하나\n2. 둘",
        "> 인용",
        "## 제목",
        "```\n코드\n\n코드\n```",
        "[x]: https://e.x",
        "[링크][x] 본문",
        "---",
        "<p>&nbsp;</p>",
        "**소제목**",
    ]
)


_EDITS = ["", "가", "\n\n", "\n", "[x]: https://e.x\n\n", "[x]", "- ", "```", "**", "\n\n문단"]


@settings(max_examples=300, deadline=None)
@given(st.lists(_blocks, max_size=12))
def test_bodies_of_blocks_read_as_commonmark_does(blocks):
    body = "\n\n".join(blocks)
    reference = clean_html(_COMMONMARK.render(body))
    assert structure(BodyRenderer().render(body)) == structure(reference)


def test_split_blocks_keeps_lists_and_fences_together():
    body = "문단\n\n- a\n\n- b\n\n  계속\n\n```\n코드\n\n코드\n```\n\n끝"
    blocks = split_blocks(body)
    assert [b.line for b in blocks] == [0, 2, 8, 14]
    assert blocks[1].text == "- a\n\n- b\n\n  계속"


def test_only_changed_blocks_are_rendered_again(monkeypatch):
    renderer = BodyRenderer()
    body = "\n\n".join(f"문단 {i}" for i in range(50))
    renderer.render(body)
    calls = []
    original = renderer._md

    def counting():
        calls.append(1)
        return original()

    monkeypatch.setattr(renderer, "_md", counting)
    renderer.render(body.replace("문단 25", "문단 25 수정"))
    assert len(calls) == 1


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_blocks, max_size=10),
    st.lists(
        st.tuples(st.integers(0, 300), st.integers(0, 20), st.sampled_from(_EDITS)), max_size=5
    ),
)
def test_blocks_rendered_after_edits_equal_a_fresh_render(blocks, edits):
    # The renderer keeps the last render's HTML outside the re-split blocks: it must give what
    # a renderer that never saw the body before gives, definitions coming and going included.
    renderer = BodyRenderer()
    body = "\n\n".join(blocks)
    renderer.render_blocks(body)
    for position, removed, added in edits:
        position = min(position, len(body))
        body = body[:position] + added + body[position + removed :]
        got = [(b.line, b.text, html) for b, html in renderer.render_blocks(body)]
        fresh = [(b.line, b.text, html) for b, html in BodyRenderer().render_blocks(body)]
        assert got == fresh, repr(body)


HOSTILE = {
    "script": ("앞 <script>alert(1)</script> 뒤", ["앞", "뒤"], ["<script", "alert"]),
    "iframe": ("앞 <iframe src='https://evil.example'></iframe> 뒤", ["앞", "뒤"], ["iframe"]),
    "event handler": ('<b onclick="steal()">굵게</b>', ["<b>굵게</b>"], ["onclick", "steal"]),
    "javascript link": ("[눌러](javascript:alert(1))", ["눌러"], ["javascript:"]),
    "javascript html link": ('<a href="JaVaScRiPt:alert(1)">x</a>', ["x"], ["javascript"]),
    "remote image": ('<img src="https://tracker.example/p.gif">', [], ["tracker"]),
    "style url": (
        '<span style="background:url(https://x.example/a)">t</span>',
        ["t"],
        ["url(", "style"],
    ),
    "object": ("<object data='x.swf'></object>끝", ["끝"], ["object"]),
    "svg onload": ("<svg onload=alert(1)><circle/></svg>본문", ["본문"], ["svg", "onload"]),
    "data uri link": ('<a href="data:text/html,<script>alert(1)</script>">x</a>', ["x"], ["data:"]),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_html_is_neutralised_and_text_stays(name):
    source, present, absent = HOSTILE[name]
    html = render_body(source)
    for text in present:
        assert text in html
    for text in absent:
        assert text.lower() not in html.lower()


def test_spacer_paragraphs_collapse():
    html = render_body("첫 문단\n\n<p>&nbsp;</p>\n\n&nbsp;\n\n둘째 문단")
    assert structure(html) == ["<p>", "첫 문단", "</p>", "<p>", "둘째 문단", "</p>"]


def test_table_alignment_survives_as_text_align_only():
    html = render_body("| a | b |\n|:--|--:|\n| 1 | 2 |")
    assert 'style="text-align:left"' in html or 'style="text-align: left' in html


def test_the_renderer_is_built_without_scanning_installed_packages(monkeypatch):
    # An extension given by name makes Python-Markdown read every installed package's entry
    # points (importlib.metadata): ~50 ms of the preview's first render at start-up.
    import markdown.util

    from editor.render.markdown import make_markdown

    def scan():
        raise AssertionError("Markdown looked up an extension by name")

    monkeypatch.setattr(markdown.util, "get_installed_extensions", scan)
    md = make_markdown()
    assert md.convert("| a |\n|---|\n| 1 |\n\n~~x~~") == (
        "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n"
        "</tr>\n</tbody>\n</table>\n<p><del>x</del></p>"
    )

"""The body's one reading: images, links and headings as CommonMark reads them, with places."""

from __future__ import annotations

from korean_corpus import korean_article

from editor.core import body_reading
from editor.core.body_reading import read_body, read_steps
from editor.core.checklist import run_checklist
from editor.core.model import Article
from editor.core.text import count_body, image_refs, plain_text


def test_images_carry_src_alt_title_line_and_whether_they_stand_alone():
    body = korean_article().body
    images = read_body(body).images
    assert [(i.alt, i.title, i.alone) for i in images] == [
        ("세종 셔틀 정류장", "▲ 세종시 정류장의 셔틀", True),
        ("노선 지도", "", False),
    ]
    lines = body.split("\n")
    assert all(lines[i.line].startswith(("![", "노선은")) for i in images)
    assert body[images[0].start : images[0].end].startswith("![세종 셔틀 정류장](<")


def test_a_name_with_parentheses_is_one_image_reference():
    """The old regex stopped at "(" and the container lost the photo from its list."""
    article = korean_article()
    assert image_refs(article.body)[-1] == "images/%EC%A7%80%EB%8F%84%20(%EC%84%B8%EC%A2%85).png"
    assert "images/%EC%A7%80%EB%8F%84%20(%EC%84%B8%EC%A2%85" not in article.referenced_images()


def test_code_definitions_escapes_and_references_are_read_as_commonmark():
    body = (
        '[참고][r] 와 [r] 그리고 `[코드](x)` \\[아님](y) ![a\\[b\\]](<a b.jpg> "제목")\n\n'
        "[r]: https://r.example\n\n```\n![fence](f.jpg)\n```\n\n"
        '<img alt="원시 &amp; 사진" src="images/raw.jpg">'
    )
    reading = read_body(body)
    assert [(f.kind, f.text, f.url) for f in reading.found] == [
        ("link", "참고", "https://r.example"),
        ("link", "r", "https://r.example"),
        ("image", "a\\[b\\]", "a b.jpg"),
        ("image", "원시 & 사진", "images/raw.jpg"),
    ]
    assert reading.images[0].alt == "a[b]" and reading.images[0].title == "제목"


def test_counts_leave_out_images_link_syntax_and_definitions():
    body = "[링크 글](https://a.example) ![사진](x.jpg) 끝\n\n[r]: https://r.example\n"
    assert plain_text(body).split() == ["링크", "글", "끝"]
    assert count_body(body).chars_no_spaces == 4


def test_headings_include_a_paragraph_of_several_lines_over_a_rule():
    body = "# 하나\n\n첫 줄\n둘째 줄\n---\n\n제목\n===\n\n```\n# 코드\n```"
    headings = [(h.level, h.text, h.line, h.setext_lines) for h in read_body(body).headings]
    assert headings == [(1, "하나", 0, 0), (2, "첫 줄 둘째 줄", 2, 2), (1, "제목", 6, 1)]


def test_checklist_names_a_broken_reference_link_where_it_stands():
    body = "앞 [눌러][bad] 뒤\n\n[bad]: javascript:alert(1)\n"
    (problem,) = [p for p in run_checklist(Article(body=body)) if p.code == "link-broken"]
    assert body[problem.start : problem.end] == "[눌러][bad]"


def test_checklist_explains_a_heading_made_of_a_paragraph_and_a_markdown_caption():
    body = '첫 줄\n둘째 줄\n---\n\n![사진](images/a.jpg "▲ 설명")\n'
    problems = {p.code: p for p in run_checklist(Article(body=body))}
    heading = problems["heading-from-paragraph"]
    assert body[heading.start : heading.end] == "첫 줄\n둘째 줄\n---"
    caption = problems["caption-in-markdown"]
    assert body[caption.start : caption.end] == '![사진](images/a.jpg "▲ 설명")'
    assert caption.args == {"caption": "▲ 설명"}


def test_counts_drop_heading_marks_by_the_reading_and_keep_code_as_typed():
    body = "# 제목 #\n\n#해시태그\n\n첫 줄\n둘째\n===\n\n```\n# 코드\n```"
    assert plain_text(body).split() == ["제목", "#해시태그", "첫", "줄", "둘째", "#", "코드"]


def test_the_reading_in_steps_is_the_reading_at_once():
    body = "\n\n".join(["세종시 [오송역](https://a.kr)까지 ![셔틀](s.jpg) 달린다.\n# 제목"] * 600)
    body_reading._last.clear()
    turns, stepped = _run(read_steps(body))
    assert turns >= 20  # every 256 lines and every 16 steps of a link scan
    body_reading._last.clear()
    assert stepped == read_body(body) and len(stepped.images) == 600
    assert _run(read_steps(body)) == (0, read_body(body))  # the last body read: kept


def _run(steps):
    """Return how many times steps yielded, and what they returned."""
    turns = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return turns, done.value
        turns += 1

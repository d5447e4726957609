"""Which words of a Markdown line spelling looks at."""

from __future__ import annotations

from editor.core.spelling import words_in_line, words_in_text


def texts(line: str) -> list[str]:
    return [w.text for w in words_in_line(line)]


def test_plain_words_with_offsets():
    words = words_in_line("세종시 셔틀이 달린다.")
    assert [(w.text, w.start, w.end) for w in words] == [
        ("세종시", 0, 3),
        ("셔틀이", 4, 7),
        ("달린다", 8, 11),
    ]


def test_markdown_syntax_code_urls_mail_and_credit_are_skipped():
    line = (
        "[시사캐치=홍길동 기자] **굵게** `코드` [글](https://ex.kr/경로) "
        "<b>태그</b> www.ex.kr/길 me@ex.kr ![사진](images/사진.jpg)"
    )
    assert texts(line) == ["굵게", "글", "태그", "사진"]


def test_glued_hangul_after_latin_numbers_and_quotes_is_skipped():
    assert texts("AI를 3차 ‘자율주행’을 KTX가 Seoul") == ["자율주행", "Seoul"]


def test_fenced_and_indented_code_are_skipped():
    text = "앞 문단\n```python\n코드 안\n```\n    들여쓴 코드\n뒤 문단"
    assert [w.text for w in words_in_text(text)] == ["앞", "문단", "뒤", "문단"]
    last = list(words_in_text(text))[-1]
    assert text[last.start : last.end] == "문단"

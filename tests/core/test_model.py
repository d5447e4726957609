from __future__ import annotations

from datetime import datetime

from editor.core.model import Article, Author, LeadImage, Status
from editor.core.text import count_body, count_text, image_refs, make_slug, romanize
from editor.core.validate import Severity, has_errors, validate


def test_counts_korean_characters_and_manuscript_pages():
    counts = count_text("가나다 라마" * 100)  # 600 chars with spaces
    assert counts.chars == 600
    assert counts.chars_no_spaces == 500
    assert counts.manuscript_pages == 3.0
    assert counts.manuscript_pages_rounded == 3
    assert counts.reading_minutes == 1


def test_count_body_ignores_markdown_marks_and_images():
    counts = count_body("# 제목\n\n**굵게** [링크](http://x.kr)\n\n![사진](images/a.jpg)\n\n- 하나")
    assert counts.chars_no_spaces == len("제목굵게링크하나")


def test_empty_body_counts_zero():
    counts = count_body("")
    assert (counts.chars, counts.manuscript_pages, counts.reading_minutes) == (0, 0, 0)


def test_romanize_follows_revised_romanization():
    assert romanize("서울") == "seoul"
    assert romanize("모빌리티") == "mobilliti"
    assert romanize("한국") == "hanguk"


def test_slug_from_korean_headline_is_ascii():
    slug = make_slug("충청광역연합, 바이오·모빌리티 미래 그리다")
    assert slug.startswith("chungcheong")
    assert slug.isascii() and " " not in slug
    assert len(slug) <= 60


def test_slug_falls_back_to_date_when_nothing_usable():
    assert make_slug("!!!", datetime(2025, 3, 27, 10, 0)) == "article-20250327-100000"


def test_image_refs_in_order_without_repeats():
    body = '![a](images/a.jpg "t")\n<img src="images/b.png">\n![a](images/a.jpg)\n![c](<images/c d.jpg>)'
    assert image_refs(body) == ["images/a.jpg", "images/b.png", "images/c d.jpg"]


def test_status_parse_is_lenient():
    assert Status.parse("ready for desk") is Status.READY
    assert Status.parse("APPROVED") is Status.APPROVED
    assert Status.parse(42) is Status.DRAFT


def test_validate_reports_missing_headline_and_images_without_raising():
    article = Article(body="![x](images/missing.jpg)", lead_image=LeadImage(src="images/l.jpg"))
    problems = validate(article)
    codes = {p.code for p in problems}
    assert {"headline-missing", "image-missing", "alt-missing", "credit-missing"} <= codes
    assert has_errors(problems)
    assert problems[0].severity is Severity.ERROR


def test_validate_long_headline_warns():
    article = Article(headline="가" * 31, body="본문", authors=[Author("홍길동", "bad")])
    codes = {p.code: p.severity for p in validate(article)}
    assert codes["headline-long"] is Severity.WARNING
    assert codes["email-invalid"] is Severity.WARNING
    assert not has_errors(validate(article))


def test_add_image_never_overwrites_a_different_image():
    article = Article()
    first = article.add_image("사진.jpg", b"one")
    second = article.add_image("사진.jpg", b"two")
    assert first == "images/사진.jpg" and second == "images/사진-2.jpg"
    assert article.add_image("사진.jpg", b"one") == first


def test_copy_is_independent():
    article = Article(tags=["a"], images={"images/a.jpg": b"x"})
    clone = article.copy()
    clone.tags.append("b")
    clone.images["images/b.jpg"] = b"y"
    assert article.tags == ["a"] and list(article.images) == ["images/a.jpg"]
    assert clone == Article(tags=["a", "b"], images={"images/a.jpg": b"x", "images/b.jpg": b"y"})

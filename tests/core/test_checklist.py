from __future__ import annotations

import pytest

from editor.core.checklist import ChecklistConfig, Facts, ImageFacts, run_checklist
from editor.core.errors import ErrorCode, ImageError
from editor.core.model import Article, Author, LeadImage

GOOD_BODY = "[시사캐치] " + "세종시가 자율주행 셔틀 운행 구간을 넓힌다. " * 20


def good_article(**changes) -> Article:
    article = Article(
        headline="세종시 자율주행 셔틀 구간 확대",
        subhead="오송역까지 22km",
        body=GOOD_BODY,
        lead_image=LeadImage("images/a.jpg", "셔틀", "▲ 셔틀", "사진=세종시"),
        authors=[Author("김하늘", "sky@example.com")],
        images={"images/a.jpg": b"x"},
    )
    for key, value in changes.items():
        setattr(article, key, value)
    return article


GOOD_FACTS = Facts(images={"images/a.jpg": ImageFacts(1600, 900)}, headline_lines={360: 2})


def codes(article: Article, facts: Facts = GOOD_FACTS, **config) -> dict[str, str]:
    problems = run_checklist(article, ChecklistConfig.from_data(config), facts)
    return {p.code: str(p.severity) for p in problems}


def test_good_article_passes_every_rule():
    assert codes(good_article()) == {}


@pytest.mark.parametrize(
    ("changes", "code", "severity"),
    [
        ({"headline": ""}, "headline-missing", "error"),
        ({"headline": "가" * 31}, "headline-long", "warning"),
        ({"headline": "가" * 25}, "headline-over-target", "info"),
        ({"headline": "이게 정말일까?"}, "headline-clickbait", "info"),
        ({"subhead": ""}, "subhead-missing", "info"),
        ({"lead_image": LeadImage()}, "lead-image-missing", "warning"),
        ({"lead_image": LeadImage("images/a.jpg", "", "▲", "c")}, "alt-missing", "warning"),
        ({"lead_image": LeadImage("images/a.jpg", "a", "▲", "")}, "credit-missing", "warning"),
        ({"body": "[시사캐치] 짧다."}, "body-short", "warning"),
        ({"body": GOOD_BODY.replace("[시사캐치] ", "")}, "credit-missing", "warning"),
        ({"body": GOOD_BODY + "\n\n저작권자 시사캐치 무단 전재 금지"}, "copyright-form", "warning"),
        ({"body": GOOD_BODY + "\n\n[링크]()"}, "link-broken", "error"),
        ({"body": GOOD_BODY + "\n\n[링크](htp:/x)"}, "link-broken", "error"),
        ({"body": GOOD_BODY + "\n\n![그림](images/none.jpg)"}, "image-missing", "error"),
        ({"body": GOOD_BODY + " ○○○ 의원은"}, "placeholder", "error"),
        ({"headline": "TK 시장 발표"}, "placeholder", "error"),
        ({"body": GOOD_BODY + " [사진]"}, "placeholder", "error"),
        ({"body": GOOD_BODY + " XXX"}, "placeholder", "error"),
        ({"body": GOOD_BODY + " 회의를 개최하였다."}, "house-style", "info"),
        ({"body": GOOD_BODY + " " + "긴" * 70 + "."}, "sentence-long", "info"),
    ],
)
def test_each_rule(changes, code, severity):
    assert codes(good_article(**changes)).get(code) == severity


def test_image_facts_rules():
    small = Facts(images={"images/a.jpg": ImageFacts(800, 600)})
    assert codes(good_article(), small)["lead-image-small"] == "warning"
    gps = Facts(images={"images/a.jpg": ImageFacts(1600, 900, has_gps=True)})
    assert codes(good_article(), gps)["image-gps"] == "warning"
    not_image = ImageError(ErrorCode.NOT_AN_IMAGE, path="images/a.jpg")
    broken = Facts(images={"images/a.jpg": ImageFacts(error=not_image)})
    assert codes(good_article(), broken)["image-broken"] == "error"
    tall = Facts(images={"images/a.jpg": ImageFacts(1600, 900)}, headline_lines={360: 3})
    assert codes(good_article(), tall)["headline-mobile-lines"] == "warning"


def test_profile_can_turn_rules_off_and_change_forms():
    article = good_article(body=GOOD_BODY.replace("[시사캐치]", "[다른신문]") + " 하였다")
    found = codes(
        article, credit_pattern=r"^\[다른신문\]", house_style_words={}, max_sentence_chars=0
    )
    assert found == {}


def test_problems_point_at_their_passage():
    article = good_article(body=GOOD_BODY + " ○○○ 의원")
    [problem] = [p for p in run_checklist(article, facts=GOOD_FACTS) if p.code == "placeholder"]
    assert article.body[problem.start : problem.end] == "○○○"

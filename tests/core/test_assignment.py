"""The assignment: length target progress, title variants and the embargo, as the checklist
and the exports read them."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from editor.core import clock
from editor.core.assignment import (
    AssignmentRules,
    assignment_problems,
    embargo_notice,
    is_embargoed,
    progress,
    release_time,
    social_title,
    web_title,
)
from editor.core.checklist import ChecklistConfig, run_checklist
from editor.core.model import Article, LengthTarget
from editor.core.text import count_body

KST = clock.newsroom_zone()
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=KST)


@pytest.fixture(autouse=True)
def fixed_clock():
    clock.set_clock(lambda: NOW)
    yield
    clock.set_clock(None)


def _body(chars: int) -> str:
    """A body of exactly `chars` characters with spaces (words of 9 syllables and a space)."""
    text = ("가나다라마바사아자 " * (chars // 10 + 1))[:chars]
    return text.rstrip() + "다" * (chars - len(text.rstrip()))


def codes(article: Article, **rules) -> list[str]:
    return [p.code for p in assignment_problems(article, AssignmentRules(**rules))]


def test_progress_in_manuscript_pages_counts_characters_with_spaces():
    article = Article(body=_body(1300), target=LengthTarget(8))
    assert count_body(article.body).chars == 1300
    done = progress(article.target, count_body(article.body))
    assert (done.done, done.goal, done.unit, done.percent) == (6.5, 8, "pages", 81)


def test_progress_in_characters():
    done = progress(LengthTarget(1600, "chars"), count_body(_body(1200)))
    assert (done.done, done.goal, done.percent) == (1200, 1600, 75)
    assert progress(LengthTarget(), count_body(_body(10))) is None


@pytest.mark.parametrize(
    ("chars", "expected"),
    [(1300, ["target-under"]), (1450, []), (1600, []), (1760, []), (1780, ["target-over"])],
)
def test_checklist_warns_beyond_the_profiles_tolerance(chars, expected):
    article = Article(body=_body(chars), target=LengthTarget(8))
    assert codes(article, target_tolerance=10) == expected


def test_target_message_names_the_figures():
    article = Article(body=_body(1300), target=LengthTarget(8))
    (problem,) = assignment_problems(article, AssignmentRules())
    assert problem.message == (
        "The body is 6.5매 of the 8매 assigned (81%): under the target by more than 10%."
    )
    assert problem.args == {
        "done": "6.5",
        "goal": "8",
        "unit": "매",
        "percent": 81,
        "tolerance": 10,
    }


def test_no_target_or_no_body_no_finding():
    assert codes(Article(body=_body(100))) == []
    assert codes(Article(body="", target=LengthTarget(8))) == []


def test_variants_fall_back_to_the_headline_and_drop_stray_spaces():
    article = Article(headline="인쇄 제목")
    assert web_title(article) == social_title(article) == "인쇄 제목"
    article.web_title, article.social_title = "  검색용\n제목 ", "공유용 제목"
    assert (web_title(article), social_title(article)) == ("검색용 제목", "공유용 제목")


def test_variant_lengths_from_the_profile():
    article = Article(headline="제목", web_title="가" * 61, social_title="나" * 41)
    problems = assignment_problems(article, AssignmentRules(web_title_max=60, social_title_max=40))
    assert [(p.field, p.code, p.args) for p in problems] == [
        ("web_title", "web-title-long", {"length": 61, "limit": 60}),
        ("social_title", "social-title-long", {"length": 41, "limit": 40}),
    ]
    article.web_title, article.social_title = "가" * 60, "나" * 40
    assert codes(article) == []


def test_embargo_in_the_future_is_a_warning_until_it_lifts():
    article = Article(headline="제목", embargo=NOW + timedelta(hours=3))
    (problem,) = assignment_problems(article, AssignmentRules())
    assert problem.code == "embargo-future" and problem.field == "embargo"
    assert problem.message.startswith("Embargoed until 2026-12-01 12:00 KST")
    assert is_embargoed(article) and "2026-12-01T12:00:00+09:00" in embargo_notice(article)
    clock.set_clock(lambda: NOW + timedelta(hours=3))
    assert not is_embargoed(article) and codes(article) == [] and embargo_notice(article) == ""


def test_embargo_shown_in_the_profiles_zone_whatever_zone_it_was_typed_in():
    utc = (NOW + timedelta(days=1)).astimezone(clock.newsroom_zone("UTC"))
    article = Article(embargo=utc)
    (problem,) = assignment_problems(article, AssignmentRules())
    assert problem.args["time"] == "2026-12-02 09:00 KST"


def test_release_time_is_the_later_of_publish_time_and_embargo():
    later = NOW + timedelta(days=2)
    assert release_time(Article(published=NOW, embargo=later)) == later
    assert release_time(Article(published=later, embargo=NOW)) == later
    assert release_time(Article()) is None


def test_rules_from_profile_data_keep_defaults_for_bad_values():
    rules = AssignmentRules.from_data({"web_title_max": "50", "target_tolerance": "lots", "x": 1})
    assert (rules.web_title_max, rules.target_tolerance) == (50, 10)


def test_the_checklist_runs_the_assignment_rules_from_the_profile_section():
    article = Article(
        headline="제목", body=_body(1300), target=LengthTarget(8), web_title="가" * 31
    )
    config = ChecklistConfig.from_data(
        {"assignment": {"web_title_max": 30, "target_tolerance": 20}}
    )
    found = {p.code for p in run_checklist(article, config)}
    assert "web-title-long" in found and "target-under" not in found  # 81% is within 20%

"""The headline meter without a browser: boxes from the profile, lines from the font."""

from __future__ import annotations

import pytest

from editor import resources
from editor.render.headline_meter import collapse, headline_box, measure_lines
from editor.render.linebreak import break_opportunities
from editor.render.profiles import load_profile
from editor.storage import read_article


@pytest.fixture(scope="module")
def profile():
    return load_profile("sisacatch", templates=False)


def test_sample_headline_lines(profile):
    headline = read_article(resources.sample_path()).headline
    lines = measure_lines(headline, profile)
    assert set(lines) == {360, 390, 412, 1280}
    assert lines[1280] == 1  # 27 characters fit one line on PC
    assert all(2 <= lines[w] <= 3 for w in (360, 390, 412))


def test_longer_headline_wraps_more(profile):
    headline = read_article(resources.sample_path()).headline
    longer = headline + " 야간 운행과 교통약자 예약 서비스도 함께 시험한다"
    short, long = measure_lines(headline, profile), measure_lines(longer, profile)
    assert long[390] > short[390] and long[1280] > short[1280]


def test_boxes_come_from_the_theme(profile):
    phone, desktop = headline_box(profile, 360), headline_box(profile, 1280)
    assert (phone.font_size, phone.width, phone.letter_spacing) == (23, 324, pytest.approx(-0.92))
    assert (desktop.font_size, desktop.width) == (34, 800)


def test_keep_all_breaks_hangul_only_at_spaces_and_punctuation():
    text = "자율주행 셔틀, 세종 도심(종합)"
    starts = [text[i:] for i in break_opportunities(text, 0, keep_all=True)]
    assert starts == ["셔틀, 세종 도심(종합)", "세종 도심(종합)", "도심(종합)", "(종합)"]


def test_blink_never_breaks_a_url_after_its_slash():
    assert break_opportunities("example.com/very/long", 0, keep_all=True) == []


def test_white_space_collapses_and_empty_takes_no_line(profile):
    assert collapse("  가\n\t나  ") == "가 나"
    assert measure_lines("   ", profile) == {360: 0, 390: 0, 412: 0, 1280: 0}


def test_a_word_wider_than_the_phone_breaks_anywhere(profile):
    assert measure_lines("가" * 40, profile, (360,)) == {360: 3}  # 17 syllables a line


def test_profile_without_a_box_measures_nothing(profile):
    bare = type(profile)(id="x", name="x", root=profile.root, data={"name": "x"})
    assert measure_lines("가나다", bare) == {}

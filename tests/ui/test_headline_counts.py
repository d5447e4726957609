"""The headline's count shows the meter's line counts, on every edit, without the preview."""

from __future__ import annotations


def test_form_shows_measured_lines_without_waiting_for_the_preview(window):
    form = window.form
    # 29 characters: the old estimate (22 a line) said two PC lines; Chromium draws one.
    window.document.set_field("headline", "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다")
    text = form.headline_count_label.text()
    assert "PC 1" in text and ("mobile 2" in text or "모바일 2" in text)
    window.document.set_field(
        "headline",
        "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다… 야간 운행과 교통약자 예약도",
    )
    text = form.headline_count_label.text()
    assert "PC 2" in text and ("mobile 3" in text or "모바일 3" in text)


def test_preview_count_is_used_only_when_the_site_states_no_box(window):
    form = window.form
    form._fit = None  # a profile without headline_box
    headline = "세종시 자율주행 셔틀"
    window.document.set_field("headline", headline)
    form.set_measured_headline_lines("desktop", 1, headline)
    form.set_measured_headline_lines("mobile", 2, headline)
    text = form.headline_count_label.text()
    assert "PC 1" in text and ("mobile 2" in text or "모바일 2" in text)
    form.set_measured_headline_lines("mobile", 4, "an older headline")
    window.document.set_field("headline", headline + " 더")
    assert (
        "mobile 1" in form.headline_count_label.text()
        or "모바일 1" in form.headline_count_label.text()
    )

"""The headline's count shows the preview's measured line counts once they are in."""

from __future__ import annotations


def test_form_prefers_measured_lines_for_the_current_headline(window):
    form = window.form
    window.document.set_field("headline", "세종시 자율주행 셔틀, 시범운행 구간 두 배로 넓힌다")
    form._update_counts()
    estimated = form.headline_count_label.text()
    assert "PC 2" in estimated  # 29 characters at 22 a line, before any measurement
    headline = window.document.article.headline
    form.set_measured_headline_lines("desktop", 1, headline)
    form.set_measured_headline_lines("mobile", 2, headline)
    text = form.headline_count_label.text()
    assert "PC 1" in text and ("mobile 2" in text or "모바일 2" in text)
    form.set_measured_headline_lines("desktop", 1, "an older headline")
    window.document.set_field("headline", headline + " 더")
    form._update_counts()
    assert "PC 2" in form.headline_count_label.text()  # a stale measurement is not shown

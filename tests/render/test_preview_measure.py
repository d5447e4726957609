"""Counting the headline: one script for the preview, the probe and the tests; its answers read."""

from __future__ import annotations

from pathlib import Path

from editor.render import preview_measure
from editor.render.preview_measure import COUNT_LINES_JS, HeadlineCount, HeadlineRequest

EDITOR = Path(preview_measure.__file__).parents[1]


def test_an_answer_is_lines_and_the_css_width():
    request = HeadlineRequest("mobile", "세종시 자율주행 셔틀")
    assert request.answer("[2, 360]") == HeadlineCount("mobile", "세종시 자율주행 셔틀", 2, 360)
    assert request.answer("[1, 1279.6]").css_width == 1280
    assert request.answer("[3, null]") == HeadlineCount("mobile", "세종시 자율주행 셔틀", 3, None)


def test_no_headline_or_no_answer_is_no_count():
    request = HeadlineRequest("desktop", "")
    for result in ("[-1, 1280]", "null", None, "", "not json", "[1]", '["2", 360]', "[true, 1]"):
        assert request.answer(result) is None, result


def test_the_script_asks_for_lines_and_width_as_json():
    script = HeadlineRequest("desktop", "x").script
    assert script.startswith("JSON.stringify([") and "window.innerWidth" in script
    assert COUNT_LINES_JS in script


def test_one_script_counts_lines_in_the_whole_app():
    """The counting (distinct tops of the text's line boxes) is written once."""
    holders = [
        p.relative_to(EDITOR).as_posix()
        for p in EDITOR.rglob("*")
        if p.suffix in (".py", ".js", ".html")
        and "getClientRects()) if (r.width > 0) tops.add" in p.read_text(encoding="utf-8")
    ]
    assert holders == ["render/preview_measure.py"]

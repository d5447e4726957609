"""The desktop page in the real QtWebEngine DOM: never reflowed, readable when fitted, zoomable.

Measured in the page itself: the CSS viewport, the container's computed width, whether a
navigation item wraps, and the body text's computed size times the zoom on screen.
"""

from __future__ import annotations

import json

import pytest

from editor.render.preview_zoom import MIN_READABLE_PX, Fit, Zoom

pytestmark = pytest.mark.webengine

LAYOUT_JS = """JSON.stringify({
  viewport: document.documentElement.clientWidth,
  container: document.querySelector('.gnb .container, .gnb-in').getBoundingClientRect().width,
  navWrapped: Array.from(document.querySelectorAll('.gnb-sections li'))
    .some(li => li.getBoundingClientRect().height > 60),
  navTops: new Set(Array.from(document.querySelectorAll('.gnb-sections li'))
    .map(li => Math.round(li.getBoundingClientRect().top))).size,
  bodyPx: parseFloat(getComputedStyle(document.querySelector('[data-field=body] p')).fontSize),
})"""


def _layout(view, wait_js) -> dict:
    """Return the page's layout once Chromium has applied the last resize and zoom."""
    settled = lambda v: v is not None and json.loads(v)["viewport"] >= 1279  # noqa: E731
    return json.loads(wait_js(view, LAYOUT_JS, settled))


def _assert_not_reflowed(layout: dict) -> None:
    assert layout["viewport"] >= 1279  # the page's own 1280-px width
    assert layout["container"] >= 1199  # the 1200-px container, not squeezed
    assert not layout["navWrapped"] and layout["navTops"] == 1  # one row of sections


@pytest.mark.parametrize("mode", ["desktop", "both"])
@pytest.mark.parametrize("width", [300, 460, 640])
def test_a_narrow_pane_never_reflows_the_desktop_page(
    make_pane, document, wait_ready, wait_js, mode, width
):
    pane = make_pane(width=width, height=700)
    pane.set_share_card_visible(False)
    pane.set_document(document)
    pane.set_mode(mode, 390)
    wait_ready(pane)
    for zoom in (Zoom(Fit.COLUMN), Zoom(Fit.PAGE), Zoom(Fit.COLUMN, 4), Zoom(Fit.PAGE, -6)):
        pane.set_zoom(zoom)
        _assert_not_reflowed(_layout(pane.views["desktop"], wait_js))
    if mode == "both":
        phone = pane.views["mobile"]
        assert wait_js(phone, "window.innerWidth", lambda w: w is not None) == 390


def test_fitting_the_column_shows_body_text_at_13_px_or_more(
    make_pane, document, wait_ready, wait_js, qtbot
):
    pane = make_pane(width=460, height=700)  # the pane review mode leaves at 1366 x 768
    pane.set_share_card_visible(False)
    pane.set_document(document)
    pane.set_zoom(Zoom(Fit.COLUMN))
    wait_ready(pane)
    view = pane.views["desktop"]
    body_px = _layout(view, wait_js)["bodyPx"]
    qtbot.waitUntil(lambda: pane.desktop_frame.column.body_px == body_px)
    on_screen = body_px * view.zoomFactor()
    assert on_screen >= MIN_READABLE_PX
    pane.set_zoom(Zoom(Fit.PAGE))
    whole_page = view.zoomFactor()
    assert body_px * whole_page < MIN_READABLE_PX  # the whole page: too small to read
    assert 1280 * whole_page == pytest.approx(pane.desktop_frame.viewport().width(), abs=2)
    pane.controls.zoom_in_action.trigger()
    assert pane.controls.zoom == Zoom(Fit.PAGE, 1)
    assert view.zoomFactor() == pytest.approx(whole_page * 1.1, rel=0.01)
    pane.controls.zoom_reset_action.trigger()
    assert pane.controls.zoom == Zoom(Fit.PAGE, 0)


def test_ctrl_wheel_over_the_page_zooms_by_scaling_not_by_the_browser(
    make_pane, document, wait_ready, wait_js, qtbot
):
    pane = make_pane(width=600, height=700)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    with qtbot.waitSignal(pane.zoom_changed) as blocker:
        view.run_script(
            "document.dispatchEvent(new WheelEvent('wheel', "
            "{deltaY: -100, ctrlKey: true, bubbles: true, cancelable: true}))"
        )
    assert blocker.args[0].step == 1
    _assert_not_reflowed(_layout(view, wait_js))

"""The desktop preview's zoom: the column fits, text stays readable, the page never narrows."""

from __future__ import annotations

import pytest

from editor.render.preview_zoom import (
    DESKTOP_WIDTH,
    MIN_READABLE_PX,
    Column,
    Fit,
    Zoom,
    body_text_px,
    column_scroll_x,
    desktop_zoom,
)

COLUMN = Column(left=58, width=800, body_px=17.5)


@pytest.mark.parametrize("pane", [160, 380, 586, 700, 1000, 1600])
def test_fitting_the_column_never_shows_body_text_under_13_px(pane):
    factor = desktop_zoom(Zoom(Fit.COLUMN), pane, COLUMN)
    assert body_text_px(factor, COLUMN) >= MIN_READABLE_PX - 1e-9
    if pane >= 700:  # room enough: the column (and its margins) fills the pane exactly
        assert (COLUMN.width + 32) * factor == pytest.approx(pane)


def test_the_whole_page_fits_when_asked_and_the_column_scroll_starts_at_the_column():
    assert DESKTOP_WIDTH * desktop_zoom(Zoom(Fit.PAGE), 640, COLUMN) == pytest.approx(640)
    factor = desktop_zoom(Zoom(Fit.COLUMN), 600, COLUMN)
    assert column_scroll_x(Zoom(Fit.COLUMN), factor, COLUMN) == round(42 * factor)
    assert column_scroll_x(Zoom(Fit.PAGE), factor, COLUMN) == 0


def test_steps_zoom_in_and_out_and_reset_and_survive_the_settings():
    zoom = Zoom().zoomed(+2)
    base = desktop_zoom(Zoom(), 800, COLUMN)
    assert desktop_zoom(zoom, 800, COLUMN) == pytest.approx(base * 1.21)
    assert zoom.reset() == Zoom() and zoom.zoomed(-100).step == -12
    assert Zoom.parse("page", "3") == Zoom(Fit.PAGE, 3)
    assert Zoom.parse("nonsense", "x") == Zoom()

"""How big the desktop page is drawn in the preview: plain arithmetic, no Qt.

The desktop page always lays out at its own width (DESKTOP_WIDTH CSS px): the preview only
chooses a zoom, and the pane scrolls sideways (or clips) what does not fit. Nothing here
ever makes the page narrower, so it never reflows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

DESKTOP_WIDTH = 1280  # CSS px: the 1200-px container and its margins
MIN_READABLE_PX = 13.0  # body text on screen never gets smaller than this in "fit column"
COLUMN_MARGIN = 16  # CSS px shown either side of the fitted column
STEP = 1.1  # one Ctrl+= / Ctrl+- step
MIN_STEP, MAX_STEP = -12, 12
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0


class Fit(StrEnum):
    """What the desktop zoom is fitted to before the reader's own steps."""

    COLUMN = "column"  # the article column fills the pane, at a readable size
    PAGE = "page"  # the whole 1200-px page fits the pane (small text on a laptop)


@dataclass(frozen=True)
class Column:
    """Where the article column sits in the page and its body text size (CSS px)."""

    left: float = 58.0
    width: float = 800.0
    body_px: float = 17.5


@dataclass(frozen=True)
class Zoom:
    """The reader's choice: a fit and a number of steps in or out of it."""

    fit: Fit = Fit.COLUMN
    step: int = 0

    def zoomed(self, delta: int) -> Zoom:
        """Return the choice delta steps in (or out, negative)."""
        return Zoom(self.fit, max(MIN_STEP, min(MAX_STEP, self.step + delta)))

    def reset(self) -> Zoom:
        return Zoom(self.fit, 0)

    def with_fit(self, fit: Fit | str) -> Zoom:
        return Zoom(Fit(fit), 0)

    @classmethod
    def parse(cls, fit: object, step: object) -> Zoom:
        """Return the choice stored as text in the settings (the default if broken)."""
        try:
            return cls(Fit(str(fit)), max(MIN_STEP, min(MAX_STEP, int(step))))
        except (TypeError, ValueError):
            return cls()


def fitted_zoom(fit: Fit, pane_width: int, column: Column) -> float:
    """Return the zoom a fit gives in a pane pane_width device px wide (before steps)."""
    if pane_width <= 0:
        return 1.0
    if fit is Fit.PAGE:
        return pane_width / DESKTOP_WIDTH
    readable = MIN_READABLE_PX / column.body_px if column.body_px > 0 else 0.0
    return max(pane_width / (column.width + 2 * COLUMN_MARGIN), readable)


def desktop_zoom(zoom: Zoom, pane_width: int, column: Column) -> float:
    """Return the zoom factor of the desktop page for the reader's choice."""
    factor = fitted_zoom(zoom.fit, pane_width, column) * STEP**zoom.step
    return max(MIN_ZOOM, min(MAX_ZOOM, factor))


def column_scroll_x(zoom: Zoom, factor: float, column: Column) -> int:
    """Return where the pane scrolls sideways so the column starts at its left edge."""
    if zoom.fit is Fit.PAGE:
        return 0
    return max(0, round((column.left - COLUMN_MARGIN) * factor))


def body_text_px(factor: float, column: Column) -> float:
    """Return the body text's size on screen (device px) at a zoom factor."""
    return column.body_px * factor

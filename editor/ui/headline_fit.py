"""Headline fit for the window: the headline's lines on the site, from the browser-free meter.

The form and the review checklist ask here; the answer comes from
editor/render/headline_meter.py (the bundled font shaped with HarfBuzz, Chromium's line
breaking), so a count is there as soon as the site profile is read, on every keystroke,
without waiting for the preview or starting a browser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from editor.core.model import Article
from editor.render.headline_meter import DEFAULT_WIDTHS, measure_lines

log = logging.getLogger(__name__)
MOBILE_WIDTH = 360  # the phone the site guidance speaks of
DESKTOP_WIDTH = 1280


def measure_headline_lines(
    article: Article,
    profile,
    widths: Iterable[int] = DEFAULT_WIDTHS,  # noqa: ANN001
) -> dict[int, int]:
    """Return how many lines the article's headline takes at each viewport width."""
    return measure_lines(article.headline, profile, widths)


class HeadlineFit:
    """The headline's line counts for one site profile, remembered for the last headline."""

    def __init__(self, profile) -> None:  # noqa: ANN001
        self.profile = profile
        self._last: tuple[str, dict[str, int]] | None = None

    def lines(self, headline: str) -> dict[str, int]:
        """Return {"mobile": lines at 360 px, "desktop": lines at 1280 px} ({} if unknown)."""
        if self._last and self._last[0] == headline:
            return self._last[1]
        try:
            counts = measure_lines(headline, self.profile, (MOBILE_WIDTH, DESKTOP_WIDTH))
        except (OSError, ValueError):
            log.exception("the headline could not be measured")
            counts = {}
        result = (
            {"mobile": counts[MOBILE_WIDTH], "desktop": counts[DESKTOP_WIDTH]} if counts else {}
        )
        self._last = (headline, result)
        return result

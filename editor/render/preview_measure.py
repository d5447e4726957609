"""Counting the headline's lines in a rendered page: the one script, and reading its answer.

The preview asks its own pages, the page probe asks plain rendered pages, and the tests that
hold the browser-free meter (headline_meter.py) to Chromium ask both: all run COUNT_LINES_JS,
so they count the same way. Plain Python, no Qt: the caller runs the script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

# Lines an element's text takes: distinct tops of its text's line boxes (a line-height
# estimate when the text has no boxes yet, e.g. before the fonts arrive).
COUNT_LINES_JS = """(el) => {
  if (!el.textContent.trim()) return 0;
  const range = document.createRange();
  range.selectNodeContents(el);
  const tops = new Set();
  for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
  if (tops.size) return tops.size;
  const lh = parseFloat(getComputedStyle(el).lineHeight);
  return lh > 0 ? Math.round(el.getBoundingClientRect().height / lh) : 0;
}"""

# The article head's headline: h1[data-field=headline] (the sticky bar holds another copy).
HEADLINE_SELECTOR_JS = (
    "(document.querySelector('h1[data-field=\"headline\"]')"
    " || document.querySelector('[data-field=\"headline\"]'))"
)

# The headline's lines in the page, -1 when the page has no headline.
HEADLINE_LINES_JS = f"""(() => {{
  const el = {HEADLINE_SELECTOR_JS};
  return el ? ({COUNT_LINES_JS})(el) : -1;
}})()"""

# …and the CSS width the page had when they were counted, as JSON (runJavaScript loses lists).
HEADLINE_AND_WIDTH_JS = f"JSON.stringify([{HEADLINE_LINES_JS}, window.innerWidth])"


@dataclass(frozen=True)
class HeadlineCount:
    """How many lines a headline took in one layout's page, at which CSS width."""

    layout: str
    headline: str
    lines: int
    css_width: int | None  # None when the page did not say


@dataclass(frozen=True)
class HeadlineRequest:
    """A question to one page: how many lines does this headline take there?"""

    layout: str
    headline: str  # the headline the page shows when asked (the answer is about it)
    script: str = HEADLINE_AND_WIDTH_JS

    def answer(self, result: object) -> HeadlineCount | None:
        """Read the page's answer to `script`; None when it did not count (no headline)."""
        try:
            lines, width = json.loads(result) if isinstance(result, str) else (None, None)
        except (TypeError, ValueError):
            return None
        if isinstance(lines, bool) or not isinstance(lines, int | float) or lines < 0:
            return None
        css_width = round(width) if isinstance(width, int | float) else None
        return HeadlineCount(self.layout, self.headline, int(lines), css_width)

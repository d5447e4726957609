"""The browser-free headline meter against Chromium (QtWebEngine) on the site's real pages.

Every headline of the corpus is put into the article head's h1 of the real mobile and
desktop pages, and Chromium's line count (distinct line tops of the text) is compared with
the meter's at 360, 390, 412 and 1280 px. Any disagreement is listed in the failure.
"""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6.QtWebEngineWidgets")

from editor import resources  # noqa: E402
from editor.render.headline_meter import DEFAULT_WIDTHS, headline_box, measure_lines  # noqa: E402
from editor.render.page import Layout  # noqa: E402
from editor.render.preview_measure import COUNT_LINES_JS  # noqa: E402
from editor.render.profiles import load_profile  # noqa: E402
from editor.storage import read_article  # noqa: E402
from editor.ui.page_probe import PageProbe, layout_for_width, write_page  # noqa: E402
from tests.render.headline_corpus import corpus  # noqa: E402

pytestmark = [pytest.mark.webengine, pytest.mark.slow]

# Chromium's count for each headline: the h1 of the article head, its text replaced.
COUNT_ALL_JS = (
    """((headlines) => {
  const el = document.querySelector('h1[data-field="headline"]');
  const count = """
    + COUNT_LINES_JS
    + """;
  return headlines.map(text => { el.textContent = text; return count(el); });
})(%s)"""
)

BOX_JS = """(() => {
  const el = document.querySelector('h1[data-field="headline"]');
  const cs = getComputedStyle(el);
  return {size: parseFloat(cs.fontSize), spacing: parseFloat(cs.letterSpacing) || 0,
          width: el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight),
          weight: parseInt(cs.fontWeight), wordBreak: cs.wordBreak, wrap: cs.overflowWrap};
})()"""

HEADLINES = corpus()


@pytest.fixture(scope="module")
def chromium_counts(qapp, tmp_path_factory):
    """Return {profile id: ({width: [count per headline]}, {width: computed box})}."""
    article = read_article(resources.sample_path())
    folder = tmp_path_factory.mktemp("meter")
    probe = PageProbe()
    results = {}
    try:
        for profile_id in ("sisacatch", "plain"):
            profile = load_profile(profile_id)
            counts, boxes, loaded = {}, {}, None
            for width in sorted(DEFAULT_WIDTHS, key=lambda w: (layout_for_width(profile, w), w)):
                layout = layout_for_width(profile, width)
                if layout != loaded:
                    probe.load(write_page(article, profile, layout, folder), width)
                    loaded = layout
                else:
                    probe.resize(width)
                boxes[width] = probe.evaluate(BOX_JS)
                counts[width] = probe.evaluate(COUNT_ALL_JS % json.dumps(HEADLINES))
            results[profile_id] = (counts, boxes)
    finally:
        probe.close()
    return results


@pytest.mark.parametrize("profile_id", ["sisacatch", "plain"])
def test_profile_box_is_what_the_css_gives(chromium_counts, profile_id):
    profile = load_profile(profile_id)
    _, boxes = chromium_counts[profile_id]
    for width, seen in boxes.items():
        box = headline_box(profile, width)
        assert (box.font_size, box.width, box.weight) == (
            seen["size"],
            seen["width"],
            seen["weight"],
        )
        assert box.letter_spacing == pytest.approx(seen["spacing"], abs=1e-3)
        assert (seen["wordBreak"], seen["wrap"]) == ("keep-all", "anywhere")


@pytest.mark.parametrize("profile_id", ["sisacatch", "plain"])
def test_meter_agrees_with_chromium_on_the_corpus(chromium_counts, profile_id):
    profile = load_profile(profile_id)
    counts, _ = chromium_counts[profile_id]
    assert len(HEADLINES) >= 300
    disagreements = []
    for index, headline in enumerate(HEADLINES):
        ours = measure_lines(headline, profile)
        for width in DEFAULT_WIDTHS:
            if ours[width] != counts[width][index]:
                disagreements.append(
                    f"{width}px: meter {ours[width]}, Chromium {counts[width][index]}: {headline!r}"
                )
    total = len(HEADLINES) * len(DEFAULT_WIDTHS)
    agreement = 100 * (total - len(disagreements)) / total
    assert not disagreements, f"{agreement:.2f}% agree; disagreements:\n" + "\n".join(disagreements)


def test_layout_of_desktop_width_is_desktop():
    assert layout_for_width(load_profile("sisacatch"), 1280) is Layout.DESKTOP

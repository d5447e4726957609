"""A still preview pauses the reading bar's scroll-driven animation, and shows the same bar."""

from __future__ import annotations

import pytest
from korean_corpus import korean_article

pytestmark = pytest.mark.webengine

STILL = "document.documentElement.classList.contains('preview-still')"
PLAY_STATES = """document.getAnimations()
    .filter(a => a.effect && a.effect.target && a.effect.target.closest('.readbar'))
    .map(a => a.playState)"""
# What the bar shows: its transforms and visibility as the animation leaves them.
BAR = """['.readbar', '.readbar-progress'].map(sel => {
    const s = getComputedStyle(document.querySelector(sel));
    return [s.transform, s.visibility]; })"""
FORCE_RUNNING = """(() => { const s = document.styleSheets[0];
  window.__rule = s.insertRule(
    '.readbar, .readbar-progress { animation-play-state: running !important }',
    s.cssRules.length);
  return true; })()"""
WATCH_WAKES = """(() => { window.__wakes = 0;
  new MutationObserver(() => {
    if (!document.documentElement.classList.contains('preview-still')) window.__wakes += 1;
  }).observe(document.documentElement, {attributes: true, attributeFilter: ['class']});
  return true; })()"""
UNFORCE = "(() => { document.styleSheets[0].deleteRule(window.__rule); return true; })()"


@pytest.mark.parametrize(("layout", "width"), [("desktop", 0), ("mobile", 390)])
def test_a_still_page_pauses_the_reading_bar_where_it_was(
    make_pane, document, wait_ready, js, wait_js, layout, width
):
    document.article.body = "\n\n".join([korean_article().body] * 3)
    pane = make_pane(width=1300 if layout == "desktop" else 420)
    pane.set_mode(layout, width)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views[layout]
    wait_js(view, STILL, bool)
    assert set(js(view, PLAY_STATES)) == {"paused"}  # nothing for Chromium to tick
    js(view, WATCH_WAKES)
    end = js(view, "document.scrollingElement.scrollHeight - innerHeight")
    bars = {}
    for n, y in enumerate((200, 345, 400, end // 2, end, 100)):  # hidden, sliding in, shown
        js(view, f"(() => {{ window.scrollTo(0, {y}); return true; }})()")
        wait_js(view, "window.__wakes", lambda wakes, n=n: wakes > n)  # a scroll wakes it
        wait_js(view, STILL, bool)
        bars[y] = js(view, BAR)
        js(view, FORCE_RUNNING)
        assert "paused" not in js(view, PLAY_STATES)  # running, or finished past its range
        assert js(view, BAR) == bars[y]  # the frame it holds is the one it would show
        js(view, UNFORCE)
    assert bars[200][0][1] == "hidden" and bars[400][0] == ["matrix(1, 0, 0, 1, 0, 0)", "visible"]
    assert bars[200][1] != bars[end][1]  # the progress bar moved with the scroll
    # A patch changes the scroll range, so the progress shown at 100 px: it wakes the bar for
    # a few frames, and the bar held afterwards is the one a running animation shows.
    document.set("body", document.article.body + "\n\n새 문단이다." * 40)
    wait_js(view, "window.__wakes", lambda wakes: wakes > 6)
    wait_js(view, STILL, bool)
    after = js(view, BAR)
    assert after[1] != bars[100][1]
    js(view, FORCE_RUNNING)
    assert js(view, BAR) == after

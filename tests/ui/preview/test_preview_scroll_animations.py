"""Scroll-driven animations (the reading bar) hold while the page is still, as a reader sees them.

Running, they keep Chromium's compositor ticking 60 times a second and make every patch wait
for the next tick; paused they cost nothing. At rest the page must show what it shows with
them running (what a reader's browser shows): the same computed values, the same pixels.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.webengine

ANIMATIONS = "document.getAnimations().filter(a => a.timeline instanceof ScrollTimeline)"
PLAY_STATES = f"{ANIMATIONS}.map(a => a.playState)"
# What the animations show: the reading bar's place and visibility, its progress line.
SHOWN = """['.readbar', '.readbar-progress'].map(s => {
  const style = getComputedStyle(document.querySelector(s));
  return [style.transform, style.visibility]; })"""
# Count frames from now: a wake waits one task, then runs the animations for a few frames.
COUNT_FRAMES = """(() => { window.__frames = 0;
  const tick = () => { window.__frames += 1; if (window.__frames < 12) requestAnimationFrame(tick); };
  requestAnimationFrame(tick); return true; })()"""
SETTLED = f"window.__frames >= 12 && {PLAY_STATES}.every(s => s === 'paused')"
RUN_ALL = f"(() => {{ {ANIMATIONS}.forEach(a => a.play()); return true; }})()"


def _settle(js, wait_js, view) -> None:
    js(view, COUNT_FRAMES)
    wait_js(view, SETTLED, bool)


def _running_shows(js, wait_js, view) -> tuple[object, object]:
    """Return what the page shows with every scroll-driven animation running, and its grab."""
    js(view, RUN_ALL)
    js(view, COUNT_FRAMES)
    wait_js(view, f"window.__frames >= 3 && {PLAY_STATES}.every(s => s !== 'paused')", bool)
    return js(view, SHOWN), view.grab().toImage()


@pytest.fixture
def long_page(pane, document, wait_ready, js, wait_js):
    document.article.body = "\n\n".join(
        f"문단 {n}: 세종시가 자율주행 셔틀을 오송역까지 시범 운행한다고 밝혔다." for n in range(120)
    )
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    assert js(view, PLAY_STATES), "the profile's reading bar has scroll-driven animations"
    _settle(js, wait_js, view)
    return view


def test_a_still_page_holds_its_scroll_animations(long_page, js):
    assert set(js(long_page, PLAY_STATES)) == {"paused"}


def test_a_phone_holds_them_too_and_shows_what_they_show_running(
    make_pane, document, wait_ready, js, wait_js
):
    document.article.body = "\n\n".join(f"문단 {n}: 셔틀이 달린다." for n in range(80))
    pane = make_pane(width=420)
    pane.set_mode("mobile", 390)
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["mobile"]
    assert js(view, PLAY_STATES), "the phone page has the reading bar too"
    js(view, "(() => { window.scrollTo({top: 1500, behavior: 'instant'}); return 1; })()")
    _settle(js, wait_js, view)
    held = js(view, SHOWN)
    running, _grab = _running_shows(js, wait_js, view)
    assert held == running


@pytest.mark.parametrize("top", [0, 330, 352, 2400, 100_000])
def test_held_after_a_scroll_as_a_reader_sees_it(long_page, js, wait_js, top):
    # 320-380 px is the bar's own range (it slides in); 100,000 scrolls to the end.
    js(
        long_page,
        f"(() => {{ window.scrollTo({{top: {top}, behavior: 'instant'}}); return 1; }})()",
    )
    _settle(js, wait_js, long_page)
    held, held_grab = js(long_page, SHOWN), long_page.grab().toImage()
    running, running_grab = _running_shows(js, wait_js, long_page)
    assert held == running
    assert held_grab == running_grab


def test_held_after_a_patch_changes_the_scroll_range(long_page, document, pane, js, wait_js):
    js(long_page, "(() => { window.scrollTo({top: 2400, behavior: 'instant'}); return 1; })()")
    _settle(js, wait_js, long_page)
    before = js(long_page, SHOWN)
    extra = "\n\n".join(f"새 문단 {n}: 덧붙인 문장이다." for n in range(60))
    document.set("body", document.article.body + "\n\n" + extra)  # the page grows below
    wait_js(long_page, "document.body.textContent.includes('새 문단 59')", bool)
    _settle(js, wait_js, long_page)
    held = js(long_page, SHOWN)
    assert held != before  # the progress line is shorter in a longer page
    running, _grab = _running_shows(js, wait_js, long_page)
    assert held == running

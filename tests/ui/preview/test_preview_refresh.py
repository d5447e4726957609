"""When the preview works: debounced, off the keystroke path, newest text wins."""

from __future__ import annotations

import pytest

from editor.core.model import LeadImage

pytestmark = pytest.mark.webengine

LAST_BLOCK = (
    "(() => { const c = document.querySelectorAll('[data-field=body] .md-block');"
    " return c.length ? c[c.length - 1].textContent : null; })()"
)


def counting(monkeypatch, pane) -> list[str]:
    """Count the pane's body renders."""
    calls: list[str] = []
    original = pane.renderer.render_blocks

    def render_blocks(text: str):
        calls.append(text)
        return original(text)

    monkeypatch.setattr(pane.renderer, "render_blocks", render_blocks)
    return calls


def test_keystrokes_only_restart_the_timer(make_pane, document, wait_ready, wait_js, monkeypatch):
    pane = make_pane(debounce_ms=60)
    pane.set_document(document)
    wait_ready(pane)
    calls = counting(monkeypatch, pane)
    for n in range(40):
        document.article.body += f"\n\n타자 {n}"
        document.changed.emit("body")
    assert calls == [] and pane.timer.isActive()
    wait_js(pane.views["desktop"], LAST_BLOCK, lambda t: t == "타자 39")
    assert len(calls) == 1  # forty keystrokes, one render


def test_a_slow_render_moves_to_a_worker_and_the_newest_text_wins(
    pane, document, wait_ready, wait_js, monkeypatch
):
    pane.set_document(document)
    wait_ready(pane)
    calls = counting(monkeypatch, pane)
    base = document.article.body
    for n in range(5):
        pane.last_render_ms = 1e6  # pretend the last render was slow: use the worker
        document.set("body", base + f"\n\n버전 {n}")
        pane.flush()
    wait_js(pane.views["desktop"], LAST_BLOCK, lambda t: t == "버전 4")
    assert calls[-1].endswith("버전 4") and len(calls) < 5


def test_removing_the_lead_image_patches_the_figure_in_place(
    pane, document, wait_ready, js, wait_js
):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    js(view, "window.__same_page = true")
    document.set("lead_image", LeadImage())
    wait_js(view, "document.querySelector('[data-field=lead-figure]').hidden", lambda h: h)
    assert js(view, "window.__same_page") is True  # patched, not reloaded


def test_switching_the_site_profile_reloads_the_page(pane, document, wait_ready, js, wait_js):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    js(view, "window.__same_page = true")
    document.set("site", "plain")
    plain = "[!!document.querySelector('header.site .site-name'), window.__same_page]"
    wait_js(view, plain, lambda v: v == [True, None])


def test_a_missing_profile_is_reported_in_the_pane(pane, document, qtbot):
    document.article.site = "no-such-site"
    pane.set_document(document)
    qtbot.waitUntil(lambda: "no-such-site" in pane.error_label.text())
    assert not pane.error_label.isHidden()


def test_an_image_added_after_its_reference_still_appears(pane, document, wait_ready, wait_js):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    document.set("body", document.article.body + "\n\n![붙여넣은 사진](images/pasted.jpg)")
    size = (
        "(() => { const i = document.querySelector('img[src^=\"images/pasted.jpg\"]');"
        " return i && i.complete ? i.naturalWidth : null; })()"
    )
    wait_js(view, size, lambda w: w == 0)
    document.article.images["images/pasted.jpg"] = document.article.images[
        "images/shuttle-stop.jpg"
    ]
    document.changed.emit("images")
    wait_js(view, size, lambda w: w and w > 0)

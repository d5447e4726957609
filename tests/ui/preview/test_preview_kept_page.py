"""The page kept from the last opening shows first; the live pipeline takes over after it.

Real QtWebEngine. Order and counts, not timers: what was built before the kept page loaded,
what the take-over patched, what the page shows.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys

import pytest

from editor.ui.preview import kept_pages
from editor.ui.preview.page_cache import PageCache

pytestmark = pytest.mark.webengine

HEADLINE = "document.querySelector('[data-field=headline]').textContent"
BODY = "document.querySelector('[data-field=body]').innerHTML"
_NONCE = re.compile(r"nonce-?[=\"']*[A-Za-z0-9_-]{16,}|article-body-[A-Za-z0-9_-]+")


def _no_nonce(html: str) -> str:
    return _NONCE.sub("NONCE", html)


@pytest.fixture(autouse=True)
def _keep_at_once(monkeypatch):
    monkeypatch.setattr(kept_pages, "KEEP_AFTER_MS", 0)


@pytest.fixture
def FakeDocument(document):  # noqa: N802 - the conftest's document double, as a class
    return type(document)


def _open_and_keep(qtbot, make_pane, article, wait_ready, FakeDocument):  # noqa: N803
    """Open the article in a pane until its desktop page is kept; return that pane."""
    first = make_pane()
    first.set_document(FakeDocument(article))
    wait_ready(first)
    key = first.page_cache.key(article, "desktop", first.builder.urls)
    qtbot.waitUntil(lambda: first.page_cache.has(key))
    return first


def _spy(pane, monkeypatch) -> list[str]:
    """Record, in order, the pane's builds, renders, patches and page loads."""
    events: list[str] = []
    for name in ("page", "fields"):
        real = getattr(pane.builder, name)
        monkeypatch.setattr(
            pane.builder, name, lambda *a, _r=real, _n=name, **k: events.append(_n) or _r(*a, **k)
        )
    real_render = pane.renderer.render_blocks
    monkeypatch.setattr(
        pane.renderer, "render_blocks", lambda text: events.append("render") or real_render(text)
    )
    real_step = pane._apply_step

    def apply_step(view, step):
        if step.field_updates or (step.body is not None and not step.body.is_empty):
            events.append("patch")
        real_step(view, step)

    monkeypatch.setattr(pane, "_apply_step", apply_step)
    return events


def test_the_kept_page_is_the_page_a_fresh_build_makes(
    qtbot,
    make_pane,
    article,
    wait_ready,
    FakeDocument,  # noqa: N803
):
    first = _open_and_keep(qtbot, make_pane, article, wait_ready, FakeDocument)
    kept = PageCache().load(first.page_cache.key(article, "desktop", first.builder.urls))
    html, _csp = first.builder.page(article, "desktop", first.blocks)
    assert _no_nonce(kept.html) == _no_nonce(html)
    assert kept.fields == first.builder.fields(article, "desktop")
    assert kept.blocks == first.blocks


def test_a_reopened_article_shows_its_kept_page_before_anything_is_built(
    qtbot,
    make_pane,
    article,
    wait_ready,
    wait_js,
    js,
    monkeypatch,
    FakeDocument,  # noqa: N803
):
    first = _open_and_keep(qtbot, make_pane, article, wait_ready, FakeDocument)
    fresh_body = js(first.views["desktop"], BODY)
    second = make_pane()
    events = _spy(second, monkeypatch)
    view_loaded = []
    show_kept = second._show_kept_page

    def show_kept_page(view):
        view.loadFinished.connect(lambda ok: view_loaded.append(list(events)))
        return show_kept(view)

    monkeypatch.setattr(second, "_show_kept_page", show_kept_page)
    cards = []
    real_card = second._update_share_card
    monkeypatch.setattr(
        second, "_update_share_card", lambda: cards.append(list(events)) or real_card()
    )
    second.set_document(FakeDocument(copy.deepcopy(article)))
    qtbot.waitUntil(lambda: "desktop" in second.views)  # shown on the next turn
    assert cards == []  # nothing holds up Chromium's navigation of the kept page
    qtbot.waitUntil(lambda: not second._first_page_pending and "render" in events, timeout=15000)
    wait_ready(second)
    assert view_loaded == [[]]  # nothing was built, rendered or patched before the page loaded
    assert events[0] == "render" and "patch" not in events and "page" not in events
    # The share card came from the kept blocks once the page was painted, before the
    # live pipeline's first render (the kept picture's swap compares it too).
    assert cards[0] == []
    assert second.share_card.title_label.text() == article.headline
    assert js(second.views["desktop"], HEADLINE) == article.headline
    assert js(second.views["desktop"], BODY) == fresh_body
    second.flush()
    document = second._document
    document.set("headline", "정정된 제목")  # the live pipeline patches it as always
    wait_js(second.views["desktop"], HEADLINE, lambda text: text == "정정된 제목")


def test_a_changed_article_never_shows_the_page_kept_for_it_before(
    qtbot,
    make_pane,
    article,
    wait_ready,
    wait_js,
    monkeypatch,
    FakeDocument,  # noqa: N803
):
    _open_and_keep(qtbot, make_pane, article, wait_ready, FakeDocument)
    changed = copy.deepcopy(article)
    changed.headline = "바뀐 제목"
    changed.body = changed.body.replace("세종시가", "세종특별자치시가", 1)
    second = make_pane()
    events = _spy(second, monkeypatch)
    second.set_document(FakeDocument(changed))
    assert not second._first_page_pending and events[:1] == ["render"]  # built, as before
    wait_ready(second)
    wait_js(second.views["desktop"], HEADLINE, lambda text: text == "바뀐 제목")
    wait_js(second.views["desktop"], BODY, lambda html: "세종특별자치시가" in html)


def test_a_page_is_kept_as_the_window_closes_for_the_article_as_it_is_then(
    qtbot,
    make_pane,
    article,
    wait_ready,
    wait_js,
    FakeDocument,  # noqa: N803
):
    pane = make_pane()
    document = FakeDocument(article)
    pane.set_document(document)
    wait_ready(pane)
    document.set("headline", "마감 직전 제목")
    wait_js(pane.views["desktop"], HEADLINE, lambda text: text == "마감 직전 제목")
    key = pane.page_cache.key(article, "desktop", pane.builder.urls)
    assert not pane.page_cache.has(key)  # patched, not built
    pane.keep_pages()
    kept = pane.page_cache.load(key)
    html, _csp = pane.builder.page(article, "desktop", pane.blocks)
    assert _no_nonce(kept.html) == _no_nonce(html) and "마감 직전 제목" in kept.html


REPORT_AT_PAINT = """
import json, os, sys, threading
from editor.ui import app, startup_probe

on_ui_thread = []  # PyYAML or hashlib imported by the UI thread (the warm-up's are off the path)

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name in ("yaml", "hashlib") and threading.current_thread() is threading.main_thread():
            on_ui_thread.append(name)

sys.meta_path.insert(0, Watch())

def report():
    loaded = [m for m in ("markdown", "jinja2") if m in sys.modules] + on_ui_thread
    print("MODULES " + json.dumps(loaded))
    os._exit(0)

startup_probe._preview_painted = report
app.run(None)
"""


@pytest.mark.slow
def test_the_reopened_app_paints_its_kept_page_before_markdown_jinja2_yaml_and_hashlib_load(
    tmp_path,
):
    env = dict(os.environ)
    env.update(
        ARTICLE_EDITOR_CACHE_DIR=str(tmp_path / "cache"),
        ARTICLE_EDITOR_SPELLING="0",
        ARTICLE_EDITOR_STARTUP_PROBE="settle",  # keeps the page, as a start used for a while
    )
    config = tmp_path / "config"  # a user who has said who they are: no first-run dialog
    config.mkdir()
    (config / "settings.ini").write_text("[user]\nname=김하늘\nemail=sky@example.com\n", "utf-8")
    env["ARTICLE_EDITOR_CONFIG_DIR"] = str(config)
    subprocess.run([sys.executable, "-m", "editor"], env=env, check=True, timeout=120)
    assert list((tmp_path / "cache" / "pages").iterdir())
    env["ARTICLE_EDITOR_STARTUP_PROBE"] = "1"
    out = subprocess.run(
        [sys.executable, "-c", REPORT_AT_PAINT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("MODULES "))
    assert json.loads(line[len("MODULES ") :]) == []


def _reopen_by_named_key(
    qtbot,
    make_pane,
    article,
    wait_ready,
    FakeDocument,  # noqa: N803
    opened,
    before=lambda pane: None,
):
    """Keep article's page, then open `opened` in a pane told the kept picture showed it."""
    first = _open_and_keep(qtbot, make_pane, article, wait_ready, FakeDocument)
    named = {"desktop": first.page_cache.key(article, "desktop", first.builder.urls)}
    second = make_pane()
    loads: list[str] = []
    before(second)
    second.set_document(FakeDocument(opened), page_keys=named)
    assert second._first_page_pending  # served by the named key: no key computed first
    qtbot.waitUntil(lambda: "desktop" in second.views)
    view = second.views["desktop"]
    view.loadFinished.connect(lambda ok: loads.append(_served_page(second)))
    return second, loads


def _served_page(pane) -> str:
    return pane.resources.pages["desktop.html"][0]


def test_a_page_named_by_the_picture_whose_article_differs_is_replaced_after_its_paint(
    qtbot,
    make_pane,
    article,
    wait_ready,
    wait_js,
    js,
    FakeDocument,  # noqa: N803
):
    changed = copy.deepcopy(article)
    changed.headline = "바뀐 제목"
    changed.body = changed.body.replace("세종시가", "세종특별자치시가", 1)
    second, loads = _reopen_by_named_key(
        qtbot, make_pane, article, wait_ready, FakeDocument, changed
    )
    view = second.views["desktop"]
    wait_js(view, HEADLINE, lambda text: text == "바뀐 제목", timeout=15000)
    wait_ready(second)
    assert len(loads) == 2  # the kept page, then at once the page built for the article now
    assert article.headline in loads[0] and "바뀐 제목" in loads[1]
    assert second._kept_stale == ["desktop"]
    assert "세종특별자치시가" in js(view, BODY)
    assert js(view, HEADLINE) == "바뀐 제목"  # no stale page stays


def test_a_page_named_by_the_picture_after_its_profile_changed_is_built_fresh(
    qtbot,
    make_pane,
    article,
    wait_ready,
    js,
    monkeypatch,
    FakeDocument,  # noqa: N803
):
    from editor.ui.preview import page_cache

    real_stamp = page_cache._folder_stamp
    touched = (("site.yaml", 1, 1),)  # a profile file edited since the page was kept
    second, loads = _reopen_by_named_key(
        qtbot, make_pane, article, wait_ready, FakeDocument, copy.deepcopy(article)
    )
    monkeypatch.setattr(
        page_cache, "_folder_stamp", lambda root: real_stamp(root) + touched
    )  # the profile's stamp as the check after the paint reads it
    events = _spy(second, monkeypatch)
    qtbot.waitUntil(lambda: len(loads) == 2, timeout=15000)
    wait_ready(second)
    assert second._kept_stale == ["desktop"] and "page" in events  # built fresh, loaded again
    assert second.resources.kept_assets == {}  # the fresh page's assets come from the profile
    assert js(second.views["desktop"], HEADLINE) == article.headline


def test_a_page_named_by_the_picture_whose_key_holds_is_patched_not_reloaded(
    qtbot,
    make_pane,
    article,
    wait_ready,
    monkeypatch,
    FakeDocument,  # noqa: N803
):
    profile_read: list[str] = []  # asset files looked up in the profile before the check

    def watch(pane):
        real = pane.builder.asset
        monkeypatch.setattr(
            pane.builder,
            "asset",
            lambda site, rel: (
                (None if pane._kept_stale is not None else profile_read.append(rel))
                or real(site, rel)
            ),
        )

    second, loads = _reopen_by_named_key(
        qtbot, make_pane, article, wait_ready, FakeDocument, copy.deepcopy(article), watch
    )
    events = _spy(second, monkeypatch)
    qtbot.waitUntil(lambda: not second._first_page_pending and "render" in events, timeout=15000)
    wait_ready(second)
    assert second._kept_stale == [] and loads and len(loads) == 1
    assert "page" not in events and "patch" not in events
    # The page's style sheets and fonts came from the kept entry's files, not the profile.
    served = [path for path in second.scheme_handler.served if path.startswith("assets/")]
    assert served and profile_read == [] and second.resources.kept_assets == {}

"""The page shows an image only once all its bytes are in: a half-received photo is never
painted (Chromium decoded it, then decoded the whole photo again: +9 MB in the renderer).
The page itself shows once loaded: painted before its photos, it was rastered twice."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice

from editor.ui.preview.scheme import ArticleSchemeHandler

LEAD = "images/shuttle-lead.jpg"
SHOWN = "[...document.images].map(i => [i.getAttribute('src'), getComputedStyle(i).visibility])"
STYLED = "[...document.styleSheets].some(s => s.href && s.href.endsWith('preview.css'))"
BODY_SHOWN = (
    "[document.documentElement.dataset.previewShown, getComputedStyle(document.body).visibility]"
)


def _hold_requests(monkeypatch, path: str) -> list:
    """Keep the requests for path unanswered; return the list they are kept in."""
    held: list = []
    answer = ArticleSchemeHandler.requestStarted

    def request_started(self, job) -> None:  # noqa: ANN001 - a QWebEngineUrlRequestJob
        if job.requestUrl().path().lstrip("/") == path:
            held.append(job)
        else:
            answer(self, job)

    monkeypatch.setattr(ArticleSchemeHandler, "requestStarted", request_started)
    return held


def _reply(job, data: bytes) -> None:  # noqa: ANN001
    buffer = QBuffer(job)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    job.reply(b"image/jpeg", buffer)


def _visibility(shown: list, path: str) -> str:
    return next(seen for src, seen in shown if src.endswith(path))


def test_an_image_still_arriving_is_hidden_and_shows_whole(
    qtbot, make_pane, document, wait_js, wait_ready, monkeypatch
):
    held = _hold_requests(monkeypatch, LEAD)
    pane = make_pane()
    pane.set_document(document)
    qtbot.waitUntil(lambda: bool(held), timeout=15000)
    view = pane.active_views()[0]
    # The page has its style sheets and the other photo is in; the lead photo's bytes are not.
    wait_js(view, STYLED, bool)
    # The page cannot load without it: it shows after bridge.js's SHOW_AFTER_MS, not before.
    shown = wait_js(view, SHOWN, lambda s: s and _visibility(s, "shuttle-stop.jpg") == "visible")
    assert _visibility(shown, LEAD) == "hidden"
    assert wait_js(view, BODY_SHOWN, bool) == ["late", "visible"]
    _reply(held[0], document.article.images[LEAD])
    wait_ready(pane)
    shown = wait_js(view, SHOWN, lambda s: _visibility(s, LEAD) == "visible")
    assert all(seen == "visible" for _src, seen in shown)


def test_a_page_shows_once_it_has_loaded(qtbot, make_pane, document, wait_js, wait_ready):
    pane = make_pane()
    pane.set_document(document)
    wait_ready(pane)
    view = pane.active_views()[0]
    # Shown by the load event (a slow hour may reach the fallback first): never left blank.
    state = wait_js(view, BODY_SHOWN, lambda s: s and s[0] is not None)
    assert state[0] in ("load", "late") and state[1] == "visible"


def test_an_image_a_patch_brings_shows_at_once(qtbot, make_pane, document, js, wait_ready):
    pane = make_pane()
    pane.set_document(document)
    wait_ready(pane)
    view = pane.active_views()[0]
    with qtbot.waitSignal(pane.page_updated, timeout=10000):
        document.set("body", document.article.body + "\n\n![둘째](images/shuttle-stop.jpg)\n")
    # Inserted by the patch, it is shown as before: from the page's cache, or as it arrives.
    shown = js(view, SHOWN)
    assert len(shown) >= 3
    assert all(seen == "visible" for _src, seen in shown)

"""Chromium started ahead of the pane: its profile and first page are the pane's (engine.py)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QEvent

from editor.ui import first_paint
from editor.ui.preview.engine import start_engine

HEADLINE = "document.querySelector('[data-field=headline]').textContent"


def test_the_pane_shows_the_article_in_the_page_started_ahead(
    qtbot, make_pane, document, wait_ready, js
):
    engine = start_engine("desktop")
    page = engine.page
    # Its load is issued at once, before the pane exists: Chromium navigates meanwhile, and
    # the page's own request waits for the pane to give it the article's HTML.
    with qtbot.waitSignal(page.loadStarted, timeout=10000):
        pass
    assert engine.profile.scheme_handler.served == []
    pane = make_pane(engine=engine)
    assert pane.web_profile is engine.profile and engine.profile.parent() is pane
    pane.set_document(document)
    qtbot.waitUntil(lambda: "desktop" in pane.views)
    view = pane.views["desktop"]
    assert view.page() is page and page.parent() is view  # adopted, not a second page
    wait_ready(pane)
    assert js(view, HEADLINE) == document.article.headline
    assert pane.scheme_handler.served[0] == "desktop.html"  # nothing before the article
    # The view took that load over: one load, one request for the page, none lost.
    assert pane.scheme_handler.served.count("desktop.html") == 1
    assert view.url().query() == "v=1"


def test_requests_held_for_the_pane_are_answered_once_it_serves_them(qtbot):
    from editor.ui.preview.page import PreviewPage
    from editor.ui.preview.scheme import Resource, SandboxedProfile

    pages: dict[str, bytes] = {}

    def resolve(path: str) -> Resource | None:
        data = pages.get(path)
        return None if data is None else Resource(data, "text/html;charset=utf-8")

    profile = SandboxedProfile(resolve)
    page = PreviewPage(profile)
    profile.scheme_handler.hold()
    page.load_ahead("desktop.html")
    qtbot.waitUntil(lambda: profile.scheme_handler.held == 1, timeout=10000)  # Chromium asked
    assert profile.scheme_handler.served == []
    pages["desktop.html"] = b"<!doctype html><title>held</title><p>article"
    with qtbot.waitSignal(page.loadFinished, timeout=10000) as finished:
        profile.scheme_handler.answer_held()
    assert finished.args == [True] and page.title() == "held"
    assert profile.scheme_handler.served == ["desktop.html"]
    page.deleteLater()
    profile.deleteLater()


def test_a_page_started_for_another_layout_is_deleted_when_the_views_are_made(
    qtbot, make_pane, document, wait_ready
):
    engine = start_engine("mobile")  # the mode turned out to be desktop
    page = engine.page
    gone = []
    page.destroyed.connect(lambda *_: gone.append(True))  # a page never shown: no renderer
    pane = make_pane(engine=engine)
    pane.set_document(document)
    qtbot.waitUntil(lambda: "desktop" in pane.views)
    assert pane.views["desktop"].page() is not page
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: gone == [True])
    wait_ready(pane)  # the layout shown still loads: the hold went with that page


def test_work_for_later_runs_on_a_thread_and_calls_back_on_this_one(qtbot):
    from PySide6.QtCore import QObject

    parent, ran, done = QObject(), [], []
    first_paint.in_background(
        parent,
        lambda: ran.append(threading.current_thread()),
        lambda: done.append(threading.current_thread()),
    )
    qtbot.waitUntil(lambda: done != [])
    assert ran[0] is not threading.main_thread()
    assert done == [threading.main_thread()]


def test_work_that_fails_still_calls_back(qtbot):
    from PySide6.QtCore import QObject

    parent, done = QObject(), []
    first_paint.in_background(parent, lambda: 1 / 0, lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True])


def test_the_desktop_frame_knows_its_viewport_without_asking_for_it(qtbot, make_pane, document):
    # Its first refit comes before the page's load(); Qt's viewport widget is not wrapped then.
    pane = make_pane(width=700, height=600)
    pane.set_document(document)
    qtbot.waitUntil(lambda: pane.desktop_frame is not None)
    frame = pane.desktop_frame
    for size, fit in (((700, 600), None), ((1366, 768), None), ((520, 500), "page")):
        pane.resize(*size)
        if fit == "page":  # zoomed in past the pane: the page scrolls sideways, a bar shows
            pane.controls.step(+1)
            pane.controls.step(+1)
        qtbot.wait(30)
        viewport = frame.viewport()
        assert frame.viewport_size() == (viewport.width(), viewport.height()), size
    assert frame.horizontalScrollBar().isVisibleTo(frame)


def test_work_whose_parent_is_deleted_meanwhile_calls_nothing_back(qtbot):
    import shiboken6
    from PySide6.QtCore import QObject

    parent, done, release = QObject(), [], threading.Event()
    first_paint.in_background(parent, release.wait, lambda: done.append(True))
    shiboken6.delete(parent)  # a window closed and deleted while its thread works
    release.set()  # the thread ends and signals: its job outlived the parent
    qtbot.wait(200)
    assert done == []

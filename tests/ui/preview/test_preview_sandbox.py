"""The preview is a sandbox: no network, no script from the article, no navigation."""

from __future__ import annotations

import pytest

from editor.ui.preview.interceptor import BlockingInterceptor, is_allowed
from editor.ui.preview.scheme import SCHEME, ArticleSchemeHandler, Resource, url_for

pytestmark = pytest.mark.webengine

PROBE = b"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="http://example.com/site.css"></head>
<body><p>probe</p><img src="http://example.com/pixel.png"><img src="https://example.com/a.jpg">
<img src="article://preview/local.png"></body></html>"""


def test_only_the_scheme_and_data_urls_are_allowed():
    assert is_allowed("article", "preview") and is_allowed("data", "")
    assert not is_allowed("article", "elsewhere")
    for scheme in ("http", "https", "file", "ftp", "ws", "qrc"):
        assert not is_allowed(scheme, "example.com")


@pytest.fixture
def probe_view(qtbot):
    """A bare preview page on its own profile, serving a page with no CSP."""
    from PySide6.QtWebEngineCore import QWebEngineProfile
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from editor.ui.preview.page import PreviewPage

    profile = QWebEngineProfile()
    interceptor = BlockingInterceptor(profile)
    profile.setUrlRequestInterceptor(interceptor)
    pages = {"probe.html": Resource(PROBE, "text/html")}
    handler = ArticleSchemeHandler(pages.get, profile)
    profile.installUrlSchemeHandler(SCHEME.encode(), handler)
    view = QWebEngineView()
    view.setPage(PreviewPage(profile, view))
    view.interceptor = interceptor
    yield view
    view.deleteLater()
    qtbot.waitUntil(lambda: not _alive(view))
    profile.deleteLater()


def _alive(obj) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)


def test_remote_requests_are_blocked_and_recorded(probe_view, qtbot):
    with qtbot.waitSignal(probe_view.loadFinished, timeout=10000):
        probe_view.load(url_for("probe.html"))
    wanted = {
        "http://example.com/site.css",
        "http://example.com/pixel.png",
        "https://example.com/a.jpg",
    }
    qtbot.waitUntil(lambda: wanted <= set(probe_view.interceptor.blocked), timeout=5000)
    assert not any("preview/local.png" in url for url in probe_view.interceptor.blocked)


def test_the_preview_page_loads_nothing_remote(pane, document, wait_ready, js, wait_js):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    js(
        view,
        """(() => {
        const img = document.createElement('img');
        img.onerror = () => { window.__remote = 'failed'; };
        img.onload = () => { window.__remote = 'loaded'; };
        img.src = 'http://example.com/tracker.png';
        document.querySelector('[data-field=body]').append(img);
        return true; })()""",
    )
    assert wait_js(view, "window.__remote", lambda v: v is not None) == "failed"
    assert not any("example.com" in path for path in pane.scheme_handler.served)


def test_script_in_the_page_does_not_run(pane, document, wait_ready, js, wait_js):
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    title = js(view, "document.title")
    js(
        view,
        """(() => {
        const script = document.createElement('script');
        script.textContent = "document.title = 'pwned'";
        document.body.append(script);
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="article://preview/missing.png"'
            + ' onerror="document.title = \\'pwned\\'">';
        holder.firstChild.addEventListener('error', () => { window.__probe = 'done'; });
        document.body.append(holder);
        return true; })()""",
    )
    wait_js(view, "window.__probe", lambda v: v == "done")
    assert js(view, "document.title") == title


def test_a_link_click_opens_the_browser_and_does_not_navigate(
    pane, document, wait_ready, js, wait_js, qtbot
):
    document.article.body = "[관련 기사](https://example.com/news/1) 를 보라.\n\n둘째 문단."
    pane.set_document(document)
    wait_ready(pane)
    view = pane.views["desktop"]
    opened = []
    view.preview_page.opener = opened.append
    url_before = view.url()
    with qtbot.waitSignal(view.preview_page.link_opened, timeout=5000):
        js(view, "document.querySelector('[data-field=body] a').click(), true")
    assert [u.toString() for u in opened] == ["https://example.com/news/1"]
    assert view.url() == url_before
    wait_js(
        view,
        "document.querySelector('[data-field=body]').textContent",
        lambda t: t and "둘째 문단" in t,
    )
    assert not any("example.com" in url for url in pane.interceptor.blocked)

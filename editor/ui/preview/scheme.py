"""The preview's own URL scheme: article://preview/... served from memory.

Pages, the document's images and the profile's CSS and fonts all come through this scheme,
so the preview needs no file:// access, no temp files and no network; and a page is loaded
by URL, not setHtml (which is limited to about 2 MB).
"""

from __future__ import annotations

import contextlib
import mimetypes
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, Qt, QUrl
from PySide6.QtWebEngineCore import (
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

SCHEME = "article"
HOST = "preview"
ORIGIN = f"{SCHEME}://{HOST}"
_MIME = {
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".css": "text/css",
    ".js": "text/javascript",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".html": "text/html",
}


@dataclass(frozen=True)
class Resource:
    """What the scheme answers for one path."""

    data: bytes
    mime: str
    headers: Mapping[str, str] = field(default_factory=dict)


Resolver = Callable[[str], "Resource | None"]


def register_schemes() -> None:
    """Declare the article: scheme; call before the first QtWebEngine object is created.

    The QApplication may already exist (the scheme registry locks when the engine starts,
    not when the app does), so the editor loads QtWebEngine only after its first paint.
    Before the QApplication, this also sets the shared OpenGL contexts QtWebEngine needs.
    """
    if QCoreApplication.instance() is None:
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(QWebEngineUrlScheme.Flag.SecureScheme | QWebEngineUrlScheme.Flag.CorsEnabled)
    QWebEngineUrlScheme.registerScheme(scheme)


def url_for(path: str) -> QUrl:
    """Return the article: URL of a path such as desktop.html or images/a.jpg."""
    return QUrl(f"{ORIGIN}/{path.lstrip('/')}")


def mime_for(name: str) -> str:
    """Return the content type of a file name."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    return _MIME.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"


class ArticleSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answer article: requests from a resolver (path -> Resource)."""

    def __init__(self, resolver: Resolver, parent=None) -> None:
        super().__init__(parent)
        self.resolver = resolver
        self.served: list[str] = []  # paths answered, for tests and diagnostics
        self._held: list[QWebEngineUrlRequestJob] | None = None  # None: answered at once

    def hold(self) -> None:
        """Keep requests unanswered until answer_held (a page loaded before its HTML exists)."""
        if self._held is None:
            self._held = []

    @property
    def held(self) -> int:
        """Return how many requests wait for answer_held."""
        return len(self._held or ())

    def answer_held(self) -> None:
        """Answer the requests held so far, and every later one at once."""
        held, self._held = self._held, None
        for job in held or ():
            with contextlib.suppress(RuntimeError):  # Chromium cancelled it: the job is gone
                self._answer(job)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt API
        """Reply with the resource at the request's path, or fail with UrlNotFound."""
        if self._held is not None:
            self._held.append(job)
            return
        self._answer(job)

    def _answer(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        if url.host() != HOST or job.requestMethod() != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        path = url.path().lstrip("/")
        try:
            resource = self.resolver(path)
        except Exception:  # a broken resolver must not take the page down with it
            resource = None
        if resource is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        self.served.append(path)
        if resource.headers:
            job.setAdditionalResponseHeaders(
                {
                    QByteArray(k.encode()): [QByteArray(v.encode())]
                    for k, v in resource.headers.items()
                }
            )
        buffer = QBuffer(job)  # the job owns the buffer; it lives as long as the reply
        buffer.setData(QByteArray(resource.data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(resource.mime.encode(), buffer)


class SandboxedProfile(QWebEngineProfile):
    """The preview's off-the-record profile: article: pages only, nothing from the network."""

    def __init__(self, resolve: Resolver, parent: QObject | None = None) -> None:
        super().__init__(parent)  # off the record: no disk cache, no cookies
        from editor.ui.preview.interceptor import BlockingInterceptor  # it imports this module

        self.interceptor = BlockingInterceptor(self)
        self.setUrlRequestInterceptor(self.interceptor)
        self.scheme_handler = ArticleSchemeHandler(resolve, self)
        self.installUrlSchemeHandler(SCHEME.encode(), self.scheme_handler)
        settings = self.settings()
        attr = QWebEngineSettings.WebAttribute
        for name in (
            "LocalContentCanAccessRemoteUrls",
            "PluginsEnabled",
            "AutoLoadIconsForPage",
            "JavascriptCanOpenWindows",
            "ErrorPageEnabled",
            "NavigateOnDropEnabled",
        ):
            settings.setAttribute(getattr(attr, name), False)

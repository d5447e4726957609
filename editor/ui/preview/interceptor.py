"""Block every request of the preview that is not its own article: scheme or data:."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

from editor.ui.preview.scheme import HOST, SCHEME

ALLOWED_SCHEMES = frozenset({"data", "blob"})


def is_allowed(scheme: str, host: str) -> bool:
    """Tell whether a URL may load in the preview (nothing that could reach a network)."""
    scheme = scheme.lower()
    return scheme in ALLOWED_SCHEMES or (scheme == SCHEME and host.lower() == HOST)


class BlockingInterceptor(QWebEngineUrlRequestInterceptor):
    """Refuse and record every request that could leave the machine."""

    blocked_url = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._blocked: list[str] = []

    @property
    def blocked(self) -> list[str]:
        """Return the URLs refused so far, oldest first."""
        with self._lock:
            return list(self._blocked)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt API
        """Block the request unless it stays inside the preview."""
        url = info.requestUrl()
        if is_allowed(url.scheme(), url.host()):
            return
        info.block(True)
        text = url.toString()
        with self._lock:
            self._blocked.append(text)
        self.blocked_url.emit(text)

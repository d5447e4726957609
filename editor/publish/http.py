"""A small JSON-over-HTTP client (urllib): Basic auth, timeouts, errors in the server's words.

urllib is enough: WordPress's REST API is plain JSON plus one raw upload per image, and the
standard library keeps the frozen app small and the CLI free of extra dependencies.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from editor.publish.errors import AuthError, ErrorCode, PublishError, RemoteError, UnreachableError

TIMEOUT = 60.0  # seconds; an image upload on a slow hotel line still fits
USER_AGENT = "article-editor"


@dataclass
class Response:
    """A decoded answer."""

    status: int
    data: Any
    headers: dict[str, str]


class JsonClient:
    """Call one site's JSON API with the same credentials every time."""

    def __init__(self, base: str, user: str = "", password: str = "", timeout: float = TIMEOUT):
        parsed = urllib.parse.urlsplit(base)
        if parsed.scheme not in {"http", "https"} or not parsed.netloc:
            raise PublishError(ErrorCode.NOT_A_WEB_ADDRESS, url=base)
        self.base = base.rstrip("/")
        self.timeout = timeout
        token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        self.auth = f"Basic {token}" if user else ""

    def call(
        self,
        method: str,
        url: str,
        *,
        json_body: Any = None,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """Send one request; return the decoded JSON answer.

        Raises:
            UnreachableError: no answer (connection refused, DNS, timeout).
            AuthError: 401/403, with the server's words.
            RemoteError: any other error status, with the server's words.
        """
        sent = dict(headers or {})
        if json_body is not None:
            data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            sent["Content-Type"] = "application/json; charset=utf-8"
        sent.setdefault("Accept", "application/json")
        sent["User-Agent"] = USER_AGENT
        if self.auth:
            sent["Authorization"] = self.auth
        request = urllib.request.Request(url, data=data, method=method, headers=sent)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:
                return Response(answer.status, _decode(answer.read()), dict(answer.headers))
        except urllib.error.HTTPError as exc:
            raise _http_error(exc) from exc
        except (urllib.error.URLError, ConnectionError, TimeoutError) as exc:
            reason = getattr(exc, "reason", exc)
            raise UnreachableError(ErrorCode.NO_ANSWER, url=self.base, reason=str(reason)) from exc


def _decode(raw: bytes) -> Any:
    if not raw:
        return None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RemoteError(ErrorCode.NOT_JSON) from exc


def _http_error(exc: urllib.error.HTTPError) -> PublishError:
    """Turn an error answer into an error carrying the server's own message."""
    try:
        body = json.loads(exc.read().decode("utf-8", "replace"))
    except (ValueError, OSError):
        body = None
    message, code = "", ""
    if isinstance(body, dict):
        message = str(body.get("message") or "")
        code = str(body.get("code") or "")
    words = _strip_tags(message) or f"HTTP {exc.code} {exc.reason}"
    if exc.code in (401, 403):
        return AuthError(ErrorCode.SITE_REFUSED, words=words)
    return RemoteError(ErrorCode.SITE_ANSWERED, status=exc.code, remote_code=code, words=words)


def _strip_tags(text: str) -> str:
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", "", text)).strip()

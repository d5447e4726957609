"""What can go wrong when publishing: typed errors with a code (core's ErrorCode) and arguments."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.errors import ArticleError, ErrorCode

__all__ = [
    "AuthError",
    "ConflictError",
    "ErrorCode",
    "PublishError",
    "RemoteCopy",
    "RemoteError",
    "UnreachableError",
]


class PublishError(ArticleError):
    """Publishing failed for a reason the user must fix (bad URL, settings, refusal)."""


class UnreachableError(PublishError):
    """The target did not answer (offline, DNS, refused, timed out): try again later."""


class AuthError(PublishError):
    """The target refused the credentials or the account may not do this."""


class RemoteError(PublishError):
    """The target answered with an error; {words} carries the server's own words."""

    def __init__(
        self, code: ErrorCode, /, *, status: int = 0, remote_code: str = "", **params: object
    ) -> None:
        super().__init__(code, **params)
        self.status = status
        self.remote_code = remote_code  # the server's own code (WordPress: term_exists, …)


@dataclass
class RemoteCopy:
    """What the target holds now, to show beside what we would send."""

    title: str = ""
    excerpt: str = ""
    content: str = ""
    modified: str = ""
    url: str = ""
    extra: dict[str, str] = field(default_factory=dict)


class ConflictError(PublishError):
    """Someone changed the published copy since we last sent it: we refuse to overwrite."""

    def __init__(
        self, code: ErrorCode, /, *, remote: RemoteCopy, ours: RemoteCopy, **params: object
    ) -> None:
        super().__init__(code, **params)
        self.remote = remote
        self.ours = ours

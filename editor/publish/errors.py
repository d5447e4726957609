"""What can go wrong when publishing, as typed errors the CLI and UI turn into words."""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.errors import ArticleError


class PublishError(ArticleError):
    """Publishing failed for a reason the user must fix (bad URL, settings, refusal)."""


class UnreachableError(PublishError):
    """The target did not answer (offline, DNS, refused, timed out): try again later."""


class AuthError(PublishError):
    """The target refused the credentials or the account may not do this."""


class RemoteError(PublishError):
    """The target answered with an error; the message carries the server's own words."""

    def __init__(self, message: str, *, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


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

    def __init__(self, message: str, *, remote: RemoteCopy, ours: RemoteCopy) -> None:
        super().__init__(message)
        self.remote = remote
        self.ours = ours

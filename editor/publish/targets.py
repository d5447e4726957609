"""Publish targets (a WordPress site, a Git-kept Hugo/Jekyll site), configured once and kept
in the config folder without secrets; passwords live in the OS keyring (storage.secrets)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from editor.paths import config_dir
from editor.publish.errors import ErrorCode, PublishError

KINDS = ("wordpress", "git")
LAYOUTS = ("hugo", "jekyll")
SETTINGS_FILE = "publishing.json"


@dataclass
class Target:
    """Where an article goes. Secrets are never part of it."""

    kind: str
    name: str = ""
    url: str = ""  # WordPress: the site's address
    user: str = ""  # WordPress: the account (an application password belongs to it)
    password_env: str = ""  # WordPress: read the password from this variable instead
    repo: str = ""  # Git: a path or URL of the site's repository
    branch: str = ""
    layout: str = "hugo"
    content_dir: str = ""  # Git: where the site keeps articles (default by layout)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise PublishError(ErrorCode.TARGET_KIND_UNKNOWN, kind=self.kind)
        if self.layout not in LAYOUTS:
            raise PublishError(ErrorCode.TARGET_LAYOUT_UNKNOWN, layout=self.layout)
        if self.kind == "wordpress" and not (self.url and self.user):
            raise PublishError(ErrorCode.WORDPRESS_INCOMPLETE)
        if self.kind == "git" and not self.repo:
            raise PublishError(ErrorCode.GIT_NO_REPO_SET)

    @property
    def key(self) -> str:
        """Return what identifies the target in records and the keyring."""
        if self.kind == "wordpress":
            return f"wordpress:{self.url.rstrip('/')}:{self.user}"
        return f"git:{self.repo}:{self.branch or 'HEAD'}:{self.layout}"

    @property
    def label(self) -> str:
        """Return a short name for lists and status lines."""
        return self.name or (self.url if self.kind == "wordpress" else self.repo)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Target:
        known = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in data.items() if k in known})


@dataclass
class Sent:
    """What a publish did: where the article now is and what the user should hear."""

    remote_id: str
    url: str
    status: str
    record: dict[str, Any]
    warnings: list[str] = field(default_factory=list)
    created: bool = True


def password_for(target: Target) -> str:
    """Return the target's password: its environment variable, else the keyring.

    Raises:
        PublishError: the variable is empty or no password is kept for the account.
        SecretStoreError: the keyring cannot be used.
    """
    if target.kind != "wordpress":
        return ""
    if target.password_env:
        value = os.environ.get(target.password_env, "")
        if not value:
            raise PublishError(ErrorCode.PASSWORD_ENV_EMPTY, name=target.password_env)
        return value
    from editor.storage.secrets import get_secret

    value = get_secret(target.key, target.user) or ""
    if not value:
        raise PublishError(ErrorCode.NO_PASSWORD, user=target.user, url=target.url)
    return value


def publisher_for(target: Target, password: str):  # noqa: ANN201 - WordPress or Git
    """Return the object that sends articles to the target."""
    if target.kind == "wordpress":
        from editor.publish.wordpress import WordPressPublisher

        return WordPressPublisher(target.url, target.user, password)
    from editor.publish.gitsite import GitPublisher

    return GitPublisher(target.repo, target.branch, target.layout, target.content_dir)


def load_targets() -> list[Target]:
    """Return the configured targets (none when the file is missing or unreadable)."""
    path = config_dir() / SETTINGS_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Target.from_dict(item) for item in data.get("targets", [])]
    except (OSError, ValueError, TypeError, AttributeError, PublishError):
        return []


def save_targets(targets: list[Target]) -> None:
    """Write the targets (never a secret) to the config folder atomically."""
    from editor.storage.atomic import atomic_write

    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    blob = json.dumps({"targets": [t.to_dict() for t in targets]}, ensure_ascii=False, indent=1)
    atomic_write(folder / SETTINGS_FILE, blob.encode("utf-8"))

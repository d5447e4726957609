"""What was sent where, kept in the .article (private data) so republishing updates the same
post or file instead of making a second one."""

from __future__ import annotations

import hashlib
from typing import Any

from editor.core.model import Article

PRIVATE_KEY = "publish"


def records(article: Article) -> dict[str, dict[str, Any]]:
    """Return every target's record of the article (target key -> record)."""
    data = article.private.get(PRIVATE_KEY)
    return data if isinstance(data, dict) else {}


def record_for(article: Article, target_key: str) -> dict[str, Any]:
    """Return a copy of what the article's record says about one target ({} if never sent)."""
    found = records(article).get(target_key)
    return dict(found) if isinstance(found, dict) else {}


def set_record(article: Article, target_key: str, record: dict[str, Any]) -> None:
    """Store a target's record in the article's private data."""
    data = dict(records(article))
    data[target_key] = record
    article.private[PRIVATE_KEY] = data


def content_hash(*parts: str) -> str:
    """Return a stable hash of the parts (what the remote held when we last wrote it)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()

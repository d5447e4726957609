"""Signed approvals: an HMAC-SHA256 by the desk's key over who approved, when, and what.

An approval (recorded by review.set_status) carries a signature made with the desk's key over
who approved, when, and a digest of the approved text and images. The key lives in the OS
keyring of the desk's machines (storage/approvals.py), never in the file: two hand edits to
the zip cannot forge it, and an approval that cannot be checked reads as unverified.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable
from typing import Any

from editor.core.assignment import approved_assignment
from editor.core.model import Article, Status
from editor.core.review import APPROVAL_KEY, snapshot

VERIFIED = "verified"
UNVERIFIED = "unverified"


def approval_digest(article: Article) -> str:
    """Return the SHA-256 of what an approval covers: the tracked fields and every image."""
    content = snapshot(article)
    content["images"] = {
        n: hashlib.sha256(d).hexdigest() for n, d in sorted(article.images.items())
    }
    content.update(approved_assignment(article))
    blob = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


def _signed_message(data: dict[str, Any]) -> bytes:
    fields = {k: str(data.get(k, "")) for k in ("by", "at", "digest", "key_id")}
    return json.dumps(fields, ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")


def sign_approval(article: Article, key_id: str, key: bytes) -> None:
    """Sign the article's approval (recorded by set_status) over its current content."""
    data = article.private.get(APPROVAL_KEY)
    if article.status is not Status.APPROVED or not isinstance(data, dict):
        return
    data.update(digest=approval_digest(article), key_id=key_id)
    data["sig"] = hmac.new(key, _signed_message(data), "sha256").hexdigest()


def approval_state(article: Article, key_for: Callable[[str], bytes | None]) -> str | None:
    """Return VERIFIED, UNVERIFIED, or None when the article is not approved.

    Verified means: signed with the key key_for returns for its key id, over exactly the
    article's present content. Anything else (no signature, no key here, another key, an
    edit after signing) is unverified.
    """
    data = article.private.get(APPROVAL_KEY)
    if article.status is not Status.APPROVED:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("sig"), str):
        return UNVERIFIED
    key = key_for(str(data.get("key_id", "")))
    if not key or data.get("digest") != approval_digest(article):
        return UNVERIFIED
    expected = hmac.new(key, _signed_message(data), "sha256").hexdigest()
    return VERIFIED if hmac.compare_digest(expected, data["sig"]) else UNVERIFIED

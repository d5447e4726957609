"""The desk's signing key in the OS keyring, and the one place approvals are signed and checked.

The key is 32 random bytes kept by storage.secrets under service "desk-signing", account
"desk", made on a desk machine's first approval. Every desk machine that must verify
approvals holds the same key (docs/review.md says how to copy it); a machine without it reads
every approval as unverified, and exports such an article as a draft.
"""

from __future__ import annotations

import hashlib
import secrets as random

from editor.core import signing
from editor.core.model import Article, Status
from editor.storage.secrets import SecretStoreError, get_secret, set_secret

SERVICE = "desk-signing"
ACCOUNT = "desk"


def key_id(key: bytes) -> str:
    """Return the public name of a key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(key).hexdigest()[:16]


def desk_key(*, create: bool = False) -> tuple[str, bytes] | None:
    """Return (key id, key) of this machine's desk key; make one first if create.

    Raises:
        SecretStoreError: no usable keyring (only when create; reading says None instead).
    """
    try:
        stored = get_secret(SERVICE, ACCOUNT)
    except SecretStoreError:
        if create:
            raise
        return None
    if not stored and create:
        stored = random.token_hex(32)
        set_secret(SERVICE, ACCOUNT, stored)
    if not stored:
        return None
    try:
        key = bytes.fromhex(stored.strip())
    except ValueError:
        key = stored.encode("utf-8")  # a key typed in by hand with `keyring set`
    return key_id(key), key


def key_for(wanted: str) -> bytes | None:
    """Return the desk key if it is the one named, else None."""
    found = desk_key()
    return found[1] if found and found[0] == wanted else None


def sign(article: Article) -> None:
    """Sign the article's approval with the desk key (made on first use).

    Raises:
        SecretStoreError: no usable keyring; the approval stays, unsigned (unverified).
    """
    if article.status is Status.APPROVED:
        found = desk_key(create=True)
        if found:
            signing.sign_approval(article, *found)


def state(article: Article) -> str | None:
    """Return review.VERIFIED, signing.UNVERIFIED, or None when not approved."""
    return signing.approval_state(article, key_for)


def for_export(article: Article) -> Article:
    """Return the article as an export may publish it: unverified approval means draft."""
    if state(article) != signing.UNVERIFIED:
        return article
    held = article.copy()
    held.status = Status.READY
    return held

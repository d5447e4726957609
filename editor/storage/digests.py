"""BLAKE2b for the spell process's file names, without loading OpenSSL.

hashlib loads OpenSSL's libcrypto for its other algorithms (~1.3 MB of PSS and 0.5 MB of
anonymous memory in the spell process, which needs none of them); BLAKE2 is CPython's own
module either way, so the digests are the same bytes.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # another Python: hashlib has it too
    from hashlib import blake2b

__all__ = ["blake2b"]

"""The one helper that compares pages and exports with the files in tests/reference/.

Volatile fields (dates and times, ids, hashes, nonces, the app's version, encoder-made
byte counts) are normalised on both sides; a mismatch fails with a unified diff. Run with
UPDATE_REFERENCE=1 to write the files afresh (then read the diff in git before committing).
"""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from editor import __version__

REFERENCE_DIR = Path(__file__).resolve().parent / "reference"
UPDATE_ENV = "UPDATE_REFERENCE"
_VOLATILE = (
    (
        re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"),
        "<DATE>",
    ),
    (re.compile(r"\b\d{4}\.\d\d\.\d\d \d\d:\d\d\b"), "<DATE>"),  # as pages print dates
    (re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"), "<ID>"),
    (re.compile(r"\bid:[0-9a-f]{32}\b"), "<ID>"),
    (re.compile(r"\b[0-9a-f]{40,}\b"), "<HASH>"),
    (re.compile(r"""\bnonce(=["']|-)[A-Za-z0-9_-]+"""), r"nonce\1<NONCE>"),
    (re.compile(r'"sizeinbytes": \d+'), '"sizeinbytes": <BYTES>'),
)


def normalise(text: str) -> str:
    """Return text with every volatile field replaced by a placeholder."""
    text = text.replace("\r\n", "\n")
    for pattern, placeholder in _VOLATILE:
        text = pattern.sub(placeholder, text)
    return re.sub(rf"(?<![\d.]){re.escape(__version__)}(?![\d.])", "<VERSION>", text)


def assert_matches_reference(name: str, actual: str | bytes) -> None:
    """Fail with a unified diff unless actual equals tests/reference/<name> (normalised).

    With UPDATE_REFERENCE=1 (never under CI) the file is written from actual instead.
    """
    if isinstance(actual, bytes):
        actual = actual.decode("utf-8")
    path = REFERENCE_DIR / name
    got = normalise(actual)
    if os.environ.get(UPDATE_ENV) == "1" and os.environ.get("CI") != "true":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing; write it with {UPDATE_ENV}=1 and review it", False)
    want = normalise(path.read_text(encoding="utf-8"))
    if got != want:
        diff = difflib.unified_diff(
            want.splitlines(keepends=True),
            got.splitlines(keepends=True),
            f"tests/reference/{name}",
            "produced",
        )
        message = f"differs from tests/reference/{name} ({UPDATE_ENV}=1 rewrites it):\n"
        pytest.fail(message + "".join(diff), pytrace=False)

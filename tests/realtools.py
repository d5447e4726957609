"""Find the real readers and servers the tests drive; skip locally, fail in CI when missing."""

from __future__ import annotations

import os
import shutil
from typing import NoReturn

import pytest


def in_ci() -> bool:
    """Return True under CI, where every real tool must be present."""
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(tool: str, how: str) -> str:
    """Return the path of `tool`, or skip (locally) / fail (CI) naming how to install it."""
    found = shutil.which(tool)
    if found:
        return found
    _missing(f"{tool} is not installed ({how})")


def require_library(paths: list[str], how: str) -> str:
    """Return the first of a shared library's paths that exists, or skip (locally) / fail (CI)."""
    found = next((path for path in paths if os.path.isfile(path)), None)
    if found:
        return found
    _missing(f"the library is not installed ({how})")


def _missing(message: str) -> NoReturn:
    """Skip locally, fail under CI, saying what is missing."""
    if in_ci():
        pytest.fail(message + " — .ci/run must install it", pytrace=False)
    pytest.skip(message)

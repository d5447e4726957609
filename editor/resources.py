"""The one place that finds resources/ (in a checkout, an editable install or a frozen app)."""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def root() -> Path:
    """Return the resources folder."""
    override = os.environ.get("ARTICLE_EDITOR_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def path(*parts: str) -> Path:
    """Return the path of a file or folder under resources/."""
    return root().joinpath(*parts)


def sample_path() -> Path:
    """Return the bundled sample article (a page-bundle folder)."""
    return path("samples", "autonomous-shuttle")

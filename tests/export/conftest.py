"""Fixtures for export tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.core.model import Article
from editor.storage import read_article

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "autonomous-shuttle"


@pytest.fixture
def sample() -> Article:
    return read_article(
        Path(__file__).resolve().parents[2] / "resources" / "samples" / "autonomous-shuttle"
    )

"""Fixtures for export tests (helpers live in exporthelp.py: conftest is not importable)."""

from __future__ import annotations

import pytest
from exporthelp import SAMPLE

from editor.core.model import Article
from editor.storage import read_article


@pytest.fixture
def sample() -> Article:
    return read_article(SAMPLE)

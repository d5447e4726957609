"""The real WordPress the publishing tests talk to: one per test session, stopped at the end."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

# The export tests' photo maker and hugo finder, shared rather than copied.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from realtools import in_ci, require
from wpserver import HOW, WORDPRESS, WordPressServer, remove


@pytest.fixture(scope="session")
def wordpress():
    """Start MariaDB + PHP's server with Debian's WordPress installed afresh; yield it."""
    for tool in ("php", "mariadbd", "mariadb-install-db", "mariadb"):
        require(tool, HOW)
    if not (WORDPRESS / "wp-settings.php").exists():
        message = f"Debian's wordpress package is not installed ({HOW})"
        if in_ci():
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    base = Path(tempfile.mkdtemp(prefix="article-editor-wp-"))
    server = WordPressServer(base)
    try:
        server.boot()
        yield server
    finally:
        server.close()
        remove(base)


@pytest.fixture
def wp(wordpress):
    """The session's WordPress, running (a test may have stopped it)."""
    if wordpress._web is None:
        wordpress.start()
    return wordpress

"""Test set-up shared by every test: no display, no sandbox as root, settings in tmp."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYSIDE6_OPTION_LAZY", "2")  # as the app starts PySide6 (editor/ui/__init__)
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")  # as the app starts Qt (editor/ui/app.py)
if hasattr(os, "geteuid") and os.geteuid() == 0:
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "--no-sandbox" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (flags + " --no-sandbox").strip()
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# Outside a test too (imports, atexit: editor.codecache saves there) the user's cache is not
# touched; each test gets its own folders below.
for _var in ("XDG_CACHE_HOME", "ARTICLE_EDITOR_CACHE_DIR"):
    os.environ.pop(_var, None)
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="article-editor-tests-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], True)  # runs after later ones

# Hypothesis's per-example deadline (200 ms) is a timing assert: on a shared or slow machine
# an example's first call (an import, a cache filling) misses it with nothing wrong. Tests
# here assert what a user sees; speed is the benchmarks' business.
try:
    from hypothesis import HealthCheck
    from hypothesis import settings as _hypothesis_settings
except ImportError:  # pragma: no cover - hypothesis is a test dependency
    pass
else:
    _hypothesis_settings.register_profile(
        "article-editor", deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
    _hypothesis_settings.load_profile("article-editor")

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "resources" / "samples" / "autonomous-shuttle"


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Point config and data folders at a temp folder so no test touches the user's."""
    base = tmp_path_factory.mktemp("home")
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = base / var.lower()
        folder.mkdir()
        monkeypatch.setenv(var, str(folder))
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("ARTICLE_EDITOR_DATA_DIR", str(base / "data"))
    yield


@pytest.fixture(autouse=True)
def memory_keyring():
    """Give every test an empty in-memory keyring: no test touches the user's keyring."""
    try:
        import keyring
    except ImportError:
        yield None
        return
    from fake_keyring import MemoryKeyring

    previous = keyring.get_keyring() if keyring.core._keyring_backend else None
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    if previous is not None:
        keyring.set_keyring(previous)


@pytest.fixture
def sample_dir() -> Path:
    return SAMPLE


def pytest_configure(config):
    """Import QtWebEngine before any QApplication exists, as Qt requires."""
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401
    except ImportError:
        pass


@pytest.fixture(scope="session")
def qapp_cls():
    """Use the app's own QApplication class (it hears macOS's QFileOpenEvent) in every test."""
    from editor.ui.file_open import ArticleApplication

    return ArticleApplication

"""Where the app keeps its own files: config (site profiles, settings) and data (drafts)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR = "article-editor"


def config_dir() -> Path:
    """Return the user's config folder for the app (not created)."""
    override = os.environ.get("ARTICLE_EDITOR_CONFIG_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / APP_DIR
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / APP_DIR


def data_dir() -> Path:
    """Return the user's data folder for the app (drafts, backups; not created)."""
    override = os.environ.get("ARTICLE_EDITOR_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / APP_DIR
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR / "data"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_DIR


def cache_dir() -> Path:
    """Return the user's cache folder for the app (derived files; not created)."""
    override = os.environ.get("ARTICLE_EDITOR_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / APP_DIR / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_DIR
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_DIR

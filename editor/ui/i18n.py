"""Translations: Korean on a Korean system, English otherwise.

The .ts sources live in resources/i18n; a build step may place compiled .qm files next to
them. Otherwise the .qm is compiled with pyside6-lrelease into the user's cache folder the
first time it is needed (and again whenever the .ts is newer).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QStandardPaths, QTranslator

from editor import resources
from editor.ui.logs import get_logger

log = get_logger(__name__)
CATALOG = "article-editor"
LANGUAGE_ENV = "ARTICLE_EDITOR_LANG"
_installed: list[QTranslator] = []


def ui_language(locale: QLocale | None = None) -> str:
    """Return "ko" for a Korean system (or ARTICLE_EDITOR_LANG=ko), else "en"."""
    forced = os.environ.get(LANGUAGE_ENV, "").strip().lower()
    if forced:
        return "ko" if forced.startswith("ko") else "en"
    locale = locale or QLocale.system()
    return "ko" if locale.language() == QLocale.Language.Korean else "en"


def install_translators(app: QCoreApplication, language: str | None = None) -> bool:
    """Load the app's and Qt's own translations; return True when Korean was installed."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language or ui_language()
    if language != "ko":
        return False
    QLocale.setDefault(QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea))
    qm = compiled_catalog(language)
    if qm is None:
        return False
    _load(app, str(qm.parent), qm.stem)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, qt_dir, f"qtbase_{language}")
    return True


def _load(app: QCoreApplication, folder: str, name: str) -> None:
    translator = QTranslator(app)
    if translator.load(name, folder):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.info("no translation %s in %s", name, folder)


def source_catalog(language: str) -> Path:
    """Return the .ts file of a language."""
    return resources.path("i18n", f"{CATALOG}_{language}.ts")


def compiled_catalog(language: str) -> Path | None:
    """Return an up-to-date .qm for the language, compiling it when needed."""
    ts = source_catalog(language)
    built = ts.with_suffix(".qm")
    if built.is_file() and (not ts.is_file() or built.stat().st_mtime >= ts.stat().st_mtime):
        return built  # shipped by the build (or a frozen app without sources)
    if not ts.is_file():
        return None
    cached = cache_dir() / built.name
    if cached.is_file() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    return cached if _lrelease(ts, cached) else None


def cache_dir() -> Path:
    """Return the folder compiled translations are kept in."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    folder = Path(base or Path.home() / ".cache" / CATALOG) / "i18n"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _lrelease(ts: Path, qm: Path) -> bool:
    """Compile a .ts into a .qm with pyside6-lrelease; return whether it worked."""
    tool = _find_lrelease()
    if tool is None:
        log.warning("pyside6-lrelease not found; the interface stays in English")
        return False
    import subprocess  # only to compile a catalogue, never on an ordinary start

    try:
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile %s: %s", ts.name, exc)
        return False
    return qm.is_file()


def _find_lrelease() -> str | None:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.is_file():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")

"""The app's look: the bundled Korean font and one calm stylesheet."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from editor import resources
from editor.ui import font_cache
from editor.ui.logs import get_logger

log = get_logger(__name__)
UI_FAMILY = "Pretendard"
FALLBACK_FAMILIES = ["Malgun Gothic", "Apple SD Gothic Neo", "Noto Sans KR", "sans-serif"]
FONT_FILES = ("Pretendard-Regular.woff2", "Pretendard-Bold.woff2")
_uncached: list[tuple[Path, Path]] = []  # (WOFF2, cache file) registered slowly this run

STYLESHEET = """
QMainWindow, QScrollArea#article_form, QWidget#article_form_content { background: #f7f8fa; }
QLabel[role="field_title"] { color: #4a5361; font-weight: bold; }
QLabel[role="count"] { color: #7a8391; }
QLabel[role="count"][level="warn"] { color: #b26a00; font-weight: bold; }
QLabel[role="count"][level="error"] { color: #c62828; font-weight: bold; }
QLineEdit, QPlainTextEdit, QComboBox {
    background: #ffffff; border: 1px solid #d5d9e0; border-radius: 6px; padding: 5px 8px;
    selection-background-color: #cfe3ff; selection-color: #111111;
}
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus { border: 1px solid #2f6fde; }
QPlainTextEdit#headline_edit { padding: 4px 7px; }
QPlainTextEdit#body_text_edit {
    border: none; border-top: 1px solid #e3e6eb; border-radius: 0; padding: 12px 18px;
}
QLabel#lead_thumbnail_label {
    background: #eef0f4; border: 1px dashed #b9c0cb; border-radius: 6px; color: #7a8391;
}
QPushButton {
    background: #ffffff; border: 1px solid #cfd4dc; border-radius: 6px; padding: 5px 12px;
}
QPushButton:hover { background: #f0f3f8; }
QPushButton[compact="true"] { padding: 3px 10px; }
QPushButton:disabled { color: #a8afba; }
QPushButton[flat_link="true"] { border: none; background: transparent; color: #2f6fde;
    text-align: left; padding: 2px 0; }
QPushButton[flat_link="true"]:hover { text-decoration: underline; }
QToolBar#body_toolbar { background: #ffffff; border: none; border-top: 1px solid #e3e6eb;
    spacing: 2px; padding: 3px 8px; }
QToolBar#body_toolbar QToolButton { min-width: 26px; padding: 3px 6px; border-radius: 5px;
    color: #34404f; }
QToolBar#body_toolbar QToolButton:hover { background: #eef2f8; }
QSplitter::handle { background: #e3e6eb; }
QSplitter::handle:horizontal { width: 1px; }
QSplitter::handle:vertical { height: 1px; }
QStatusBar { background: #ffffff; border-top: 1px solid #e3e6eb; color: #4a5361; }
QStatusBar QLabel { padding: 0 10px; border-left: 1px solid #e3e6eb; }
QLabel#preview_placeholder { background: #eceef2; color: #8a93a0; }
"""


def load_fonts() -> str | None:
    """Register the bundled Korean font; return its family name, or None if it is missing."""
    family = None
    for name in FONT_FILES:
        font_path = resources.path("fonts", "pretendard", name)
        font_id = _add_font(font_path)
        if font_id < 0:
            log.warning("could not load the font %s", font_path)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def _add_font(woff2: Path) -> int:
    """Register a font from its cached TrueType form when there is one, else from the WOFF2."""
    try:
        cached = font_cache.cached_path(woff2)
    except OSError:
        return QFontDatabase.addApplicationFont(str(woff2))
    if cached.is_file():
        font_id = QFontDatabase.addApplicationFont(str(cached))
        if font_id >= 0:
            return font_id
    _uncached.append((woff2, cached))
    return QFontDatabase.addApplicationFont(str(woff2))


def cache_fonts_in_background() -> threading.Thread | None:
    """Unpack the fonts this start registered from WOFF2, so the next start opens TrueType."""
    pending = list(_uncached)
    _uncached.clear()
    if not pending:
        return None
    worker = threading.Thread(
        target=lambda: [font_cache.unpack(woff2, cached) for woff2, cached in pending],
        name="font-cache",
    )
    worker.start()
    return worker


def apply_theme(app: QApplication) -> None:
    """Use the bundled font everywhere (the style sheet follows with the first window)."""
    family = load_fonts() or UI_FAMILY
    font = QFont(family)
    font.setFamilies([family, *FALLBACK_FAMILIES])
    font.setPointSizeF(10.5)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)


def apply_style_sheet(app: QApplication) -> None:
    """Apply the style sheet (written for Fusion, which create_application selects), once.

    After the first window is built, not before: with an application style sheet every
    widget is polished again each time it is given a parent or put in a layout while the
    window is built (~74 M instructions of its first frame); set afterwards, Qt polishes
    each widget once. The frame looks the same, pixel for pixel.
    """
    if app.styleSheet() != STYLESHEET:
        app.setStyleSheet(STYLESHEET)

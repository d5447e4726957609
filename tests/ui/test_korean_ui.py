"""In the Korean UI every string the window shows is Korean: menus, buttons, labels, docks, titles.

Walks the real main window (review mode on, every menu) after installing the Korean catalog
and collects what a person reads: action and button texts, labels, placeholders, tooltips,
dock and window titles. Article text in the editors is not interface text and is skipped.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
)

from editor.ui import i18n
from tests.ui.korean_text import english as _english


def _visible_texts(window) -> dict[str, str]:
    found: dict[str, str] = {
        "window title": window.windowTitle().replace(window.document.article.headline, "")
    }
    for action in window.findChildren(type(window.actions["save"])):
        found[f"action {action.objectName()}"] = action.text()
    for menu in window.findChildren(QMenu):
        found[f"menu {menu.objectName()}"] = menu.title()
    for button in window.findChildren(QAbstractButton):
        if not getattr(button, "defaultAction", lambda: None)():
            found[f"button {button.objectName()}"] = button.text()
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.objectName() != "test_preview":  # the stand-in
            found[f"label {label.objectName()}"] = label.text()
    for edit in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit):
        found[f"placeholder {edit.objectName()}"] = edit.placeholderText()
    for dock in window.findChildren(QDockWidget):
        found[f"dock {dock.objectName()}"] = dock.windowTitle()
    return found


def test_every_visible_string_of_the_main_window_is_korean(qapp, make_window):
    try:
        assert i18n.install_translators(qapp, "ko")
        window = make_window()
        window.review.set_review_mode(True)
        for menu in window.findChildren(QMenu):
            menu.aboutToShow.emit()  # menus filled when opened (Open Recent)
        QApplication.processEvents()
        texts = _visible_texts(window)
        english = {k: _english(v) for k, v in texts.items()}
        assert not {k: v for k, v in english.items() if v}
        assert len(texts) > 50  # the walk did read the window
    finally:
        i18n.install_translators(qapp, "en")


def test_the_app_name_after_every_title_is_korean_in_the_korean_ui(qapp):
    from PySide6.QtCore import QCoreApplication

    try:
        assert i18n.install_translators(qapp, "ko")
        assert QCoreApplication.translate("App", "Article Editor") == "기사 편집기"
    finally:
        i18n.install_translators(qapp, "en")

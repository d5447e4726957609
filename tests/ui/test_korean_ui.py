"""In the Korean UI every string the window shows is Korean: menus, buttons, labels, docks, titles.

Walks the real main window (review mode on, every menu) after installing the Korean catalog
and collects what a person reads: action and button texts, labels, placeholders, tooltips,
dock and window titles. Article text in the editors is not interface text and is skipped.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMenu

from editor.ui import i18n
from tests.ui.korean_text import english_in, visible_texts


def test_every_visible_string_of_the_main_window_is_korean(qapp, make_window):
    try:
        assert i18n.install_translators(qapp, "ko")
        window = make_window()
        window.review.set_review_mode(True)
        for menu in window.findChildren(QMenu):
            menu.aboutToShow.emit()  # menus filled when opened (Open Recent)
        QApplication.processEvents()
        texts = visible_texts(window, skip={"test_preview"})  # the preview's stand-in
        headline = window.document.article.headline
        texts = {k: v.replace(headline, "") for k, v in texts.items()}  # article text, not UI
        assert not english_in(texts)
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

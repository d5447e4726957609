"""What counts as English in the Korean UI: Latin words outside newsroom usage and names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QToolButton,
    QTreeWidget,
    QWidget,
)

from editor.ui import i18n

# Latin words that are Korean newsroom usage, units, keys or names, not untranslated English.
ALLOWED = {
    "PC",
    "KST",  # the embargo's time zone, as Korean wire copy writes it
    "SNS",  # 소셜 미디어: Korean usage
    "KTX",
    "BRT",
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Markdown",
    "HTML",
    "URL",
    "px",
    "ninjs",
    "Hugo",
    "Jekyll",
    "WordPress",
    "Git",
    "Tab",
    "Enter",
    "Del",
    "Up",
    "Down",
    "Left",
    "Right",
    "Home",
    "End",
    "PgUp",
    "PgDown",
    "Space",
    "Backspace",
    "Meta",
    # file formats, units and programs, named as they are in Korean too
    "YAML",
    "JSON",
    "UTF",
    "JPEG",
    "PNG",
    "GIF",
    "WebP",
    "GiB",
    "MiB",
    "KiB",
    "UTC",
    "http",
    "https",
    "GNOME",
    "Keyring",
    "KWallet",
    "zip",
    "ZIP",
    "CMS",
    # values a user types (the CLI's --format, --layout, a target's kind) and front-matter keys
    "markdown",
    "html",
    "hugo",
    "jekyll",
    "wordpress",
    "git",
    "src",
    "alt",
    "caption",
    "credit",
    "tags",
    "name",
    "slug",
    "target",
    "pages",
    "chars",
}
WORD = re.compile(r"[A-Za-z]{3,}")


def english(text: str) -> list[str]:
    text = re.sub(r"<[^>]+>|&[a-z]+;", " ", text)  # rich-text labels: their markup
    text = re.sub(r"https?://\S+|www\.\S+", "", text)
    text = re.sub(r"(?<![\w/])/[^\s:)]+", "", text)  # paths the text names (/home/…)
    exts = r"article|md|markdown|yaml|json|html|zip|png|jpe?g|gif|webp"
    text = re.sub(rf"[\w*.-]*\.({exts})(?![A-Za-z])", "", text)  # files and *.ext filters
    text = re.sub(r"--[a-z-]+|\w*_\w*", "", text)  # options and keys: base_url, --force
    return [w for w in WORD.findall(text) if w not in ALLOWED]


@contextmanager
def korean_ui(qapp: QApplication) -> Iterator[None]:
    """Run the block with the Korean catalog installed, English again afterwards."""
    assert i18n.install_translators(qapp, "ko")
    try:
        yield
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(QLocale(QLocale.Language.English))


def visible_texts(top: QWidget, skip: Iterable[str] = ()) -> dict[str, str]:
    """Collect what a person reads in a window and its children, by where it is.

    Window titles, actions (text and tip), menus, buttons, labels shown, placeholders,
    tooltips, group boxes, tabs, list and combo items, tree and table headers, docks. Text
    the user typed (editor contents) is not interface text. skip: object names to leave out.
    """
    skipped = set(skip)
    found: dict[str, str] = {"window title": top.windowTitle()}

    def add(kind: str, obj: QObject, text: str) -> None:
        if text and obj.objectName() not in skipped:
            found[f"{kind} {type(obj).__name__}:{obj.objectName()}#{len(found)}"] = text

    for action in top.findChildren(QAction):
        add("action", action, action.text().replace("&", ""))
        if action.toolTip() != action.text().replace("&", ""):
            add("action tip", action, action.toolTip())
    for widget in [top, *top.findChildren(QWidget)]:
        add("tooltip", widget, widget.toolTip())
        add("title", widget, widget.windowTitle() if widget.isWindow() else "")
    for menu in top.findChildren(QMenu):
        add("menu", menu, menu.title())
    for button in top.findChildren(QAbstractButton):
        if not (isinstance(button, QToolButton) and button.defaultAction()):
            add("button", button, button.text().replace("&", ""))
    for label in top.findChildren(QLabel):
        if label.isVisibleTo(top):
            add("label", label, label.text())
    for edit in top.findChildren(QLineEdit) + top.findChildren(QPlainTextEdit):
        add("placeholder", edit, edit.placeholderText())
    for box in top.findChildren(QGroupBox):
        add("group", box, box.title())
    for tabs in top.findChildren(QTabWidget):
        for i in range(tabs.count()):
            add("tab", tabs, tabs.tabText(i))
    for combo in top.findChildren(QComboBox):
        if not combo.isEditable():
            for i in range(combo.count()):
                add("choice", combo, combo.itemText(i))
    for tree in top.findChildren(QTreeWidget):
        header = tree.headerItem()
        for i in range(header.columnCount()):
            add("column", tree, header.text(i))
    for table in top.findChildren(QTableWidget):
        for i in range(table.columnCount()):
            item = table.horizontalHeaderItem(i)
            add("column", table, item.text() if item else "")
    for dock in top.findChildren(QDockWidget):
        add("dock", dock, dock.windowTitle())
    return found


def english_in(texts: dict[str, str]) -> dict[str, list[str]]:
    """Return, by place, the English words of collected texts (empty when all is Korean)."""
    return {where: words for where, text in texts.items() if (words := english(text))}

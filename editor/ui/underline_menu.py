"""One context menu for underlined text: spelling and house style each add their entries.

Each text box's viewport gets one event filter (made by `underline_menu`); the providers
(editor/ui/spell_check.py, editor/ui/style_marks.py) are asked in turn for the entries at the
clicked position. If none has any, the box opens its usual menu.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QWidget


class UnderlineProvider(Protocol):
    """Something that underlines text and offers menu entries for it."""

    def menu_actions(self, widget: QPlainTextEdit, position: int, menu: QMenu) -> list[QAction]:
        """Return the entries for the underline at position (none if nothing is there)."""
        ...


class UnderlineMenu(QObject):
    """The context-menu filter of one text box: the providers' entries above the usual ones."""

    def __init__(self, widget: QPlainTextEdit) -> None:
        super().__init__(widget)
        self.widget = widget
        self.providers: list[UnderlineProvider] = []
        self.menu: QMenu | None = None  # the last menu opened (tests read it)
        widget.viewport().installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ContextMenu:
            return False
        assert isinstance(event, QContextMenuEvent)
        return self.open_at(event.pos(), event.globalPos())

    def open_at(self, pos: QPoint, global_pos: QPoint) -> bool:
        """Open the menu for the text under pos; False if no provider has entries there."""
        position = self.widget.cursorForPosition(pos).position()
        menu = self.widget.createStandardContextMenu(pos)
        actions = [a for p in self.providers for a in p.menu_actions(self.widget, position, menu)]
        if not actions:
            menu.deleteLater()
            return False
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        first = menu.actions()[0] if menu.actions() else None
        menu.insertActions(first, actions)
        menu.insertSeparator(first)
        self.menu = menu
        menu.popup(global_pos)
        return True


def underline_menu(widget: QPlainTextEdit) -> UnderlineMenu:
    """Return the text box's one underline menu, made the first time it is asked for."""
    found = widget.findChild(UnderlineMenu, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return found if found is not None else UnderlineMenu(widget)


def add_provider(widget: QPlainTextEdit, provider: UnderlineProvider) -> None:
    """Ask provider for entries whenever the text box's context menu opens."""
    underline_menu(widget).providers.append(provider)


def underlined_fields(window: QWidget) -> dict[str, QPlainTextEdit]:
    """Return the text boxes spelling and house style underline, by field, the body last."""
    form, lead = window.form, window.form.lead_image_panel
    return {
        "headline": form.headline_edit,
        "subhead": form.subhead_edit,
        "lead_image.alt": lead.alt_edit,
        "lead_image.caption": lead.caption_edit,
        "lead_image.credit": lead.credit_edit,
        "summary": form.summary_edit,
        "tags": form.tags_edit,
        "body": window.body_editor.text_edit,
    }

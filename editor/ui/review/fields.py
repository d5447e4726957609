"""Where each article field is edited in the window, and how to select a passage in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

translate = QCoreApplication.translate
TEXT_FIELDS = (
    "headline",
    "web_title",
    "social_title",
    "subhead",
    "summary",
    "body",
    "lead_image.alt",
    "lead_image.caption",
    "lead_image.credit",
    "tags",
)


def field_label(name: str) -> str:
    """Return the field's name as the form shows it."""
    labels = {
        "headline": translate("ReviewFields", "Headline"),
        "web_title": translate("ReviewFields", "Web title"),
        "social_title": translate("ReviewFields", "Social title"),
        "embargo": translate("ReviewFields", "Embargo"),
        "subhead": translate("ReviewFields", "Subhead"),
        "summary": translate("ReviewFields", "Summary"),
        "body": translate("ReviewFields", "Body"),
        "lead_image": translate("ReviewFields", "Lead image"),
        "lead_image.alt": translate("ReviewFields", "Alt text"),
        "lead_image.caption": translate("ReviewFields", "Caption"),
        "lead_image.credit": translate("ReviewFields", "Photo credit"),
        "authors": translate("ReviewFields", "Reporters"),
        "section": translate("ReviewFields", "Section"),
        "tags": translate("ReviewFields", "Tags"),
        "slug": translate("ReviewFields", "Slug"),
        "status": translate("ReviewFields", "Status"),
    }
    return labels.get(name, name)


def field_widgets(window: MainWindow) -> dict[str, QWidget]:
    """Return the widget that edits each field of the window's form and body."""
    form, lead = window.form, window.form.lead_image_panel
    desk = form.assignment_panel
    return {
        "headline": form.headline_edit,
        "web_title": desk.web_title_edit,
        "social_title": desk.social_title_edit,
        "embargo": desk.embargo_check,
        "subhead": form.subhead_edit,
        "summary": form.summary_edit,
        "body": window.body_editor.text_edit,
        "lead_image": lead.choose_button,
        "lead_image.alt": lead.alt_edit,
        "lead_image.caption": lead.caption_edit,
        "lead_image.credit": lead.credit_edit,
        "authors": form.authors_editor,
        "section": form.section_combo,
        "tags": form.tags_edit,
        "slug": form.headline_edit,
        "status": form.status_combo,
    }


def field_of(window: MainWindow, widget: QWidget | None) -> str | None:
    """Return the text field a widget edits, if it edits one."""
    for name, candidate in field_widgets(window).items():
        if widget is candidate and name in TEXT_FIELDS:
            return name
    return None


def selection_in(widget: QWidget) -> tuple[int, int]:
    """Return the selected range of a line or text edit (the cursor twice if none)."""
    if isinstance(widget, QLineEdit):
        if widget.hasSelectedText():
            return widget.selectionStart(), widget.selectionEnd()
        return widget.cursorPosition(), widget.cursorPosition()
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        return cursor.selectionStart(), cursor.selectionEnd()
    return 0, 0


def select_passage(window: MainWindow, name: str, start: int = -1, end: int = -1) -> QWidget:
    """Show the field's editor, focus it and select text[start:end] (the field if start < 0)."""
    widget = field_widgets(window).get(name) or window.body_editor.text_edit
    if widget is not window.body_editor.text_edit:
        window.form.ensureWidgetVisible(widget, 20, 40)
    widget.setFocus()
    if start < 0:
        return widget
    if isinstance(widget, QLineEdit):
        widget.setSelection(start, max(0, end - start))
    elif isinstance(widget, QPlainTextEdit):
        limit = widget.document().characterCount() - 1
        cursor = widget.textCursor()
        cursor.setPosition(min(start, limit))
        cursor.setPosition(min(max(start, end), limit), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.centerCursor()
    return widget

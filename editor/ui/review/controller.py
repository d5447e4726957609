"""Review mode: the notes and checklist docks, the Review menu, and the window's hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from editor.core import review
from editor.core.review import Note
from editor.core.validate import Problem
from editor.ui.document import ALL_FIELDS
from editor.ui.identity import User
from editor.ui.review.checklist_panel import ChecklistPanel
from editor.ui.review.fields import field_of, select_passage, selection_in
from editor.ui.review.highlight import NoteHighlighter
from editor.ui.review.notes_panel import Anchor, NotesPanel
from editor.ui.review.status import StatusFlow, StatusStrip

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

DOCK_WIDTH = 320
EDITOR_SHARE_IN_REVIEW = 0.42  # of what the docks leave: the rest goes to the preview


class ReviewController(QObject):
    """Own the review docks and menu; record revisions on save; note who does what."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window, self.doc = window, window.document
        self._last_field: tuple[str, QWidget] | None = None
        self._share_card_was: bool | None = None
        self.flow = StatusFlow(window)
        self.notes_panel = NotesPanel(self.doc, self.current_anchor, window)
        self.checklist = ChecklistPanel(self.doc, window)
        self.highlighter = NoteHighlighter(window, self._on_highlighter_marker)
        self.status_strip = StatusStrip(self.flow, lambda: self.doc.article, window)
        self.signer_label, self.summary_edit = self._line_edits()
        self.notes_dock = self._dock("notes_dock", self.tr("Review Notes"), self._notes_box())
        self.checklist_dock = self._dock(
            "checklist_dock", self.tr("Pre-publish Checklist"), self.checklist
        )
        window.splitDockWidget(self.notes_dock, self.checklist_dock, Qt.Orientation.Vertical)
        for dock in (self.notes_dock, self.checklist_dock):
            dock.hide()  # review mode is asked for (or restored with the window's layout)
        self.menu_actions = self._build_menu()
        self._connect()
        self.highlighter.refresh()

    # Building ----------------------------------------------------------------------------
    def _line_edits(self) -> tuple[QLabel, QLineEdit]:
        signer = QLabel(self.window)
        signer.setObjectName("signer_label")
        signer.setProperty("role", "count")
        signer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        summary = QLineEdit(self.window)
        summary.setObjectName("save_summary_edit")
        summary.setPlaceholderText(self.tr("What this save changes (optional)"))
        return signer, summary

    def _notes_box(self) -> QWidget:
        box = QWidget(self.window)
        row = QHBoxLayout()
        row.setContentsMargins(8, 0, 8, 0)
        row.addWidget(self.signer_label, 2)
        row.addWidget(self.summary_edit, 3)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.status_strip)
        layout.addLayout(row)
        layout.addWidget(self.notes_panel, 1)
        return box

    def _dock(self, name: str, title: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        return dock

    def _build_menu(self) -> dict[str, QAction]:
        bar = self.window.menuBar()
        menu = QMenu(self.tr("&Review"), self.window)
        menu.setObjectName("review_menu")
        existing = bar.actions()
        if existing:
            bar.insertMenu(existing[-1], menu)  # before Help
        else:
            bar.addMenu(menu)
        menu.addActions(self.flow.actions())
        menu.addSeparator()
        specs = (
            ("add_note", self.tr("Add &Note on Selection"), "Ctrl+Alt+M", self.begin_note),
            ("check_again", self.tr("&Check Before Publishing"), "F7", self.check_again),
            ("history", self.tr("Revision &History…"), "Ctrl+Alt+H", self.open_history),
            ("identity", self.tr("Your &Name and Role…"), "", self.window.ask_user),
        )
        actions = {}
        for name, text, key, slot in specs:
            action = QAction(text, self.window)
            action.setObjectName(f"{name}_action")
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(lambda _checked=False, s=slot: s())
            menu.addAction(action)
            actions[name] = action
        menu.addSeparator()
        mode = QAction(self.tr("Review &Mode"), self.window)
        mode.setObjectName("review_mode_action")
        mode.setCheckable(True)
        mode.setShortcut(QKeySequence("Ctrl+Shift+R"))
        mode.toggled.connect(self.set_review_mode)
        menu.addAction(mode)
        actions["review_mode"] = mode
        for dock in (self.notes_dock, self.checklist_dock):
            menu.addAction(dock.toggleViewAction())
            dock.visibilityChanged.connect(self._on_dock_visibility_changed)
        for action in [*self.flow.actions(), *actions.values()]:
            self.window.actions.by_name[action.objectName()[: -len("_action")]] = action
        return actions

    def _connect(self) -> None:
        self.doc.changed.connect(self._on_document_changed)
        self.doc.revision_recorded.connect(self._on_document_revision_recorded)
        self.doc.user_changed.connect(self._show_signer)
        self._show_signer(self.doc.user)
        self.notes_panel.note_activated.connect(self._on_notes_panel_note_activated)
        self.notes_panel.notes_changed.connect(self.highlighter.refresh)
        self.checklist.problem_activated.connect(self._on_checklist_problem_activated)
        self.checklist.fix_requested.connect(self._on_checklist_fix_requested)
        QApplication.instance().focusChanged.connect(self._on_app_focus_changed)
        self.summary_edit.textChanged.connect(self._on_summary_edit_text_changed)
        self.window.preview_installed.connect(self._on_window_preview_installed)
        if self.window.preview is not None:
            self._on_window_preview_installed(self.window.preview)

    def _on_window_preview_installed(self, preview: QWidget) -> None:
        """Let the checklist reuse the preview's own count of the headline on a phone."""
        self._make_room_for_review(self.menu_actions["review_mode"].isChecked())
        measured = getattr(preview, "headline_measured", None)
        if measured is None or not hasattr(measured, "connect"):
            return
        measured.connect(self.checklist.take_preview_measurement)
        measure_again = getattr(preview, "measure_headline_again", None)
        if callable(measure_again):
            measure_again()  # it may have counted before the review loaded

    # Who, where --------------------------------------------------------------------------
    def author(self) -> str:
        """Return the name the review signs with (the user's, from the settings)."""
        return self.doc.user.name

    def _show_signer(self, user: User) -> None:
        role = self.tr("desk editor") if user.is_desk else self.tr("reporter")
        self.signer_label.setText(
            self.tr("Signed as {name} ({role})").format(name=user.name or "?", role=role)
        )
        self.flow.update_actions()

    def current_anchor(self) -> Anchor | None:
        """Return the passage selected in the field last edited (its paragraph or all if none)."""
        if self._last_field is None:
            return None
        name, widget = self._last_field
        start, end = selection_in(widget)
        if start == end:
            text = review.field_text(self.doc.article, name)
            if isinstance(widget, QPlainTextEdit):
                start = text.rfind("\n", 0, start) + 1
                end = len(text) if text.find("\n", end) < 0 else text.find("\n", end)
            else:
                start, end = 0, len(text)
        return name, start, end

    # Actions -----------------------------------------------------------------------------
    def begin_note(self) -> Anchor | None:
        """Start a note on the selected passage."""
        self.notes_dock.show()
        return self.notes_panel.begin_note()

    def check_again(self) -> list[Problem]:
        """Run the checklist now, measuring the headline on a phone."""
        self.checklist_dock.show()
        return self.checklist.refresh(measure=True)

    def open_history(self) -> QWidget:
        """Open the revision history."""
        from editor.ui.review.revisions import RevisionsDialog

        return RevisionsDialog.run(self.window)

    def set_review_mode(self, on: bool) -> None:
        """Show or hide the notes and the checklist together.

        On, the docks take DOCK_WIDTH and the pages get the share card's room, so at
        1366 x 768 the fitted desktop column still reads at 13 px or more.
        """
        docks = [self.notes_dock, self.checklist_dock]
        for dock in docks:
            dock.setVisible(on)
        self._make_room_for_review(on)
        if on:
            self.window.resizeDocks(docks, [560, 340], Qt.Orientation.Vertical)
            self.window.resizeDocks([self.notes_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            self.window.balance_splitter(EDITOR_SHARE_IN_REVIEW)

    def _make_room_for_review(self, on: bool) -> None:
        """Hide the share card while the docks are shown (its toggle brings it back)."""
        share_card = getattr(self.window.preview, "share_card_action", None)
        if share_card is None:
            return  # the preview comes after the first paint, and asks again then
        if on and self._share_card_was is None:
            self._share_card_was = share_card.isChecked()
            share_card.setChecked(False)
        elif not on and self._share_card_was is not None:
            share_card.setChecked(self._share_card_was)
            self._share_card_was = None

    def sync_with_document(self) -> None:
        """Show the open article's notes as on opening it (review installed after the load)."""
        self._on_document_changed(ALL_FIELDS)

    def jump_to(self, name: str, start: int = -1, end: int = -1) -> QWidget:
        """Select a passage of a field in the editor."""
        return select_passage(self.window, name, start, end)

    # Slots -------------------------------------------------------------------------------
    def _on_document_changed(self, field: str) -> None:
        if field == ALL_FIELDS:
            self.notes_panel.pending = None
            self.notes_panel.show_notes()
            self.highlighter.refresh()
            if any(not n.resolved for n in review.notes(self.doc.article)):
                self.notes_dock.show()  # the desk left notes: show them on opening
        else:
            self.highlighter.schedule()

    def _on_dock_visibility_changed(self, _visible: bool) -> None:
        on = self.notes_dock.isVisible() or self.checklist_dock.isVisible()
        mode = self.menu_actions["review_mode"]
        if mode.isChecked() != on:
            mode.blockSignals(True)
            mode.setChecked(on)
            mode.blockSignals(False)

    def _on_document_revision_recorded(self, _entry: object) -> None:
        self.summary_edit.clear()

    def _on_summary_edit_text_changed(self, text: str) -> None:
        self.doc.save_summary = text

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        name = field_of(self.window, new)
        if name is not None:
            self._last_field = (name, new)

    def _on_notes_panel_note_activated(self, note: Note) -> None:
        span = review.locate(self.doc.article, note)
        self.highlighter.set_active(note.id)
        if span is None:
            self.window.statusBar().showMessage(
                self.tr("The passage of this note is no longer in the text."), 5000
            )
            return
        self.jump_to(note.field, *span)

    def _on_highlighter_marker(self, note_id: str) -> None:
        self.notes_dock.show()
        self.notes_panel.select_note(note_id)

    def _on_checklist_problem_activated(self, problem: Problem) -> None:
        self.jump_to(problem.field, problem.start, problem.end)

    def _on_checklist_fix_requested(self, problem: Problem) -> None:
        """Apply a house-style fix in its field (one undo step), then check again."""
        from editor.ui.style_marks import apply_fix

        if not apply_fix(self.jump_to(problem.field), problem):
            self.window.statusBar().showMessage(
                self.tr("The passage has changed since the check: check again."), 5000
            )
        self.checklist.refresh()


def install_review(window: MainWindow) -> ReviewController:
    """Add review mode to a window."""
    return ReviewController(window)

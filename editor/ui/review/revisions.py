"""The revision history: compare any two saves, or what changed since the desk last saw it.

The differences show twice: listed per field (word, then character, for Korean) and marked
on the rendered article (insertions and deletions in the site's own page). Any revision can
be restored; restoring is an edit like any other, saved with the next save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor.core import review
from editor.ui import messages
from editor.ui.review.compare import (
    DiffPageView,
    differences_html,
    page_html,
    state_of,
)
from editor.ui.review.notes_panel import short_time

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

CURRENT = ""  # the combo's data for the article as it is now


class RevisionsDialog(QDialog):
    """Pick two revisions, read their differences, restore one."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("revisions_dialog")
        # Deleting on close frees the page view before its web profile, in that order.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Revision History"))
        self.resize(1180, 760)
        self._window, self._doc = window, window.document
        self.old_combo = QComboBox(self)
        self.old_combo.setObjectName("old_revision_combo")
        self.new_combo = QComboBox(self)
        self.new_combo.setObjectName("new_revision_combo")
        self.desk_button = QPushButton(self.tr("Since the Desk Last Saw It"), self)
        self.desk_button.setObjectName("since_desk_button")
        self.desk_button.clicked.connect(self.compare_since_desk)
        self.restore_button = QPushButton(self.tr("Restore Older Revision"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.fields_browser = QTextBrowser(self)
        self.fields_browser.setObjectName("field_differences_browser")
        self.page_view = DiffPageView(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.fields_browser, self.tr("Changes by Field"))
        self.tabs.addTab(self.page_view, self.tr("Changes on the Page"))
        self._build_layout()
        self.fill_revisions()
        self.old_combo.currentIndexChanged.connect(self._on_combo_index_changed)
        self.new_combo.currentIndexChanged.connect(self._on_combo_index_changed)
        if review.desk_revision(self._doc.article):
            self.compare_since_desk()
        else:
            self.compare()

    @classmethod
    def run(cls, window: MainWindow) -> RevisionsDialog:
        """Open the history beside the editor (not modal: the desk keeps editing)."""
        dialog = cls(window)
        dialog.show()
        return dialog

    def _build_layout(self) -> None:
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Compare"), self))
        pick.addWidget(self.old_combo, 1)
        pick.addWidget(QLabel("→", self))
        pick.addWidget(self.new_combo, 1)
        pick.addWidget(self.desk_button)
        legend = QLabel(
            f"<span style='background:#d6f5dd;color:#0b5d1e'>&nbsp;{self.tr('added')}&nbsp;</span>"
            f"&nbsp;<span style='background:#fde0e0;color:#9b1c1c;text-decoration:line-through'>"
            f"&nbsp;{self.tr('deleted')}&nbsp;</span>",
            self,
        )
        legend.setObjectName("diff_legend_label")
        pick.addWidget(legend)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def fill_revisions(self) -> None:
        """List every revision (newest first) in both combos, and the current text."""
        entries = list(reversed(review.revisions(self._doc.article)))
        desk = review.desk_revision(self._doc.article)
        for combo in (self.old_combo, self.new_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Now (including unsaved changes)"), CURRENT)
            for entry in entries:
                combo.addItem(self._entry_text(entry, entry["id"] == desk), entry["id"])
            combo.blockSignals(False)
        self.old_combo.setCurrentIndex(min(1, self.old_combo.count() - 1))
        self.desk_button.setEnabled(desk is not None)

    def _entry_text(self, entry: dict[str, str], desk: bool) -> str:
        author = entry["author"] or self.tr("(no name)")
        text = f"{short_time(entry['time'])} · {author}"
        if entry["summary"]:
            text += f" · {entry['summary']}"
        return text + (self.tr("  [desk]") if desk else "")

    def select(self, old_id: str, new_id: str = CURRENT) -> None:
        """Compare two revisions by id ("" is the article as it is now)."""
        for combo, wanted in ((self.old_combo, old_id), (self.new_combo, new_id)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            combo.blockSignals(False)
        self.compare()

    def compare_since_desk(self) -> None:
        """Compare the revision the desk last saw with the article now."""
        desk = review.desk_revision(self._doc.article)
        if desk:
            self.select(desk, CURRENT)

    def compare(self) -> None:
        """Show the differences between the two chosen states."""
        article = self._doc.article
        old = state_of(article, self.old_combo.currentData() or None)
        new = state_of(article, self.new_combo.currentData() or None)
        self.restore_button.setEnabled(bool(self.old_combo.currentData()))
        if old is None or new is None:
            return
        self.fields_browser.setHtml(differences_html(old, new))
        self.page_view.show_page(page_html(article, old, new))

    def restore(self, revision_id: str) -> bool:
        """Put a revision's text back into the editor (the document's undoable edit)."""
        if not self._doc.restore_revision(revision_id):
            return False
        self.compare()
        return True

    def _on_combo_index_changed(self, _index: int) -> None:
        self.compare()

    def _on_restore_button_clicked(self) -> None:
        revision_id = self.old_combo.currentData()
        if revision_id and messages.ask_restore_revision(self, self.old_combo.currentText()):
            self.restore(revision_id)
            self._window.statusBar().showMessage(
                self.tr("Restored the revision of {when}.").format(
                    when=self.old_combo.currentText()
                ),
                5000,
            )

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt's name
        self.page_view.remove_files()
        super().closeEvent(event)


def open_history(window: MainWindow) -> QWidget:
    """Open the revision history of the window's article."""
    return RevisionsDialog.run(window)

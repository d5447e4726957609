"""Start-up recovery: offer the drafts a crash left behind — restore, discard, or later.

`offer_recovery` runs once at start-up. It lists `DraftStore.orphans()` (drafts whose app
is gone) in a `RecoveryDialog`; a restored draft opens as an unsaved document bound to the
file it came from, and keeps its draft until the user saves or discards it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import DocumentError
from editor.storage.drafts import DraftInfo, DraftStore
from editor.ui import messages

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


class Choice(StrEnum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


class RecoveryDialog(QDialog):
    """List recovered drafts (headline, time, file); act on the selected ones."""

    def __init__(self, drafts: list[DraftInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_dialog")
        self.setWindowTitle(self.tr("Recover Unsaved Articles"))
        self.drafts = list(drafts)
        self.choices: dict[str, Choice] = {d.draft_id: Choice.LATER for d in self.drafts}
        intro = QLabel(
            self.tr(
                "Article Editor closed before these articles were saved. "
                "Restore them to keep working, or discard them."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.draft_list = self._build_list()
        buttons = QDialogButtonBox(self)
        self.restore_button = self._button(buttons, "restore_button", self.tr("Restore"))
        self.discard_button = self._button(buttons, "discard_button", self.tr("Discard"))
        self.later_button = self._button(buttons, "later_button", self.tr("Later"))
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)
        self.later_button.clicked.connect(self.reject)
        self.draft_list.itemSelectionChanged.connect(self._on_draft_list_selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.draft_list)
        layout.addWidget(buttons)
        self.resize(640, 320)

    @classmethod
    def run(cls, parent: QWidget | None, drafts: list[DraftInfo]) -> dict[str, Choice]:
        """Show the dialog modally; return the choice made for each draft."""
        dialog = cls(drafts, parent)
        dialog.exec()
        return dialog.choices

    def _button(self, box: QDialogButtonBox, name: str, text: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        return button

    def _build_list(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("draft_list")
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setHeaderLabels([self.tr("Headline"), self.tr("Last autosaved"), self.tr("File")])
        for info in self.drafts:
            item = QTreeWidgetItem(tree, self.row(info))
            item.setData(0, Qt.ItemDataRole.UserRole, info.draft_id)
            item.setToolTip(2, info.origin or "")
            item.setSelected(True)
        tree.resizeColumnToContents(1)
        tree.setColumnWidth(0, 320)
        return tree

    def row(self, info: DraftInfo) -> list[str]:
        """Return what the list shows of a draft: headline, time, file name."""
        headline = info.headline.strip() or self.tr("Untitled article")
        when = info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
        where = Path(info.origin).name if info.origin else self.tr("Never saved")
        return [headline, when, where]

    def _selected_ids(self) -> list[str]:
        return [i.data(0, Qt.ItemDataRole.UserRole) for i in self.draft_list.selectedItems()]

    def _on_draft_list_selection_changed(self) -> None:
        chosen = bool(self.draft_list.selectedItems())
        self.restore_button.setEnabled(chosen)
        self.discard_button.setEnabled(chosen)

    def _on_restore_button_clicked(self) -> None:
        for draft_id in self._selected_ids():
            self.choices[draft_id] = Choice.RESTORE
        self.accept()

    def _on_discard_button_clicked(self) -> None:
        for item in self.draft_list.selectedItems():
            self.choices[item.data(0, Qt.ItemDataRole.UserRole)] = Choice.DISCARD
            self.draft_list.takeTopLevelItem(self.draft_list.indexOfTopLevelItem(item))
        if self.draft_list.topLevelItemCount() == 0:
            self.accept()


def offer_recovery(
    window: MainWindow,
    new_window: Callable[[], MainWindow],
    store: DraftStore | None = None,
) -> list[MainWindow]:
    """Offer the drafts a crash left behind; return the windows that show restored drafts."""
    store = store or DraftStore()
    drafts = store.orphans()
    if not drafts:
        return []
    choices = RecoveryDialog.run(window, drafts)
    restored: list[MainWindow] = []
    for info in drafts:
        choice = choices.get(info.draft_id, Choice.LATER)
        if choice is Choice.DISCARD:
            store.discard(info.draft_id)
        elif choice is Choice.RESTORE:
            target = window if _can_take(window, info) and window not in restored else new_window()
            if restore_draft(target, store, info):
                restored.append(target)
    return restored


def restore_draft(window: MainWindow, store: DraftStore, info: DraftInfo) -> bool:
    """Open a draft in window as an unsaved document; False (and a message) if unreadable."""
    try:
        article = store.load(info.draft_id)
    except DocumentError as exc:
        title = QCoreApplication.translate("RecoveryDialog", "Could not restore the draft")
        messages.show_error(window, title, exc)
        return False
    origin = Path(info.origin) if info.origin else None
    if origin is not None and not window.confirm_open(origin):
        origin = None  # open elsewhere: restore as an untitled copy rather than fight over it
    window.document.restore(article, origin, info.base)
    window.autosaver.adopt(info.draft_id)
    return True


def _can_take(window: MainWindow, info: DraftInfo) -> bool:
    """Tell whether window shows nothing worth keeping, or the draft's own file unchanged."""
    doc = window.document
    if doc.is_modified:
        return False
    return doc.is_untitled or (info.origin is not None and doc.path == Path(info.origin).resolve())

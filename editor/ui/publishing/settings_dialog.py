"""Settings ▸ Publishing: the targets (kept in the config folder) and their passwords
(kept in the OS keyring, never in a file)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import ArticleError
from editor.publish.targets import Target, load_targets, save_targets
from editor.storage.secrets import set_secret
from editor.ui import messages

_TEXT_FIELDS = ("name", "url", "user", "repo", "branch", "content_dir")


class PublishSettingsDialog(QDialog):
    """Edit the list of publish targets."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publish_settings_dialog")
        self.setWindowTitle(self.tr("Publishing Settings"))
        self.targets = load_targets()
        self.passwords: dict[int, str] = {}
        self._current = -1
        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)
        body.addLayout(self._build_list(), 1)
        body.addLayout(self._build_form(), 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._refill(0)
        self.resize(720, 380)

    def _build_list(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.target_list = QListWidget(self)
        self.target_list.setObjectName("publish_target_list")
        self.target_list.currentRowChanged.connect(self._on_list_row_changed)
        column.addWidget(self.target_list, 1)
        row = QHBoxLayout()
        add = QPushButton(self.tr("Add"), self)
        add.setObjectName("publish_add_button")
        add.clicked.connect(self._on_add)
        remove = QPushButton(self.tr("Remove"), self)
        remove.setObjectName("publish_remove_button")
        remove.clicked.connect(self._on_remove)
        row.addWidget(add)
        row.addWidget(remove)
        column.addLayout(row)
        return column

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        self.kind_combo = QComboBox(self)
        self.kind_combo.addItem(self.tr("WordPress"), "wordpress")
        self.kind_combo.addItem(self.tr("Git (Hugo or Jekyll site)"), "git")
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        form.addRow(self.tr("Kind"), self.kind_combo)
        labels = {
            "name": self.tr("Name"),
            "url": self.tr("Site address"),
            "user": self.tr("User name"),
            "repo": self.tr("Repository"),
            "branch": self.tr("Branch"),
            "content_dir": self.tr("Content folder"),
        }
        self.edits: dict[str, QLineEdit] = {}
        for key in _TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"publish_{key}_edit")
            self.edits[key] = edit
            form.addRow(labels[key], edit)
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("publish_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Application password (kept in the keyring)"))
        form.addRow(self.tr("Password"), self.password_edit)
        self.layout_combo = QComboBox(self)
        self.layout_combo.addItem("Hugo", "hugo")
        self.layout_combo.addItem("Jekyll", "jekyll")
        form.addRow(self.tr("Site layout"), self.layout_combo)
        self.form = form
        return form

    # -- list and form ----------------------------------------------------------------------
    def _refill(self, row: int) -> None:
        self.target_list.blockSignals(True)
        self.target_list.clear()
        for target in self.targets:
            self.target_list.addItem(target.label)
        self.target_list.setCurrentRow(-1)  # so that choosing a row below always loads it
        self.target_list.blockSignals(False)
        self._current = -1
        if self.targets:
            self.target_list.setCurrentRow(min(row, len(self.targets) - 1))
        self._show_kind()

    def _on_list_row_changed(self, row: int) -> None:
        if not self._store_current():
            return
        self._current = row
        if 0 <= row < len(self.targets):
            target = self.targets[row]
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(target.kind))
            for key, edit in self.edits.items():
                edit.setText(getattr(target, key))
            self.layout_combo.setCurrentIndex(self.layout_combo.findData(target.layout))
            self.password_edit.setText(self.passwords.get(row, ""))
        self._show_kind()

    def _on_kind_combo_changed(self, _index: int) -> None:
        self._show_kind()

    def _show_kind(self) -> None:
        wordpress = self.kind_combo.currentData() == "wordpress"
        for key in ("url", "user"):
            self.form.setRowVisible(self.edits[key], wordpress)
        self.form.setRowVisible(self.password_edit, wordpress)
        for key in ("repo", "branch", "content_dir"):
            self.form.setRowVisible(self.edits[key], not wordpress)
        self.form.setRowVisible(self.layout_combo, not wordpress)

    def form_target(self) -> Target:
        """Return the target the form describes (raises PublishError when incomplete)."""
        kind = self.kind_combo.currentData()
        hidden = ("repo", "branch", "content_dir") if kind == "wordpress" else ("url", "user")
        values = {k: e.text().strip() for k, e in self.edits.items() if k not in hidden}
        layout = self.layout_combo.currentData() if kind == "git" else "hugo"
        return Target(kind, layout=layout, **values)

    def _store_current(self) -> bool:
        if not 0 <= self._current < len(self.targets):
            return True
        try:
            self.targets[self._current] = self.form_target()
        except ArticleError as exc:
            messages.show_error(self, self.tr("The target is incomplete"), exc)
            return False
        if self.password_edit.text():
            self.passwords[self._current] = self.password_edit.text()
        return True

    def _on_add(self) -> None:
        if not self._store_current():
            return
        self.targets.append(Target("wordpress", url="https://", user="reporter"))
        self._refill(len(self.targets) - 1)

    def _on_remove(self) -> None:
        if 0 <= self._current < len(self.targets):
            gone = self._current
            del self.targets[gone]
            self.passwords = {(r if r < gone else r - 1): p
                              for r, p in self.passwords.items() if r != gone}  # fmt: skip
            self._current = -1  # nothing to store from the removed row
            self._refill(gone)

    def _on_save(self) -> None:
        if not self._store_current():
            return
        try:
            for row, password in self.passwords.items():
                target = self.targets[row]
                set_secret(target.key, target.user, password)
            save_targets(self.targets)
        except ArticleError as exc:
            messages.show_error(self, self.tr("Publishing settings were not saved"), exc)
            return
        self.accept()

    @classmethod
    def run(cls, parent: QWidget | None) -> bool:
        """Show the dialog modally; return whether it saved (the one door tests patch)."""
        return cls(parent).exec() == QDialog.DialogCode.Accepted

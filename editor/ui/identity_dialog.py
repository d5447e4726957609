"""Ask who is using the app: name, e-mail and role (asked on the first run, changeable later)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor.ui.identity import Role, User


class IdentityDialog(QDialog):
    """Name and e-mail for new articles' byline, and the newsroom role that decides approval."""

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identity_dialog")
        self.setWindowTitle(self.tr("Who Is Writing"))
        self.name_edit = QLineEdit(user.name, self)
        self.name_edit.setObjectName("identity_name_edit")
        self.email_edit = QLineEdit(user.email, self)
        self.email_edit.setObjectName("identity_email_edit")
        self.role_combo = QComboBox(self)
        self.role_combo.setObjectName("identity_role_combo")
        self.role_combo.addItem(self.tr("Reporter"), Role.REPORTER.value)
        self.role_combo.addItem(self.tr("Desk editor (approves articles)"), Role.DESK.value)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(user.role.value)))
        intro = QLabel(
            self.tr(
                "New articles carry this name as their byline; notes, saves and approvals "
                "are signed with it. Only a desk editor can approve an article."
            ),
            self,
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name_edit)
        form.addRow(self.tr("E-mail"), self.email_edit)
        form.addRow(self.tr("Role"), self.role_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(
            lambda text: buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
                bool(text.strip())
            )
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(user.name.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def user(self) -> User:
        """Return the user as filled in."""
        return User(
            self.name_edit.text().strip(),
            self.email_edit.text().strip(),
            Role.parse(self.role_combo.currentData()),
        )

    @classmethod
    def run(cls, parent: QWidget | None, user: User) -> User | None:
        """Ask modally; return the user, or None when cancelled."""
        dialog = cls(user, parent)
        return dialog.user() if dialog.exec() == QDialog.DialogCode.Accepted else None

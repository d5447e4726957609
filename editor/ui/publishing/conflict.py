"""Edited on the web: show what changed with the app's compare view, and let the user choose."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from editor.publish.outbox import Job
from editor.publish.pastekit import html_to_text
from editor.ui.review.compare import differences_html


def _state(copy: dict) -> dict:
    """Return a remote copy as the fields the compare view reads."""
    return {
        "headline": copy.get("title", ""),
        "summary": copy.get("excerpt", ""),
        "body": html_to_text(copy.get("content", "") or ""),
    }


class ConflictDialog(QDialog):
    """The web's copy against ours: keep theirs, overwrite, or decide later."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publish_conflict_dialog")
        self.setWindowTitle(self.tr("Edited on the web"))
        self.choice = "cancel"
        layout = QVBoxLayout(self)
        where = job.remote.get("url") or job.target_obj.label
        text = self.tr(
            "“{headline}” was changed at {where} since it was last sent. Marked below: what "
            "sending now would change in the web's copy."
        ).format(headline=job.headline, where=where)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.diff_view = QTextBrowser(self)
        self.diff_view.setObjectName("publish_conflict_diff")
        self.diff_view.setHtml(differences_html(_state(job.remote), _state(job.ours)))
        layout.addWidget(self.diff_view, 1)
        buttons = QDialogButtonBox(self)
        keep = buttons.addButton(self.tr("Keep Theirs"), QDialogButtonBox.ButtonRole.RejectRole)
        over = buttons.addButton(self.tr("Overwrite"), QDialogButtonBox.ButtonRole.DestructiveRole)
        later = buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.clicked.connect(lambda: self._choose("theirs"))
        over.clicked.connect(lambda: self._choose("overwrite"))
        later.clicked.connect(lambda: self._choose("cancel"))
        layout.addWidget(buttons)
        self.resize(720, 520)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, job: Job) -> str:
        """Show the dialog modally; return theirs, overwrite or cancel (the door tests patch)."""
        dialog = cls(job, parent)
        dialog.exec()
        return dialog.choice

"""The article's status: submit to the desk, approve, return to the reporter.

Whoever sets the status, the form's combo or these actions, the document records the
approval with the user's name from the settings; editing an approved article sends it
back for review.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from editor.core import review
from editor.core.model import Article, Status
from editor.ui.document import ALL_FIELDS

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

translate = QCoreApplication.translate
NOTICE_MS = 10_000
NOT_EDITS = {"status", ALL_FIELDS}


def status_label(status: Status) -> str:
    """Return the status as the newsroom says it."""
    return {
        Status.DRAFT: translate("ReviewStatus", "Draft"),
        Status.READY: translate("ReviewStatus", "Ready for desk"),
        Status.APPROVED: translate("ReviewStatus", "Approved"),
    }[status]


def title_suffix(article: Article) -> str:
    """Return what the window title adds for the status: " [승인됨]", or nothing for drafts."""
    return "" if article.status is Status.DRAFT else f" [{status_label(article.status)}]"


def status_line(article: Article) -> str:
    """Return the status with who approved and when."""
    approved = review.approval(article)
    if approved:
        # Imported here: the window's title uses this module before its first paint, and
        # the notes panel's widget classes cost ~30 ms to load.
        from editor.core.signing import VERIFIED
        from editor.storage.approvals import state
        from editor.ui.review.notes_panel import short_time

        text = translate("ReviewStatus", "Approved by {who}, {when}")
        if state(article) != VERIFIED:
            text = translate("ReviewStatus", "Approval unverified ({who}, {when})")
        return text.format(who=approved["by"] or "?", when=short_time(approved["at"]))
    return status_label(article.status)


class StatusFlow(QObject):
    """Status actions for the menu and the panel; the document keeps the books.

    Approving and returning are the desk's: a reporter only sees "Submit to Desk".
    """

    status_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window, self._doc = window, window.document
        self.submit_action = self._action("submit", self.tr("&Submit to Desk"), self.submit)
        self.approve_action = self._action("approve", self.tr("&Approve"), self.approve)
        self.return_action = self._action(
            "return", self.tr("&Return to Reporter"), self.return_to_reporter
        )
        self._doc.changed.connect(self._on_document_changed)
        self._doc.approval_withdrawn.connect(self._on_document_approval_withdrawn)
        self._on_document_changed(ALL_FIELDS)

    def _action(self, name: str, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(f"{name}_action")
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        return [self.submit_action, self.approve_action, self.return_action]

    def submit(self) -> None:
        """Hand the article to the desk."""
        self._doc.set_status(Status.READY)

    def approve(self) -> None:
        """Approve the article as it is now (who and when are recorded); desk only."""
        if self._doc.user.is_desk:
            self._doc.approve()

    def return_to_reporter(self) -> None:
        """Send the article back to the reporter as a draft, noting the desk saw it."""
        if self._doc.user.is_desk:
            self._doc.return_to_reporter()

    def update_actions(self) -> None:
        """Offer what the user's role and the article's status allow."""
        status, desk = self._doc.article.status, self._doc.user.is_desk
        self.submit_action.setEnabled(status is Status.DRAFT)
        self.approve_action.setVisible(desk)
        self.approve_action.setEnabled(desk and status is not Status.APPROVED)
        self.return_action.setVisible(desk)
        self.return_action.setEnabled(desk and status is not Status.DRAFT)

    def _on_document_changed(self, field: str) -> None:
        if field in NOT_EDITS:
            self.update_actions()
            self.status_changed.emit()

    def _on_document_approval_withdrawn(self) -> None:
        self._window.statusBar().showMessage(
            self.tr("This article was approved; the edit sends it back to the desk for review."),
            NOTICE_MS,
        )


class StatusStrip(QWidget):
    """The status, who approved it and when, and the three status buttons."""

    def __init__(self, flow: StatusFlow, article: Callable[[], Article], parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("status_strip")
        self._article = article
        self.status_label = QLabel(self)
        self.status_label.setObjectName("review_status_label")
        self.status_label.setProperty("role", "field_title")
        # A longer status ("Approved by …, 04-04 09:00") wraps; it never widens the dock.
        self.status_label.setWordWrap(True)
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        for action in flow.actions():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setObjectName(f"{action.objectName()[:-7]}_button")
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.setSpacing(4)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        flow.status_changed.connect(self.update_status)
        self.update_status()

    def update_status(self) -> None:
        """Show the status as it is now."""
        self.status_label.setText(status_line(self._article()))

"""The Outbox window: every publish job, its state, where it went or the server's words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.publish.outbox import FAILED, Job

if TYPE_CHECKING:
    from editor.ui.publishing.controller import PublishingController


class OutboxWindow(QDialog):
    """List the outbox; send, retry, resolve or remove a job."""

    def __init__(self, controller: PublishingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outbox_window")
        self.setWindowTitle(self.tr("Outbox"))
        self.controller = controller
        layout = QVBoxLayout(self)
        self.job_list = QTreeWidget(self)
        self.job_list.setObjectName("outbox_job_list")
        self.job_list.setRootIsDecorated(False)
        self.job_list.setHeaderLabels(
            [self.tr("Article"), self.tr("Target"), self.tr("State"), self.tr("Where / why")]
        )
        self.job_list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.job_list, 1)
        row = QHBoxLayout()
        self.send_button = self._button(
            row, "outbox_send_button", self.tr("Send Now"), self._on_send
        )
        self.resolve_button = self._button(
            row, "outbox_resolve_button", self.tr("Resolve…"), self._on_resolve
        )
        self.remove_button = self._button(
            row, "outbox_remove_button", self.tr("Remove"), self._on_remove
        )
        row.addStretch(1)
        layout.addLayout(row)
        self.resize(820, 320)

    def _button(self, row: QHBoxLayout, name: str, text: str, slot) -> QPushButton:  # noqa: ANN001
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def state_label(self, job: Job) -> str:
        """Return a job's state in words."""
        labels = {
            "queued": self.tr("Queued"),
            "sending": self.tr("Sending"),
            "sent": self.tr("Sent"),
            "failed": self.tr("Edited on the web") if job.conflict else self.tr("Failed"),
        }
        return labels.get(job.state, job.state)

    def refresh(self) -> None:
        """Show the jobs as they are on disk now."""
        self.job_list.clear()
        for job in reversed(self.controller.outbox.jobs()):  # newest first
            where = self.controller.describe(job)
            item = QTreeWidgetItem(
                [job.headline, job.target_obj.label, self.state_label(job), where]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, job.id)
            item.setToolTip(3, where)
            self.job_list.addTopLevelItem(item)
        for column in range(3):
            self.job_list.resizeColumnToContents(column)
        self._update_buttons()

    def selected_job(self) -> Job | None:
        items = self.job_list.selectedItems()
        if not items:
            return None
        return self.controller.outbox.get(items[0].data(0, Qt.ItemDataRole.UserRole))

    def _update_buttons(self) -> None:
        job = self.selected_job()
        self.send_button.setEnabled(job is not None and job.state != "sent")
        self.resolve_button.setEnabled(job is not None and job.conflict)
        self.remove_button.setEnabled(job is not None and job.state != "sending")

    def _on_send(self) -> None:
        job = self.selected_job()
        if job is None:
            return
        if job.state == FAILED:
            self.controller.outbox.retry(job.id)
        self.controller.runner.send(job.id)

    def _on_resolve(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.controller._resolve(job)
            self.refresh()

    def _on_remove(self) -> None:
        job = self.selected_job()
        if job is not None:
            self.controller.outbox.remove(job.id)
            self.refresh()
            self.controller.update_status()

"""The Publish menu and the outbox's state in the status bar, for one window."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu

from editor.core.assignment import is_embargoed
from editor.core.clock import aware, newsroom_zone
from editor.core.errors import ErrorRecord
from editor.publish.outbox import FAILED, QUEUED, SENDING, SENT, Job, Outbox
from editor.publish.records import set_record
from editor.publish.targets import Target, load_targets
from editor.ui import messages
from editor.ui.publishing.runner import OutboxRunner

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow


class PublishingController(QObject):
    """Queue the window's article for a target, send it, and tell how it went."""

    def __init__(self, window: MainWindow, outbox: Outbox | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.outbox = outbox or Outbox()
        self.runner = OutboxRunner(self.outbox, self)
        self.runner.job_changed.connect(self._on_runner_job_changed)
        self.status_label = QLabel(window)
        self.status_label.setObjectName("publish_status_label")
        window.statusBar().addPermanentWidget(self.status_label)
        self.outbox_window = None
        self.paste_kit = None
        self.menu = self._build_menu()
        self.update_status()
        self.runner.send_due()  # what an earlier run left queued (or sending, when killed)

    # -- the menu ---------------------------------------------------------------------------
    def _build_menu(self) -> QMenu:
        bar = self.window.menuBar()
        menu = QMenu(self.tr("&Publish"), bar)
        menu.setObjectName("publish_menu")
        help_action = bar.actions()[-1] if bar.actions() else None
        bar.insertMenu(help_action, menu) if help_action else bar.addMenu(menu)
        self.targets_menu = menu
        menu.aboutToShow.connect(self._fill_menu)
        self._fill_menu()
        return menu

    def _fill_menu(self) -> None:
        menu = self.targets_menu
        menu.clear()
        targets = load_targets()
        for n, target in enumerate(targets):
            text = self.tr("Publish to {target}").format(target=target.label)
            action = self._action(menu, f"publish_{n}", text, lambda t=target: self.publish(t))
            if n == 0:
                action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        if not targets:
            self._action(menu, "publish_0", self.tr("Publish…"), self.publish)
        menu.addSeparator()
        self._action(menu, "paste_kit", self.tr("Paste &Kit…"), self.show_paste_kit)
        self._action(menu, "outbox", self.tr("&Outbox"), self.show_outbox)
        menu.addSeparator()
        self._action(menu, "publish_settings", self.tr("Publishing &Settings…"), self.show_settings)

    def _action(self, menu: QMenu, name: str, text: str, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, menu)
        action.setObjectName(f"{name}_action")
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.actions.by_name[name] = action
        return action

    # -- publishing -------------------------------------------------------------------------
    def publish(self, target: Target | None = None) -> Job | None:
        """Queue the article for the target and start sending; None when there is none."""
        if target is None:
            messages.information(
                self.window,
                self.tr("No publish target"),
                self.tr("Add a WordPress site or a Git repository in Publishing Settings first."),
            )
            self.show_settings()
            return None
        doc = self.window.document
        source = str(doc.path) if doc.path else ""
        job = self.outbox.add(doc.article, target, source=source, write_back=False)
        self.runner.send(job.id)
        self.update_status(job)
        return job

    def _on_runner_job_changed(self, job: Job) -> None:
        if job.state == SENT:
            self._remember(job)
        elif job.state == FAILED and job.conflict:
            self._resolve(job)
        self.update_status(job)
        if self.outbox_window is not None:
            self.outbox_window.refresh()

    def _remember(self, job: Job) -> None:
        """Keep where the article went in the open document, so republishing updates it."""
        doc = self.window.document
        if job.source != (str(doc.path) if doc.path else "") or not job.record:
            return
        was_modified = doc.is_modified
        set_record(doc.article, job.target_obj.key, job.record)
        if doc.path is not None and not was_modified:
            try:
                doc.save()
            except Exception as exc:  # noqa: BLE001 - saving later keeps the record too
                doc.set_modified(True)
                messages.show_error(self.window, self.tr("The record was not saved"), exc)
        else:
            doc.set_modified(True)

    def _resolve(self, job: Job) -> None:
        from editor.ui.publishing.conflict import ConflictDialog

        choice = ConflictDialog.ask(self.window, job)
        if choice == "overwrite":
            self.outbox.retry(job.id, overwrite=True)
            self.runner.send(job.id)
        elif choice == "theirs":
            self.outbox.remove(job.id)

    def describe(self, job: Job) -> str:
        """Return where a job went, or why it has not gone, in words."""
        if job.state == SENT:
            return job.url
        if job.reason == "unreachable":
            when = job.next_try and datetime.fromisoformat(job.next_try).astimezone()
            at = when.strftime("%H:%M") if when else "?"
            return self.tr("No answer from the site; trying again at {time}.").format(time=at)
        if job.reason == "auth":
            return self.tr("The site refused the account or password. {words}").format(
                words=job_error_words(job)
            )
        if job.reason == "conflict":
            return self.tr("Edited on the web since it was sent; nothing was overwritten.")
        return job_error_words(job)

    def update_status(self, job: Job | None = None) -> None:
        """Show the outbox's state: sending, waiting, or how the last job ended."""
        jobs = self.outbox.jobs()
        waiting = sum(j.state in (QUEUED, SENDING) for j in jobs)
        if job is not None and job.state == SENDING:
            text = self.tr("Publishing “{headline}”…").format(headline=job.headline)
        elif job is not None and job.state == SENT and (held := self._embargo_end()):
            # WordPress holds it as scheduled, a Git-kept site as a draft: say so.
            text = self.tr("Sent, held back until {time} (embargo): {url}").format(
                time=held, url=job.url
            )
        elif job is not None and job.state == SENT:
            text = self.tr("Published: {url}").format(url=job.url)
        elif job is not None and job.state == FAILED:
            text = self.tr("Not published: {reason}").format(reason=self.describe(job))
        elif waiting:
            text = self.tr("Outbox: {count} waiting").format(count=waiting)
        else:
            text = ""
        self.status_label.setText(text)
        self.status_label.setToolTip(self.describe(job) if job is not None else "")

    def _embargo_end(self) -> str:
        """Return the open article's embargo end in the newsroom's time, "" when none is ahead."""
        article = self.window.document.article
        if article.embargo is None or not is_embargoed(article):
            return ""
        return aware(article.embargo).astimezone(newsroom_zone()).strftime("%Y-%m-%d %H:%M %Z")

    # -- windows ----------------------------------------------------------------------------
    def show_outbox(self) -> None:
        from editor.ui.publishing.outbox_window import OutboxWindow

        if self.outbox_window is None:
            self.outbox_window = OutboxWindow(self, self.window)
        self.outbox_window.refresh()
        self.outbox_window.show()
        self.outbox_window.raise_()

    def show_paste_kit(self) -> None:
        from editor.ui.publishing.paste_kit import PasteKitPanel

        if self.paste_kit is None:
            self.paste_kit = PasteKitPanel(self.window.document, self.window)
        self.paste_kit.refresh()
        self.paste_kit.show()
        self.paste_kit.raise_()

    def show_settings(self) -> None:
        from editor.ui.publishing.settings_dialog import PublishSettingsDialog

        PublishSettingsDialog.run(self.window)
        self._fill_menu()


def job_error_words(job: Job) -> str:
    """Return a job's last error in the user's language (the stored English for older jobs)."""
    record = ErrorRecord.from_dict(job.error)
    return messages.error_words(record) if record else job.message

"""The export dialog: choose the bundle and destination, export off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QWidget,
)

from editor.core.assignment import is_embargoed
from editor.core.clock import aware, newsroom_zone
from editor.core.model import Article
from editor.export import ExportFormat, export_article
from editor.ui import messages
from editor.ui.document import ArticleDocument
from editor.ui.environment import open_url
from editor.ui.review.checklist_panel import confirm_export
from editor.ui.settings import Settings


class _ExportSignals(QObject):
    progress = Signal(int)  # percent
    finished = Signal(object)  # Path written
    failed = Signal(object)  # exception


class ExportJob(QRunnable):
    """Run export_article on a copy of the article in a pool thread."""

    def __init__(
        self,
        article: Article,
        fmt: str,
        out_dir: Path,
        *,
        as_zip: bool,
        force: bool,
        source: Path | None = None,
    ) -> None:
        super().__init__()
        self.signals = _ExportSignals()
        self._article, self._fmt, self._out_dir = article, fmt, out_dir
        self._as_zip, self._force, self._source = as_zip, force, source
        self.setAutoDelete(False)  # Python keeps the job (and its signals) alive

    def run(self) -> None:
        """Export and report progress, the result or the error through signals."""
        try:
            written = export_article(
                self._article,
                ExportFormat(self._fmt),
                self._out_dir,
                as_zip=self._as_zip,
                force=self._force,
                progress=self._on_progress,
                source=self._source,
            )
        except Exception as exc:  # noqa: BLE001 - every failure becomes a message
            self.signals.failed.emit(exc)
            return
        self.signals.finished.emit(Path(written))

    def _on_progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(100 * done / total) if total else 0)


class ExportDialog(QDialog):
    """Markdown or HTML bundle, as a folder or a zip, to a destination folder."""

    export_finished = Signal(object)  # Path
    export_failed = Signal(object)  # exception

    def __init__(
        self, document: ArticleDocument, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export Article"))
        self.setMinimumWidth(520)
        self._doc, self._settings = document, settings
        self._job: ExportJob | None = None
        self.markdown_radio = QRadioButton(self.tr("Markdown bundle (index.md + images)"), self)
        self.html_radio = QRadioButton(self.tr("HTML bundle (page, styles, sized images)"), self)
        self.folder_radio = QRadioButton(self.tr("Folder"), self)
        self.zip_radio = QRadioButton(self.tr("Zip file"), self)
        self._groups = [QButtonGroup(self), QButtonGroup(self)]
        for group, buttons in zip(
            self._groups,
            ((self.markdown_radio, self.html_radio), (self.folder_radio, self.zip_radio)),
            strict=True,
        ):
            for button in buttons:
                group.addButton(button)
        self.markdown_radio.setChecked(True)  # after grouping: siblings are auto-exclusive
        self.folder_radio.setChecked(True)
        self.destination_edit = QLineEdit(self._default_destination(), self)
        self.destination_edit.setObjectName("destination_edit")
        self.browse_button = QPushButton(self.tr("Browse…"), self)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.overwrite_check = QCheckBox(self.tr("Replace an earlier export of this article"), self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setVisible(False)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("export_button")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        self._build_layout()

    def _build_layout(self) -> None:
        layout = QFormLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.setVerticalSpacing(10)
        layout.addRow(self.tr("Format"), self.markdown_radio)
        layout.addRow("", self.html_radio)
        packaging = QHBoxLayout()
        packaging.addWidget(self.folder_radio)
        packaging.addWidget(self.zip_radio)
        packaging.addStretch(1)
        layout.addRow(self.tr("Package as"), packaging)
        destination = QHBoxLayout()
        destination.addWidget(self.destination_edit, 1)
        destination.addWidget(self.browse_button)
        layout.addRow(self.tr("Destination"), destination)
        layout.addRow("", self.overwrite_check)
        layout.addRow(self.progress_bar)
        layout.addRow(self.buttons)

    @classmethod
    def run(cls, parent: QWidget, document: ArticleDocument, settings: Settings) -> None:
        """Show the dialog modally (the one door tests patch)."""
        cls(document, settings, parent).exec()

    def _default_destination(self) -> str:
        saved = self._settings.last_folder()
        if self._doc.path is not None:
            return str(self._doc.path.parent)
        return saved or str(Path.home())

    @property
    def format_name(self) -> str:
        return "html" if self.html_radio.isChecked() else "markdown"

    def start_export(self) -> None:
        """Export a snapshot of the article in the background."""
        if self._job is not None:
            return
        if not confirm_export(self, self._doc.article):
            return
        from editor.export.bundle import export_ids

        out_dir = Path(self.destination_edit.text().strip() or ".").expanduser()
        export_ids(self._doc.article, self._doc.path)  # an untitled article gets its id here
        job = ExportJob(
            self._doc.article.copy(),
            self.format_name,
            out_dir,
            as_zip=self.zip_radio.isChecked(),
            force=self.overwrite_check.isChecked(),
            source=self._doc.path,
        )
        job.signals.progress.connect(self.progress_bar.setValue)
        job.signals.finished.connect(self._on_job_finished)
        job.signals.failed.connect(self._on_job_failed)
        self._job = job
        self._set_busy(True)
        QThreadPool.globalInstance().start(job)

    def _set_busy(self, busy: bool) -> None:
        self.progress_bar.setVisible(True)
        if busy:
            self.progress_bar.setValue(0)
        for widget in (self.export_button, self.browse_button, self.destination_edit):
            widget.setEnabled(not busy)

    def _on_browse_button_clicked(self) -> None:
        chosen = messages.choose_export_folder(self, self.destination_edit.text())
        if chosen:
            self.destination_edit.setText(chosen)

    def _on_job_finished(self, written: Path) -> None:
        self._job = None
        self._set_busy(False)
        self.progress_bar.setValue(100)
        self._settings.set_last_folder(str(written.parent))
        self.export_finished.emit(written)
        self._tell_embargo()
        folder = written if written.is_dir() else written.parent
        if messages.ask_open_folder(self, str(written)):
            open_url(QUrl.fromLocalFile(str(folder)))  # the user's file manager, their environment
        self.accept()

    def _tell_embargo(self) -> None:
        """Say that the bundle is held back while the article's embargo is in force."""
        article = self._doc.article
        if article.embargo is None or not is_embargoed(article):
            return
        local = aware(article.embargo).astimezone(newsroom_zone())
        messages.information(
            self,
            self.tr("Embargoed article"),
            self.tr(
                "This article is under embargo until {time}. The export is marked as not "
                "for publication (draft, withheld) until then; export it again after the "
                "embargo to publish it."
            ).format(time=local.strftime("%Y-%m-%d %H:%M %Z")),
        )

    def _on_job_failed(self, exc: BaseException) -> None:
        self._job = None
        self._set_busy(False)
        self.progress_bar.setVisible(False)
        self.export_failed.emit(exc)
        messages.show_error(self, self.tr("Export failed"), exc)

"""The paste kit panel: copy each field of the CMS form in turn, and save the photo folder.

For the vendor CMS with no API: the body goes on the clipboard as clean HTML and as plain
text together (text/html + text/plain), so the CMS's editor takes the HTML and a "paste as
text" or Notepad gets the words.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import ArticleError
from editor.publish.pastekit import PasteField, PasteKit, build_kit, write_photos
from editor.ui import messages

PREVIEW_CHARS = 90


class PasteKitPanel(QDialog):
    """One row per CMS field with a Copy button; Copy Next walks the form's order."""

    def __init__(self, document, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("paste_kit_panel")
        self.setWindowTitle(self.tr("Paste Kit"))
        self.document = document
        self.kit: PasteKit | None = None
        self.next_index = 0
        self.rows: dict[str, tuple[QLabel, QPushButton]] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Copy each field in turn and paste it into the CMS form."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        layout.addLayout(self.grid)
        self.photos_label = QLabel(self)
        self.photos_label.setObjectName("paste_kit_photos_label")
        self.photos_label.setWordWrap(True)
        layout.addWidget(self.photos_label)
        row = QHBoxLayout()
        self.next_button = QPushButton(self.tr("Copy Next"), self)
        self.next_button.setObjectName("paste_kit_next_button")
        self.next_button.clicked.connect(self.copy_next)
        self.photos_button = QPushButton(self.tr("Save Photos…"), self)
        self.photos_button.setObjectName("paste_kit_photos_button")
        self.photos_button.clicked.connect(self._on_photos_button_clicked)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.photos_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.resize(640, 420)

    def field_label(self, key: str) -> str:
        """Return the name of a CMS form field."""
        return {
            "headline": self.tr("Headline"),
            "subhead": self.tr("Subhead"),
            "body": self.tr("Body"),
            "caption": self.tr("Caption"),
            "credit": self.tr("Credit"),
            "tags": self.tr("Tags"),
        }[key]

    def refresh(self) -> None:
        """Build the kit from the document as it is now."""
        try:
            self.kit = build_kit(self.document.article)
        except ArticleError as exc:
            messages.show_error(self, self.tr("The paste kit could not be made"), exc)
            return
        self._clear_rows()
        for n, item in enumerate(self.kit.fields):
            self._add_row(n, item)
        photos = self.kit.photos
        self.photos_label.setText(
            self.tr("Photos, upload in this order: {names}").format(
                names=", ".join(p.name for p in photos)
            )
            if photos
            else self.tr("No photos.")
        )
        self.photos_button.setEnabled(bool(photos))
        self.next_index = 0
        self._update_next()

    def _clear_rows(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows = {}

    def _add_row(self, n: int, item: PasteField) -> None:
        name = QLabel(self.field_label(item.key), self)
        flat = " ".join(item.text.split())
        shown = flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1] + "…"
        preview = QLabel(shown or self.tr("(empty)"), self)
        preview.setObjectName(f"paste_kit_{item.key}_preview")
        preview.setTextFormat(preview.textFormat().PlainText)  # a field is text, never markup
        copy = QPushButton(self.tr("Copy"), self)
        copy.setObjectName(f"paste_kit_{item.key}_button")
        copy.setEnabled(bool(item.text))
        copy.clicked.connect(lambda _c=False, i=n: self.copy_field(i))
        self.grid.addWidget(name, n, 0)
        self.grid.addWidget(preview, n, 1)
        self.grid.addWidget(copy, n, 2)
        self.rows[item.key] = (preview, copy)

    def copy_field(self, index: int) -> None:
        """Put one field on the clipboard (text/plain, and text/html where it has markup)."""
        if self.kit is None:
            return
        item = self.kit.fields[index]
        data = QMimeData()
        data.setText(item.text)
        if item.html:
            data.setHtml(item.html)
        QApplication.clipboard().setMimeData(data)
        self.next_index = index + 1
        self._update_next()
        owner = self.parentWidget()
        if owner is not None and hasattr(owner, "statusBar"):
            message = self.tr("Copied: {field}").format(field=self.field_label(item.key))
            owner.statusBar().showMessage(message, 3000)

    def copy_next(self) -> None:
        """Copy the next non-empty field of the form."""
        if self.kit is None:
            return
        while self.next_index < len(self.kit.fields) and not self.kit.fields[self.next_index].text:
            self.next_index += 1
        if self.next_index < len(self.kit.fields):
            self.copy_field(self.next_index)

    def _update_next(self) -> None:
        fields = self.kit.fields if self.kit else []
        left = [f for f in fields[self.next_index :] if f.text]
        self.next_button.setEnabled(bool(left))
        self.next_button.setText(
            self.tr("Copy Next: {field}").format(field=self.field_label(left[0].key))
            if left
            else self.tr("All fields copied")
        )

    def _on_photos_button_clicked(self) -> None:
        folder = messages.choose_export_folder(self, "")
        if folder and self.kit is not None:
            self.save_photos(Path(folder))

    def save_photos(self, folder: Path) -> list[Path]:
        """Write the photo folder and say where."""
        try:
            paths = write_photos(self.kit, folder) if self.kit else []
        except ArticleError as exc:
            messages.show_error(self, self.tr("The photos were not saved"), exc)
            return []
        self.photos_label.setText(
            self.tr("Saved {count} photos and captions.txt in {folder}").format(
                count=len(paths), folder=folder
            )
        )
        return paths

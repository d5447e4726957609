"""Lead image panel: thumbnail, choose / drop / paste / remove, alt text, caption, credit."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from editor.core.errors import ImageError
from editor.core.model import LeadImage
from editor.ui import messages
from editor.ui.document import ArticleDocument
from editor.ui.headline_edit import HeadlineEdit
from editor.ui.image_input import has_image, images_from_mime, read_image_file, thumbnail
from editor.ui.thumbnail_cache import cached_thumbnail

THUMB_WIDTH, THUMB_HEIGHT = 150, 108


class LeadImagePanel(QWidget):
    """Edit the article's lead image; every image goes through the document's checks."""

    _decoded = Signal(int, QImage)  # (request number, thumbnail) from the decoding thread
    thumbnail_shown = Signal()

    def __init__(self, document: ArticleDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lead_image_panel")
        self._doc = document
        self._shown_src: str | None = None
        self._request = 0  # the thumbnail asked for last; an older decode is dropped
        self.thumbnail_pending = False
        self._decoded.connect(self._on_decoded)
        self.setAcceptDrops(True)
        self.thumbnail_label = QLabel(self)
        self.thumbnail_label.setObjectName("lead_thumbnail_label")
        self.thumbnail_label.setFixedSize(THUMB_WIDTH, THUMB_HEIGHT)
        self.thumbnail_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail_label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.paste_button = QPushButton(self.tr("Paste"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.alt_edit = self._line_edit(
            "lead_alt_edit", self.tr("Describe the photo for readers who cannot see it")
        )
        self.caption_edit = self._line_edit("lead_caption_edit", self.tr("▲ What the photo shows"))
        self.credit_edit = self._line_edit("lead_credit_edit", self.tr("e.g. 사진=세종시 제공"))
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.paste_button.clicked.connect(self.paste_image)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self._build_layout()
        document.changed.connect(self._on_document_changed)
        self._on_document_changed("*")

    def _line_edit(self, name: str, placeholder: str) -> HeadlineEdit:
        # A one-paragraph text box, not a QLineEdit: it takes spelling and style underlines
        # (extra selections), and a long caption wraps to two lines instead of scrolling away.
        edit = HeadlineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self._on_text_edited)
        return edit

    def _build_layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for button in (self.choose_button, self.paste_button, self.remove_button):
            button.setProperty("compact", True)
            buttons.addWidget(button)
        buttons.addStretch(1)
        fields = QFormLayout()
        fields.setContentsMargins(0, 0, 0, 0)
        fields.setVerticalSpacing(6)
        fields.setHorizontalSpacing(10)
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields.addRow(self.tr("Alt text"), self.alt_edit)
        fields.addRow(self.tr("Caption"), self.caption_edit)
        fields.addRow(self.tr("Credit"), self.credit_edit)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.thumbnail_label, 0, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(fields, 0, 1)
        grid.addLayout(buttons, 1, 0, 1, 2)
        grid.setColumnStretch(1, 1)

    # Image in ----------------------------------------------------------------------------
    def set_image(self, name: str, data: bytes) -> bool:
        """Make the given image the lead image; tell the user when it is refused.

        Replacing a photo asks whether its alt text, caption and credit go with it.
        """
        old = self._doc.article.lead_image
        try:
            ref = self._doc.set_lead_image_file(name, data)  # refused before anything changes
        except ImageError as exc:
            messages.show_error(self, self.tr("Lead image not changed"), exc)
            return False
        texts = any((old.alt, old.caption, old.credit))
        if old.src and old.src != ref and texts and not messages.ask_keep_photo_texts(self):
            self._doc.set_lead_image(LeadImage(src=ref))
        return True

    def paste_image(self) -> bool:
        """Use the image on the clipboard as the lead image."""
        mime = QGuiApplication.clipboard().mimeData()
        found = images_from_mime(mime) if mime is not None and has_image(mime) else []
        if not found:
            messages.information(
                self, self.tr("Paste image"), self.tr("The clipboard holds no image.")
            )
            return False
        return self.set_image(*found[0])

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_image()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if has_image(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        try:
            found = images_from_mime(event.mimeData())
        except OSError as exc:
            messages.show_error(self, self.tr("Lead image not changed"), exc)
            return
        if found:
            event.acceptProposedAction()
            self.set_image(*found[0])

    # Slots -------------------------------------------------------------------------------
    def _on_choose_button_clicked(self) -> None:
        chosen = messages.choose_image(self)
        if not chosen:
            return
        try:
            name, data = read_image_file(Path(chosen))
        except OSError as exc:
            messages.show_error(self, self.tr("Lead image not changed"), exc)
            return
        self.set_image(name, data)

    def _on_remove_button_clicked(self) -> None:
        self._doc.remove_lead_image()

    def _on_text_edited(self, _text: str) -> None:
        lead = self._doc.article.lead_image
        self._doc.set_lead_image(
            replace(
                lead,
                alt=self.alt_edit.text(),
                caption=self.caption_edit.text(),
                credit=self.credit_edit.text(),
            )
        )

    def _on_document_changed(self, field: str) -> None:
        if field not in ("lead_image", "images", "*"):
            return
        lead = self._doc.article.lead_image
        for edit, value in (
            (self.alt_edit, lead.alt),
            (self.caption_edit, lead.caption),
            (self.credit_edit, lead.credit),
        ):
            if edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)  # show the start of a long text, not its end
        self.remove_button.setEnabled(lead.is_set)
        self.choose_button.setText(self.tr("Replace…") if lead.is_set else self.tr("Choose…"))
        if field == "*" or lead.src != self._shown_src:
            self._show_thumbnail(lead.src)

    def _show_thumbnail(self, src: str) -> None:
        """Show src's thumbnail: decoded here once the window is up, before that on a thread.

        A document opened before its window is shown (every start) would decode its photo
        inside the window's first frame: a 1600 px progressive JPEG is ~65 M instructions
        even at 1/8 scale. QImageReader releases the GIL, so the thread decodes while this
        one builds the window; the thumbnail arrives by a queued signal.
        """
        self._shown_src = src
        self._request += 1
        data = self._doc.article.images.get(src) if src else None
        if not data or self.window().isVisible():
            self.thumbnail_pending = False
            image = thumbnail(data, THUMB_WIDTH, THUMB_HEIGHT) if data else None
            self._set_thumbnail(src, image)
            return
        self.thumbnail_pending = True
        self.thumbnail_label.clear()
        request, emit = self._request, self._decoded.emit

        def decode() -> None:
            try:  # kept decoded from the last start (thumbnail_cache), or decoded here
                image = cached_thumbnail(data, THUMB_WIDTH, THUMB_HEIGHT)
            except Exception:  # noqa: BLE001 - shown as a photo that cannot be read
                image = QImage()
            try:
                emit(request, image)
            except RuntimeError:  # the panel was closed meanwhile
                pass

        threading.Thread(target=decode, name="lead-thumbnail", daemon=True).start()

    def _on_decoded(self, request: int, image: QImage) -> None:
        if request == self._request:
            self.thumbnail_pending = False
            self._set_thumbnail(self._shown_src or "", image)

    def _set_thumbnail(self, src: str, image: QImage | None) -> None:
        if image is None or image.isNull():
            self.thumbnail_label.setPixmap(QPixmap())
            self.thumbnail_label.setText(
                self.tr("No lead image\nDrop or paste a photo here")
                if not src
                else self.tr("Image missing:\n{src}").format(src=src)
            )
        else:
            self.thumbnail_label.setText("")
            self.thumbnail_label.setPixmap(QPixmap.fromImage(image))
        self.thumbnail_shown.emit()

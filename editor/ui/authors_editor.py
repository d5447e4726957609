"""The byline editor: one row (name, e-mail) per reporter, rows added and removed."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from editor.core.model import Author
from editor.ui.document import ArticleDocument


class AuthorsEditor(QWidget):
    """Edit the article's reporters; an empty list still shows one row to type in."""

    def __init__(self, document: ArticleDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("authors_editor")
        self._doc = document
        self._rows: list[tuple[QLineEdit, QLineEdit, QPushButton]] = []
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(0, 2)
        self._grid.setColumnStretch(1, 3)
        self.add_button = QPushButton(self.tr("+ Add reporter"), self)
        self.add_button.setObjectName("add_author_button")
        self.add_button.setProperty("flat_link", True)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(self._grid)
        layout.addWidget(self.add_button)
        document.changed.connect(self._on_document_changed)
        self._on_document_changed("*")

    @property
    def name_edits(self) -> list[QLineEdit]:
        return [row[0] for row in self._rows]

    @property
    def email_edits(self) -> list[QLineEdit]:
        return [row[1] for row in self._rows]

    def _add_row(self) -> None:
        index = len(self._rows)
        name = QLineEdit(self)
        name.setObjectName(f"author_name_edit_{index}")
        name.setPlaceholderText(self.tr("Name (e.g. 홍길동)"))
        email = QLineEdit(self)
        email.setObjectName(f"author_email_edit_{index}")
        email.setPlaceholderText(self.tr("E-mail"))
        remove = QPushButton("✕", self)
        remove.setObjectName(f"remove_author_button_{index}")
        remove.setToolTip(self.tr("Remove this reporter"))
        remove.setFixedWidth(32)
        name.textEdited.connect(self._on_row_edited)
        email.textEdited.connect(self._on_row_edited)
        remove.clicked.connect(lambda: self._on_remove_clicked(index))
        for column, widget in enumerate((name, email, remove)):
            self._grid.addWidget(widget, index, column)
        self._rows.append((name, email, remove))

    def _drop_last_row(self) -> None:
        for widget in self._rows.pop():
            self._grid.removeWidget(widget)
            widget.deleteLater()

    def _authors_from_rows(self) -> list[Author]:
        authors = [Author(n.text().strip(), e.text().strip()) for n, e, _ in self._rows]
        return [a for a in authors if a.name or a.email]

    def _on_row_edited(self, _text: str) -> None:
        self._doc.set_field("authors", self._authors_from_rows())

    def _on_add_button_clicked(self) -> None:
        self._add_row()
        self._rows[-1][0].setFocus()

    def _on_remove_clicked(self, index: int) -> None:
        authors = self._authors_from_rows()
        if index < len(authors):
            del authors[index]
        self._doc.set_field("authors", authors)
        self._show(authors)

    def _on_document_changed(self, field: str) -> None:
        if field in ("authors", "*") and self._authors_from_rows() != self._doc.article.authors:
            self._show(self._doc.article.authors)

    def _show(self, authors: list[Author]) -> None:
        wanted = max(1, len(authors))
        while len(self._rows) > wanted:
            self._drop_last_row()
        while len(self._rows) < wanted:
            self._add_row()
        for (name, email, remove), author in zip(self._rows, authors + [Author()], strict=False):
            if name.text() != author.name:
                name.setText(author.name)
            if email.text() != author.email:
                email.setText(author.email)
            remove.setEnabled(len(self._rows) > 1 or bool(author.name or author.email))

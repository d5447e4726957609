"""The body editor: a Markdown QPlainTextEdit with a formatting toolbar and image input."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

from PySide6.QtCore import QMimeData, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QFont,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolBar, QVBoxLayout, QWidget

from editor.core.errors import ImageError
from editor.core.text import image_markdown
from editor.ui import messages, text_fields
from editor.ui.body_layout import BodyLayout
from editor.ui.document import ArticleDocument
from editor.ui.highlighter import MarkdownHighlighter
from editor.ui.image_input import (
    alt_for,
    document_paths,
    has_image,
    images_from_mime,
    read_image_file,
)

_BREAKS = set("\n\r\u2028\u2029")  # typed, they start a paragraph (or a line)
_BLOCK_MARKER = re.compile(r"^\s*(#{1,6}|>|[-*+]|\d{1,9}[.)])\s?")
# A list item: indent, bullet or number, the space after it, an optional task box.
_LIST_ITEM = re.compile(
    r"^(?P<indent> *)(?P<marker>[-*+]|(?P<num>\d{1,9})(?P<delim>[.)]))(?P<gap> +)(?P<task>\[[ xX]\] )?"
)


class MarkdownTextEdit(QPlainTextEdit):
    """Plain-text editing of the document's body; images dropped or pasted become files."""

    image_rejected = Signal(str, object)  # name, error

    def __init__(self, document: ArticleDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self.setObjectName("body_text_edit")
        self.setDocument(document.body_document)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.setPlaceholderText(self.tr("Write the article body in Markdown…"))
        self.highlighter = MarkdownHighlighter(document.body_document)
        text_fields.keep_text(self, document.kept_body)
        layout = document.body_document.documentLayout()
        if isinstance(layout, BodyLayout):
            layout.repaint_from = self._repaint_from
        self.setAcceptDrops(True)

    def _repaint_from(self, block: QTextBlock, line: int, to_bottom: bool) -> None:
        """Repaint a paragraph from one of its lines down, to the view's bottom if it moved."""
        rect = self.blockBoundingGeometry(block).translated(self.contentOffset())
        top = max(0, math.floor(rect.top() + block.layout().lineAt(line).y()) - 1)
        viewport = self.viewport()
        bottom = viewport.height() if to_bottom else math.ceil(rect.bottom()) + 1
        viewport.update(QRect(0, top, viewport.width(), bottom - top))

    def first_visible_line(self) -> int:
        """Return the body line at the top of the view (for scroll sync)."""
        return self.firstVisibleBlock().blockNumber()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Continue or end a list on Enter; indent or outdent a list item on Tab."""
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain and self._continue_list():
            return
        if key == Qt.Key.Key_Tab and plain and self._indent_items(outdent=False):
            return
        if key == Qt.Key.Key_Backtab and self._indent_items(outdent=True):
            return
        text = event.text()
        if text.isprintable() and text and not mods & ~Qt.KeyboardModifier.ShiftModifier:
            with self._in_paragraph(""):
                super().keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def _continue_list(self) -> bool:
        """On Enter in a list item start the next item; on an empty item end the list."""
        cursor = self.textCursor()
        block = cursor.block()
        item = _LIST_ITEM.match(block.text())
        if item is None or cursor.hasSelection() or cursor.positionInBlock() < item.end():
            return False
        if not block.text()[item.end() :].strip():
            # An empty item ends the list: the marker goes, the line stays as a paragraph break.
            cursor.beginEditBlock()
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(
                QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
            )
            cursor.removeSelectedText()
            cursor.endEditBlock()
            self.setTextCursor(cursor)
            return True
        cursor.insertText("\n" + next_marker(item))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def _indent_items(self, *, outdent: bool) -> bool:
        """Indent (or outdent) the list items the cursor or selection is on."""
        cursor = self.textCursor()
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        items = [(b, _LIST_ITEM.match(b.text())) for b in blocks]
        if not any(m for _b, m in items):
            return False
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        for block, item in items:
            if item is None:
                continue
            edit.setPosition(block.position())
            if outdent:
                edit.setPosition(
                    block.position() + _outdent_step(block), QTextCursor.MoveMode.KeepAnchor
                )
                edit.removeSelectedText()
            else:
                edit.insertText(" " * _nesting_step(block))
        edit.endEditBlock()
        return True

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt's name
        """Show preedit inline; only committed text counts as an edit."""
        pure_preedit = not event.commitString() and event.replacementLength() == 0
        guard = self._doc.layout_only() if pure_preedit else nullcontext()
        typed = event.commitString() + event.preeditString()
        held = self._in_paragraph(typed) if event.replacementLength() == 0 else nullcontext()
        with guard, held:
            super().inputMethodEvent(event)

    @contextmanager
    def _in_paragraph(self, typed: str) -> Iterator[None]:
        """Lay out, highlight and repaint only the paragraph a key edits, when it edits one.

        A key edits one paragraph when nothing is selected and it types no line break.
        """
        cursor = self.textCursor()
        layout = self.document().documentLayout()
        if cursor.hasSelection() or not isinstance(layout, BodyLayout) or _BREAKS & set(typed):
            yield
            return
        held = layout.edit_in_paragraph(cursor.block(), cursor.positionInBlock())
        with held, self.highlighter.one_paragraph():
            yield

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        """Leave article files to the window, which opens them."""
        if document_paths(event.mimeData()):
            event.ignore()
            return
        super().dragEnterEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt's name
        return has_image(source) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        """Store pasted or dropped images in the document and link them from the body."""
        if not has_image(source):
            super().insertFromMimeData(source)
            return
        try:
            found = images_from_mime(source)
        except OSError as exc:
            self.image_rejected.emit("", exc)
            return
        for name, data in found:
            self.insert_image(name, data)

    def insert_image(self, name: str, data: bytes, alt: str = "") -> str | None:
        """Add an image to the document and insert its Markdown at the cursor."""
        try:
            ref = self._doc.add_image(name, data)
        except ImageError as exc:
            self.image_rejected.emit(name, exc)
            return None
        cursor = self.textCursor()
        prefix = "" if cursor.atBlockStart() else "\n\n"
        alt_text = alt or alt_for(name)
        cursor.insertText(f"{prefix}{image_markdown(alt_text, ref)}\n")
        self.setTextCursor(cursor)
        return ref


class BodyEditor(QWidget):
    """The body editor with its toolbar; `format_actions` also go into the Edit menu."""

    def __init__(self, document: ArticleDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = document
        self.text_edit = MarkdownTextEdit(document, self)
        self.text_edit.image_rejected.connect(self._on_text_edit_image_rejected)
        self.toolbar = QToolBar(self.tr("Formatting"), self)
        self.toolbar.setObjectName("body_toolbar")
        self.format_actions: list[QAction] = []
        self._build_actions()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.toolbar)
        self._layout.addWidget(self.text_edit, 1)

    def add_bar(self, bar: QWidget) -> None:
        """Show a bar (find & replace) between the toolbar and the text."""
        self._layout.insertWidget(1, bar)

    def _build_actions(self) -> None:
        specs: list[tuple[str, str, str, QKeySequence | str, Callable[[], None]]] = [
            ("bold", "B", self.tr("Bold"), QKeySequence.StandardKey.Bold, self.make_bold),
            ("italic", "I", self.tr("Italic"), QKeySequence.StandardKey.Italic, self.make_italic),
            ("heading", "H", self.tr("Heading"), "Ctrl+Alt+2", self.toggle_heading),
            ("quote", "❝", self.tr("Quote"), "Ctrl+Shift+.", self.toggle_quote),
            ("bullet", "•", self.tr("Bulleted List"), "Ctrl+Shift+8", self.toggle_bullets),
            ("numbered", "1.", self.tr("Numbered List"), "Ctrl+Shift+7", self.toggle_numbers),
            ("link", self.tr("Link"), self.tr("Link"), "Ctrl+K", self.insert_link),
            ("image", self.tr("Image"), self.tr("Image…"), "Ctrl+Shift+I", self.choose_image),
            ("rule", "―", self.tr("Horizontal Rule"), "Ctrl+Shift+-", self.insert_rule),
        ]
        for name, glyph, label, shortcut, slot in specs:
            action = QAction(label, self)
            action.setObjectName(f"{name}_action")
            action.setIconText(glyph)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(
                f"{label} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
            )
            action.triggered.connect(slot)
            self.toolbar.addAction(action)
            self.format_actions.append(action)
        self.addActions(self.format_actions)
        bold_font = QFont(self.font())
        bold_font.setBold(True)
        self.toolbar.widgetForAction(self.format_actions[0]).setFont(bold_font)
        italic_font = QFont(self.font())
        italic_font.setItalic(True)
        self.toolbar.widgetForAction(self.format_actions[1]).setFont(italic_font)

    # Inline formatting -------------------------------------------------------------------
    def make_bold(self) -> None:
        """Wrap the selection in ** (or unwrap it)."""
        self._wrap("**")

    def make_italic(self) -> None:
        """Wrap the selection in * (or unwrap it)."""
        self._wrap("*")

    def insert_link(self) -> None:
        """Turn the selection into a link and select the address to type over."""
        cursor = self.text_edit.textCursor()
        label = cursor.selectedText() or self.tr("link text")
        url = "https://"
        cursor.insertText(f"[{label}]({url})")
        end = cursor.position() - 1
        cursor.setPosition(end - len(url))
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text_edit.setTextCursor(cursor)

    def insert_rule(self) -> None:
        """Insert a horizontal rule on its own line."""
        cursor = self.text_edit.textCursor()
        prefix = "" if cursor.atBlockStart() else "\n\n"
        cursor.insertText(f"{prefix}---\n\n")
        self.text_edit.setTextCursor(cursor)

    def choose_image(self) -> None:
        """Ask for an image file, copy it into the document and link it from the body."""
        chosen = messages.choose_image(self)
        if not chosen:
            return
        try:
            name, data = read_image_file(Path(chosen))
        except OSError as exc:
            self._on_text_edit_image_rejected(Path(chosen).name, exc)
            return
        self.text_edit.insert_image(name, data)

    def _wrap(self, marker: str) -> None:
        cursor = self.text_edit.textCursor()
        text = cursor.selectedText()
        cursor.beginEditBlock()
        n = len(marker)
        if len(text) > 2 * n and text.startswith(marker) and text.endswith(marker):
            cursor.insertText(text[n:-n])
        else:
            start = cursor.selectionStart()
            cursor.insertText(f"{marker}{text}{marker}")
            if not text:
                cursor.setPosition(start + n)
        cursor.endEditBlock()
        self.text_edit.setTextCursor(cursor)

    # Line formatting ---------------------------------------------------------------------
    def toggle_heading(self) -> None:
        """Make the current lines mini-heads (##), or plain paragraphs again."""
        self._toggle_prefix(lambda i: "## ", ("#",))

    def toggle_quote(self) -> None:
        """Quote the selected lines, or unquote them."""
        self._toggle_prefix(lambda i: "> ", (">",))

    def toggle_bullets(self) -> None:
        """Make the selected lines a bulleted list, or plain lines again."""
        self._toggle_prefix(lambda i: "- ", ("- ", "* ", "+ "))

    def toggle_numbers(self) -> None:
        """Number the selected lines, or remove the numbers."""
        self._toggle_prefix(lambda i: f"{i + 1}. ", tuple(f"{d}" for d in range(10)))

    def _toggle_prefix(self, prefix: Callable[[int], str], present: tuple[str, ...]) -> None:
        cursor = self.text_edit.textCursor()
        doc = self.text_edit.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        blocks = [first]
        while blocks[-1] != last and blocks[-1].next().isValid():
            blocks.append(blocks[-1].next())
        remove = all(b.text().lstrip().startswith(present) for b in blocks if b.text().strip())
        edit = QTextCursor(doc)
        edit.beginEditBlock()
        for index, block in enumerate(blocks):
            edit.setPosition(block.position())
            if remove:
                old = _marker_length(block.text())
                edit.setPosition(block.position() + old, QTextCursor.MoveMode.KeepAnchor)
                edit.removeSelectedText()
            elif block.text().strip() or len(blocks) == 1:
                edit.insertText(prefix(index))
        edit.endEditBlock()

    def _on_text_edit_image_rejected(self, name: str, error: object) -> None:
        exc = error if isinstance(error, BaseException) else ValueError(str(error))
        messages.show_error(self, self.tr("Image not added"), exc)


def next_marker(item: re.Match[str]) -> str:
    """Return the marker of the item after this one (1. → 2., - → -, tasks unticked)."""
    marker = item["marker"]
    if item["num"] is not None:
        marker = f"{int(item['num']) + 1}{item['delim']}"
    return f"{item['indent']}{marker}{item['gap']}{'[ ] ' if item['task'] else ''}"


def _nesting_step(block) -> int:  # noqa: ANN001 - a QTextBlock
    """Return how far to indent an item to nest it under the item above (its content column)."""
    own = _LIST_ITEM.match(block.text())
    indent = len(own["indent"]) if own else 0
    previous = block.previous()
    while previous.isValid() and (above := _LIST_ITEM.match(previous.text())):
        if len(above["indent"]) <= indent:
            step = len(above["indent"]) + len(above["marker"]) + len(above["gap"]) - indent
            return step if step > 0 else 2
        previous = previous.previous()
    return len(own["marker"]) + len(own["gap"]) if own else 2


def _outdent_step(block) -> int:  # noqa: ANN001 - a QTextBlock
    """Return how many spaces to remove to bring an item back to its parent's level."""
    own = _LIST_ITEM.match(block.text())
    indent = len(own["indent"]) if own else 0
    previous = block.previous()
    while previous.isValid() and (above := _LIST_ITEM.match(previous.text())):
        if len(above["indent"]) < indent:
            return indent - len(above["indent"])
        previous = previous.previous()
    return indent


def _marker_length(text: str) -> int:
    """Return how many leading characters are a block marker (#, >, -, 1.) and its space."""
    match = _BLOCK_MARKER.match(text)
    return match.end() if match else 0

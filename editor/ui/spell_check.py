"""Red wavy underlines under misspelled words, checked per paragraph in a child process.

A keystroke only notes which paragraphs changed (two findBlock calls); once typing pauses
those paragraphs go to the spell process (editor.storage.spell_worker), and its answer
becomes the marks: in the body the highlighter draws them (editor/ui/underlines.py), in the
other boxes they are extra selections. The context menu offers its suggestions (asked for when the menu
opens, filled in when they arrive), "Add to my dictionary" and "Ignore in this article".
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QProcess, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from editor.ui import text_fields, underlines
from editor.ui.highlighter import IN_FENCE
from editor.ui.underline_menu import add_provider, underlined_fields

CHECK_DELAY_MS = 400
SPELL_COLOR = QColor("#e0245e")
ENV_SWITCH = "ARTICLE_EDITOR_SPELLING"  # "0" turns the spell check off (most UI tests)


def worker_command() -> tuple[str, list[str]]:
    """Return how to start the spell process (a frozen app runs itself with a flag)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--spell-worker"]
    return sys.executable, ["-m", "editor.storage.spell_worker"]


class SpellService(QObject):
    """The spell process: requests out, answers in as signals; never blocks the UI."""

    ready = Signal()
    failed = Signal(str)
    checked = Signal(list)  # [[key, text, [[start, end, word], …]], …]
    suggested = Signal(int, str, list)  # request id, word, suggestions

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.is_ready = False
        self.checks_answered = 0  # the dictionaries a text needs load with its first check
        self._next_id = 0
        self._buffer = b""
        self.process = QProcess(self)
        self.process.readyReadStandardOutput.connect(self._on_process_output)
        self.process.errorOccurred.connect(self._on_process_error_occurred)

    def _on_process_error_occurred(self, _error: QProcess.ProcessError) -> None:
        try:
            self.failed.emit(self.process.errorString())
        except RuntimeError:
            pass  # the process object is being deleted with its window

    def start(self) -> None:
        """Start the process (ready at once; a dictionary loads, ~2 s, when a word needs it)."""
        program, args = worker_command()
        self.process.start(program, args)

    def stop(self) -> None:
        """End the process: closing its input ends it; kill it if it lingers."""
        try:
            running = self.process.state() != QProcess.ProcessState.NotRunning
        except RuntimeError:
            return  # already deleted with its window (Qt ended the process then)
        if running:
            self.process.closeWriteChannel()
            if not self.process.waitForFinished(1000):
                self.process.kill()
                self.process.waitForFinished(1000)

    def send(self, request: dict) -> int:
        """Send one request; return its id."""
        self._next_id += 1
        request["id"] = self._next_id
        self.process.write((json.dumps(request, ensure_ascii=False) + "\n").encode("utf-8"))
        return self._next_id

    def _on_process_output(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                reply = json.loads(line)
            except ValueError:
                continue
            self._dispatch(reply)

    def _dispatch(self, reply: dict) -> None:
        op = reply.get("op")
        if op == "ready":
            self.is_ready = True
            self.ready.emit()
        elif op == "error":
            self.failed.emit(str(reply.get("message")))
        elif op == "check":
            self.checks_answered += 1
            self.checked.emit(reply.get("results") or [])
        elif op == "suggest":
            self.suggested.emit(reply["id"], reply.get("word", ""), reply.get("suggestions", []))


def _spell_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(SPELL_COLOR)
    return fmt


class SpellUnderliner(QObject):
    """Keep each text box's misspellings underlined as its paragraphs change."""

    marks_changed = Signal()

    def __init__(
        self,
        service: SpellService,
        widgets: list[QPlainTextEdit],
        ignored: Callable[[], list[str]],
        delay_ms: int = CHECK_DELAY_MS,
    ) -> None:
        super().__init__(service)
        self.service = service
        self.widgets = widgets
        self._ignored = ignored
        self._dirty: list[set[int]] = [set() for _ in widgets]
        # Each box's marks, sorted by position, as extra selections; a box whose highlighter
        # draws them (the body) keeps them per paragraph instead, without cursors.
        self.marks: list[list[QTextEdit.ExtraSelection]] = [[] for _ in widgets]
        self.paragraphs: dict[int, underlines.ParagraphMarks] = {}
        self._format = _spell_format()
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.flush)
        for index, widget in enumerate(widgets):
            widget.document().contentsChange.connect(
                lambda pos, _removed, added, i=index: self._on_contents_change(i, pos, added)
            )
            text_fields.on_release(widget, lambda a, b, i=index: self._release(i, a, b))
            highlighter = underlines.drawing_highlighter(widget)
            if highlighter is not None:
                kept = text_fields.kept_text(widget)  # the body's paragraphs, read once an edit
                marks = underlines.ParagraphMarks(
                    widget.document(), self._format, kept.blocks if kept else None
                )
                text_fields.on_replacing(widget, marks.expect)
                self.paragraphs[index] = marks
                highlighter.add_underlines(
                    marks.spans_between, lambda *change, i=index: self._follow(i, *change)
                )
        service.checked.connect(self._on_service_checked)
        service.ready.connect(self.recheck_all)

    def _on_contents_change(self, index: int, position: int, added: int) -> None:
        """Note the changed paragraphs (the keystroke path: nothing more)."""
        doc = self.widgets[index].document()
        first = doc.findBlock(position).blockNumber()
        last = doc.findBlock(position + added).blockNumber()
        self._dirty[index].update(range(max(0, first), max(first, last) + 1))
        self.timer.start()

    def _follow(self, index: int, position: int, removed: int, added: int) -> None:
        """Move a paragraph-kept box's marks with a change (check it all again if they are lost)."""
        if not self.paragraphs[index].follow(position, removed, added):
            self._dirty[index].update(range(self.widgets[index].document().blockCount()))
            self.timer.start()

    def _release(self, index: int, start: int, end: int) -> None:
        """Forget the underlines in a span a bulk edit replaces (its re-check brings them)."""
        if index in self.paragraphs:
            self.paragraphs[index].release(start, end)
            return
        self.marks[index] = [
            s for s in self.marks[index] if not text_fields.within(s.cursor, start, end)
        ]

    def recheck_all(self) -> None:
        """Check every paragraph of every field again (dictionary loaded, word added)."""
        for index, widget in enumerate(self.widgets):
            self._dirty[index].update(range(widget.document().blockCount()))
        self.flush()

    def flush(self) -> None:
        """Send the changed paragraphs to the spell process."""
        self.timer.stop()
        if not self.service.is_ready:
            return
        items = []
        for index, widget in enumerate(self.widgets):
            doc = widget.document()
            for number in sorted(self._dirty[index]):
                block = doc.findBlockByNumber(number)
                if block.isValid() and block.text().strip() and block.userState() != IN_FENCE:
                    items.append([f"{index}:{number}", block.text()])
            self._dirty[index].clear()
        if items:
            self.service.send({"op": "check", "items": items, "ignored": self._ignored()})

    def _on_service_checked(self, results: list) -> None:
        touched: dict[int, list[int]] = {}  # box -> positions of the paragraphs re-marked
        for key, text, words in results:
            index, number = (int(part) for part in key.split(":"))
            block = self.widgets[index].document().findBlockByNumber(number)
            if not block.isValid() or block.text() != text:
                continue  # edited since: it is dirty again and will come back
            if index in self.paragraphs:
                spans = [(start, end) for start, end, _word in words]
                if not self.paragraphs[index].set_paragraph(number, text, spans):
                    continue
            else:
                self._replace_block_marks(index, block, text, words)
            touched.setdefault(index, []).append(block.position())
        for index, positions in touched.items():
            widget = self.widgets[index]
            if underlines.drawing_highlighter(widget) is not None:
                underlines.redraw(widget, positions)
            else:
                text_fields.set_marks(widget, "spell", self.marks[index])
        if touched:
            self.marks_changed.emit()

    def _replace_block_marks(self, index: int, block, text: str, words: list) -> None:  # noqa: ANN001
        """Put a paragraph's new marks in place of its old ones, keeping the marks in order."""
        start, end = block.position(), block.position() + block.length()
        offsets = text_fields.to_qt(text, [o for a, b, _w in words for o in (a, b)])
        doc = self.widgets[index].document()
        new = []
        for i in range(0, len(offsets), 2):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(doc)
            cursor.setPosition(start + offsets[i])
            cursor.setPosition(start + offsets[i + 1], QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = self._format
            new.append(selection)
        marks = self.marks[index]
        first, last = underlines.position_of(marks, start), underlines.position_of(marks, end)
        marks[first:last] = new

    def underlined(self, widget: QPlainTextEdit) -> list[str]:
        """Return the words underlined in a widget, in order."""
        index = self.widgets.index(widget)
        if index in self.paragraphs:
            return self.paragraphs[index].words()
        return [s.cursor.selectedText() for s in self.marks[index] if s.cursor.hasSelection()]

    def mark_at(self, widget: QPlainTextEdit, position: int) -> QTextCursor | None:
        """Return the selection of the underlined word at a position, if there is one."""
        index = self.widgets.index(widget)
        if index in self.paragraphs:
            return self.paragraphs[index].cursor_at(position)
        for selection in self.marks[index]:
            cursor = selection.cursor
            if (
                cursor.selectionStart() <= position <= cursor.selectionEnd()
                and cursor.hasSelection()
            ):
                return QTextCursor(cursor)
        return None


def enabled() -> bool:
    """Tell whether the spell check should run (ARTICLE_EDITOR_SPELLING=0 turns it off)."""
    return os.environ.get(ENV_SWITCH, "1") != "0"


def spelled_widgets(window: QWidget) -> list[QPlainTextEdit]:
    """Return the form's text boxes that get underlines, the body last."""
    return list(underlined_fields(window).values())


class SpellContextMenu(QObject):
    """Suggestions, add to my dictionary and ignore in this article on an underlined word."""

    def __init__(
        self,
        underliner: SpellUnderliner,
        on_add: Callable[[str], None],
        on_ignore: Callable[[str], None],
    ) -> None:
        super().__init__(underliner)
        self.underliner = underliner
        self._on_add, self._on_ignore = on_add, on_ignore
        self.menu: QMenu | None = None
        self._pending = (0, None, None)  # request id, placeholder action, word cursor
        underliner.service.suggested.connect(self._on_service_suggested)
        for widget in underliner.widgets:
            add_provider(widget, self)

    def menu_actions(self, widget: QPlainTextEdit, position: int, menu: QMenu) -> list[QAction]:
        """Return the spelling entries for the underlined word at position (none if not).

        The suggestions are asked for now and fill the menu when the spell process answers.
        """
        word_cursor = self.underliner.mark_at(widget, position)
        if word_cursor is None:
            return []
        word = word_cursor.selectedText()
        placeholder = QAction(self.tr("Looking for suggestions…"), menu)
        placeholder.setEnabled(False)
        placeholder.setObjectName("spell_placeholder_action")
        add = QAction(self.tr("Add “{word}” to My Dictionary").format(word=word), menu)
        add.setObjectName("spell_add_action")
        add.triggered.connect(lambda: self._on_add(word))
        ignore = QAction(self.tr("Ignore “{word}” in This Article").format(word=word), menu)
        ignore.setObjectName("spell_ignore_action")
        ignore.triggered.connect(lambda: self._on_ignore(word))
        request = self.underliner.service.send({"op": "suggest", "word": word})
        self._pending = (request, placeholder, word_cursor)
        self.menu = menu
        return [placeholder, add, ignore]

    def _on_service_suggested(self, request: int, _word: str, suggestions: list) -> None:
        pending, placeholder, word_cursor = self._pending
        if request != pending or self.menu is None or placeholder is None:
            return
        actions = []
        for suggestion in suggestions:
            action = QAction(suggestion, self.menu)
            action.setObjectName("spell_suggestion_action")
            action.triggered.connect(lambda _c=False, s=suggestion, c=word_cursor: c.insertText(s))
            actions.append(action)
        if actions:
            self.menu.insertActions(placeholder, actions)
            self.menu.removeAction(placeholder)
        else:
            placeholder.setText(self.tr("No suggestions"))
        self._pending = (0, None, None)


class SpellCheck(QObject):
    """The window's spell check: the process, the underlines and the menu, stopped on close."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.service = SpellService(self)
        self.underliner = SpellUnderliner(self.service, spelled_widgets(window), self.ignored_words)
        self.menu = SpellContextMenu(self.underliner, self.add_word, self.ignore_word)
        self.service.failed.connect(self._on_service_failed)
        window.installEventFilter(self)
        self.error = ""

    def ignored_words(self) -> list[str]:
        """Return the words this article says to ignore (kept in the .article)."""
        return list(self._window.document.article.private.get("spelling_ignore") or ())

    def add_word(self, word: str) -> None:
        """Add a word to the user's dictionary file and stop underlining it."""
        from editor.storage.dictionaries import add_user_word

        add_user_word(word)
        self.service.send({"op": "add", "word": word})
        self.underliner.recheck_all()

    def ignore_word(self, word: str) -> None:
        """Stop underlining a word in this article; the .article remembers it."""
        document = self._window.document
        words = set(self.ignored_words()) | {word}
        document.article.private["spelling_ignore"] = sorted(words)
        document.set_modified(True)
        self.underliner.recheck_all()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Close and event.isAccepted():
            self.service.stop()  # stdin closes: the process ends at once
        return False

    def _on_service_failed(self, message: str) -> None:
        self.error = message  # no dictionary: the editor works on without underlines


def install_spelling(window: QWidget, *, on: bool | None = None) -> SpellCheck | None:
    """Start the window's spell check (after the first paint), unless it is switched off.

    on: the switch as it was when the window was made (ARTICLE_EDITOR_SPELLING).
    """
    if not (enabled() if on is None else on):
        return None
    spelling = SpellCheck(window)
    spelling.service.start()
    return spelling

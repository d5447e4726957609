"""The find & replace bar: the body and every text field of the form, one list of matches.

Matches run in form order (headline, subhead, lead image, summary, tags) and then the body;
next / previous walk them and wrap. Replace All is one undo step in each field it changes.
The search itself is editor.core.find (NFC-aware, Korean particles for whole words).
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from editor.core.find import Query, js_escape
from editor.ui import text_fields
from editor.ui.find_session import FindSession, Targets

MATCH_COLOR = QColor("#ffe98a")
CURRENT_COLOR = QColor("#ff9f43")
MAX_MARKS = 3000  # painting more extra selections than this costs more than it shows
ALL_MARKS_BELOW = 40  # from this many matches in a field only those near the view are marked
REFRESH_DELAY_MS = 150


class FindBar(QWidget):
    """Find (Ctrl+F) and replace (Ctrl+H) over the body and the form's text fields."""

    highlight_changed = Signal(object)  # the Query to mark in the preview (empty: none)

    def __init__(self, targets: Targets, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("find_bar")
        self.session = FindSession(targets, self)
        self.session.matches_changed.connect(self._on_session_matches_changed)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._marked: list[QWidget] = []
        self._build()
        self._scroll_timer = QTimer(self, singleShot=True, interval=60)
        self._scroll_timer.timeout.connect(self._mark)
        self.hide()

    def _build(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("find_edit")
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.find_edit.textChanged.connect(lambda _t: self.refresh())
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replace_edit")
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.replace_edit.returnPressed.connect(self.replace_one)
        for edit in (self.find_edit, self.replace_edit):
            edit.setMinimumWidth(200)
        self.case_check = self._check("case_check", self.tr("Match case"))
        self.word_check = self._check("word_check", self.tr("Whole word"))
        self.regex_check = self._check("regex_check", self.tr("Regular expression"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("find_count_label")
        self.count_label.setMinimumWidth(90)
        prev_button = self._button("find_previous_button", "▲", self.tr("Previous match"))
        next_button = self._button("find_next_button", "▼", self.tr("Next match"))
        prev_button.clicked.connect(self.find_previous)
        next_button.clicked.connect(self.find_next)
        self.replace_button = self._button("replace_button", self.tr("Replace"), "")
        self.replace_all_button = self._button("replace_all_button", self.tr("Replace All"), "")
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_everything)
        close = self._button("find_close_button", "✕", self.tr("Close (Esc)"))
        close.clicked.connect(self.close_bar)
        for col, widget in enumerate(
            (self.find_edit, prev_button, next_button, self.count_label, self.case_check)
        ):
            grid.addWidget(widget, 0, col)
        grid.addWidget(self.word_check, 0, 5)
        grid.addWidget(self.regex_check, 0, 6)
        grid.addWidget(close, 0, 7)
        grid.addWidget(self.replace_edit, 1, 0)
        grid.addWidget(self.replace_button, 1, 1, 1, 3)
        grid.addWidget(self.replace_all_button, 1, 4, 1, 2)
        grid.setColumnStretch(0, 1)
        self._replace_row = (self.replace_edit, self.replace_button, self.replace_all_button)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)

    def _check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(name)
        box.toggled.connect(lambda _on: self.refresh())
        return box

    def _button(self, name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setToolTip(tip)
        return button

    # Opening and closing -----------------------------------------------------------------
    def open_find(self, *, replace: bool = False) -> None:
        """Show the bar (with the replace row for Ctrl+H), seeded with the selection."""
        for widget in self._replace_row:
            widget.setVisible(replace)
        seed = _selected_text()
        if seed and "\n" not in seed:
            self.find_edit.setText(seed)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        """Hide the bar and its marks."""
        self.hide()
        self._clear_marks()
        self.session.search(Query(""))

    def schedule_marks(self) -> None:
        """Mark the matches that scrolled into view, once scrolling pauses."""
        if self.isVisible():
            self._scroll_timer.start()

    def schedule_refresh(self) -> None:
        """Search again once the text stops changing."""
        if self.isVisible():
            self._timer.start()

    # Actions -----------------------------------------------------------------------------
    def query(self) -> Query:
        """Return the query the bar shows."""
        return Query(
            self.find_edit.text(),
            case=self.case_check.isChecked(),
            whole_word=self.word_check.isChecked(),
            regex=self.regex_check.isChecked(),
        )

    def refresh(self) -> None:
        """Search every field for the bar's query now."""
        self._timer.stop()
        self.session.search(self.query())

    def find_next(self) -> None:
        """Select the next match (wrapping)."""
        self._ensure_current_search()
        self.session.step(True)

    def find_previous(self) -> None:
        """Select the previous match (wrapping)."""
        self._ensure_current_search()
        self.session.step(False)

    def replace_one(self) -> None:
        """Replace the current match and select the next."""
        self._ensure_current_search()
        self.session.replace_current(self.replace_edit.text())

    def replace_everything(self) -> int:
        """Replace every match in every field."""
        self._ensure_current_search()
        return self.session.replace_all(self.replace_edit.text())

    def _ensure_current_search(self) -> None:
        if self._timer.isActive() or self.session.query != self.query():
            self.refresh()

    # Showing matches ---------------------------------------------------------------------
    def _on_session_matches_changed(self) -> None:
        session = self.session
        if session.error:
            self.count_label.setText(self.tr("Invalid pattern"))
            self.count_label.setToolTip(session.error)
        elif not session.query.text:
            self.count_label.setText("")
        elif not session.hits:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(
                self.tr("{n} of {total}").format(
                    n=session.current + 1 if session.current >= 0 else "–",
                    total=len(session.hits),
                )
            )
        self.count_label.setProperty("level", "error" if session.error else "ok")
        self._mark()
        self.highlight_changed.emit(session.query if session.hits else Query(""))

    def _mark(self) -> None:
        # Each widget's marks are set once: clearing first made Qt lay out every marked
        # paragraph twice (a replace-all had just invalidated their layouts).
        previous, self._marked = self._marked, []
        session = self.session
        widgets = session.widgets()
        normal, current = QTextCharFormat(), QTextCharFormat()
        normal.setBackground(MATCH_COLOR)
        current.setBackground(CURRENT_COLOR)
        by_field: dict[str, list[tuple[int, int, QTextCharFormat]]] = {}
        for index, hit in enumerate(session.hits[:MAX_MARKS]):
            fmt = current if index == session.current else normal
            by_field.setdefault(hit.field, []).append((hit.start, hit.end, fmt))
        for name, spans in by_field.items():
            widget = widgets[name]
            if isinstance(widget, QPlainTextEdit):
                text = text_fields.text_of(widget)
                spans = _on_screen(widget, text, spans)
                selections = text_fields.marks(widget, text, spans)
                text_fields.set_marks(widget, "find", selections)
                self._marked.append(widget)
        for widget in previous:
            if widget not in self._marked:
                text_fields.set_marks(widget, "find", [])

    def _clear_marks(self) -> None:
        for widget in self._marked:
            text_fields.set_marks(widget, "find", [])
        self._marked = []


def _on_screen(
    widget: QPlainTextEdit, text: str, spans: list[tuple[int, int, QTextCharFormat]]
) -> list[tuple[int, int, QTextCharFormat]]:
    """Keep the spans within a screen of the visible part (scrolling marks the rest).

    Qt lays out each marked paragraph to paint it: marking thousands cost ~0.1 s, and the
    181 of a replace-all in a long body 45 ms, all but a few of them off screen.
    """
    first = widget.firstVisibleBlock()
    if len(spans) < ALL_MARKS_BELOW or not first.isValid():
        return spans
    top = first.position()
    bottom = widget.cursorForPosition(widget.viewport().rect().bottomRight()).position()
    margin = max(2000, bottom - top)
    low, high = (
        text_fields.from_qt(text, max(0, top - margin)),
        text_fields.from_qt(text, bottom + margin),
    )
    return [span for span in spans if low <= span[0] <= high]


def _selected_text() -> str:
    from PySide6.QtWidgets import QApplication

    widget = QApplication.focusWidget()
    if isinstance(widget, QLineEdit):
        return widget.selectedText()
    if isinstance(widget, QPlainTextEdit):
        return widget.textCursor().selectedText()
    return ""


def form_targets(window: QWidget) -> Targets:
    """Return the window's searchable fields in form order, the body last."""

    def targets() -> list[tuple[str, QWidget]]:
        form = window.form
        lead = form.lead_image_panel
        return [
            ("headline", form.headline_edit),
            ("subhead", form.subhead_edit),
            ("lead_image.alt", lead.alt_edit),
            ("lead_image.caption", lead.caption_edit),
            ("lead_image.credit", lead.credit_edit),
            ("summary", form.summary_edit),
            ("tags", form.tags_edit),
            ("body", window.body_editor.text_edit),
        ]

    return targets


def find_bar_of(window: QWidget) -> FindBar:
    """Return the window's find bar, building it the first time it is asked for."""
    bar = getattr(window, "_find_bar", None)
    if bar is None:
        bar = FindBar(form_targets(window), window.body_editor)
        scroll = window.body_editor.text_edit.verticalScrollBar()
        scroll.valueChanged.connect(lambda _v: bar.schedule_marks())
        window.body_editor.add_bar(bar)
        window.document.changed.connect(lambda _field: bar.schedule_refresh())
        bar.highlight_changed.connect(lambda query: mark_preview(window, query))
        window._find_bar = bar
    return bar


# Runs in the preview's isolated world: marks matches with the CSS Custom Highlight API, which
# paints ranges without touching the page's DOM (the body patcher keeps owning it).
_PREVIEW_SCRIPT = """(function (source, flags) {
  if (!window.CSS || !CSS.highlights) return -1;
  CSS.highlights.delete("article-find");
  if (!document.getElementById("article-find-style")) {
    const style = document.createElement("style");
    style.id = "article-find-style";
    style.textContent = "::highlight(article-find){background:#ffe98a;color:inherit}";
    document.head.appendChild(style);
  }
  if (!source) return 0;
  let pattern;
  try { pattern = new RegExp(source, flags); } catch (e) { return -1; }
  const ranges = [];
  for (const root of document.querySelectorAll("[data-field]")) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.data.normalize("NFC");
      if (text.length !== node.data.length) continue;
      for (const m of text.matchAll(pattern)) {
        if (!m[0]) continue;
        const range = new Range();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        ranges.push(range);
      }
    }
  }
  CSS.highlights.set("article-find", new Highlight(...ranges));
  return ranges.length;
})"""


def preview_script(query: Query) -> str:
    """Return the JavaScript that marks the query's matches in a preview page."""
    source = query.source(r"[\p{L}\p{N}_]", js_escape) or ""
    flags = "gu" if query.case else "giu"
    return f"{_PREVIEW_SCRIPT}({json.dumps(source)}, {json.dumps(flags)})"


def mark_preview(window: QWidget, query: Query) -> None:
    """Highlight the query's matches in every preview page on screen."""
    views = getattr(window.preview, "active_views", None)
    if views is None:
        return
    code = preview_script(query)
    for view in views():
        view.run_script(code)

"""House-style findings underlined in the editor (blue, dotted), each with a one-click fix.

The findings are the checklist's (editor/core/style.py over the site's style.yaml); they are
found again once typing pauses, never on a keystroke, and a few rules an event-loop turn (at
100,000 characters the ~30 rules took one 30 ms turn, what a key pressed then waited for).
Right-click a marked passage: "Write “했다”" replaces it as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from editor.core.model import Article
from editor.core.steps import Steps, run_slice
from editor.core.style import HouseStyle, style_findings, style_scan, styled_texts
from editor.core.validate import Problem
from editor.ui import text_fields
from editor.ui.underline_menu import add_provider, underlined_fields

STYLE_COLOR = QColor("#1f6feb")
STYLE_DELAY_MS = 500
SLICE_MS = 3.0  # a turn runs rules until this much time went (one rule at 100k: 1-4 ms)


def site_style(site: str) -> HouseStyle:
    """Return the site's house style (the built-in one if the profile cannot be read)."""
    from editor.core.checklist import ChecklistConfig

    try:
        from editor.render.profiles import load_profile

        data = load_profile(site, templates=False).get("checklist")
    except Exception:  # noqa: BLE001 - a broken profile must not stop the editor
        data = None
    return ChecklistConfig.from_data(data).house_style()


class StyleMarks(QObject):
    """Underline the article's house-style findings in its text boxes; fix one on request."""

    def __init__(
        self, window: QWidget, delay_ms: int = STYLE_DELAY_MS, slice_ms: float = SLICE_MS
    ) -> None:
        super().__init__(window)
        self._window = window
        self.widgets: dict[str, QPlainTextEdit] = underlined_fields(window)
        self.findings: dict[str, list[tuple[QTextCursor, Problem]]] = {}
        self._site = ""
        self._style = HouseStyle()
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self._start_scan)
        # A scan in progress: the texts it reads and its steps (see _scan_step).
        self._scan: tuple[dict[str, str], Steps[list[Problem]]] | None = None
        self._slice_s = slice_ms / 1000
        self._step_timer = QTimer(self, singleShot=True, interval=0)
        self._step_timer.timeout.connect(self._scan_step)
        self.turns = 0  # event-loop turns the scans took (tests count them)
        window.document.changed.connect(self._on_document_changed)
        for name, widget in self.widgets.items():
            add_provider(widget, self)
            text_fields.on_release(widget, lambda a, b, n=name: self._release(n, a, b))
        self._start_scan()  # in slices too: the reporter may type already

    def _release(self, name: str, start: int, end: int) -> None:
        """Forget the findings in a span a bulk edit replaces (the next refresh finds them)."""
        self.findings[name] = [
            (c, p) for c, p in self.findings.get(name, []) if not text_fields.within(c, start, end)
        ]

    @property
    def pending(self) -> bool:
        """Tell whether the marks wait for a pause or for a scan still running."""
        return self.timer.isActive() or self._scan is not None

    def _on_document_changed(self, _field: str) -> None:
        self._scan = None  # it reads the old text: look again after the pause
        self._step_timer.stop()
        self.timer.start()

    def refresh(self) -> None:
        """Find the findings now and mark them."""
        self.timer.stop()
        self._step_timer.stop()
        self._scan = None
        self._apply(style_findings(self._article_style(), self._style, sentences=False))

    def _article_style(self) -> Article:
        article = self._window.document.article
        if article.site != self._site:
            self._site, self._style = article.site, site_style(article.site)
        return article

    def _start_scan(self) -> None:
        texts = styled_texts(self._article_style())
        self._scan = (texts, style_scan(texts, self._style))
        self._scan_step()

    def _scan_step(self) -> None:
        """Run rules for one slice of this turn; mark the findings after the last one."""
        if self._scan is None:
            return
        self.turns += 1
        texts, steps = self._scan
        ended, problems = run_slice(steps, self._slice_s)
        if not ended:
            self._step_timer.start()
            return
        self._scan = None
        if texts == styled_texts(self._window.document.article):
            self._apply(problems)
        else:  # changed without a signal (never seen): the findings would be misplaced
            self.timer.start()

    def _apply(self, problems: list[Problem]) -> None:
        by_field: dict[str, list[Problem]] = {}
        for problem in problems:
            if problem.code in ("house-style", "style-sensitive") and problem.field in self.widgets:
                by_field.setdefault(problem.field, []).append(problem)
        self.findings = {}
        for name, widget in self.widgets.items():
            self._mark(name, widget, by_field.get(name, []))

    def _mark(self, name: str, widget: QPlainTextEdit, problems: list[Problem]) -> None:
        text = text_fields.text_of(widget)
        spans = []
        for problem in problems:
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(STYLE_COLOR)
            fmt.setToolTip(f"{problem.message} [{problem.args.get('rule', '')}]")
            spans.append((problem.start, problem.end, fmt))
        selections: list[QTextEdit.ExtraSelection] = text_fields.marks(widget, text, spans)
        self.findings[name] = [
            (QTextCursor(s.cursor), p) for s, p in zip(selections, problems, strict=True)
        ]
        text_fields.set_marks(widget, "style", selections)

    def finding_at(
        self, widget: QPlainTextEdit, position: int
    ) -> tuple[QTextCursor, Problem] | None:
        """Return the finding marked at a position of a widget, if any."""
        name = next((n for n, w in self.widgets.items() if w is widget), "")
        for cursor, problem in self.findings.get(name, []):
            if cursor.selectionStart() <= position <= cursor.selectionEnd():
                return cursor, problem
        return None

    def fix(self, cursor: QTextCursor, problem: Problem) -> None:
        """Apply a finding's fix (one undo step) and look again."""
        fix = problem.args.get("fix")
        if fix is not None:
            cursor.insertText(str(fix))
            self.refresh()

    def menu_actions(self, widget: QPlainTextEdit, position: int, menu: QMenu) -> list[QAction]:
        """Return the house-style entries for the finding at position (none if not)."""
        found = self.finding_at(widget, position)
        return self.actions_for(found, menu) if found is not None else []

    def actions_for(self, found: tuple[QTextCursor, Problem], parent: QObject) -> list[QAction]:
        """Return the menu entries for a finding: its fix, or its advice."""
        cursor, problem = found
        fix = problem.args.get("fix")
        if fix is None:
            note = QAction(str(problem.args.get("advice") or problem.message), parent)
            note.setEnabled(False)
            return [note]
        action = QAction(
            self.tr("Write “{fix}” ({rule})").format(fix=fix, rule=problem.args.get("rule", "")),
            parent,
        )
        action.setObjectName("style_fix_action")
        action.triggered.connect(lambda: self.fix(cursor, problem))
        return [action]


def apply_fix(widget: QWidget, problem: Problem) -> bool:
    """Write a finding's fix over its passage as one undo step; False if the text moved on."""
    fix, wrong = problem.args.get("fix"), problem.args.get("wrong")
    text = text_fields.text_of(widget)
    if fix is None or text[problem.start : problem.end] != wrong:
        return False
    text_fields.replace_span(widget, text, problem.start, problem.end, str(fix))
    return True


def install_style_marks(window: QWidget) -> StyleMarks:
    """Start marking house-style findings in the window (after the first paint)."""
    return StyleMarks(window)

"""House-style findings underlined in the editor (blue, dotted), each with a one-click fix.

The findings are the checklist's (editor/core/style.py over the site's style.yaml); they are
found again once typing pauses, never on a keystroke. Right-click a marked passage: "Write
“했다”" replaces it as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QWidget

from editor.core.style import HouseStyle, style_findings
from editor.core.validate import Problem
from editor.ui import text_fields
from editor.ui.underline_menu import add_provider, underlined_fields

STYLE_COLOR = QColor("#1f6feb")
STYLE_DELAY_MS = 500


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

    def __init__(self, window: QWidget, delay_ms: int = STYLE_DELAY_MS) -> None:
        super().__init__(window)
        self._window = window
        self.widgets: dict[str, QPlainTextEdit] = underlined_fields(window)
        self.findings: dict[str, list[tuple[QTextCursor, Problem]]] = {}
        self._site = ""
        self._style = HouseStyle()
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.refresh)
        window.document.changed.connect(lambda _field: self.timer.start())
        for name, widget in self.widgets.items():
            add_provider(widget, self)
            text_fields.on_release(widget, lambda a, b, n=name: self._release(n, a, b))
        self.refresh()

    def _release(self, name: str, start: int, end: int) -> None:
        """Forget the findings in a span a bulk edit replaces (the next refresh finds them)."""
        self.findings[name] = [
            (c, p) for c, p in self.findings.get(name, []) if not text_fields.within(c, start, end)
        ]

    def refresh(self) -> None:
        """Find the findings now and mark them."""
        self.timer.stop()
        article = self._window.document.article
        if article.site != self._site:
            self._site, self._style = article.site, site_style(article.site)
        by_field: dict[str, list[Problem]] = {}
        for problem in style_findings(article, self._style, sentences=False):
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

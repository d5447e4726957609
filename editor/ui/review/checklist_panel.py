"""The pre-publish checklist: the site profile's rules, refreshed as the reporter pauses.

Running the rules costs milliseconds, so it waits for a pause in typing (a debounce). The
headline's line count on a 360 px phone comes from the browser-free meter
(editor/ui/headline_fit.py, a few ms) on an explicit refresh; later runs reuse the count while
the headline is unchanged. When the preview shows the phone page at 360 px, its own count is
used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.core.checklist import ChecklistConfig, Facts, ImageFacts, run_checklist
from editor.core.model import Article
from editor.core.validate import Problem, Severity
from editor.ui import messages
from editor.ui.document import ALL_FIELDS, ArticleDocument
from editor.ui.review.fields import field_label
from editor.ui.review.problem_text import problem_text, severity_label

log = logging.getLogger(__name__)
REFRESH_DELAY_MS = 800
MOBILE_WIDTH = 360
Measure = Callable[[Article, object], dict[int, int]]
SEVERITY_COLORS = {
    Severity.ERROR: "#c62828",
    Severity.WARNING: "#d98a00",
    Severity.INFO: "#5b7fb8",
}


def measure_on_phone(article: Article, profile: object) -> dict[int, int]:
    """Measure the headline's lines on the phone with the browser-free meter."""
    from editor.ui.headline_fit import measure_headline_lines

    return measure_headline_lines(article, profile, widths=(MOBILE_WIDTH,))  # type: ignore[arg-type]


class ChecklistRunner:
    """Run the profile's checklist, caching image facts and the measured headline."""

    def __init__(self, measure: Measure | None = measure_on_phone) -> None:
        self.measure = measure
        self.measured: tuple[str, dict[int, int]] | None = None  # headline, lines by width
        self.measured_by_preview = False
        self._images: dict[tuple[str, int], ImageFacts] = {}

    def take_preview_measurement(self, layout: str, width: int, lines: int, headline: str) -> bool:
        """Keep the preview's count when it is the phone page at 360 px; tell if it was kept."""
        if layout != "mobile" or width != MOBILE_WIDTH:
            return False
        self.measured = (headline, {MOBILE_WIDTH: lines})
        self.measured_by_preview = True
        return True

    def run(self, article: Article, *, measure: bool = False) -> list[Problem]:
        """Return the article's problems; measure the headline first when asked."""
        from editor.render.profiles import load_profile
        from editor.render.reading import html_facts

        try:
            profile = load_profile(article.site)
        except Exception:  # noqa: BLE001 - a broken profile still leaves the core rules
            log.exception("the site profile could not be loaded")
            facts = Facts(self._facts(article), raw_html=html_facts(article.body))
            return run_checklist(article, ChecklistConfig(), facts)
        if measure and self.measure is not None and not self._preview_counted(article):
            try:
                self.measured = (article.headline, self.measure(article, profile))
                self.measured_by_preview = False
            except Exception:  # noqa: BLE001 - a failed measurement must not stop the check
                log.exception("the headline could not be measured")
        facts = Facts(
            self._facts(article), self.headline_lines(article) or {}, html_facts(article.body)
        )
        return run_checklist(article, ChecklistConfig.from_data(profile.get("checklist")), facts)

    def _preview_counted(self, article: Article) -> bool:
        """Tell if the preview's phone page already counted the headline as it is now."""
        return self.measured_by_preview and self.headline_lines(article) is not None

    def headline_lines(self, article: Article) -> dict[int, int] | None:
        """Return the measured lines if they are for the headline as it is now."""
        if self.measured and self.measured[0] == article.headline:
            return self.measured[1]
        return None

    def _facts(self, article: Article) -> dict[str, ImageFacts]:
        from editor.storage.images import facts

        wanted = {(name, len(data)): name for name, data in article.images.items()}
        missing = {
            name: article.images[name] for key, name in wanted.items() if key not in self._images
        }
        for name, info in facts(missing).items():
            self._images[(name, len(article.images[name]))] = info
        return {name: self._images[key] for key, name in wanted.items() if key in self._images}


def severity_icon(severity: Severity, size: int = 12) -> QIcon:
    """Return a coloured dot for a severity."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(SEVERITY_COLORS[severity]))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


class ChecklistPanel(QWidget):
    """The list of problems; activating one jumps to its field and passage."""

    problem_activated = Signal(object)  # Problem
    fix_requested = Signal(object)  # Problem with a house-style fix (args["fix"])
    refreshed = Signal(object)  # list[Problem]

    def __init__(
        self,
        document: ArticleDocument,
        parent: QWidget | None = None,
        *,
        delay_ms: int = REFRESH_DELAY_MS,
        runner: ChecklistRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("checklist_panel")
        self._doc = document
        self.runner = runner or ChecklistRunner()
        self.problems: list[Problem] = []
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("checklist_summary_label")
        self.refresh_button = QPushButton(self.tr("Check Again"), self)
        self.refresh_button.setObjectName("checklist_refresh_button")
        self.refresh_button.setProperty("compact", True)
        self.refresh_button.setToolTip(
            self.tr("Run every rule now, measuring the headline on a phone")
        )
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.problem_list = QListWidget(self)
        self.problem_list.setObjectName("checklist_list")
        self.problem_list.setWordWrap(True)
        self.problem_list.setStyleSheet(
            "QListWidget::item { padding: 3px 2px; }"
            "QListWidget::item:selected { background: #e8f0fe; color: #111111; }"
        )
        self.problem_list.itemActivated.connect(self._on_problem_list_item_activated)
        self.problem_list.itemClicked.connect(self._on_problem_list_item_activated)
        self.problem_list.currentItemChanged.connect(self._on_problem_list_current_changed)
        self.problem_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.problem_list.customContextMenuRequested.connect(self._on_problem_list_menu)
        self.fix_button = QPushButton(self)
        self.fix_button.setObjectName("checklist_fix_button")
        self.fix_button.setProperty("compact", True)
        self.fix_button.clicked.connect(self._on_fix_button_clicked)
        self.fix_button.hide()
        self.measure_label = QLabel(self)
        self.measure_label.setObjectName("checklist_measure_label")
        self.measure_label.setProperty("role", "count")
        self.measure_label.setWordWrap(True)
        self._build_layout()
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self.refresh)
        self._stale = True  # checked when first shown: a hidden panel costs nothing
        document.changed.connect(self._on_document_changed)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.problem_list, 1)
        layout.addWidget(self.fix_button)
        layout.addWidget(self.measure_label)

    def refresh(self, *, measure: bool = False) -> list[Problem]:
        """Run the checklist now and show what it finds."""
        self.timer.stop()
        self._stale = False
        article = self._doc.article
        self.problems = self.runner.run(article, measure=measure)
        self.problem_list.clear()
        for problem in self.problems:
            item = QListWidgetItem(severity_icon(problem.severity), self.item_text(problem))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            item.setToolTip(severity_label(problem.severity))
            self.problem_list.addItem(item)
        self._show_summary(article)
        self.refreshed.emit(self.problems)
        return self.problems

    def item_text(self, problem: Problem) -> str:
        """Return the line a problem shows: its field, then what is wrong."""
        return f"{field_label(problem.field)} · {problem_text(problem)}"

    def _show_summary(self, article: Article) -> None:
        counts = {s: sum(p.severity is s for p in self.problems) for s in Severity}
        if not self.problems:
            text = self.tr("Ready to publish: no problems found.")
        else:
            text = self.tr("{errors} error(s) · {warnings} warning(s) · {hints} hint(s)").format(
                errors=counts[Severity.ERROR],
                warnings=counts[Severity.WARNING],
                hints=counts[Severity.INFO],
            )
        self.summary_label.setText(text)
        lines = self.runner.headline_lines(article)
        if lines and MOBILE_WIDTH in lines:
            self.measure_label.setText(
                self.tr("Headline on a 360 px phone: {lines} line(s), measured.").format(
                    lines=lines[MOBILE_WIDTH]
                )
            )
        else:
            self.measure_label.setText(
                self.tr("Headline on a phone: not measured yet (Check Again measures it).")
            )

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def take_preview_measurement(self, layout: str, width: int, lines: int, headline: str) -> None:
        """Use the preview's own count of the headline's lines on a 360 px phone."""
        if headline != self._doc.article.headline:
            return  # counted before the latest keystroke: the next count follows
        if not self.runner.take_preview_measurement(layout, width, lines, headline):
            return
        if not self.isVisible():
            self._stale = True
        elif not self.timer.isActive():
            self.refresh()

    def _on_document_changed(self, field: str) -> None:
        if field in (ALL_FIELDS, "site"):
            self.runner.measured = None
        if not self.isVisible():
            self._stale = True
        elif field == ALL_FIELDS:
            self.refresh()
        else:
            self.timer.start()

    def _on_refresh_button_clicked(self) -> None:
        self.refresh(measure=True)

    def _on_problem_list_item_activated(self, item: QListWidgetItem) -> None:
        self.problem_activated.emit(item.data(Qt.ItemDataRole.UserRole))

    # One-click house-style fixes -------------------------------------------------------------
    def fix_text(self, problem: Problem) -> str:
        """Return the label of a finding's fix ("고치기: 하였다 → 했다"), or "" if it has none."""
        fix = problem.args.get("fix")
        if problem.code != "house-style" or fix is None:
            return ""
        return self.tr("Fix: {wrong} → {fix}").format(wrong=problem.args.get("wrong", ""), fix=fix)

    def _selected_problem(self) -> Problem | None:
        item = self.problem_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_problem_list_current_changed(self, current: QListWidgetItem | None, _old) -> None:  # noqa: ANN001
        problem = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        text = self.fix_text(problem) if problem is not None else ""
        self.fix_button.setText(text)
        self.fix_button.setVisible(bool(text))

    def _on_fix_button_clicked(self) -> None:
        problem = self._selected_problem()
        if problem is not None and self.fix_text(problem):
            self.fix_requested.emit(problem)

    def _on_problem_list_menu(self, pos: QPoint) -> None:
        item = self.problem_list.itemAt(pos)
        problem = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        text = self.fix_text(problem) if problem is not None else ""
        if not text:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(text)
        action.setObjectName("checklist_fix_action")
        action.triggered.connect(lambda: self.fix_requested.emit(problem))
        menu.popup(self.problem_list.viewport().mapToGlobal(pos))


def confirm_export(parent: QWidget, article: Article) -> bool:
    """Warn before an export while the checklist finds errors; True to go on."""
    errors = [p for p in ChecklistRunner(measure=None).run(article) if p.severity is Severity.ERROR]
    if not errors:
        return True
    details = "\n".join(f"• {field_label(p.field)}: {problem_text(p)}" for p in errors[:8])
    return messages.ask_export_with_errors(parent, len(errors), details)

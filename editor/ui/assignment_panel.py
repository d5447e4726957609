"""The assignment in the form: the headline's web and social variants, the length target and
the embargo, each with the site profile's guidance."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from editor.core import clock
from editor.core.assignment import AssignmentRules
from editor.core.model import LengthTarget
from editor.ui.document import ArticleDocument

VARIANTS = ("web_title", "social_title")


def load_rules(site_id: str) -> AssignmentRules:
    """Return the site profile's assignment guidance, or the defaults for a broken profile."""
    try:
        from editor.render.profiles import load_profile

        checklist = load_profile(site_id, templates=False).get("checklist") or {}
        return AssignmentRules.from_data(checklist.get("assignment"))
    except Exception:  # noqa: BLE001 - a broken profile must not stop the editor
        return AssignmentRules()


class AssignmentPanel(QWidget):
    """Edit the web and social titles, the length target and the embargo of the article."""

    def __init__(self, document: ArticleDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assignment_panel")
        self._doc = document
        self._updating = False
        self._site = ""
        self.rules = AssignmentRules()
        self.web_title_edit, self.web_title_count_label = self._variant(
            "web_title", self.tr("Search and browser tab; empty: the headline")
        )
        self.social_title_edit, self.social_title_count_label = self._variant(
            "social_title", self.tr("Share cards; empty: the headline")
        )
        self._build_target()
        self._build_embargo()
        self._build_layout()
        document.changed.connect(self._on_document_changed)
        self._on_document_changed("*")

    # Builders ---------------------------------------------------------------------------
    def _variant(self, name: str, placeholder: str) -> tuple[QLineEdit, QLabel]:
        edit = QLineEdit(self)
        edit.setObjectName(f"{name}_edit")
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda text, field=name: self._doc.set_field(field, text))
        count = QLabel(self)
        count.setObjectName(f"{name}_count_label")
        count.setProperty("role", "count")
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return edit, count

    def _build_target(self) -> None:
        self.target_spin = QDoubleSpinBox(self)
        self.target_spin.setObjectName("target_spin")
        self.target_spin.setRange(0, 100000)
        self.target_spin.setDecimals(1)
        self.target_spin.setSpecialValueText(self.tr("none"))  # 0: no target
        self.target_spin.valueChanged.connect(self._on_target_changed)
        self.target_unit_combo = QComboBox(self)
        self.target_unit_combo.setObjectName("target_unit_combo")
        self.target_unit_combo.addItem(self.tr("manuscript pages (200 chars)"), "pages")
        self.target_unit_combo.addItem(self.tr("characters"), "chars")
        self.target_unit_combo.currentIndexChanged.connect(self._on_target_changed)

    def _build_embargo(self) -> None:
        self.embargo_check = QCheckBox(self.tr("Embargo until"), self)
        self.embargo_check.setObjectName("embargo_check")
        self.embargo_check.toggled.connect(self._on_embargo_check_toggled)
        self.embargo_edit = QDateTimeEdit(self)
        self.embargo_edit.setObjectName("embargo_edit")
        self.embargo_edit.setCalendarPopup(True)
        self.embargo_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.embargo_edit.dateTimeChanged.connect(self._on_embargo_edit_changed)
        self.embargo_zone_label = QLabel(self)
        self.embargo_zone_label.setObjectName("embargo_zone_label")

    def _build_layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        for row, (label, edit, count) in enumerate(
            (
                (self.tr("Web title"), self.web_title_edit, self.web_title_count_label),
                (self.tr("Social title"), self.social_title_edit, self.social_title_count_label),
            )
        ):
            grid.addWidget(QLabel(label, self), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(count, row, 2)
        target = QHBoxLayout()
        target.addWidget(self.target_spin)
        target.addWidget(self.target_unit_combo, 1)
        grid.addWidget(QLabel(self.tr("Length target"), self), 2, 0)
        grid.addLayout(target, 2, 1, 1, 2)
        embargo = QHBoxLayout()
        embargo.addWidget(self.embargo_edit)
        embargo.addWidget(self.embargo_zone_label)
        embargo.addStretch(1)
        grid.addWidget(self.embargo_check, 3, 0)
        grid.addLayout(embargo, 3, 1, 1, 2)
        grid.setColumnStretch(1, 1)

    # From widgets to the document --------------------------------------------------------
    def _on_target_changed(self, *_: object) -> None:
        if self._updating:
            return
        unit = str(self.target_unit_combo.currentData() or "pages")
        self.target_spin.setDecimals(0 if unit == "chars" else 1)  # 6.5매, but 1600자
        amount = self.target_spin.value()
        self._doc.set_field("target", LengthTarget(amount, unit) if amount else LengthTarget())

    def _on_embargo_check_toggled(self, on: bool) -> None:
        self.embargo_edit.setEnabled(on)
        if self._updating:
            return
        if on and self._doc.article.embargo is None:
            start = (clock.now() + timedelta(hours=1)).replace(minute=0, second=0)
            self._show_embargo(start)  # a whole hour ahead: the usual wire embargo
        self._doc.set_field("embargo", self._typed_embargo() if on else None)

    def _on_embargo_edit_changed(self, *_: object) -> None:
        if not self._updating and self.embargo_check.isChecked():
            self._doc.set_field("embargo", self._typed_embargo())

    def _typed_embargo(self) -> datetime:
        """Return the typed time, read in the profile's zone."""
        typed = self.embargo_edit.dateTime()
        date, time = typed.date(), typed.time()
        zone = clock.newsroom_zone(self.rules.zone)
        return datetime(
            date.year(), date.month(), date.day(), time.hour(), time.minute(), 0, 0, zone
        )

    def _show_embargo(self, when: datetime) -> None:
        local = clock.aware(when).astimezone(clock.newsroom_zone(self.rules.zone))
        shown = QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        was, self._updating = self._updating, True
        try:
            self.embargo_edit.setDateTime(shown)
        finally:
            self._updating = was

    def set_site(self, site_id: str) -> None:
        """Take the site profile's guidance (the form calls this after the first paint)."""
        if site_id != self._site:
            self._site, self.rules = site_id, load_rules(site_id)
        local = clock.now().astimezone(clock.newsroom_zone(self.rules.zone))
        self.embargo_zone_label.setText(local.tzname() or self.rules.zone)
        self._on_document_changed("embargo")

    # From the document to widgets --------------------------------------------------------
    def _on_document_changed(self, field: str) -> None:
        if field == "body":
            return
        article, everything = self._doc.article, field == "*"
        self._updating = True
        try:
            for name in VARIANTS:
                edit = getattr(self, f"{name}_edit")
                if (everything or field == name) and edit.text() != getattr(article, name):
                    edit.setText(getattr(article, name))
                    edit.setCursorPosition(0)
            if everything or field == "target":
                self.target_spin.setDecimals(0 if article.target.unit == "chars" else 1)
                self.target_spin.setValue(article.target.amount)
                index = self.target_unit_combo.findData(article.target.unit)
                self.target_unit_combo.setCurrentIndex(max(0, index))
            if everything or field == "embargo":
                self.embargo_check.setChecked(article.embargo is not None)
                self.embargo_edit.setEnabled(article.embargo is not None)
                if article.embargo is not None:
                    self._show_embargo(article.embargo)
        finally:
            self._updating = False
        self._update_counts()

    def _update_counts(self) -> None:
        article = self._doc.article
        for name, limit in (
            ("web_title", self.rules.web_title_max),
            ("social_title", self.rules.social_title_max),
        ):
            label = getattr(self, f"{name}_count_label")
            length = len(" ".join(getattr(article, name).split()))
            label.setText(self.tr("{n}/{limit} chars").format(n=length, limit=limit))
            set_level(label, "warn" if limit and length > limit else "ok")


def set_level(label: QLabel, level: str) -> None:
    """Restyle a count label as ok / warn / error through its dynamic property.

    A label not yet polished reads the property when it is. A polished one is polished
    again from C++ by giving it a (blank) style sheet of its own, which Qt re-reads at once
    with the application's: label.style().polish() would wrap the style sheet's QStyle,
    creating QStyle's Python type and its 11 enums inside the window's first frame.
    """
    if label.property("level") != level:
        label.setProperty("level", level)
        if label.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            label.setStyleSheet(" ")

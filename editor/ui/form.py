"""The article form: headline and subhead with live counts, lead image, byline and filing."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor.core.model import Status
from editor.ui.assignment_panel import AssignmentPanel, set_level
from editor.ui.authors_editor import AuthorsEditor
from editor.ui.document import ArticleDocument
from editor.ui.headline_edit import HeadlineEdit
from editor.ui.identity import User
from editor.ui.lead_image_panel import LeadImagePanel

if TYPE_CHECKING:
    from editor.ui.headline_fit import HeadlineFit

FALLBACK_SECTIONS = ["뉴스", "정치", "경제", "사회", "지역", "문화", "오피니언"]


@dataclass(frozen=True)
class HeadlineGuidance:
    """How long a headline may be, from the site profile (SITE.md's arithmetic as fallback)."""

    target: int = 23
    warn: int = 30
    desktop_per_line: int = 22
    mobile_per_line: int = 14
    desktop_lines: int = 1
    mobile_lines: int = 2

    def lines(self, length: int, per_line: int) -> int:
        return max(1, math.ceil(length / per_line)) if length else 0


def load_site_settings(site_id: str) -> tuple[list[str], HeadlineGuidance, HeadlineFit | None]:
    """Return the profile's sections, headline guidance and meter, or sensible defaults."""
    try:
        from editor.render.profiles import load_profile
        from editor.ui.headline_fit import HeadlineFit  # HarfBuzz and ICU: after the first paint

        profile = load_profile(site_id, templates=False)  # the form needs no Jinja2
        sections = list(profile.sections) or FALLBACK_SECTIONS
        raw = profile.headline_guidance
    except Exception:  # noqa: BLE001 - a broken profile must not stop the editor
        return FALLBACK_SECTIONS, HeadlineGuidance(), None
    desktop, mobile = dict(raw.get("desktop") or {}), dict(raw.get("mobile") or {})
    base = HeadlineGuidance()
    target = int(desktop.get("chars", base.target))
    guidance = HeadlineGuidance(
        target=target,
        warn=int(desktop.get("warn", base.warn)),
        desktop_per_line=int(desktop.get("chars_per_line", target)),
        mobile_per_line=int(
            mobile.get("chars_per_line", mobile.get("chars", base.mobile_per_line))
        ),
        desktop_lines=int(desktop.get("lines", base.desktop_lines)),
        mobile_lines=int(mobile.get("lines", base.mobile_lines)),
    )
    return sections, guidance, HeadlineFit(profile)


class ArticleForm(QScrollArea):
    """Scrollable form over the document's front matter; edits go straight to the document."""

    def __init__(
        self,
        document: ArticleDocument,
        parent: QWidget | None = None,
        *,
        hold_site_settings: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("article_form")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._doc = document
        self._updating = False
        self._site = ""
        self._site_held = hold_site_settings  # see release_site_settings
        self.guidance = HeadlineGuidance()
        self._measured: dict[str, tuple[str, int]] = {}  # layout → (headline, lines)
        self._fit: HeadlineFit | None = None  # the site's headline meter, once read
        content = QWidget(self)
        content.setObjectName("article_form_content")
        self._layout = QVBoxLayout(content)
        self._layout.setContentsMargins(20, 16, 20, 16)
        self._layout.setSpacing(6)
        self._build_headline()
        self._build_subhead()
        self._build_lead_image()
        self._build_summary()
        self._build_assignment()
        self._build_meta()
        self._layout.addStretch(1)
        self.setWidget(content)
        document.changed.connect(self._on_document_changed)
        self._on_document_changed("*")

    # Section builders --------------------------------------------------------------------
    def _caption_row(self, text: str, count_name: str) -> QLabel:
        row = QHBoxLayout()
        label = QLabel(text, self)
        label.setProperty("role", "field_title")
        count = QLabel(self)
        count.setObjectName(count_name)
        count.setProperty("role", "count")
        count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(label)
        row.addStretch(1)
        row.addWidget(count)
        self._layout.addSpacing(6)
        self._layout.addLayout(row)
        return count

    def _build_headline(self) -> None:
        self.headline_count_label = self._caption_row(self.tr("Headline"), "headline_count_label")
        self.headline_edit = HeadlineEdit(self)
        self.headline_edit.setObjectName("headline_edit")
        self.headline_edit.setPlaceholderText(self.tr("Headline (aim for 23 characters or fewer)"))
        font = QFont(self.headline_edit.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.headline_edit.setFont(font)
        self.headline_edit.textEdited.connect(self._on_headline_edit_text_edited)
        self._layout.addWidget(self.headline_edit)

    def _build_subhead(self) -> None:
        self.subhead_count_label = self._caption_row(self.tr("Subhead"), "subhead_count_label")
        self.subhead_edit = self._text_box(
            "subhead_edit", 3, self.tr("One to three lines under the headline")
        )
        self.subhead_edit.textChanged.connect(self._on_subhead_edit_text_changed)

    def _build_summary(self) -> None:
        self._caption_row(self.tr("Summary (share card and search)"), "summary_count_label")
        self.summary_edit = self._text_box(
            "summary_edit", 2, self.tr("A sentence or two shown when the link is shared")
        )
        self.summary_edit.textChanged.connect(self._on_summary_edit_text_changed)

    def _text_box(self, name: str, lines: int, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setObjectName(name)
        box.setTabChangesFocus(True)
        box.setPlaceholderText(placeholder)
        height = box.fontMetrics().lineSpacing() * lines + 26
        box.setFixedHeight(height)
        self._layout.addWidget(box)
        return box

    def _build_assignment(self) -> None:
        self._caption_row(self.tr("Assignment (from the desk)"), "assignment_count_label")
        self.assignment_panel = AssignmentPanel(self._doc, self)
        self._layout.addWidget(self.assignment_panel)

    def _build_lead_image(self) -> None:
        self._caption_row(self.tr("Lead image"), "lead_image_count_label")
        self.lead_image_panel = LeadImagePanel(self._doc, self)
        self._layout.addWidget(self.lead_image_panel)

    def _build_meta(self) -> None:
        self._caption_row(self.tr("Reporters"), "authors_count_label")
        self.authors_editor = AuthorsEditor(self._doc, self)
        self._layout.addWidget(self.authors_editor)
        self._caption_row(self.tr("Filing"), "filing_count_label")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.section_combo = QComboBox(self)
        self.section_combo.setObjectName("section_combo")
        self.section_combo.setEditable(True)
        self.section_combo.currentTextChanged.connect(self._on_section_combo_text_changed)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_combo")
        for status, label in (
            (Status.DRAFT, self.tr("Draft")),
            (Status.READY, self.tr("Ready for desk")),
            (Status.APPROVED, self.tr("Approved")),
        ):
            self.status_combo.addItem(label, str(status))
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_index_changed)
        self._doc.user_changed.connect(self._on_document_user_changed)
        self._on_document_user_changed(self._doc.user)
        self.tags_edit = HeadlineEdit(self)  # a text box: spelling and style underline it
        self.tags_edit.setObjectName("tags_edit")
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags_edit.textEdited.connect(self._on_tags_edit_text_edited)
        grid.addWidget(QLabel(self.tr("Section"), self), 0, 0)
        grid.addWidget(self.section_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("Status"), self), 0, 2)
        grid.addWidget(self.status_combo, 0, 3)
        grid.addWidget(QLabel(self.tr("Tags"), self), 1, 0)
        grid.addWidget(self.tags_edit, 1, 1, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        self._layout.addLayout(grid)

    # From widgets to the document --------------------------------------------------------
    def _on_headline_edit_text_edited(self, text: str) -> None:
        self._doc.set_field("headline", text)

    def _on_subhead_edit_text_changed(self) -> None:
        if not self._updating:
            self._doc.set_field("subhead", self.subhead_edit.toPlainText())

    def _on_summary_edit_text_changed(self) -> None:
        if not self._updating:
            self._doc.set_field("summary", self.summary_edit.toPlainText())

    def _on_section_combo_text_changed(self, text: str) -> None:
        if not self._updating:
            self._doc.set_field("section", text.strip())

    def _on_status_combo_index_changed(self, index: int) -> None:
        if self._updating or index < 0:
            return
        status = Status.parse(self.status_combo.itemData(index))
        if status is Status.APPROVED and not self._doc.user.is_desk:
            self._on_document_changed("status")  # only the desk approves: show it as it is
            return
        self._doc.set_status(status)

    def _on_document_user_changed(self, user: User) -> None:
        """Offer "Approved" in the status combo to a desk editor only."""
        approved = self.status_combo.model().item(self.status_combo.findData("approved"))
        approved.setEnabled(user.is_desk)

    def _on_tags_edit_text_edited(self, text: str) -> None:
        self._doc.set_field("tags", [t.strip() for t in text.replace("，", ",").split(",")])

    # From the document to widgets --------------------------------------------------------
    def _on_document_changed(self, field: str) -> None:
        if field == "body":
            return
        article = self._doc.article
        everything = field == "*"
        self._updating = True
        try:
            if everything and article.site != self._site:
                self._apply_site(article.site)
            if everything or field == "headline":
                _set_line(self.headline_edit, article.headline)
            if everything or field == "subhead":
                _set_box(self.subhead_edit, article.subhead)
            if everything or field == "summary":
                _set_box(self.summary_edit, article.summary)
            if (
                everything or field == "section"
            ) and self.section_combo.currentText() != article.section:
                self.section_combo.setCurrentText(article.section)
            if everything or field == "status":
                self.status_combo.setCurrentIndex(self.status_combo.findData(str(article.status)))
            if everything or field == "tags":
                tags = [t.strip() for t in self.tags_edit.text().split(",") if t.strip()]
                if tags != article.tags:
                    self.tags_edit.setText(", ".join(article.tags))
        finally:
            self._updating = False
        self._update_counts()

    @property
    def site_settings_pending(self) -> bool:
        """Whether the site's sections and guidance still wait for release_site_settings."""
        return self._site_held

    def release_site_settings(self) -> None:
        """Load the held site's sections and headline guidance now (after the first paint)."""
        held, self._site_held = self._site_held, False
        if held and self._site:
            self._updating = True  # filling the combo is not an edit
            try:
                self._apply_site(self._site)
            finally:
                self._updating = False
            self._update_counts()

    def _apply_site(self, site_id: str) -> None:
        self._site = site_id
        if self._site_held:
            return  # release_site_settings loads it
        sections, self.guidance, self._fit = load_site_settings(site_id)
        self.assignment_panel.set_site(site_id)
        current = self.section_combo.currentText()
        self.section_combo.clear()
        self.section_combo.addItems(sections)
        self.section_combo.setCurrentText(current)
        self.headline_edit.setPlaceholderText(
            self.tr("Headline (aim for {n} characters or fewer)").format(n=self.guidance.target)
        )

    def set_measured_headline_lines(self, layout: str, lines: int, headline: str) -> None:
        """Show the headline's line count as the preview measured it in the real layout."""
        self._measured[layout] = (headline, lines)
        self._update_counts()

    def _headline_lines(self, layout: str, length: int, per_line: int) -> int:
        """Return the meter's line count for the headline, else the preview's, else a guess."""
        metered = self._fit.lines(self._doc.article.headline) if self._fit else {}
        if layout in metered:
            return metered[layout]
        headline, lines = self._measured.get(layout, ("", 0))
        if headline == self._doc.article.headline and lines:
            return lines
        return self.guidance.lines(length, per_line)

    def _update_counts(self) -> None:
        article, guide = self._doc.article, self.guidance
        length = len(article.headline.strip())
        desktop = self._headline_lines("desktop", length, guide.desktop_per_line)
        mobile = self._headline_lines("mobile", length, guide.mobile_per_line)
        self.headline_count_label.setText(
            self.tr("{n}/{target} chars · PC {desktop} line(s) · mobile {mobile} line(s)").format(
                n=length, target=guide.target, desktop=desktop, mobile=mobile
            )
        )
        too_long = (
            length > guide.warn or desktop > guide.desktop_lines or mobile > guide.mobile_lines
        )
        level = "error" if length > guide.warn else "warn" if too_long else "ok"
        set_level(self.headline_count_label, level)
        sub = article.subhead.strip()
        lines = len([ln for ln in sub.splitlines() if ln.strip()])
        self.subhead_count_label.setText(
            self.tr("{n} chars · {lines} line(s)").format(n=len(sub.replace("\n", "")), lines=lines)
        )
        set_level(self.subhead_count_label, "warn" if lines > 3 else "ok")


def _set_line(edit: QLineEdit | HeadlineEdit, value: str) -> None:
    if edit.text() != value:
        edit.setText(value)
        edit.setCursorPosition(0)  # show the start of a long text, not its end


def _set_box(box: QPlainTextEdit, value: str) -> None:
    if box.toPlainText() != value:
        box.setPlainText(value)

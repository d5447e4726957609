"""The assignment in the form and the status bar: title variants with their counters, the
length target's progress, the embargo, and the export's warning."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDateTime, QLocale

from editor.core import clock
from editor.core.model import LengthTarget
from editor.ui import i18n
from editor.ui.dialogs import ExportDialog
from editor.ui.messages import Answer

KST = clock.newsroom_zone()
NOW = datetime(2026, 12, 1, 9, 20, tzinfo=KST)


@pytest.fixture(autouse=True)
def seoul_morning(monkeypatch):
    monkeypatch.setattr(clock, "now", lambda: NOW)  # the module's own seam, put back after


def test_typing_a_variant_sets_it_and_counts_against_the_profile(window, commit_text):
    panel = window.form.assignment_panel
    panel.web_title_edit.setFocus()
    commit_text(panel.web_title_edit, "검색용 제목")
    assert window.document.article.web_title == "검색용 제목"
    assert panel.web_title_count_label.text() == "6/60 chars"
    window.document.set_field("social_title", "가" * 41)
    assert panel.social_title_edit.text() == "가" * 41
    assert panel.social_title_count_label.text() == "41/40 chars"
    assert panel.social_title_count_label.property("level") == "warn"
    assert panel.web_title_count_label.property("level") == "ok"


def test_the_status_bar_shows_progress_toward_the_target(window):
    status = window.status
    assert not status.target_label.isVisibleTo(window)  # no target: no figure
    window.document.set_body("가" * 1300)
    panel = window.form.assignment_panel
    panel.target_spin.setValue(8)
    assert window.document.article.target == LengthTarget(8, "pages")
    status.update_counts()
    assert status.target_label.isVisibleTo(window)
    assert status.target_label.text() == "Target 8 pages: 6.5 (81%)"
    panel.target_unit_combo.setCurrentIndex(panel.target_unit_combo.findData("chars"))
    panel.target_spin.setValue(1600)
    number = QLocale().toString  # grouped as the chars figure beside it is
    assert status.target_label.text() == f"Target {number(1600)} chars: {number(1300)} (81%)"
    panel.target_spin.setValue(0)
    assert window.document.article.target == LengthTarget()
    assert not status.target_label.isVisibleTo(window)


def test_target_progress_reads_as_the_newsroom_says_it_in_korean(qapp, window):
    try:
        assert i18n.install_translators(qapp, "ko")
        window.document.set_body("가" * 1300)
        window.document.set_field("target", LengthTarget(8))
        assert window.status.target_label.text() == "목표 8매 중 6.5매 (81%)"
    finally:
        i18n.install_translators(qapp, "en")


def test_embargo_starts_at_the_next_whole_hour_in_seoul_and_follows_the_edit(window):
    panel = window.form.assignment_panel
    assert not panel.embargo_edit.isEnabled()
    panel.embargo_check.setChecked(True)
    assert window.document.article.embargo == datetime(2026, 12, 1, 10, 0, tzinfo=KST)
    assert panel.embargo_zone_label.text() == "KST"
    panel.embargo_edit.setDateTime(QDateTime(2026, 12, 2, 6, 30, 0))
    assert window.document.article.embargo == datetime(2026, 12, 2, 6, 30, tzinfo=KST)
    panel.embargo_check.setChecked(False)
    assert window.document.article.embargo is None


def test_an_opened_article_shows_its_assignment(window, tmp_path):
    from editor.storage import write_article

    article = window.document.article.copy()
    article.web_title, article.social_title = "웹 제목", "SNS 제목"
    article.target = LengthTarget(1600, "chars")
    article.embargo = datetime(2026, 12, 3, 0, 0, tzinfo=clock.newsroom_zone("UTC"))
    write_article(article, tmp_path / "assigned.article")
    window.document.load(tmp_path / "assigned.article")
    panel = window.form.assignment_panel
    assert (panel.web_title_edit.text(), panel.social_title_edit.text()) == ("웹 제목", "SNS 제목")
    assert (panel.target_spin.value(), panel.target_unit_combo.currentData()) == (1600, "chars")
    assert panel.embargo_check.isChecked()
    assert panel.embargo_edit.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-12-03 09:00"


def test_exporting_an_embargoed_article_says_it_is_held_back(qtbot, tmp_path, window, prompts):
    window.document.set_field("embargo", datetime(2026, 12, 1, 18, 0, tzinfo=KST))
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination_edit.setText(str(tmp_path))
    dialog.show()
    prompts.answer(Answer.OK, Answer.NO)  # the embargo notice, then do not open the folder
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as blocker:
        dialog.export_button.click()
    notice = prompts.seen[-2]
    assert notice.title == "Embargoed article"
    assert "under embargo until 2026-12-01 18:00 KST" in notice.text
    assert "draft: true" in (blocker.args[0] / "index.md").read_text(encoding="utf-8")


def test_the_preview_share_card_shows_the_social_title():
    from editor.core.model import Article
    from editor.ui.preview.share_card import share_card_data

    article = Article(headline="인쇄 제목", summary="요약")
    assert share_card_data(article, [], "시사캐치", "https://x.example/").title == "인쇄 제목"
    article.social_title = "공유 카드 제목"
    assert share_card_data(article, [], "시사캐치", "https://x.example/").title == "공유 카드 제목"

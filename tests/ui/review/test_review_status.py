"""The status flow: submit, approve (who and when), return; an edit after approval."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from editor.core import review
from editor.core.model import Status

REVIEWER = "김데스크"


def test_submit_approve_return_and_the_title(qtbot, review_window):
    flow, doc = review_window.review.flow, review_window.document
    flow.return_to_reporter()
    assert doc.article.status is Status.DRAFT
    assert review_window.windowTitle().endswith("Untitled[*]")  # a draft adds nothing
    flow.submit_action.trigger()
    assert doc.article.status is Status.READY
    assert review_window.windowTitle().endswith("[Ready for desk]")
    assert not flow.submit_action.isEnabled()
    flow.approve_action.trigger()
    approved = review.approval(doc.article)
    assert approved["by"] == REVIEWER and approved["at"].startswith("2025-04-04T09:")
    assert review_window.windowTitle().endswith("[Approved]")
    assert review_window.form.status_combo.currentData() == "approved"
    strip = review_window.review.status_strip.status_label.text()
    assert strip.startswith(f"Approved by {REVIEWER}")
    flow.return_action.trigger()
    assert doc.article.status is Status.DRAFT and review.approval(doc.article) is None


def test_approving_from_the_form_also_records_who(qtbot, review_window):
    combo = review_window.form.status_combo
    combo.setCurrentIndex(combo.findData("approved"))
    assert review.approval(review_window.document.article)["by"] == REVIEWER


def test_editing_an_approved_article_returns_it_to_review_with_a_notice(
    qtbot, review_window, commit_text, select_in_body
):
    review_window.review.flow.approve()
    assert review_window.document.article.status is Status.APPROVED
    commit_text(review_window.body_editor.text_edit, "고침")
    article = review_window.document.article
    assert article.status is Status.READY and review.approval(article) is None
    assert "approved" in review_window.statusBar().currentMessage()
    assert review_window.windowTitle().endswith("[Ready for desk]")
    assert review_window.form.status_combo.currentData() == "ready"
    # Notes are not edits of the article: the desk can comment on an approved article.
    review_window.review.flow.approve()
    select_in_body(review_window, "22km")
    review_window.review.begin_note()
    assert review_window.review.notes_panel.add_note("좋습니다") is not None
    assert review_window.document.article.status is Status.APPROVED


def test_a_headline_edit_after_approval_also_returns_it(qtbot, review_window, commit_text):
    review_window.review.flow.approve()
    commit_text(review_window.form.headline_edit, "!")
    assert review_window.document.article.status is Status.READY


def test_every_save_records_a_signed_revision_with_its_summary(qtbot, tmp_path, review_window):
    path = tmp_path / "a.article"
    review_window.review.summary_edit.setText("첫 송고")
    review_window.document.set_field("headline", "첫 제목")
    assert review_window._write(lambda: review_window.document.save_as(path))
    review_window.document.set_field("headline", "고친 제목")
    assert review_window.save()
    entries = review.revisions(review_window.document.article)
    assert [(e["author"], e["summary"]) for e in entries] == [(REVIEWER, "첫 송고"), (REVIEWER, "")]
    assert review_window.review.summary_edit.text() == ""
    from editor.storage import read_article

    saved = read_article(path)
    assert len(review.revisions(saved)) == 2
    assert review.revision_fields(saved, entries[0]["id"])["headline"] == "첫 제목"


def test_review_mode_docks_keep_their_width_as_the_status_grows(qtbot, review_window):
    review_window.resize(1280, 800)
    review_window.review.set_review_mode(True)
    dock = review_window.review.notes_dock
    qtbot.waitUntil(lambda: dock.isVisible())
    before = dock.width()
    review_window.review.flow.approve()  # "Approved by 김데스크, 04-04 09:01": a longer line
    review_window.review.status_strip.status_label.setText("승인: " + "아주 긴 이름 " * 20)
    QApplication.sendPostedEvents()  # the layout requests the label posted
    QApplication.processEvents()
    assert dock.width() == before <= 340
    assert review_window.form.width() >= 380  # the form is not squeezed at 1280 x 800

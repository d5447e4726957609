"""Revisions: two saves compared per field and on the rendered page; since the desk; restore."""

from __future__ import annotations

import json

import pytest

from editor.core import review
from editor.ui.identity import User
from editor.ui.messages import Answer
from editor.ui.review.revisions import CURRENT, RevisionsDialog

INS_JS = "JSON.stringify([...document.querySelectorAll('ins.diff-ins')].map(e => e.textContent))"
DEL_JS = "JSON.stringify([...document.querySelectorAll('del.diff-del')].map(e => e.textContent))"
INS_COLOR_JS = "getComputedStyle(document.querySelector('ins.diff-ins')).backgroundColor"


def _two_saves(window, tmp_path) -> tuple[str, str]:
    """Save the sample, change a date and the headline, save again; return both ids."""
    doc = window.document
    assert window._write(lambda: doc.save_as(tmp_path / "a.article"))
    doc.set_body(doc.article.body.replace("시는 27일", "시는 28일"))
    doc.set_field("headline", "세종시 자율주행 셔틀 구간 확대")
    assert window.save()
    first, second = (e["id"] for e in review.revisions(doc.article))
    return first, second


def _dom(qtbot, view, script: str):
    found: list = []
    view.page().runJavaScript(script, 0, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    return found[0]


@pytest.fixture
def open_dialog(qtbot):
    """Return a function opening the history of a window and waiting for its page."""

    def open_(window) -> RevisionsDialog:
        dialog = RevisionsDialog(window)
        qtbot.addWidget(dialog)
        dialog.resize(1000, 700)
        dialog.show()
        return dialog

    return open_


@pytest.mark.webengine
def test_two_revisions_differ_on_the_page_and_by_field(qtbot, tmp_path, review_window, open_dialog):
    first, second = _two_saves(review_window, tmp_path)
    dialog = open_dialog(review_window)
    dialog.select(first, second)
    qtbot.waitUntil(
        lambda: "28일" in json.loads(_dom(qtbot, dialog.page_view, INS_JS)), timeout=20_000
    )
    assert json.loads(_dom(qtbot, dialog.page_view, INS_JS)) == ["28일"]
    assert json.loads(_dom(qtbot, dialog.page_view, DEL_JS)) == ["27일"]
    assert _dom(qtbot, dialog.page_view, INS_COLOR_JS) == "rgb(214, 245, 221)"
    fields = dialog.fields_browser.toHtml()
    assert "Headline" in fields and "Body" in fields and "Subhead" not in fields
    from editor.ui.review.compare import field_differences, state_of

    article = review_window.document.article
    marked = dict(field_differences(state_of(article, first), state_of(article, second)))
    assert '<del class="diff-del">7</del><ins class="diff-ins">8</ins>' in marked["body"]
    assert "…" in marked["body"]  # the unchanged paragraphs are condensed


def test_since_the_desk_last_saw_it(qtbot, tmp_path, review_window, open_dialog):
    doc = review_window.document
    review_window.review.flow.approve()
    assert review_window._write(lambda: doc.save_as(tmp_path / "a.article"))
    desk = review.desk_revision(doc.article)
    review_window.set_user(User("김하늘"))  # the reporter takes over
    doc.set_body(doc.article.body.replace("8곳", "9곳"))
    assert review_window.save()
    doc.set_field("subhead", "부제 고침")  # unsaved: still part of "now"
    dialog = open_dialog(review_window)
    assert dialog.old_combo.currentData() == desk and dialog.new_combo.currentData() == CURRENT
    assert "[desk]" in dialog.old_combo.currentText()
    text = dialog.fields_browser.toPlainText()
    assert "정류장 89곳" in text and "부제 고침" in text  # 8 struck, 9 inserted


def test_restore_an_older_revision(qtbot, tmp_path, review_window, open_dialog, prompts):
    first, _second = _two_saves(review_window, tmp_path)
    doc = review_window.document
    dialog = open_dialog(review_window)
    dialog.select(first)
    prompts.answer(Answer.CANCEL)
    dialog.restore_button.click()
    assert "28일" in doc.article.body
    prompts.answer(Answer.YES)
    dialog.restore_button.click()
    assert "시는 27일" in doc.article.body
    assert doc.article.headline.startswith("세종시 자율주행 셔틀, 시범운행")
    assert review_window.form.headline_edit.text() == doc.article.headline
    assert "Restored" in review_window.statusBar().currentMessage()
    review_window.body_editor.text_edit.undo()  # the body change is one undoable step
    assert "시는 28일" in doc.article.body


def test_restoring_an_approved_revision_does_not_approve_the_text(
    qtbot, tmp_path, review_window, open_dialog, prompts
):
    from editor.core.model import Status

    doc = review_window.document
    review_window.review.flow.approve()
    assert review_window._write(lambda: doc.save_as(tmp_path / "a.article"))
    approved = review.revisions(doc.article)[-1]["id"]
    review_window.review.flow.return_to_reporter()
    doc.set_body(doc.article.body.replace("시는 27일", "시는 28일"))
    assert doc.article.status is Status.DRAFT
    dialog = open_dialog(review_window)
    dialog.select(approved)
    prompts.answer(Answer.YES)
    dialog.restore_button.click()
    assert "시는 27일" in doc.article.body
    assert doc.article.status is Status.DRAFT and review.approval(doc.article) is None


IN_VIEW_JS = """(() => {
  const box = document.querySelector('ins.diff-ins').getBoundingClientRect();
  return box.top >= 0 && box.bottom <= window.innerHeight;
})()"""


@pytest.mark.webengine
def test_changes_on_the_page_opens_at_the_change(qtbot, tmp_path, review_window, open_dialog):
    """The page loads in the hidden tab; showing it must still show the change."""
    doc = review_window.document
    assert review_window._write(lambda: doc.save_as(tmp_path / "a.article"))
    last = doc.article.body.rstrip().rsplit("\n", 1)[-1]
    doc.set_body(doc.article.body.replace(last, last + " 끝에 덧붙인 문장."))
    assert review_window.save()
    first, second = (e["id"] for e in review.revisions(doc.article))
    dialog = open_dialog(review_window)
    assert dialog.tabs.currentIndex() == 0  # the page tab is not shown yet
    dialog.select(first, second)
    qtbot.waitUntil(
        lambda: "끝에" in "".join(json.loads(_dom(qtbot, dialog.page_view, INS_JS))),
        timeout=20_000,
    )
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: _dom(qtbot, dialog.page_view, IN_VIEW_JS) is True, timeout=5_000)

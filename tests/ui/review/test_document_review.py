"""The document owns the desk's work: notes, status, approval and revisions go through it."""

from __future__ import annotations

import pytest

from editor.core import review
from editor.core.model import Status
from editor.storage.drafts import DraftStore
from editor.ui.autosave import Autosaver
from editor.ui.document import ArticleDocument
from editor.ui.document_review import ApprovalRefused
from editor.ui.identity import Role, User

DESK = User("김데스크", "desk@sisacatch.example", Role.DESK)
REPORTER = User("박기자", "park@sisacatch.example", Role.REPORTER)


@pytest.fixture
def doc(qtbot, tmp_path) -> ArticleDocument:
    document = ArticleDocument()
    document.load_sample()
    document.save_as(tmp_path / "story.article")
    document.set_user(DESK)
    return document


def test_a_note_on_an_unmodified_document_is_a_change_autosave_drafts(qtbot, doc, tmp_path):
    store = DraftStore(tmp_path / "drafts")
    autosaver = Autosaver(doc, store, interval_ms=50)
    assert not doc.is_modified
    with qtbot.waitSignal(doc.notes_changed), qtbot.waitSignal(doc.changed) as changed:
        note = doc.add_note("headline", 0, 3, "지명 확인")
    assert changed.args == ["notes"] and doc.is_modified
    with qtbot.waitSignal(autosaver.draft_written, timeout=5000) as written:
        pass
    drafted = store.load(written.args[0])
    assert [(n.text, n.author) for n in review.notes(drafted)] == [("지명 확인", "김데스크")]
    assert doc.reply_to_note(note.id, "확인했습니다")
    assert doc.set_note_resolved(note.id, True)
    [stored] = review.notes(doc.article)
    assert stored.resolved and [r.text for r in stored.replies] == ["확인했습니다"]
    assert not doc.reply_to_note("no-such-note", "?")
    autosaver.discard()


def test_approval_records_who_and_when_and_only_a_desk_editor_approves(qtbot, doc):
    doc.set_user(REPORTER)
    with pytest.raises(ApprovalRefused):
        doc.approve()
    assert doc.article.status is Status.READY  # the sample's
    doc.set_user(DESK)
    with qtbot.waitSignal(doc.status_changed) as blocker:
        doc.approve()
    assert blocker.args == [Status.APPROVED]
    approved = review.approval(doc.article)
    assert approved["by"] == "김데스크" and approved["at"].startswith("2025-04-04T09:")


def test_an_edit_after_approval_withdraws_it(qtbot, doc):
    doc.approve()
    with qtbot.waitSignal(doc.approval_withdrawn):
        doc.set_body(doc.body_text() + "\n\n고침")
    assert doc.article.status is Status.READY and review.approval(doc.article) is None
    doc.approve()
    doc.add_note("body", 0, 2, "좋습니다")  # a note is not an edit of the text
    assert doc.article.status is Status.APPROVED


def test_a_save_records_one_signed_revision_with_the_summary(qtbot, doc):
    doc.set_field("headline", "고친 제목")
    doc.save_summary = "제목 수정"
    with qtbot.waitSignal(doc.revision_recorded):
        doc.save()
    entries = review.revisions(doc.article)
    assert (entries[-1]["author"], entries[-1]["summary"]) == ("김데스크", "제목 수정")
    assert doc.save_summary == ""


def test_restoring_a_revision_is_an_undoable_edit_through_the_document(qtbot, doc):
    first = review.revisions(doc.article)[-1]["id"]
    original_body = doc.article.body
    doc.set_field("headline", "다른 제목")
    doc.set_body("전혀 다른 본문")
    doc.save()
    doc.approve()
    with qtbot.waitSignal(doc.revision_restored) as blocker:
        assert doc.restore_revision(first)
    assert blocker.args == [first]
    assert doc.article.headline.startswith("세종시 자율주행 셔틀")
    assert doc.article.body == original_body and doc.is_modified
    assert doc.article.status is Status.READY  # old text never comes back approved
    doc.body_document.undo()
    assert doc.article.body == "전혀 다른 본문"

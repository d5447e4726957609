"""One save, one revision: a save that is refused, cancelled or retried records nothing extra."""

from __future__ import annotations

import errno
import os

import pytest

from editor.core import review
from editor.storage import read_article, write_article
from editor.ui.messages import Answer


@pytest.fixture
def saved(tmp_path, review_window):
    """Return the review window with its article saved once to a file."""
    path = tmp_path / "story.article"
    assert review_window._write(lambda: review_window.document.save_as(path))
    review_window.document.changed_on_disk.disconnect()  # only the save prompt is under test
    return review_window, path


def _change_outside(path) -> None:
    article = read_article(path)
    article.headline = "다른 프로그램이 고친 제목"
    write_article(article, path)


def _summaries(article) -> list[str]:
    return [entry["summary"] for entry in review.revisions(article)]


def test_overwrite_after_a_conflict_records_one_revision(saved, prompts):
    window, path = saved
    window.document.set_field("headline", "데스크가 고친 제목")
    window.review.summary_edit.setText("제목 수정")
    _change_outside(path)
    prompts.answer(Answer.OVERWRITE)
    assert window.save()
    assert _summaries(window.document.article) == ["", "제목 수정"]
    assert _summaries(read_article(path)) == ["", "제목 수정"]


def test_a_cancelled_save_leaves_no_revision_and_keeps_the_summary(saved, prompts):
    window, path = saved
    window.document.set_field("headline", "데스크가 고친 제목")
    window.review.summary_edit.setText("제목 수정")
    _change_outside(path)
    prompts.answer(Answer.CANCEL)
    assert not window.save()
    assert _summaries(window.document.article) == [""]
    assert window.review.summary_edit.text() == "제목 수정"
    window.document.set_field("subhead", "부제도 고쳤다")
    prompts.answer(Answer.OVERWRITE)
    assert window.save()
    assert _summaries(read_article(path)) == ["", "제목 수정"]  # used to be three


def test_a_failed_save_leaves_no_revision(saved, prompts, monkeypatch):
    window, path = saved
    window.document.set_body("기차에서 쓴 본문")
    window.review.summary_edit.setText("본문 교체")

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    prompts.answer(Answer.OK)
    assert not window.save()
    monkeypatch.undo()
    assert _summaries(window.document.article) == [""]
    window.document.set_body("기차에서 쓴 본문, 조금 더")
    assert window.save()
    assert _summaries(read_article(path)) == ["", "본문 교체"]
    assert window.review.summary_edit.text() == ""


def test_saving_as_markdown_warns_that_notes_and_revisions_stay_behind(
    tmp_path, review_window, prompts, select_in_body
):
    select_in_body(review_window, "22km")
    review_window.review.begin_note()
    review_window.review.notes_panel.add_note("출처?")
    prompts.choose(tmp_path / "story.md")
    prompts.answer(Answer.CANCEL)
    assert not review_window.save_as()
    assert not (tmp_path / "story.md").exists()
    assert "1 desk note(s)" in prompts.seen[-1].text
    prompts.choose(tmp_path / "story.md")
    prompts.answer(Answer.YES)
    assert review_window.save_as()
    assert (tmp_path / "story.md").exists()

from __future__ import annotations

from editor.core import review
from editor.core.diff import diff_html, diff_text, has_changes
from editor.core.model import Article, Status
from editor.storage import container


def test_note_anchor_survives_edits_around_it():
    article = Article(body="첫 문장이다. 확인이 필요한 수치 22km. 마지막 문장.")
    start = article.body.index("22km")
    note = review.add_note(article, "body", start, start + 4, "출처 확인", "데스크")
    article.body = "새로 넣은 문장. " + article.body.replace("마지막", "끝")
    span = review.locate(article, review.notes(article)[0])
    assert span and article.body[span[0] : span[1]] == "22km"
    review.update_note(article, note.id, reply=("기자", "국토부 자료입니다"))
    review.update_note(article, note.id, resolved=True)
    [stored] = review.notes(container.read(container.write(article)))
    assert stored.resolved and stored.replies[0].text == "국토부 자료입니다"
    review.update_note(article, note.id, resolved=False)
    assert not review.notes(article)[0].resolved


def test_note_on_repeated_passage_keeps_nearest_occurrence():
    article = Article(body="셔틀 운행. 셔틀 요금. 셔틀 노선.")
    second = article.body.index("셔틀", 3)
    review.add_note(article, "body", second, second + 2, "?", "d")
    article.body = "세종 " + article.body
    review.reanchor(article)
    span = review.locate(article, review.notes(article)[0])
    assert span[0] == article.body.index("셔틀 요금")


def test_note_whose_passage_is_deleted_is_orphaned():
    article = Article(headline="세종시 셔틀")
    review.add_note(article, "headline", 0, 3, "지명 확인", "d")
    article.headline = "오송 셔틀"
    assert review.locate(article, review.notes(article)[0]) is None


def test_status_flow_and_edit_after_approval():
    article = Article(headline="h")
    review.set_status(article, Status.READY, "기자")
    review.set_status(article, Status.APPROVED, "데스크")
    assert review.approval(article)["by"] == "데스크"
    assert review.edited_after_approval(article)
    assert article.status is Status.READY and review.approval(article) is None
    assert not review.edited_after_approval(article)


def test_revisions_restore_any_and_stay_small():
    article = Article(
        headline="제목", body="\n".join(f"{i}번째 문단의 내용이다. " * 4 for i in range(80))
    )
    ids = []
    for i in range(500):
        article.body = article.body.replace(f"{i % 80}번째", f"{i % 80}번째*", 1)
        article.headline = f"제목 {i}"
        ids.append(review.record_revision(article, "기자", f"저장 {i}")["id"])
    assert len(review.revisions(article)) == 500
    size = len(container.write(article))
    assert size < 60_000, size  # 500 full copies would be ~3 MB
    old = article.copy()
    assert review.restore_revision(old, ids[42])
    assert old.headline == "제목 42" and old.body.count("*") == 43


def test_identical_save_records_no_revision():
    article = Article(headline="h")
    review.record_revision(article, "a")
    review.record_revision(article, "a")
    assert len(review.revisions(article)) == 1


def test_korean_diff_by_word_then_character():
    changes = diff_text("세종시가 셔틀을 운행한다", "세종시는 셔틀을 운행한다")
    assert [c for c in changes if c.op != "equal"] == [("delete", "가"), ("insert", "는")]
    assert not has_changes(diff_text("같다", "같다"))


def test_html_diff_marks_insertions_and_deletions():
    html = diff_html(
        "<p>시는 27일 회의를 열었다.</p>", "<p>시는 28일 회의를 열었다.</p><p>새 문단</p>"
    )
    assert '<del class="diff-del">27일</del>' in html
    assert '<ins class="diff-ins">28일</ins>' in html
    assert '<p><ins class="diff-ins">새 문단</ins></p>' in html


def test_desk_revision_is_the_desks_last_review_or_save():
    article = Article(headline="h", body="기사")
    review.record_revision(article, "기자")
    assert review.desk_revision(article) is None
    review.mark_desk_review(article, "데스크")
    article.status = Status.APPROVED
    seen = review.record_revision(article, "데스크")["id"]
    article.body = "기사 수정"
    review.record_revision(article, "기자")
    assert review.desk_revision(article) == seen
    article.body = "데스크가 또 고침"
    again = review.record_revision(article, "데스크")["id"]
    assert review.desk_revision(article) == again


def test_problems_carry_the_values_their_message_names():
    from editor.core.checklist import run_checklist

    article = Article(headline="가" * 31, body="[시사캐치] 짧다 ○○○ 하였다.")
    found = {p.code: p.args for p in run_checklist(article)}
    # and the rule's id (house style is data, editor/core/style.py) and its fix
    assert found["headline-long"] == {"length": 31, "limit": 30, "rule": "headline.warn"}
    assert found["placeholder"] == {"text": "○○○"}
    assert found["house-style"] == {
        "right": "했다",
        "wrong": "하였다",
        "fix": "했다",
        "rule": "replace.하였다",
    }


def test_condense_keeps_changes_and_some_context():
    from editor.core.diff import condense

    old = "가" * 100 + " 27일 " + "나" * 100
    new = "가" * 100 + " 28일 " + "나" * 100
    changes = condense(diff_text(old, new), context=5)
    assert [c.op for c in changes] == ["equal", "delete", "insert", "equal"]
    assert changes[0].text == "…가가가 2" and changes[1:3] == [("delete", "7"), ("insert", "8")]
    assert changes[-1].text.endswith("…") and len(changes[-1].text) == 6


def test_shift_notes_follows_edits_before_a_repeated_passage():
    article = Article(body="셔틀 운행. 셔틀 요금. 셔틀 노선.")
    third = article.body.index("셔틀 노선")
    review.add_note(article, "body", third, third + 2, "노선 확인", "d")
    inserted = "셔틀 셔틀 셔틀 셔틀 " * 3
    article.body = inserted + article.body
    review.shift_notes(article.private, "body", 0, 0, len(inserted))
    review.shift_notes(article.private, "headline", 0, 0, 99)  # other fields are untouched
    span = review.locate(article, review.notes(article)[0])
    assert span[0] == article.body.index("셔틀 노선")


def test_a_rewritten_text_reads_as_struck_then_added_not_interleaved():
    changes = diff_text("정부세종청사~오송역 22km 구간 운행", "부제 고침")
    assert changes == [("delete", "정부세종청사~오송역 22km 구간 운행"), ("insert", "부제 고침")]
    kept = diff_text("시는 27일 회의를 열었다", "시는 28일 회의를 새로 열었다")
    assert ("equal", "일 회의를 ") in kept and ("insert", "새로 ") in kept


def test_condense_keeps_paragraphs_apart():
    from editor.core.diff import condense

    old = "첫 문단이다. " * 10 + "\n\n" + "둘째 문단 27일." + "\n\n" + "셋째 문단이다. " * 10
    changes = condense(diff_text(old, old.replace("27일", "28일")), context=20)
    assert changes[0].text.startswith("…\n") and changes[-1].text.endswith("\n…")


def test_a_revision_taken_back_leaves_the_history_as_it_was():
    import copy

    article = Article(headline="h", body="기사")
    empty = review.history_checkpoint(article)
    review.record_revision(article, "기자")
    review.rollback_history(article, empty)
    assert review.revisions(article) == [] and review.HISTORY_KEY not in article.private
    review.record_revision(article, "기자")
    review.mark_desk_review(article, "데스크")
    before = copy.deepcopy(article.private)
    checkpoint = review.history_checkpoint(article)
    article.body = "기사 수정"
    review.record_revision(article, "데스크", "데스크 수정")  # the save then fails
    review.rollback_history(article, checkpoint)
    assert article.private == before
    assert review.revision_fields(article, review.revisions(article)[0]["id"])["body"] == "기사"


def test_restoring_old_text_never_brings_an_approval_back():
    article = Article(headline="승인된 제목", body="데스크가 승인한 본문")
    review.set_status(article, Status.APPROVED, "데스크")
    approved = review.record_revision(article, "데스크")["id"]
    review.set_status(article, Status.DRAFT, "")  # returned to the reporter, who rewrites
    article.body = "기자가 다시 쓴 본문"
    review.record_revision(article, "기자")
    assert review.restore_revision(article, approved)
    assert article.body == "데스크가 승인한 본문"
    assert article.status is Status.DRAFT and review.approval(article) is None


def test_restoring_into_an_approved_article_sends_it_back_to_the_desk():
    article = Article(headline="제목", body="첫 본문")
    first = review.record_revision(article, "기자")["id"]
    article.body = "승인된 본문"
    review.set_status(article, Status.APPROVED, "데스크")
    latest = review.record_revision(article, "데스크")["id"]
    assert review.restore_revision(article, latest)  # the same text: still approved
    assert article.status is Status.APPROVED and review.approval(article)
    assert review.restore_revision(article, first)
    assert article.body == "첫 본문"
    assert article.status is Status.READY and review.approval(article) is None

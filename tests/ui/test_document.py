"""ArticleDocument: the one object owning an article's life."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from editor.core import clock
from editor.core.errors import DocumentError, ImageError
from editor.core.model import Author, LeadImage, Status
from editor.storage import Kind, read_article
from editor.ui.document import ArticleDocument, guess_kind
from editor.ui.identity import Role, User

KST = timezone(timedelta(hours=9))


@pytest.fixture(autouse=True)
def fixed_clock():
    clock.set_clock(lambda: datetime(2025, 4, 4, 2, 59, tzinfo=KST))
    yield
    clock.set_clock(None)


@pytest.fixture
def doc(qtbot) -> ArticleDocument:
    document = ArticleDocument()
    document.load_sample()
    return document


def test_sample_opens_as_an_untitled_unmodified_copy(doc):
    assert doc.is_untitled and not doc.is_modified
    assert doc.article.headline.startswith("세종시 자율주행 셔틀")
    assert doc.body_text() == doc.article.body
    assert "images/shuttle-lead.jpg" in doc.article.images


def test_set_field_marks_modified_and_names_the_field(qtbot, doc):
    with qtbot.waitSignal(doc.changed) as blocker:
        doc.set_field("headline", "새 제목")
    assert blocker.args == ["headline"]
    assert doc.is_modified and doc.article.headline == "새 제목"


def test_setting_the_same_value_changes_nothing(qtbot, doc):
    with qtbot.assertNotEmitted(doc.changed):
        doc.set_field("section", doc.article.section)
    assert not doc.is_modified


def test_body_edits_are_undoable_and_reach_the_article(doc):
    doc.set_body("첫 문단\n\n둘째 문단\u00a0끝")
    assert doc.article.body == "첫 문단\n\n둘째 문단\u00a0끝"  # non-breaking space kept
    doc.body_document.undo()
    assert doc.article.body.startswith("[시사캐치]")


@pytest.mark.parametrize("name", ["story.article", "story.md", "story-bundle"])
def test_save_and_reopen_keeps_every_field(tmp_path, doc, name):
    doc.set_field("headline", "바이오·모빌리티 미래 그리다")
    doc.set_field("subhead", "첫 줄\n둘째 줄")
    doc.set_field("summary", "요약 문장")
    doc.set_field("tags", ["충청", "모빌리티"])
    doc.set_field("section", "경제")
    doc.set_field("authors", [Author("홍길동", "hong@example.com"), Author("김하늘", "")])
    doc.set_lead_image(LeadImage("images/shuttle-lead.jpg", "대체", "▲ 설명", "사진=제공"))
    doc.set_body(doc.body_text() + "\n\n마지막 문단 △가 △나\n")
    doc.set_user(User("데스크", "", Role.DESK))
    doc.set_field("status", Status.APPROVED)  # last: an edit after approval withdraws it
    expected = doc.article.copy()
    target = tmp_path / name
    written = doc.save_as(target)
    assert written == target.resolve() and doc.path == written and not doc.is_modified
    assert (
        doc.kind
        is {"story.article": Kind.ARTICLE, "story.md": Kind.MARKDOWN, "story-bundle": Kind.BUNDLE}[
            name
        ]
    )
    reopened = ArticleDocument()
    reopened.load(target)
    got = reopened.article
    for field in (
        "headline",
        "subhead",
        "summary",
        "tags",
        "status",
        "section",
        "authors",
        "lead_image",
        "body",
        "slug",
        "site",
        "created",
    ):
        assert getattr(got, field) == getattr(expected, field), field
    assert got.updated == clock.now()
    assert set(expected.images) <= set(got.images)


def test_save_writes_back_to_the_same_file(tmp_path, qtbot, doc):
    doc.save_as(tmp_path / "a.article")
    doc.set_field("headline", "고친 제목")
    with qtbot.waitSignal(doc.saved):
        doc.save()
    assert read_article(tmp_path / "a.article").headline == "고친 제목"


def test_untitled_save_needs_a_path(doc):
    with pytest.raises(ValueError):
        doc.save()


def test_failed_load_leaves_the_document_as_it_was(tmp_path, doc):
    broken = tmp_path / "broken.article"
    broken.write_bytes(b"not a zip")
    headline = doc.article.headline
    with pytest.raises(DocumentError):
        doc.load(broken)
    assert doc.article.headline == headline and doc.is_untitled


def test_bad_image_is_refused_and_nothing_changes(doc):
    before = dict(doc.article.images)
    with pytest.raises(ImageError):
        doc.add_image("fake.jpg", b"this is not a jpeg")
    assert doc.article.images == before and not doc.is_modified


def test_layout_only_changes_are_not_edits(qtbot, doc):
    with qtbot.assertNotEmitted(doc.changed), doc.layout_only():
        doc.body_document.markContentsDirty(0, 10)
    assert not doc.is_modified


def test_new_blank_is_bylined(doc):
    doc.new_blank(Author("홍길동", "hong@example.com"))
    assert doc.article.authors == [Author("홍길동", "hong@example.com")]
    assert doc.article.body == "" and doc.is_untitled and not doc.is_modified


def test_guess_kind(tmp_path):
    assert guess_kind(tmp_path / "x.article") is Kind.ARTICLE
    assert guess_kind(tmp_path / "x.md") is Kind.MARKDOWN
    assert guess_kind(tmp_path / "bundle") is Kind.BUNDLE

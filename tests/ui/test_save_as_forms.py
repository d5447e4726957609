"""Save As saves in the form the picker's filter names: .article, .md or a page-bundle folder."""

from __future__ import annotations

import pytest

from editor.core import review
from editor.storage import read_article
from editor.ui import messages
from editor.ui.messages import Answer


def _filter(kind: str) -> str:
    """Return the picker's filter (as the user reads it) that saves the given form."""
    return next(text for text, form in messages.save_filters().items() if form == kind)


def _has_history(window) -> bool:
    article = window.document.article
    return bool(review.notes(article) or review.revisions(article))


def test_the_markdown_filter_saves_a_name_without_md_as_markdown(tmp_path, window, prompts):
    if _has_history(window):
        prompts.answer(Answer.YES)
    prompts.choose_with_filter(tmp_path / "세종 셔틀", _filter("markdown"))
    assert window.save_as()
    page = tmp_path / "세종 셔틀.md"
    assert window.document.path == page.resolve() and page.is_file()
    assert page.read_text(encoding="utf-8").startswith("---\n")  # a page, not a zip
    assert read_article(page).headline == window.document.article.headline
    assert not (tmp_path / "세종 셔틀").exists() and not (tmp_path / "세종 셔틀.article").exists()


def test_the_folder_filter_saves_a_page_bundle(tmp_path, window, prompts):
    if _has_history(window):
        prompts.answer(Answer.YES)
    prompts.choose_with_filter(tmp_path / "shuttle", _filter("bundle"))
    assert window.save_as()
    folder = tmp_path / "shuttle"
    assert (folder / "index.md").is_file() and window.document.path == folder.resolve()
    article = read_article(folder)
    assert article.headline == window.document.article.headline
    assert article.lead_image.src in article.images  # the photos went along
    window.document.set_field("headline", "폴더에 다시 저장")
    assert window.save()  # and it stays a folder
    assert read_article(folder).headline == "폴더에 다시 저장"


def test_saving_as_a_folder_warns_that_the_desk_history_stays_behind(tmp_path, window, prompts):
    window.document.add_note("headline", 0, 2, "제목 다시")
    prompts.answer(Answer.CANCEL)
    prompts.choose_with_filter(tmp_path / "shuttle", _filter("bundle"))
    assert not window.save_as()
    assert prompts.seen[-1].title == "Save as page-bundle folder"
    assert not (tmp_path / "shuttle").exists()


@pytest.mark.parametrize(
    ("typed", "form", "written"),
    [
        ("a.md", "article", "a.md"),  # a suffix the user typed wins over the filter
        ("b", "article", "b.article"),
        ("c.article", "markdown", "c.article"),
        ("3.5일", "markdown", "3.5일.md"),  # a dot in the name is not a suffix to replace
    ],
)
def test_a_typed_suffix_wins_and_a_missing_one_comes_from_the_filter(
    tmp_path, window, prompts, typed, form, written
):
    prompts.answer(*[Answer.YES] * 2)
    prompts.choose_with_filter(tmp_path / typed, _filter(form))
    assert window.save_as()
    assert window.document.path == (tmp_path / written).resolve()
    prompts.answers.clear()


def test_the_korean_picker_names_all_three_forms_and_still_saves_markdown(
    qapp, tmp_path, window, prompts
):
    from editor.ui import i18n

    try:
        assert i18n.install_translators(qapp, "ko")
        assert list(messages.save_filters()) == [
            "기사 문서 (*.article)",
            "마크다운 페이지 (*.md)",
            "페이지 묶음 폴더: index.md와 이미지 (*)",
        ]
        if _has_history(window):
            prompts.answer(Answer.YES)
        prompts.choose_with_filter(tmp_path / "기사", "마크다운 페이지 (*.md)")
        assert window.save_as()
        assert window.document.path == (tmp_path / "기사.md").resolve()
        [request] = [r for r in prompts.seen if isinstance(r, messages.FileRequest)]
        assert request.title == "다른 이름으로 저장"
        assert request.name_filter.split(";;")[1] == "마크다운 페이지 (*.md)"
    finally:
        i18n.install_translators(qapp, "en")

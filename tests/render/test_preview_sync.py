"""The preview's bookkeeping without Qt: what each page is sent, and which render wins."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from editor.core.errors import ErrorCode, ProfileError
from editor.core.model import Article
from editor.render.preview_sync import (
    PageState,
    PreviewSync,
    RenderTurns,
    mode_layouts,
    parse_mode,
)
from editor.render.preview_updates import ALL_FIELDS, FieldNode, ShownBlock, find_fields


class FakeSource:
    """Builds a tiny page whose fields are the headline and, optionally, a subhead."""

    def __init__(self) -> None:
        self.broken = False
        self.pages = 0

    def _html(self, article: Article) -> str:
        sub = f'<p data-field="subhead">{article.subhead}</p>' if article.subhead else ""
        return (
            f'<h1 data-field="headline">{article.headline}</h1>{sub}<div data-field="body"></div>'
        )

    def page(self, article: Article, layout: str, blocks: Sequence[ShownBlock]) -> tuple[str, str]:
        if self.broken:
            raise ProfileError(ErrorCode.PROFILE_UNKNOWN, name=article.site)
        self.pages += 1
        return self._html(article), "default-src 'none'"

    def fields(self, article: Article, layout: str) -> list[FieldNode]:
        if self.broken:
            raise ProfileError(ErrorCode.PROFILE_UNKNOWN, name=article.site)
        return find_fields(self._html(article))


def _blocks(*texts: str) -> list[ShownBlock]:
    return [ShownBlock(f"k{i}-{t}", i * 2, f"<p>{t}</p>") for i, t in enumerate(texts)]


@pytest.fixture
def article() -> Article:
    return Article(headline="첫 제목", body="첫 문단\n\n둘째 문단")


@pytest.fixture
def sync() -> PreviewSync:
    return PreviewSync(FakeSource())


def test_a_page_never_loaded_loads_with_the_current_body(sync, article):
    sync.blocks_rendered(_blocks("첫 문단", "둘째 문단"))
    page = PageState("desktop")
    step = sync.step(page, article, ready=False)
    assert step.load is not None and "첫 제목" in step.load.html and not step.load.keep_scroll
    assert page.site == article.site and page.shown == sync.shown
    assert sync.step(page, article, ready=False).load is None  # loading: nothing more to send


def test_a_typed_headline_is_a_field_patch_and_a_new_count(sync, article):
    page = PageState("mobile")
    sync.step(page, article, ready=True)
    article.headline = "고친 제목"
    sync.plan({"headline"})
    step = sync.step(page, article, ready=True)
    assert step.load is None and step.measure_headline
    assert step.field_updates == [{"field": "headline", "index": 0, "text": "고친 제목"}]
    assert step.body is None
    assert sync.step(page, article, ready=True).field_updates == []  # sent once


def test_only_the_changed_block_travels(sync, article):
    page = PageState("desktop")
    sync.blocks_rendered(_blocks("가", "나", "다"))
    sync.step(page, article, ready=True)
    sync.plan({"body"})
    sync.blocks_rendered(_blocks("가", "바뀐 나", "다"))
    step = sync.step(page, article, ready=True)
    assert step.field_updates == [] and not step.measure_headline
    assert step.body is not None
    assert (step.body.start, step.body.remove) == (1, 1)
    assert [b.html for b in step.body.insert] == ["<p>바뀐 나</p>"]


def test_a_field_that_appears_reloads_the_page_keeping_the_place(sync, article):
    page = PageState("desktop")
    sync.step(page, article, ready=True)
    article.subhead = "새 부제"
    sync.plan({"subhead"})
    step = sync.step(page, article, ready=True)
    assert step.load is not None and step.load.keep_scroll and "새 부제" in step.load.html


def test_a_new_article_reloads_from_the_top(sync, article):
    page = PageState("desktop")
    sync.step(page, article, ready=True)
    plan = sync.plan({ALL_FIELDS})
    assert plan.reload_pages and plan.render_body and plan.fresh
    page.site = ""  # what the pane does on reload_pages
    step = sync.step(page, article, ready=True)
    assert step.load is not None and not step.load.keep_scroll


def test_a_broken_profile_is_an_error_and_changes_nothing(article):
    source = FakeSource()
    sync = PreviewSync(source)
    page = PageState("desktop")
    source.broken = True
    step = sync.step(page, article, ready=True)
    assert step.load is None and step.error is not None
    assert step.error.code is ErrorCode.PROFILE_UNKNOWN and page.site == ""


def test_changes_held_while_paused_are_applied_with_the_next_batch(sync):
    sync.note_change("headline")
    sync.hold(sync.take_changes())
    assert sync.take_changes() == set()
    sync.note_change("body")
    plan = sync.plan(sync.take_changes())
    assert plan.fields and plan.render_body  # the held headline came along
    assert sync.field_generation == 1


def test_the_newest_text_wins():
    turns = RenderTurns()
    first = turns.begin()
    turns.running = True  # on a worker
    assert turns.begin() is None  # typed meanwhile: waits for the first
    assert turns.finish(first) == "again"
    second = turns.begin()
    assert second == first + 1
    turns.running = True
    assert turns.finish(second) == "apply"
    assert turns.finish(first) == "drop"  # a stale answer


def test_modes_name_their_layouts():
    assert mode_layouts(parse_mode("side-by-side")) == ["desktop", "mobile"]
    assert mode_layouts(parse_mode("mobile")) == ["mobile"]
    assert parse_mode("anything") == "desktop"

"""The kept pages' key: what a page is built from changes it; nothing else does (no Qt)."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from editor import resources
from editor.core.model import Author
from editor.render.preview_updates import FieldNode, ShownBlock
from editor.storage import read_article, write_article
from editor.ui.preview import page_cache
from editor.ui.preview.page_cache import KEEP, CachedPage, PageCache
from editor.ui.preview.pages import PreviewUrls

URLS = PreviewUrls()
PAGE = CachedPage(
    "<p>page</p>",
    "default-src 'none'",
    [FieldNode("headline", "<h1 data-field=headline>", "제목")],
    [ShownBlock("k1", 0, "<p>본문</p>")],
)


@pytest.fixture
def article():
    return read_article(resources.sample_path())


@pytest.fixture
def cache(tmp_path):
    return PageCache(tmp_path / "pages")


def test_a_page_comes_back_as_it_was_kept(cache, article):
    key = cache.key(article, "desktop", URLS)
    assert cache.load(key) is None
    cache.store(key, PAGE)
    assert cache.has(key) and cache.load(key) == PAGE


CHANGES = {
    "headline": lambda a: setattr(a, "headline", a.headline + "!"),
    "web title": lambda a: setattr(a, "web_title", "검색 제목"),
    "subhead": lambda a: setattr(a, "subhead", "새 부제"),
    "summary": lambda a: setattr(a, "summary", "새 요약"),
    "body, one character": lambda a: setattr(a, "body", a.body.replace("세종시", "세종 시", 1)),
    "caption": lambda a: setattr(a, "lead_image", replace(a.lead_image, caption="새 설명")),
    "credit": lambda a: setattr(a, "lead_image", replace(a.lead_image, credit="사진=독자")),
    "lead photo": lambda a: setattr(a, "lead_image", replace(a.lead_image, src="images/x.jpg")),
    "author": lambda a: setattr(a, "authors", [Author("박바다", "sea@sisacatch.example")]),
    "section": lambda a: setattr(a, "section", "경제"),
    "tags": lambda a: setattr(a, "tags", [*a.tags, "교통"]),
    "published": lambda a: setattr(a, "published", datetime(2026, 1, 2, 3, 4, tzinfo=UTC)),
    "updated": lambda a: setattr(a, "updated", datetime(2026, 12, 2, 3, 4, tzinfo=UTC)),
    "site": lambda a: setattr(a, "site", "plain"),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_any_change_the_page_shows_changes_the_key(article, change):
    cache = PageCache()
    before = {layout: cache.key(article, layout, URLS) for layout in ("desktop", "mobile")}
    change(article)
    after = {layout: cache.key(article, layout, URLS) for layout in ("desktop", "mobile")}
    assert before["desktop"] != before["mobile"]
    assert after["desktop"] != before["desktop"] and after["mobile"] != before["mobile"]


def test_the_same_article_saved_and_opened_again_has_the_same_key(article, tmp_path):
    article.updated = datetime.now(UTC)  # microseconds the file does not keep
    key = PageCache().key(article, "desktop", URLS)
    for name in ("a.article", "b.md", "c"):
        write_article(article, tmp_path / name)
        assert PageCache().key(read_article(tmp_path / name), "desktop", URLS) == key


def _user_profile(tmp_path, monkeypatch):
    """Copy the bundled profile into the user's profiles (which win) and return it."""
    user = tmp_path / "config" / "sites"
    shutil.copytree(resources.path("sites", "sisacatch"), user / "sisacatch")
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(tmp_path / "config"))
    return user / "sisacatch"


def test_a_changed_profile_file_changes_the_key(article, tmp_path, monkeypatch):
    folder = _user_profile(tmp_path, monkeypatch)
    key = PageCache().key(article, "desktop", URLS)
    template = folder / "_head.html"
    template.write_text(template.read_text("utf-8") + "\n", "utf-8")
    assert PageCache().key(article, "desktop", URLS) != key
    stamp = os.stat(template).st_mtime_ns
    key = PageCache().key(article, "desktop", URLS)
    os.utime(folder / "img" / "wordmark.svg", ns=(stamp, stamp + 1))  # inlined in the page
    assert PageCache().key(article, "desktop", URLS) != key


def test_another_version_of_the_app_or_its_libraries_changes_the_key(article, monkeypatch):
    key = PageCache().key(article, "desktop", URLS)
    stamp = page_cache._code_stamp()
    monkeypatch.setattr(page_cache, "_code_stamp", lambda: (*stamp, "0.1.1"))
    assert PageCache().key(article, "desktop", URLS) != key


def test_the_code_stamp_names_the_version_the_page_code_and_the_libraries():
    stamp = page_cache._code_stamp()
    assert stamp[0] == page_cache.__version__
    names = [entry[0] for entry in stamp[1] if isinstance(entry, tuple)]
    assert "page.py" in names and "markdown.py" in names
    libraries = {part[0]: part[1] for part in stamp[3:]}
    assert set(libraries) == {"markdown", "jinja2", "markupsafe", "nh3"}
    assert all(size is not None for size in libraries.values())


def test_a_broken_or_foreign_entry_is_a_miss(cache, article):
    key = cache.key(article, "desktop", URLS)
    cache.store(key, PAGE)
    path = cache.folder / f"{key}.json"
    path.write_bytes(path.read_bytes()[:40])
    assert cache.load(key) is None
    other = cache.key(article, "mobile", URLS)
    cache.store(other, PAGE)
    shutil.copy(cache.folder / f"{other}.json", path)  # an entry under another name
    assert cache.load(key) is None


def test_a_folder_that_cannot_be_written_only_costs_the_build(tmp_path, article):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = PageCache(blocker / "pages")  # its parent is a file
    key = cache.key(article, "desktop", URLS)
    cache.store(key, PAGE)  # no error
    assert cache.load(key) is None


def test_only_the_newest_pages_are_kept(cache):
    for n in range(KEEP + 3):
        cache.store(f"{n:040x}", PAGE)
        os.utime(cache.folder / f"{n:040x}.json", ns=(n * 10**9, n * 10**9))
    kept = sorted(p.name for p in cache.folder.iterdir())
    assert len(kept) == KEEP and f"{0:040x}.json" not in kept and f"{KEEP + 2:040x}.json" in kept

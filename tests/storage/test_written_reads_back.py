"""Whatever the app writes it reads back: the writer refuses what the reader would refuse.

The limits are one set (container.MAX_*, plain_yaml.MAX_YAML_BYTES), checked when saving as
when opening, in every form (.article, page bundle, .md).
"""

from __future__ import annotations

import time

import pytest

from editor.core.errors import DocumentError, UnsafeDocumentError
from editor.core.model import Article
from editor.storage import Kind, container, frontmatter, plain_yaml, read_article, write_article

FORMS = [("a.article", Kind.ARTICLE), ("bundle", Kind.BUNDLE), ("a.md", Kind.MARKDOWN)]


def _save_refused(tmp_path, article, name, kind, words):
    path = tmp_path / name
    with pytest.raises(DocumentError, match=words):
        write_article(article, path, kind)
    assert not path.exists() or kind is Kind.BUNDLE and not (path / "index.md").exists()


@pytest.mark.parametrize(("name", "kind"), FORMS)
def test_a_body_over_32_mib_is_refused_on_save_not_on_the_next_open(tmp_path, name, kind):
    big = Article(headline="긴 기사", body="가" * ((container.MAX_INDEX_BYTES // 3) + 10))
    _save_refused(tmp_path, big, name, kind, "32 MiB|too large|could not be opened again")
    fits = Article(headline="긴 기사", body="가" * (container.MAX_INDEX_BYTES // 3 - 400))
    write_article(fits, tmp_path / name, kind)
    assert read_article(tmp_path / name).body == fits.body


@pytest.mark.parametrize(("name", "kind"), FORMS)
def test_front_matter_over_1_mib_is_refused_on_save(tmp_path, name, kind):
    article = Article(headline="기사", summary="요약" * (plain_yaml.MAX_YAML_BYTES // 5))
    _save_refused(tmp_path, article, name, kind, "larger than 1 MiB")


@pytest.mark.parametrize(("name", "kind"), FORMS[:2])
def test_2001_images_are_refused_on_save(tmp_path, name, kind):
    article = Article(headline="사진 많은 기사")
    for i in range(container.MAX_ENTRIES + 1):
        article.images[f"images/{i}.jpg"] = b"x"
    _save_refused(tmp_path, article, name, kind, "2000|entries|limit")


def test_twenty_aliases_within_the_limit_round_trip(tmp_path):
    """20 aliases (the maximum) that stay small are read, written once expanded, read again."""
    meta = "".join(f"k{i}: *base\n" for i in range(20))
    text = f"---\ntitle: 제목\nbase: &base [가, 나, 다]\n{meta}---\n본문\n"
    article = frontmatter.parse(text)
    path = tmp_path / "a.article"
    write_article(article, path)
    again = read_article(path)
    assert again.extra["k19"] == ["가", "나", "다"]
    write_article(again, path)
    assert read_article(path).extra == again.extra


def test_the_14_kb_alias_bomb_is_refused_at_once_not_saved_as_90_mb():
    """20 aliases, each doubling the one before, over a 12 KB list: 12 GB expanded."""
    base = "[" + ", ".join(['"' + "가" * 200 + '"'] * 20) + "]"
    lines = [f"a0: &a0 {base}"] + [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]" for i in range(1, 11)]
    text = "---\n" + "\n".join(lines) + "\n---\n본문"
    assert len(text.encode()) < 16_000
    started = time.perf_counter()
    with pytest.raises(UnsafeDocumentError, match="expand"):
        frontmatter.parse(text)
    assert time.perf_counter() - started < 2

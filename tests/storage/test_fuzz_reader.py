"""Fuzzing the .article reader and the front matter (hypothesis, bounded: ~10 s in all).

Every input either opens or gives an ArticleError (one clear message); nothing else escapes.
Whatever opens can be written, and what is written opens again to the same article.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.errors import ArticleError
from editor.core.model import Article
from editor.storage import container, frontmatter

BOUNDED = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)


def _good() -> bytes:
    article = Article(headline="제목", body="본문 " * 200, tags=["가", "나"])
    article.images["images/a.jpg"] = b"\xff\xd8" + b"photo" * 50
    article.private["notes"] = [{"id": "1", "text": "메모"}]
    return container.write(article)


GOOD = _good()


def _opens_or_refuses(data: bytes) -> Article | None:
    try:
        return container.read(data)
    except ArticleError as exc:
        assert str(exc) and "\n" not in exc.message
        return None


def _reads_back(article: Article) -> None:
    try:
        data = container.write(article)
    except ArticleError:
        return  # refused on save, with a message: never written, so never unreadable
    again = container.read(data)
    assert again.body == article.body and again.headline == article.headline
    assert again.images == article.images


@BOUNDED
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=8))
def test_a_damaged_article_opens_or_refuses(flips):
    data = bytearray(GOOD)
    for at, value in flips:
        data[at] = value
    article = _opens_or_refuses(bytes(data))
    if article is not None:
        _reads_back(article)


@BOUNDED
@given(st.integers(0, len(GOOD)), st.binary(max_size=64))
def test_a_truncated_or_padded_article_opens_or_refuses(cut, tail):
    _opens_or_refuses(GOOD[:cut] + tail)


NAMES = st.sampled_from(
    ["index.md", "index.md ", "INDEX.MD", "index.md.", "images/a.jpg", "images/A.JPG",
     ".editor/notes.json", ".editor/history.json", "a/../b", "", "images/", "con.jpg",
     "images/\u1109\u1161\u110c\u1175\u11ab.jpg", "images/사진.jpg"]
)  # fmt: skip
ENTRY = st.tuples(
    NAMES, st.binary(max_size=128), st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@BOUNDED
@given(st.lists(ENTRY, max_size=6), st.text(max_size=300))
def test_a_zip_of_any_names_opens_or_refuses(entries, index):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.md", index.encode("utf-8", "surrogatepass"))
        for name, data, method in entries:
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            archive.writestr(info, data)
    article = _opens_or_refuses(buffer.getvalue())
    if article is not None:
        _reads_back(article)


TOKENS = st.sampled_from(
    ["title: ", "date: ", "tags: ", "lead_image: ", "author: ", "extra: ", "&a ", "*a", "&b ",
     "*b", "!!timestamp ", "!!str ", "!!binary ", "!!python/object ", "[", "]", "{", "}", ", ",
     "- ", "\n", "  ", "2024-13-45", "yesterday", "2026-03-01T09:00:00+09:00", "'", '"', "|",
     ">", "#", "? ", ": ", "제목", "<PD수첩>", "~", "null", "yes", "0x1F", ".inf", "\t"]
)  # fmt: skip


@BOUNDED
@given(st.lists(TOKENS, max_size=40))
def test_any_front_matter_opens_or_refuses_and_what_opens_reads_back(tokens):
    text = "---\n" + "".join(tokens) + "\n---\n본문\n"
    try:
        article = frontmatter.parse(text)
    except ArticleError as exc:
        assert "\n" not in exc.message
        return
    try:
        written = frontmatter.render(article)
    except ArticleError:
        return
    again = frontmatter.parse(written)
    assert again.headline == article.headline and again.body == article.body
    assert again.tags == article.tags and again.created == article.created

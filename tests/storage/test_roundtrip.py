from __future__ import annotations

import shutil
import string
from datetime import datetime, timedelta, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.core.model import Article, Author, LeadImage, LengthTarget, Status
from editor.storage import Kind, container, read_article, write_article

KST = timezone(timedelta(hours=9))
_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp", "Co", "Cn")),
    max_size=40,
).map(str.strip)
_line = st.text(alphabet=string.ascii_letters + "가나다라마바사 .,“”‘’△▲·#*-_[]()!", max_size=60)
_body = st.lists(_line, max_size=12).map("\n".join)
_time = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1)).map(
    lambda d: d.replace(microsecond=0, tzinfo=KST)
)
_images = st.dictionaries(
    st.sampled_from(["images/a.jpg", "images/사진.png", "images/b c.webp"]),
    st.binary(min_size=1, max_size=64),
    max_size=3,
)
_extra_value = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | _text,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from("xyz"), inner, max_size=3)
    ),
    max_leaves=6,
)

articles = st.builds(
    Article,
    headline=_text,
    subhead=_text,
    summary=_text,
    body=_body,
    lead_image=st.builds(
        LeadImage, src=st.sampled_from(["", "images/a.jpg"]), alt=_text, caption=_text, credit=_text
    ),
    authors=st.lists(st.builds(Author, name=_text.filter(bool), email=_text), max_size=2),
    section=_text,
    tags=st.lists(_text.filter(lambda t: t and "," not in t), max_size=3),
    slug=st.from_regex(r"[a-z0-9]{0,8}", fullmatch=True),
    created=st.none() | _time,
    published=st.none() | _time,
    updated=st.none() | _time,
    web_title=_text,
    social_title=_text,
    embargo=st.none() | _time,
    target=st.builds(
        LengthTarget,
        amount=st.sampled_from([0, 1, 8, 6.5, 1600]),
        unit=st.sampled_from(["pages", "chars"]),
    ).map(lambda t: t if t.is_set else LengthTarget()),
    status=st.sampled_from(list(Status)),
    site=st.sampled_from(["sisacatch", "plain"]),
    images=_images,
    extra=st.dictionaries(
        st.sampled_from(["weight", "params", "aliases", "키"]), _extra_value, max_size=2
    ),
)


def _expected_on_disk(article: Article) -> Article:
    """A page bundle or .md carries no private data; a lead image path stays."""
    expected = article.copy()
    expected.private = {}
    return expected


@settings(max_examples=150, deadline=None)
@given(articles)
def test_article_container_round_trips(article):
    assert container.read(container.write(article)) == article


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(article=articles)
def test_bundle_folder_round_trips(tmp_path, article):
    folder = tmp_path / "bundle"
    shutil.rmtree(folder, ignore_errors=True)
    write_article(article, folder, Kind.BUNDLE)
    assert read_article(folder) == _expected_on_disk(article)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(article=articles)
def test_markdown_file_round_trips(tmp_path, article):
    folder = tmp_path / "md"
    shutil.rmtree(folder, ignore_errors=True)
    write_article(article, folder / "page.md")
    again = read_article(folder / "page.md")
    expected = _expected_on_disk(article)
    # A single .md carries only the images the article refers to.
    expected.images = {k: v for k, v in article.images.items() if k in article.referenced_images()}
    assert again == expected


def test_private_data_round_trips_in_container():
    article = Article(headline="제목", private={"notes": [{"text": "확인 필요"}], "history": []})
    assert container.read(container.write(article)).private == article.private


def test_container_bytes_are_deterministic():
    article = Article(headline="제목", images={"images/b.jpg": b"2", "images/a.jpg": b"1"})
    assert container.write(article) == container.write(article.copy())

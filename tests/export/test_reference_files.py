"""The exports of the Korean corpus article equal the reviewed files in tests/reference/."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from korean_corpus import korean_article
from reference_files import assert_matches_reference

from editor.export import export_article


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    article = korean_article()
    return {fmt: export_article(article, fmt, out / fmt) for fmt in ("html", "markdown")}


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("html", "index.html"),
        ("html", "article.html"),
        ("html", "article.json"),
        ("markdown", "index.md"),
    ],
)
def test_export_file_equals_its_reference(bundles, fmt, name):
    assert_matches_reference(f"corpus/{name}", (bundles[fmt] / name).read_bytes())


def test_jekyll_post_equals_its_reference(tmp_path):
    bundle = export_article(korean_article(), "markdown", tmp_path, layout="jekyll")
    (post,) = (bundle / "_posts").glob("*.md")
    assert post.name == "2025-03-27-corpus.md"
    assert_matches_reference("corpus/jekyll-post.md", post.read_bytes())


def test_another_day_still_equals_the_reference(tmp_path):
    """Dates are volatile: normalised, they never fail a comparison."""
    article = korean_article()
    later = datetime(2026, 11, 30, 23, 59, 58, tzinfo=UTC)
    article.created = article.updated = later
    bundle = export_article(article, "html", tmp_path)
    page = (bundle / "index.html").read_text(encoding="utf-8")
    assert "2026" in page
    assert_matches_reference("corpus/index.html", page)

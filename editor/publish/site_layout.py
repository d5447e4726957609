"""Where a Hugo or a Jekyll site keeps an article, and the files it takes there.

Hugo: a page bundle, content/<section>/<slug>/index.md with its images beside it.
Jekyll: the Markdown export's Jekyll layout (_posts/YYYY-MM-DD-<slug>.md, the images in
assets/<slug>/ linked from the site's root, `published: false` until approved), the post kept
at --content-dir or where an earlier publish put it.
"""

from __future__ import annotations

import posixpath
from typing import Any

from editor.core.model import Article
from editor.export import bundle_slug
from editor.export.bundle import Files
from editor.export.markdown_bundle import MarkdownBundleExporter
from editor.render.profiles import load_profile
from editor.storage.names import safe_file_name


def site_files(
    article: Article, layout: str, content_dir: str, record: dict[str, Any]
) -> tuple[Files, str, list[str]]:
    """Return the files to commit (repo paths), the article's place, and files to remove.

    A republished article keeps the place its record names; files of the earlier send that
    the new one no longer has are removed, and nothing else.
    """
    slug = bundle_slug(article)
    if layout == "jekyll":
        files, place = _jekyll(article, slug, content_dir, record.get("path"))
    else:
        bundle = MarkdownBundleExporter(load_profile(article.site)).build(article, slug)
        base = content_dir or posixpath.join("content", _section(article))
        place = record.get("path") or posixpath.join(base, slug)
        files = {posixpath.join(place, name): data for name, data in bundle.items()}
    removed = [name for name in record.get("files", []) if name not in files]
    return files, place, removed


def _section(article: Article) -> str:
    return safe_file_name(article.section.strip(), fallback="posts") if article.section else "posts"


def _jekyll(article: Article, slug: str, content_dir: str, kept: str | None) -> tuple[Files, str]:
    """Return the Jekyll export's files, its post moved to where the site (or record) keeps it."""
    files = MarkdownBundleExporter(load_profile(article.site)).build(article, slug, "jekyll")
    (post,) = [name for name in files if name.startswith("_posts/") and name.endswith(".md")]
    place = kept or (posixpath.join(content_dir, posixpath.basename(post)) if content_dir else post)
    files[place] = files.pop(post)
    return files, place

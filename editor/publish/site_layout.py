"""Where a Hugo or a Jekyll site keeps an article, and the files it takes there.

Hugo: a page bundle, content/<section>/<slug>/index.md with its images beside it.
Jekyll: _posts/YYYY-MM-DD-<slug>.md, the images in assets/images/<slug>/ linked from the
site's root, and `published: false` for anything not approved (Jekyll ignores `draft`).
"""

from __future__ import annotations

import posixpath
import re
from typing import Any

from editor.core.model import Article
from editor.export import bundle_slug
from editor.export.bundle import Files
from editor.export.markdown_bundle import INDEX, MarkdownBundleExporter
from editor.render.profiles import load_profile
from editor.storage.names import safe_file_name


def site_files(
    article: Article, layout: str, content_dir: str, record: dict[str, Any]
) -> tuple[Files, str, list[str]]:
    """Return the files to commit (repo paths), the article's place, and files to remove.

    A republished article keeps the place its record names; files of the earlier send that
    the new one no longer has are removed, and nothing else.
    """
    bundle = MarkdownBundleExporter(load_profile(article.site)).build(article)
    slug = bundle_slug(article)
    if layout == "jekyll":
        files, place = _jekyll(article, bundle, slug, content_dir, record.get("path"))
    else:
        base = content_dir or posixpath.join("content", _section(article))
        place = record.get("path") or posixpath.join(base, slug)
        files = {posixpath.join(place, name): data for name, data in bundle.items()}
    removed = [name for name in record.get("files", []) if name not in files]
    return files, place, removed


def _section(article: Article) -> str:
    return safe_file_name(article.section.strip(), fallback="posts") if article.section else "posts"


def _jekyll(article, bundle: Files, slug: str, content_dir: str, kept: str | None):  # noqa: ANN001, ANN202
    date = article.published or article.created or article.updated
    day = date.strftime("%Y-%m-%d") if date else "1970-01-01"
    post = kept or posixpath.join(content_dir or "_posts", f"{day}-{slug}.md")
    assets = f"assets/images/{slug}"
    files: Files = {}
    text = bundle[INDEX].decode("utf-8")
    for name, data in bundle.items():
        if name == INDEX:
            continue
        where = posixpath.join(assets, posixpath.basename(name))
        files[where] = data
        # the bundle links images/x.jpg; a post's page lives elsewhere, so link from the root
        text = re.sub(rf"(?<=[(\s'\"]){re.escape(name)}(?=[)\s'\"])", "/" + where, text)
    if article.draft and "\npublished:" not in text.split("\n---", 1)[0]:
        text = text.replace("---\n", "---\npublished: false\n", 1)
    files[post] = text.encode("utf-8")
    return files, post

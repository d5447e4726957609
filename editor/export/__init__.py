"""Exports: Markdown and HTML bundles that a CMS takes as they are (no Qt here).

The CLI and the desktop app both call export_article; see docs/exports.md for the layouts.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from pathlib import Path

from editor.core.errors import ErrorCode, ExportError
from editor.core.model import Article
from editor.core.text import make_slug
from editor.storage.names import safe_file_name

__all__ = ["ExportFormat", "bundle_slug", "export_article"]


class ExportFormat(StrEnum):
    """What an export writes."""

    MARKDOWN = "markdown"  # Hugo/Jekyll page bundle: index.md + images/
    HTML = "html"  # index.html, article.html, article.json, assets/, images/


def bundle_slug(article: Article) -> str:
    """Return the bundle's folder name: the article's slug, or one made from its headline."""
    slug = article.slug.strip() or make_slug(article.headline, article.created)
    slug = safe_file_name(slug, fallback="article").lstrip(".")
    return slug or "article"


def export_article(
    article: Article,
    fmt: ExportFormat | str,
    out_dir: Path,
    *,
    as_zip: bool = False,
    site: str | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    source: Path | None = None,
    layout: str = "hugo",
) -> Path:
    """Write exactly one bundle, DIR/<slug>/ or DIR/<slug>.zip, and return its path.

    The bundle is built in a hidden temp folder inside out_dir and moved into place, so a
    failed export leaves nothing behind. Exporting the same article twice gives the same
    bytes.

    Args:
        fmt: markdown or html.
        site: the site profile id (default: the article's).
        force: replace an existing bundle of the same name, if it is provably an earlier
            export of this article (our marker with its id, nothing else in it) and not the
            article's own source.
        progress: called with (done, total) steps as images finish.
        source: the file or folder the article was opened from, never to be replaced.
        layout: for markdown, "hugo" (a page bundle: index.md + images/) or "jekyll"
            (_posts/YYYY-MM-DD-slug.md + assets/<slug>/, published: false for drafts).

    Raises:
        ExportError: unknown format, or the bundle exists and force is off, or the disk
            refused. ImageError (a broken image, named) and ProfileError pass through.
    """
    from editor.export.bundle import Staging, export_ids
    from editor.render.profiles import load_profile

    try:
        kind = ExportFormat(str(fmt).lower())
    except ValueError as exc:
        raise ExportError(ErrorCode.EXPORT_FORMAT_UNKNOWN, format=str(fmt)) from exc
    out_dir = Path(out_dir)
    slug = bundle_slug(article)
    from editor.storage.approvals import for_export

    ids = export_ids(article, source)
    article = for_export(article)  # an approval that does not verify publishes as a draft
    # The target is checked before the slow work and again before the move; each image's
    # files are written while the next images are made (bundle.Staging).
    staging = Staging(out_dir, slug, as_zip=as_zip, force=force, ids=ids, source=source)
    profile = load_profile(site or article.site)
    if kind is ExportFormat.MARKDOWN:
        from editor.export.markdown_bundle import LAYOUTS, MarkdownBundleExporter

        if layout not in LAYOUTS:
            raise ExportError(ErrorCode.EXPORT_LAYOUT_UNKNOWN, layout=layout)
        exporter = MarkdownBundleExporter(profile, progress)
        build = partial(exporter.build, article, slug, layout)
    else:
        from editor.export.html_bundle import HtmlBundleExporter

        exporter = HtmlBundleExporter(profile, progress)
        build = partial(exporter.build, article, slug)
    with staging:
        return staging.finish(build(sink=staging.add))

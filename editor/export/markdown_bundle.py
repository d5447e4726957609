"""The Markdown bundle: a Hugo/Jekyll page bundle (index.md + images/) any CMS takes."""

from __future__ import annotations

from collections.abc import Callable

from editor.core.model import Article
from editor.export.bundle import Files
from editor.export.fields import prepare
from editor.export.portable import portable_body
from editor.render.profiles import SiteProfile
from editor.storage import frontmatter

INDEX = "index.md"


class MarkdownBundleExporter:
    """Build the files of a Markdown page bundle: index.md and images/."""

    def __init__(
        self, profile: SiteProfile, progress: Callable[[int, int], None] | None = None
    ) -> None:
        self.profile = profile
        self.progress = progress

    def build(self, article: Article) -> Files:
        """Return index.md and one upright, stripped image per image used, by path.

        Images are written at the profile's largest width (a site's own pipeline makes
        the smaller sizes); the body is portable CommonMark with references renamed.

        Raises:
            ImageError: an image the article uses is broken, naming it.
        """
        widest = max(self.profile.image_widths or [1600])
        ready = prepare(
            article,
            self.profile,
            widths=(widest,),
            webp=False,
            progress=self.progress,
            extra_steps=1,
        )
        files: Files = {}
        paths: dict[str, str] = {}
        for key, image in ready.images.items():
            rendition = image.renditions[0]
            paths[key] = ready.stems[key] + rendition.suffix
            files[paths[key]] = rendition.data

        def rename(ref: str) -> str | None:
            key = ready.used.key_for(ref)
            return paths.get(key) if key is not None else None

        copy = ready.article
        copy.body = portable_body(copy.body, rename)
        if copy.lead_image.src:
            copy.lead_image.src = rename(copy.lead_image.src) or ""
        copy.images = {}
        files[INDEX] = frontmatter.render(copy).encode("utf-8")
        if self.progress:
            self.progress(len(ready.images) + 1, len(ready.images) + 1)
        return files

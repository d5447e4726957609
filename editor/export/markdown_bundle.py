"""The Markdown bundle: a Hugo page bundle (index.md + images/), or a Jekyll post.

layout "hugo" (default): index.md + images/, a leaf bundle Hugo takes as it is.
layout "jekyll": _posts/YYYY-MM-DD-slug.md + assets/<slug>/…, copied into a Jekyll site's
root as they are (images linked from the site root: /assets/<slug>/x.jpg).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from editor.core.model import Article
from editor.export.bundle import Files
from editor.export.fields import prepare
from editor.export.images import ProcessedImage
from editor.export.portable import portable_body
from editor.render.profiles import SiteProfile
from editor.storage import frontmatter

INDEX = "index.md"
LAYOUTS = ("hugo", "jekyll")
# Template syntax the site generator would run: Hugo shortcodes, Liquid tags and output.
_SHORTCODE = re.compile(r"\{\{([<%])(.*?)([>%])\}\}", re.S)


def neutralise_hugo(body: str) -> str:
    """Write `{{< x >}}` / `{{% x %}}` in Hugo's escaped form, which it shows as typed."""
    return _SHORTCODE.sub(
        lambda m: "{{" + m.group(1) + "/*" + m.group(2) + "*/" + m.group(3) + "}}", body
    )


def neutralise_liquid(body: str) -> str:
    """Keep Jekyll's Liquid from running `{% … %}` / `{{ … }}` typed in the body."""
    if "{%" not in body and "{{" not in body:
        return body
    body = body.replace("{% endraw %}", "{% endraw %}{{ '{% endraw %}' }}{% raw %}")
    return "{% raw %}\n" + body + "{% endraw %}\n"


class MarkdownBundleExporter:
    """Build the files of a Markdown page bundle: index.md and images/."""

    def __init__(
        self, profile: SiteProfile, progress: Callable[[int, int], None] | None = None
    ) -> None:
        self.profile = profile
        self.progress = progress

    def build(
        self,
        article: Article,
        slug: str = "article",
        layout: str = "hugo",
        sink: Callable[[Files], None] | None = None,
    ) -> Files:
        """Return the page and one upright, stripped image per image used, by path.

        Images are written at the profile's largest width (a site's own pipeline makes
        the smaller sizes); the body is portable CommonMark with references renamed and
        template syntax neutralised for the layout's generator. sink, when given, gets
        each image's file as it is finished, to write it while the others are made.

        Raises:
            ImageError: an image the article uses is broken, naming it.
        """
        widest = max(self.profile.image_widths or [1600])
        jekyll = layout == "jekyll"
        folder = f"assets/{slug}/" if jekyll else ""

        def image_file(stem: str, image: ProcessedImage) -> tuple[str, bytes]:
            name = stem + image.renditions[0].suffix
            return (folder + name.removeprefix("images/") if jekyll else name), image.renditions[
                0
            ].data

        ready = prepare(
            article,
            self.profile,
            widths=(widest,),
            webp=False,
            progress=self.progress,
            extra_steps=1,
            on_image=(lambda stem, image: sink(dict([image_file(stem, image)]))) if sink else None,
        )
        files: Files = {}
        paths: dict[str, str] = {}
        for key, image in ready.images.items():
            name, files[name] = image_file(ready.stems[key], image)
            paths[key] = "/" + name if jekyll else name  # a post's URL is not its folder

        def rename(ref: str) -> str | None:
            key = ready.used.key_for(ref)
            return paths.get(key) if key is not None else None

        copy = ready.article
        body = portable_body(copy.body, rename)
        copy.body = neutralise_liquid(body) if jekyll else neutralise_hugo(body)
        if copy.lead_image.src:
            copy.lead_image.src = rename(copy.lead_image.src) or ""
        copy.images = {}
        page = post_path(copy, slug) if jekyll else INDEX
        files[page] = frontmatter.render(copy, theme=layout).encode("utf-8")
        if self.progress:
            self.progress(len(ready.images) + 1, len(ready.images) + 1)
        return files


def post_path(article: Article, slug: str) -> str:
    """Return a Jekyll post's path: _posts/YYYY-MM-DD-slug.md (the newsroom's date)."""
    from editor.core.clock import aware, newsroom_zone

    when = article.published or article.created or article.updated
    day = aware(when).astimezone(newsroom_zone()).date().isoformat() if when else "1970-01-01"
    return f"_posts/{day}-{slug}.md"

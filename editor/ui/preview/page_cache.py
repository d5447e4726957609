"""The last preview page built for an article, kept in the user's cache folder across starts.

At start the preview shows the kept page at once, so Chromium lays it out while Jinja2,
Markdown, the first body render and the share card wait until it is painted (then the live
pipeline takes over and patches any difference, none when the key holds). A page is only
what the templates make of the article, so the key holds everything they read:

- the article as the templates see it (`render.view.ArticleView`, which they read instead
  of the Article — docs/site-profiles.md) and its body text;
- the layout (desktop, mobile; a phone's width only scales the page, the HTML is the same);
- the site profile: every file of its folder (site.yaml, templates, CSS, the inlined
  wordmark) by name, size and modification time;
- the code that builds the page: the app's version, the modification times of editor/render
  and editor/ui/preview, and of the Markdown, Jinja2, MarkupSafe and nh3 packages.

Entries are written atomically (the one writer); one that cannot be read, written or parsed
only costs the build. The newest KEEP entries are kept.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from editor import __version__
from editor.core.errors import ProfileError
from editor.paths import cache_dir
from editor.storage.cache_entries import keep_entry

if TYPE_CHECKING:
    from editor.core.model import Article
    from editor.render.preview_updates import FieldNode, ShownBlock
    from editor.render.urls import UrlPolicy

FOLDER = "pages"
FORMAT = 2  # bump when the entry's shape or the key's parts change
KEEP = 32
MAX_BYTES = 4_000_000  # a longer page is built each time: reading it back would cost as much
_LIBRARIES = ("markdown", "jinja2", "markupsafe", "nh3")


@dataclass(frozen=True)
class CachedPage:
    """A page as built: its HTML and policy, and what the pane needs to patch it later."""

    html: str
    csp: str
    fields: list[FieldNode]
    blocks: list[ShownBlock]
    # The profile's assets the page links (name: file), served before any profile is read;
    # the page's key (the profile folder's files) is what says they still hold.
    assets: dict[str, str] = field(default_factory=dict)


class PageCache:
    """Pages kept by key in a folder (the user's cache folder unless given)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir() / FOLDER

    def key(self, article: Article, layout: str, urls: UrlPolicy) -> str | None:
        """Return the key of the article's page in a layout, None when its profile fails."""
        # Here, not with the module: a reopened article's kept page is painted before any key
        # is made (hashlib loads OpenSSL, ~5 ms), see kept_pages.py.
        import hashlib

        from editor.render.profiles import load_profile
        from editor.render.view import build_view

        try:
            profile = load_profile(article.site, templates=False)
            view = build_view(article, profile, urls)
        except (ProfileError, OSError, ValueError, KeyError, TypeError):
            return None  # the live build shows the error
        parts = (FORMAT, _code_stamp(), _folder_stamp(profile.root), layout, repr(view))
        digest = hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=20)
        digest.update(article.body.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def has(self, key: str) -> bool:
        """Tell whether a page is kept under key."""
        return (self.folder / f"{key}.json").is_file()

    def load(self, key: str) -> CachedPage | None:
        """Return the page kept under key, or None (none kept, unreadable, another format)."""
        from editor.render.preview_updates import FieldNode, ShownBlock

        try:
            entry = json.loads((self.folder / f"{key}.json").read_bytes())
            if entry.get("format") != FORMAT or entry.get("key") != key:
                return None
            fields = [FieldNode(*node) for node in entry["fields"]]
            blocks = [ShownBlock(str(k), int(line), html) for k, line, html in entry["blocks"]]
            assets = {str(rel): str(path) for rel, path in entry["assets"].items()}
            return CachedPage(str(entry["html"]), str(entry["csp"]), fields, blocks, assets)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def store(self, key: str, page: CachedPage) -> None:
        """Keep a page under key (a write that fails is forgotten), and drop the oldest."""
        entry = {
            "format": FORMAT,
            "key": key,
            "html": page.html,
            "csp": page.csp,
            "fields": [[f.name, f.start_tag, f.inner] for f in page.fields],
            "blocks": [list(b) for b in page.blocks],
            "assets": page.assets,
        }
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass")
        if len(data) > MAX_BYTES:
            return
        keep_entry(self.folder, f"{key}.json", data, KEEP)


def _folder_stamp(root: Path) -> tuple[tuple[str, int, int], ...]:
    """Return every file under root by relative name, size and modification time."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__pycache__")))
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            with contextlib.suppress(OSError):
                st = os.stat(path)
                found.append((os.path.relpath(path, root), st.st_size, st.st_mtime_ns))
    return tuple(found)


@cache
def _code_stamp() -> tuple[object, ...]:
    """Return what identifies the code that builds pages (once per process)."""
    editor_root = Path(__file__).resolve().parents[2]
    parts: list[object] = [__version__]
    for package in (editor_root / "render", editor_root / "ui" / "preview"):
        parts.append(_folder_stamp(package) if package.is_dir() else str(package))
    for name in _LIBRARIES:
        try:
            spec = find_spec(name)
            origin = spec.origin if spec is not None else None
            st = os.stat(origin) if origin else None
        except (ImportError, ValueError, OSError):
            st = None
        parts.append((name, st.st_size, st.st_mtime_ns) if st is not None else (name, None))
    return tuple(parts)

"""The article: what a reporter writes and a desk editor approves."""

from __future__ import annotations

import copy
import posixpath
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

DEFAULT_SITE = "sisacatch"
IMAGES_DIR = "images"


class Status(StrEnum):
    """Where the article stands in the newsroom's flow."""

    DRAFT = "draft"
    READY = "ready"  # ready for desk
    APPROVED = "approved"

    @classmethod
    def parse(cls, value: object) -> Status:
        """Return the status named by value, DRAFT for anything unknown."""
        text = str(value or "").strip().lower().replace(" ", "_").replace("-", "_")
        aliases = {"ready_for_desk": cls.READY, "review": cls.READY, "desk": cls.READY}
        if text in aliases:
            return aliases[text]
        try:
            return cls(text)
        except ValueError:
            return cls.DRAFT


@dataclass
class Author:
    """A byline: the reporter's name and e-mail."""

    name: str = ""
    email: str = ""


@dataclass
class LeadImage:
    """The photo at the top of the article; src is bundle-relative (images/x.jpg)."""

    src: str = ""
    alt: str = ""
    caption: str = ""
    credit: str = ""

    @property
    def is_set(self) -> bool:
        return bool(self.src)


@dataclass
class LengthTarget:
    """The length the desk assigned: 원고지 매수 ("pages", 200 characters each) or "chars"."""

    amount: float = 0  # 0: no target
    unit: str = "pages"

    @property
    def is_set(self) -> bool:
        return self.amount > 0


@dataclass
class Article:
    """One article with its images and the editor's private data.

    images maps a bundle-relative path ("images/photo.jpg") to the file's bytes.
    extra keeps front matter keys we do not know, in their order, untouched.
    private holds editor-only data (revision history, desk notes) that exports never include.
    web_title / social_title: the headline for search results and for share cards; empty
    means the headline. embargo: not to be published before then (None: no embargo).
    """

    headline: str = ""
    web_title: str = ""
    social_title: str = ""
    subhead: str = ""
    summary: str = ""
    body: str = ""
    lead_image: LeadImage = field(default_factory=LeadImage)
    authors: list[Author] = field(default_factory=list)
    section: str = ""
    tags: list[str] = field(default_factory=list)
    slug: str = ""
    created: datetime | None = None
    published: datetime | None = None
    updated: datetime | None = None
    status: Status = Status.DRAFT
    embargo: datetime | None = None
    target: LengthTarget = field(default_factory=LengthTarget)
    site: str = DEFAULT_SITE
    images: dict[str, bytes] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    # How the front matter wrote a value (author: "str", "list", "maps", "map"; tags: "str",
    # "list"), so a save or export writes it back in the shape the user chose.
    shapes: dict[str, str] = field(default_factory=dict, compare=False)
    private: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Article:
        """Return a deep copy (image bytes are shared; bytes are immutable)."""
        images = self.images
        self.images = {}
        try:
            clone = copy.deepcopy(self)
        finally:
            self.images = images
        clone.images = dict(images)
        return clone

    @property
    def draft(self) -> bool:
        """Hugo's draft flag: anything not yet approved is a draft."""
        return self.status is not Status.APPROVED

    def add_image(self, name: str, data: bytes) -> str:
        """Store an image under images/ with a name not yet taken; return its path."""
        # NFC, as every reader stores it: a name macOS hands out in NFD would otherwise be
        # one spelling here and another in the saved file and the draft.
        name = unicodedata.normalize("NFC", name)
        stem, ext = posixpath.splitext(posixpath.basename(name) or "image")
        candidate = f"{IMAGES_DIR}/{stem}{ext}"
        n = 2
        while candidate in self.images and self.images[candidate] != data:
            candidate = f"{IMAGES_DIR}/{stem}-{n}{ext}"
            n += 1
        self.images[candidate] = data
        return candidate

    def referenced_images(self) -> list[str]:
        """Return the bundle paths the lead image and body refer to, in order."""
        from editor.core.text import image_refs

        refs = [self.lead_image.src] if self.lead_image.src else []
        refs += [r for r in image_refs(self.body) if r not in refs]
        return refs

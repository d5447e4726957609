"""What the preview sends each page so it shows the document: the pane's logic, without Qt.

The pane (editor/ui/preview/pane.py) owns the widgets and the web views; this module owns the
bookkeeping: which document changes are pending, which body the pages should show, what each
page shows now (PageState), and for one page what to do next (PageStep): load it, patch its
fields, patch its body blocks, count its headline again. The newest text always wins
(RenderTurns). Everything here is plain data and arithmetic, tested in tests/render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from editor.core.errors import ProfileError
from editor.core.model import Article
from editor.render.preview_updates import (
    BodyPatch,
    FieldNode,
    ShownBlock,
    UpdatePlan,
    diff_blocks,
    diff_fields,
    plan_update,
)

MODES = ("desktop", "mobile", "both")
# A longer body pauses the preview: its page would take Chromium many seconds to lay out
# (a 10 MB body: ~20 s) and every patch would carry megabytes. docs/reliability.md.
MAX_PREVIEW_CHARS = 1_000_000
_MODE_ALIASES = {"side-by-side": "both", "side_by_side": "both"}


def parse_mode(mode: str) -> str:
    """Return the preview mode a name means: desktop, mobile or both (desktop if unknown)."""
    mode = _MODE_ALIASES.get(mode, mode)
    return mode if mode in MODES else "desktop"


def mode_layouts(mode: str) -> list[str]:
    """Return the layouts a mode shows, desktop first."""
    return {"desktop": ["desktop"], "mobile": ["mobile"], "both": ["desktop", "mobile"]}[mode]


class PageSource(Protocol):
    """Builds a layout's page and its fields from an article (ui/preview/pages.PageBuilder)."""

    def page(self, article: Article, layout: str, blocks: Sequence[ShownBlock]) -> tuple[str, str]:
        """Return the page's HTML and its Content-Security-Policy."""
        ...

    def fields(self, article: Article, layout: str) -> list[FieldNode]:
        """Return the page's data-field elements."""
        ...


@dataclass
class PageState:
    """What one page shows now: which site, fields and blocks, and of which generation."""

    layout: str
    site: str = ""  # "" until loaded, or when it must load again from its top
    fields: list[FieldNode] = field(default_factory=list)
    shown: list[ShownBlock] = field(default_factory=list)
    body_generation: int = -1
    field_generation: int = -1


@dataclass(frozen=True)
class PageLoad:
    """Load the page anew: its HTML, policy, and whether the reader's place is kept."""

    html: str
    csp: str
    keep_scroll: bool


@dataclass
class PageStep:
    """What to do with one page now, in this order: load, or patch fields, count, patch body."""

    load: PageLoad | None = None
    field_updates: list[dict[str, object]] = field(default_factory=list)
    body: BodyPatch | None = None
    measure_headline: bool = False  # the headline changed: count its lines again
    error: ProfileError | None = None  # the site profile failed: show it, change nothing


class PreviewSync:
    """The document's pending changes and the body and fields every page should show."""

    def __init__(self, source: PageSource) -> None:
        self.source = source
        self.shown: list[ShownBlock] = []  # the body's blocks as last rendered
        self.body_generation = 0
        self.field_generation = 0
        self._dirty: set[str] = set()
        self._held: set[str] = set()  # changes made while the preview was paused

    def note_change(self, field_name: str) -> None:
        """Remember that a field changed ("body", "headline", "*" for everything…)."""
        self._dirty.add(field_name)

    def take_changes(self) -> set[str]:
        """Return the changes noted since the last call, and forget them."""
        dirty, self._dirty = self._dirty, set()
        return dirty

    def hold(self, dirty: set[str]) -> None:
        """Keep changes for later (the preview is paused); plan() applies them."""
        self._held |= dirty

    def plan(self, dirty: set[str]) -> UpdatePlan:
        """Decide what these changes (and any held ones) need; new fields get a generation."""
        dirty, self._held = dirty | self._held, set()
        plan = plan_update(dirty)
        if plan.fields:
            self.field_generation += 1
        return plan

    def blocks_rendered(self, blocks: list[ShownBlock]) -> None:
        """Take a newly rendered body: every page is behind until patched."""
        self.shown = blocks
        self.body_generation += 1

    def step(self, page: PageState, article: Article, *, ready: bool) -> PageStep:
        """Return what brings one page up to date with the article (and note it as done).

        ready: the page finished loading; a page still loading gets nothing but a first load.
        """
        if page.site != article.site:
            return self.load(page, article, keep_scroll=bool(page.site))
        step = PageStep()
        if not ready:
            return step  # the load in flight ends in ready, which steps again
        if page.field_generation != self.field_generation:
            try:
                fields = self.source.fields(article, page.layout)
            except ProfileError as exc:
                return PageStep(error=exc)
            updates = diff_fields(page.fields, fields)
            if updates is None:  # the page's structure changed: only a reload shows it
                return self.load(page, article, keep_scroll=True)
            step.field_updates = updates
            step.measure_headline = any(u.get("field") == "headline" for u in updates)
            page.fields, page.field_generation = fields, self.field_generation
        if page.body_generation != self.body_generation:
            step.body = diff_blocks(page.shown, self.shown)
            page.shown, page.body_generation = self.shown, self.body_generation
        return step

    def load(self, page: PageState, article: Article, *, keep_scroll: bool = True) -> PageStep:
        """Return the page to load for the article as it is now (and note it as loaded)."""
        try:
            html, csp = self.source.page(article, page.layout, self.shown)
            fields = self.source.fields(article, page.layout)
        except ProfileError as exc:
            return PageStep(error=exc)
        page.site, page.fields, page.shown = article.site, fields, self.shown
        page.body_generation, page.field_generation = self.body_generation, self.field_generation
        return PageStep(load=PageLoad(html, csp, keep_scroll))


@dataclass
class RenderTurns:
    """One body render at a time, newest text wins: a change meanwhile renders after it."""

    generation: int = 0
    running: bool = False  # a render is on a worker
    again: bool = False  # the text changed while it ran

    def begin(self) -> int | None:
        """Return the generation of a new render, or None (a render runs: it goes again)."""
        if self.running:
            self.again = True
            return None
        self.generation += 1
        return self.generation

    def finish(self, generation: int) -> str:
        """Say what a worker's finished render is for: "again", "apply" or "drop" (stale)."""
        self.running = False
        if self.again:
            self.again = False
            return "again"
        return "apply" if generation == self.generation else "drop"

"""What the pane reads back from its pages: the headline's line count and the share card.

Part of PreviewPane (pane.py), kept apart to keep the pane readable: once a page is ready
(and after each patch) the pane asks it how many lines the headline takes in that layout,
and the share card follows the blocks the pages show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor.core.errors import ProfileError
from editor.render.preview_measure import HeadlineCount, HeadlineRequest
from editor.ui.preview.share_card import share_card_data

if TYPE_CHECKING:
    from editor.ui.preview.view import PreviewView


class PageProbes:
    """The pane's part that counts the headline in its pages and fills the share card."""

    def _measure_headline(self, view: PreviewView) -> None:
        """Ask the page how many lines the headline takes in this layout (after patches)."""
        if self._document is None:
            return
        request = HeadlineRequest(view.layout_name, self._document.article.headline)
        view.run_script(request.script, lambda result: self._on_headline_counted(request, result))

    def measure_headline_again(self) -> None:
        """Count the headline's lines again in every page shown (results come as signals)."""
        for view in self.active_views():
            if view.is_ready:
                self._measure_headline(view)

    def _on_headline_counted(self, request: HeadlineRequest, result: object) -> None:
        count: HeadlineCount | None = request.answer(result)
        if count is None:
            return
        self.headline_lines_measured.emit(count.layout, count.lines, count.headline)
        if count.css_width is not None:
            self.headline_measured.emit(count.layout, count.css_width, count.lines, count.headline)

    def _update_share_card(self) -> None:
        if self._document is None or self.share_card.isHidden():
            return
        article = self._document.article
        try:
            profile = self.builder.settings(article)  # its name and address: no templates
        except ProfileError:
            return
        data = share_card_data(
            article, self.sync.shown, profile.name, str(profile.get("home_url", ""))
        )
        self.share_card.show_data(data, article.images.get(data.image_src))

"""The pane's controls: the share card beside the pages, the desktop zoom, its own window.

Part of PreviewPane (pane.py), kept apart to keep the pane readable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.render.preview_zoom import Zoom


class PaneControls:
    """The pane's answers to its controls (and to the window's saved zoom)."""

    def set_share_card_visible(self, visible: bool) -> None:
        """Show or hide the share-card preview beside the pages."""
        self.share_card.setVisible(visible)
        if visible:
            self._update_share_card()
        if self.share_card_action.isChecked() != visible:
            self.share_card_action.setChecked(visible)
        self.check_picture()

    def set_zoom(self, zoom: Zoom) -> None:
        """Zoom the pages: a fit (the article column, or the whole page) and steps."""
        self.controls.set_zoom(zoom)

    def zoom_factor(self) -> float:
        """Return the desktop page's zoom on screen (1.0 before it is shown)."""
        return self.desktop_frame.factor if self.desktop_frame is not None else 1.0

    def set_detached(self, detached: bool) -> None:
        """Show the preview in its own window (F11 there: full screen), or back in place."""
        if detached:
            name = self._document.display_name() if self._document is not None else ""
            title = self.tr("Preview — {name}").format(name=name)
            if self.detacher.detach(title) is None:
                self.controls.detach_action.setChecked(False)
                return
            self.detacher.window.closed.connect(
                lambda: self.controls.detach_action.setChecked(False)
            )
        else:
            self.detacher.attach()
        self.check_picture()

    def _on_controls_zoom_changed(self, zoom: Zoom) -> None:
        self.stage.set_zoom(zoom)
        self.controls.show_factor(self.zoom_factor())
        self.zoom_changed.emit(zoom)
        self.check_picture()

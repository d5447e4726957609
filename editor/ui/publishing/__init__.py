"""Publishing in the app: the Publish menu, Settings ▸ Publishing, the Outbox window, the paste
kit panel and the conflict dialog. The work itself is editor.publish (no Qt)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow
    from editor.ui.publishing.controller import PublishingController


def install_publishing(window: MainWindow) -> PublishingController:
    """Add the Publish menu and the outbox's status to a window; return the controller."""
    from editor.ui.publishing.controller import PublishingController

    return PublishingController(window)

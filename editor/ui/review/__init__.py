"""Desk review in the window: notes, status, revisions with differences, the checklist.

The controller (and its panels) loads on first use, so a window can paint before it exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.ui.review.controller import ReviewController, install_review

__all__ = ["ReviewController", "install_review"]


def __getattr__(name: str) -> Any:
    """Import the controller the first time one of its names is asked for."""
    if name in __all__:
        from editor.ui.review import controller

        return getattr(controller, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

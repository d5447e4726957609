"""Desk review in the window: notes, status, revisions with differences, the checklist."""

from __future__ import annotations

from editor.ui.review.controller import ReviewController, install_review

__all__ = ["ReviewController", "install_review"]

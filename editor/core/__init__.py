"""Plain-Python article model: no I/O, no Qt."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.model import Article, Author, LeadImage, Status

__all__ = ["Article", "Author", "LeadImage", "Status"]


def __getattr__(name: str) -> object:
    """Import the model when first asked for: the spell process never is (PEP 562)."""
    if name in __all__:
        from editor.core import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

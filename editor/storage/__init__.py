"""Files: the .article container, page-bundle folders, .md pages, atomic writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.storage.document import Kind, kind_of, read_article, write_article

__all__ = ["Kind", "kind_of", "read_article", "write_article"]


def __getattr__(name: str) -> object:
    """Import the document reader when first asked for: the spell process never is (PEP 562)."""
    if name in __all__:
        from editor.storage import document

        return getattr(document, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

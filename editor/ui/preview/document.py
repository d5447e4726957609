"""What the preview needs of a document: the typed interface between the pane and its owner."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from editor.core.model import Article


class PreviewDocument(Protocol):
    """What the preview needs of a document (ArticleDocument is one)."""

    article: Article
    changed: SignalInstance  # (field): "body", "headline", …, "*" for a new article

    def display_name(self) -> str:
        """Return the document's name for titles."""
        ...

    def body_length(self) -> int:
        """Return the body's length without copying it out."""
        ...

"""Plain-Python article model: no I/O, no Qt."""

from editor.core.model import Article, Author, LeadImage, Status

__all__ = ["Article", "Author", "LeadImage", "Status"]

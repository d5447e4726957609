"""Typed errors the lower layers raise; the UI and CLI turn them into words."""

from __future__ import annotations


class ArticleError(Exception):
    """Base of every error caused by a user's file or input (never a bug)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message


class DocumentError(ArticleError):
    """The document cannot be read or written (corrupt, hostile, unreadable)."""


class UnsafeDocumentError(DocumentError):
    """The document tries something dangerous (path traversal, zip bomb, alias bomb)."""


class ImageError(ArticleError):
    """An image is missing, broken, too large or of a format we do not take."""


class ProfileError(ArticleError):
    """A site profile is missing or broken."""


class ExportError(ArticleError):
    """An export could not be written."""

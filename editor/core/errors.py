"""Typed errors the lower layers raise: a stable code and its arguments, never finished words.

Every error a user can meet carries an `ErrorCode` and the values its sentence names. The code's
English template is the one wording of record: the CLI prints it (see docs/errors.md), and the
UI looks the same template up in the "errors" context of resources/i18n/*.ts and fills in the
same arguments, so the Korean UI never shows words built down here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from editor.core.error_codes import ErrorCode

__all__ = [
    "ArticleError",
    "DocumentError",
    "ErrorCode",
    "ErrorRecord",
    "ExportError",
    "ImageError",
    "ProfileError",
    "UnsafeDocumentError",
    "english",
    "render",
]


class ArticleError(Exception):
    """Base of every error caused by a user's file or input (never a bug).

    Args:
        code: what went wrong; its template says it in words.
        path: the file or folder concerned, shown before the sentence.
        **params: the values the template names ({name}, {size}, …); a value that is itself
            an ArticleError is worded too (a reason inside a reason).
    """

    def __init__(self, code: ErrorCode, /, *, path: str | None = None, **params: Any) -> None:
        code = ErrorCode(code)  # a str when unpickled from a worker process
        super().__init__(code.value)
        self.code = code
        self.path = path
        self.params = params

    @property
    def message(self) -> str:
        """Return the sentence in English, without the path."""
        return render(self)

    def __str__(self) -> str:
        if self.path:
            return f"{self.path}: {self.message}"
        return self.message

    def record(self) -> ErrorRecord:
        """Return the code and arguments as plain data (to keep in a file, e.g. the outbox)."""
        params = {
            k: v.record() if isinstance(v, ArticleError) else v for k, v in self.params.items()
        }
        return ErrorRecord(self.code.value, params, self.path or "")


@dataclass
class ErrorRecord:
    """An error as data: its code, arguments (nested errors as records) and path."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    path: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ErrorRecord | None:
        """Return the record kept in data, None when it is not one (or names an unknown code)."""
        if not isinstance(data, dict) or data.get("code") not in ErrorCode._value2member_map_:
            return None
        params = {
            k: cls.from_dict(v) or v if isinstance(v, dict) else v
            for k, v in dict(data.get("params") or {}).items()
        }
        return cls(str(data["code"]), params, str(data.get("path") or ""))


def english(code: ErrorCode) -> str:
    """Return the English template of a code (the CLI's words)."""
    return code.english


def render(
    error: ArticleError | ErrorRecord, template: Callable[[ErrorCode], str] = english
) -> str:
    """Word an error (without its path) with the templates `template` gives for each code."""
    code = error.code if isinstance(error, ArticleError) else ErrorCode(error.code)
    values = {
        k: render(v, template) if isinstance(v, ArticleError | ErrorRecord) else v
        for k, v in error.params.items()
    }
    try:
        return template(code).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation naming a value we lack
        return code.english.format(**values)


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

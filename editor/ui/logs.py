"""Module loggers that import `logging` when first used, not on the way to the first frame.

`logging` and what it compiles and imports (string, its format patterns) were ~12 M
instructions of every start, for messages that a start without trouble never writes.
"""

from __future__ import annotations

from typing import Any


class LaterLogger:
    """Stand in for logging.getLogger(name) until a message is logged."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __getattr__(self, attr: str) -> Any:
        import logging

        return getattr(logging.getLogger(self.name), attr)


def get_logger(name: str) -> LaterLogger:
    """Return the logger of a module (logging.getLogger(name) once it is used)."""
    return LaterLogger(name)

"""Work done in short steps: a generator that yields between steps and returns its result.

The status bar's count and the house-style scan run this way after a pause, a slice of a
few milliseconds per event-loop turn, so a key pressed meanwhile waits for one slice; code
that wants the result at once drains the same steps.
"""

from __future__ import annotations

import time
from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")
Steps = Generator[None, None, T]  # work that yields between short steps, then returns T


def drain(steps: Steps[T]) -> T:
    """Run stepped work to its end at once; return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def run_slice(steps: Steps[T], seconds: float) -> tuple[bool, T | None]:
    """Run steps (one at least) until seconds have gone; (True, result) once they ended."""
    deadline = time.perf_counter() + seconds
    try:
        next(steps)
        while time.perf_counter() < deadline:
            next(steps)
    except StopIteration as done:
        return True, done.value
    return False, None

"""Python-Markdown's fenced code blocks, without the Pygments import they never use here.

markdown.extensions.fenced_code imports codehilite, which imports Pygments (8 modules,
~1 MB of the app's memory and ~6 ms of import) in case CodeHilite is registered too; it
never is (make_markdown), so fenced code is written as plain <pre><code class="language-x">
either way. Importing codehilite while `pygments` cannot be imported sets its flag to False.
"""

from __future__ import annotations

import sys


def _import_codehilite_without_pygments() -> None:
    """Import markdown.extensions.codehilite with `import pygments` failing (once)."""
    if "markdown.extensions.codehilite" in sys.modules or "pygments" in sys.modules:
        return
    sys.modules["pygments"] = None  # type: ignore[assignment] - makes the import fail
    try:
        import markdown.extensions.codehilite  # noqa: F401
    finally:
        del sys.modules["pygments"]


_import_codehilite_without_pygments()

from markdown.extensions.fenced_code import FencedCodeExtension  # noqa: E402

__all__ = ["FencedCodeExtension"]

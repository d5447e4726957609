"""The live preview: the site's own pages for the open article, sandboxed and patched live.

Nothing is imported here up front: `PreviewPane` pulls in QtWebEngine, Markdown and Jinja2,
which the app loads only after the editor's first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from editor.ui.preview.pane import PreviewPane
    from editor.ui.preview.scheme import register_schemes

__all__ = ["PreviewPane", "register_schemes"]


def __getattr__(name: str) -> Any:
    """Import PreviewPane and register_schemes when first asked for."""
    if name == "PreviewPane":
        from editor.ui.preview.pane import PreviewPane

        return PreviewPane
    if name == "register_schemes":
        from editor.ui.preview.scheme import register_schemes

        return register_schemes
    raise AttributeError(name)

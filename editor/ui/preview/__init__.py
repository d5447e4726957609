"""The live preview: the site's own pages for the open article, sandboxed and patched live."""

from __future__ import annotations

from editor.ui.preview.pane import PreviewPane
from editor.ui.preview.scheme import register_schemes

__all__ = ["PreviewPane", "register_schemes"]

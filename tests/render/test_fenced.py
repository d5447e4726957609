"""Fenced code renders without Pygments loaded, exactly as with it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

BODY = "```python\nprint('<b>')\n```\n\n~~~\nplain ~~~ text\n~~~\n\n```js {.x}\nlet a = 1;\n```\n"
SCRIPT = """
import json, sys
if sys.argv[1] == "with":
    import pygments  # loaded first: the editor leaves codehilite as it is
from editor.render.markdown import render_body
print(json.dumps([render_body(sys.argv[2]), "pygments" in sys.modules]))
"""


def _render(mode: str) -> tuple[str, bool]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode, BODY], capture_output=True, text=True, check=True
    )
    html, loaded = json.loads(out.stdout)
    return html, loaded


def test_fenced_code_is_the_same_without_pygments_which_is_not_imported():
    html, loaded = _render("without")
    assert not loaded
    assert '<code class="language-python">' in html
    pytest.importorskip("pygments")
    assert _render("with") == (html, True)

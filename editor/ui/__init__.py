"""The desktop app: all PySide6 code lives under this package and nothing imports it.

Importing the package sets up how PySide6 starts, before any module here imports it
(docs/performance.md, "Start-up, third round"; instruction counts to the first paint):
- PYSIDE6_OPTION_LAZY=2 creates a Qt class's Python type, and its enums, when the class is
  first used, for QtWidgets and QtGui too (without it this app paid for every QtWidgets
  type: 1,752 M → 1,400 M instructions).
- SBK_EMBED=0 once, where PySide6's folder is writable, has shiboken write its support
  package (the signature loader) out as files, so later starts import its byte code
  instead of compiling the embedded source every time (→ 1,295 M).
A value the user set is kept.
"""

from __future__ import annotations

import os
from importlib.util import find_spec


def _configure_pyside() -> None:
    os.environ.setdefault("PYSIDE6_OPTION_LAZY", "2")
    if "SBK_EMBED" in os.environ:
        return
    spec = find_spec("shiboken6")
    if spec is None or not spec.origin:
        return
    folder = os.path.dirname(spec.origin)
    if not os.path.isdir(os.path.join(folder, "files.dir")) and os.access(folder, os.W_OK):
        os.environ["SBK_EMBED"] = "0"  # writes files.dir once; shiboken reads SBK_EMBED at import


_configure_pyside()

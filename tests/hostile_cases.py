"""The hostile documents of tests/storage/test_hostile.py and the hostile article of the export
tests (tests/export/exporthelp.py), for the app and CLI tests too.

One table serves every layer: the storage tests define it, the window and the command line
must meet each case with a clear message. Loaded by path because the test folders are not
packages.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path


def _load() -> list[tuple]:
    path = Path(__file__).parent / "storage" / "test_hostile.py"
    spec = importlib.util.spec_from_file_location("hostile_documents", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.CASES


HOSTILE_DOCUMENTS = _load()  # (label, bytes, error class, words the message must hold)


def _load_exporthelp():
    path = Path(__file__).parent / "export" / "exporthelp.py"
    spec = importlib.util.spec_from_file_location("exporthelp_shared", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_exporthelp = _load_exporthelp()
hostile_article = _exporthelp.hostile_article  # script, iframe, handlers, js: links everywhere
photo = _exporthelp.photo

"""The dataclasses' generated methods, compiled once and kept (docs/performance.md).

`dataclasses` writes each class's `__init__`, `__repr__` and `__eq__` (a frozen class's
`__setattr__`, `__delattr__` and `__hash__` too) as source text and compiles it with exec
when the class is defined: ~0.7 M instructions a method, ~100 M of every start of the app
for the ~108 methods on the way to the window's first frame. The text is the same at every
start, so its compiled code is kept in the cache folder, as a module's byte code is kept,
keyed by the text itself in a file named after the interpreter's byte-code magic. A text
not kept yet is compiled as dataclasses compiles it; a damaged file is ignored.
"""

from __future__ import annotations

import atexit
import builtins
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from editor import paths

MAX_KEPT = 4000  # texts: the app's own dataclasses make ~400; stale ones go past this
_kept: dict[str, CodeType] = {}
_used: set[str] = set()
stats = {"compiled": 0, "reused": 0}


def cache_file() -> Path:
    """Return the file the compiled methods are kept in (for this interpreter)."""
    tag = sys.implementation.cache_tag or "python"
    return paths.cache_dir() / "code" / f"dataclasses-{tag}-{MAGIC_NUMBER.hex()}.marshal"


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:  # noqa: A002
    """Run source as exec does, compiling a text only the first time it is seen."""
    if not isinstance(source, str):
        return builtins.exec(source, globals, locals)
    code = _kept.get(source)
    if code is None:
        # As exec compiles it in dataclasses' frame, which has no __future__ flags.
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _kept[source] = code
        stats["compiled"] += 1
    else:
        stats["reused"] += 1
    _used.add(source)
    return builtins.exec(code, globals, locals)


def install() -> None:
    """Have dataclasses compile through the kept code (once; before the first dataclass)."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is _exec:
        return
    try:
        loaded = marshal.loads(cache_file().read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        loaded = {}
    if isinstance(loaded, dict):
        _kept.update(
            (k, v) for k, v in loaded.items() if isinstance(k, str) and isinstance(v, CodeType)
        )
    dataclasses.exec = _exec  # a module global: found before the builtin in _create_fn
    atexit.register(save)  # the CLI's commands; the app saves after its first paint too


def save() -> bool:
    """Write the kept code when this process compiled any; return whether it wrote."""
    if not stats["compiled"]:
        return False
    keep = _kept if len(_kept) <= MAX_KEPT else {k: _kept[k] for k in _used}
    target = cache_file()
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(marshal.dumps(keep))
        os.replace(partial, target)  # another instance may race us: either file is whole
    except OSError:
        partial.unlink(missing_ok=True)
        return False
    stats["compiled"] = 0
    return True

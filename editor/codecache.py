"""The dataclasses' generated methods, compiled once and kept (docs/performance.md).

`dataclasses` writes each class's `__init__`, `__repr__` and `__eq__` (a frozen class's
`__setattr__`, `__delattr__` and `__hash__` too) as source text and compiles it with exec
when the class is defined: ~0.7 M instructions a method, ~100 M of every start of the app
for the ~108 methods on the way to the window's first frame. The text is the same at every
start, so its compiled code is kept in the cache folder, as a module's byte code is kept,
keyed by the text itself in a file named after the interpreter's byte-code magic. A text
not kept yet is compiled as dataclasses compiles it; a damaged file is ignored.

Regular expressions likewise: `re` parses and compiles a pattern in pure Python
(`re._compiler`) at every start, ~40 M instructions for the ~60 patterns compiled before
the window's first frame (PyYAML's resolver, `core.reading`, the highlighter, ...). What
it hands `_sre.compile` at the end (flags, the program, the groups) depends only on the
pattern's text and flags, so it is kept too (`patterns-...marshal`, named after `_sre`'s
MAGIC as well) and given to `_sre.compile` directly at the next start: the same Pattern
(equal to a fresh one). A pattern whose parsing could warn (a possible nested set, a
non-ASCII group name) is never kept, so its warning still comes at every start.
"""

from __future__ import annotations

import atexit
import builtins
import marshal
import os
import re
import sys
import zlib
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from editor import paths

MAX_KEPT = 4000  # texts: the app's own dataclasses make ~400; stale ones go past this
_kept: dict[str, CodeType] = {}
_used: set[str] = set()
stats = {"compiled": 0, "reused": 0}
MAX_PATTERNS = 2000
_programs: dict[tuple[str, int], tuple] = {}  # (text, flags) -> _sre.compile's other arguments
_programs_used: set[tuple[str, int]] = set()
pattern_stats = {"compiled": 0, "reused": 0}
# Kept until the first save (the app's first paint, the CLI's exit): the start's patterns,
# not what a reporter searches for afterwards (editor.core.find compiles each search).
_recording = {"on": True}
# re._compiler.compile's byte code (CPython 3.11.7's): _compile_pattern repeats its steps.
KNOWN_RE_COMPILERS = frozenset({4029579182})
# Text that could make re's parser warn (docs above): such a pattern is not kept.
_MAY_WARN = ("[[", "--", "&&", "~~", "||", "(?(")


def cache_file() -> Path:
    """Return the file the compiled methods are kept in (for this interpreter)."""
    tag = sys.implementation.cache_tag or "python"
    return paths.cache_dir() / "code" / f"dataclasses-{tag}-{MAGIC_NUMBER.hex()}.marshal"


def patterns_file() -> Path:
    """Return the file the compiled regular expressions are kept in (for this interpreter)."""
    import _sre

    tag = sys.implementation.cache_tag or "python"
    name = f"patterns-{tag}-{MAGIC_NUMBER.hex()}-{_sre.MAGIC}.marshal"
    return paths.cache_dir() / "code" / name


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
    loaded = _load(cache_file())
    if isinstance(loaded, dict):
        _kept.update(
            (k, v) for k, v in loaded.items() if isinstance(k, str) and isinstance(v, CodeType)
        )
    dataclasses.exec = _exec  # a module global: found before the builtin in _create_fn
    _install_patterns()
    atexit.register(save)  # the CLI's commands; the app saves after its first paint too


def _install_patterns() -> None:
    """Have re compile through the kept programs, where re is the one this was checked on."""
    from re import _compiler

    if _compiler.compile is _compile_pattern:
        return
    if zlib.crc32(_compiler.compile.__code__.co_code) not in KNOWN_RE_COMPILERS:
        return
    loaded = _load(patterns_file())
    for key, value in loaded.items() if isinstance(loaded, dict) else ():
        if isinstance(key, tuple) and isinstance(value, tuple) and len(value) == 5:
            _programs[key] = value
    _real["compile"] = _compiler.compile
    _compiler.compile = _compile_pattern


_real: dict[str, Any] = {}


def _compile_pattern(p: Any, flags: int = 0) -> Any:
    """Compile as re._compiler.compile does, from the kept program when there is one."""
    import _sre
    from re import _compiler, _parser

    if type(p) is not str or type(flags) is not int or flags & re.DEBUG:
        return _real["compile"](p, flags)  # what marshal could not keep, or re's dump
    key = (p, flags)
    kept = _programs.get(key)
    if kept is not None:
        try:
            compiled = _sre.compile(p, *kept)
        except (TypeError, ValueError, OverflowError, RuntimeError):  # a damaged entry
            _programs.pop(key, None)
        else:
            pattern_stats["reused"] += 1
            _programs_used.add(key)
            return compiled
    parsed = _parser.parse(p, flags)  # re._compiler.compile's steps, in its order
    code = list(map(int, _compiler._code(parsed, flags)))  # opcodes are int subclasses
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    program = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex)
    program += (tuple(indexgroup),)
    compiled = _sre.compile(p, *program)
    if (
        _recording["on"]
        and not any(part in p for part in _MAY_WARN)
        and (p.isascii() or "(?P" not in p)
    ):
        _programs[key] = program
        _programs_used.add(key)
        pattern_stats["compiled"] += 1
    return compiled


def _load(target: Path) -> object:
    try:
        return marshal.loads(target.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}


def save() -> bool:
    """Write the kept code when this process compiled any; return whether it wrote."""
    wrote = False
    if stats["compiled"]:
        keep = _kept if len(_kept) <= MAX_KEPT else {k: _kept[k] for k in list(_used)}
        if _write(cache_file(), keep):
            stats["compiled"], wrote = 0, True
    _recording["on"] = False
    if pattern_stats["compiled"]:
        programs = _programs
        if len(programs) > MAX_PATTERNS:
            used = list(_programs_used)  # a worker thread may compile meanwhile
            programs = {k: _programs[k] for k in used if k in _programs}
        if _write(patterns_file(), programs):
            pattern_stats["compiled"], wrote = 0, True
    return wrote


def _write(target: Path, data: dict) -> bool:
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(marshal.dumps(data))
        os.replace(partial, target)  # another instance may race us: either file is whole
    except (OSError, ValueError):  # ValueError: something marshal cannot write
        partial.unlink(missing_ok=True)
        return False
    return True

"""The desktop app: all PySide6 code lives under this package and nothing imports it.

Importing the package sets up how PySide6 starts, before any module here imports it
(docs/performance.md, "Start-up, third round"; instruction counts to the first paint):
- PYSIDE6_OPTION_LAZY=2 creates a Qt class's Python type, and its enums, when the class is
  first used, for QtWidgets and QtGui too (without it this app paid for every QtWidgets
  type: 1,752 M → 1,400 M instructions).
- SBK_EMBED=0 once, where PySide6's folder is writable, has shiboken write its support
  package (the signature loader) out as files, so later starts import its byte code
  instead of compiling the embedded source every time (→ 1,295 M). shiboken only looks
  beside its own module (files.dir), never in a cache folder; a frozen app gets the files,
  compiled, from the build and never writes into its own folder (docs/performance.md).
- shiboken's `__feature__` support (snake_case/true_property, which this app never uses)
  asks of every module imported after PySide6 whether its source mentions "PySide6", with
  `inspect.getsource` — which reads the file and walks all of sys.modules each time: ~117
  modules before the first frame, ~280 before the preview's first page (~33 ms of CPU and,
  with the file reads, up to ~300 ms of wall time on the loaded machine). The answer only
  matters to a module that selects a feature; `_skip_source_scan` answers it from the
  module's namespace instead.
- shiboken's signature loader imports its `.pyi` generator (a tool for writing type stubs)
  at every start, twice, and that module compiles four large regular expressions and
  imports argparse and logging: ~137 M instructions of `import PySide6.QtWidgets`, a bare
  window's too. `_ShibokenSupportLater` hands the loader a module that runs the generator's
  code when anything first asks it for a name (PySide6's stub tool still works).
- shiboken's signature parser compiles an argument-list pattern at import (~45 M) that
  only a signature asked for uses; it is compiled then (editor.core.regex_cache).
- shiboken creates each Qt enum through Python's enum functional API, whose per-member
  work was ~237 M instructions before the first frame; editor.ui.fast_enums builds the
  same classes in one pass (~54 M).
A value the user set is kept.
"""

from __future__ import annotations

import os
import sys
from importlib.machinery import ModuleSpec, PathFinder
from importlib.util import find_spec
from types import ModuleType


def _configure_pyside() -> None:
    from editor.ui import environment  # the programs the app opens do not inherit these

    environment.set_default("PYSIDE6_OPTION_LAZY", "2")
    if "SBK_EMBED" in os.environ or getattr(sys, "frozen", False):
        return  # the frozen app ships files.dir with its byte code (packaging/build.py)
    spec = find_spec("shiboken6")
    if spec is None or not spec.origin:
        return
    folder = os.path.dirname(spec.origin)
    if not os.path.isdir(os.path.join(folder, "files.dir")) and os.access(folder, os.W_OK):
        environment.set_value("SBK_EMBED", "0")  # files.dir written once; read at import


class _ShibokenSupportLater:
    """Give shiboken's loader its stub generator, and its parser's pattern, when first used.

    A finder and loader by duck typing: importlib.abc's base classes would import
    importlib.resources (~18 M instructions) for nothing else.
    """

    PYI_GENERATOR = "shibokensupport.signature.lib.pyi_generator"
    PARSER = "shibokensupport.signature.parser"

    def find_spec(self, fullname: str, path, target=None) -> ModuleSpec | None:  # noqa: ANN001
        if fullname not in (self.PYI_GENERATOR, self.PARSER):
            return None
        spec = PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return None  # an embedded support package: left as it is
        spec.loader_state, spec.loader = spec.loader, self
        return spec

    def create_module(self, spec: ModuleSpec) -> None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        real = module.__spec__.loader_state
        if module.__name__ == self.PARSER:
            _parser_pattern_later()
            real.exec_module(module)
            return

        def __getattr__(name: str) -> object:  # noqa: N807 - PEP 562's module hook
            del module.__dict__["__getattr__"]
            real.exec_module(module)
            return getattr(module, name)

        module.__getattr__ = __getattr__


def _parser_pattern_later() -> None:
    """Have the signature parser's argument-list pattern compiled when it is first used.

    The parser compiles it at import (~45 M instructions, at every start); it is used only
    when a signature is asked for (an error message, inspect.signature, the stub tool).
    """
    try:
        import re

        from shibokensupport.signature.lib.tool import build_brace_pattern

        from editor.core.regex_cache import LazyPattern, seed
    except ImportError:
        return
    text = build_brace_pattern(level=3, separators=",")  # as ArglistParser builds it
    seed(text, re.VERBOSE, LazyPattern(text, re.VERBOSE))


def _skip_source_scan() -> None:
    """Answer shiboken's "does this module use PySide6?" without reading the module's source."""
    later = _ShibokenSupportLater()
    sys.meta_path.insert(0, later)
    try:
        import shiboken6  # noqa: F401 - loads shiboken's support package, feature module included
    finally:
        sys.meta_path.remove(later)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = _mod_uses_pyside


def _mod_uses_pyside(module: object) -> bool:
    """Tell whether a Python module's globals hold anything of PySide6 (the scan's aim).

    Like the scan, a module without Python source (PySide6's own extension modules) does
    not count: their namespaces are not walked, so lazily created Qt types stay uncreated.
    """
    if not str(getattr(module, "__file__", None) or "").endswith(".py"):
        return False
    try:
        for value in list(vars(module).values()):
            if isinstance(value, type):  # a Qt class or enum imported from PySide6
                name = value.__module__
            elif isinstance(value, ModuleType):  # import PySide6.QtCore
                name = value.__name__
            else:
                continue
            if isinstance(name, str) and name.startswith("PySide6"):
                return True
    except Exception:  # noqa: BLE001 - an odd object must never fail an import
        return False
    return False


def _fast_enums() -> None:
    """Build shiboken's enum types in one pass (editor.ui.fast_enums), before PySide6 starts."""
    if "shiboken6" not in sys.modules:  # a bare PySide6 window imported first keeps its own
        from editor.ui import fast_enums

        fast_enums.install()


_configure_pyside()
_fast_enums()
_skip_source_scan()

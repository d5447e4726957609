"""Typing cost benchmark: `.venv/bin/python benchmarks/typing.py` (the work is in keystrokes.py).

The issue names this file typing.py, which is also the standard library's `typing`. A script
in this folder that imports `typing` (most do, through the standard library) finds this file
first, so when imported rather than run it loads the real module in its own place.
"""

import os
import sys

_HERE = os.path.dirname(os.path.realpath(__file__))

if __name__ == "__main__":
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or ".") != _HERE] + [_HERE]
    import keystrokes

    sys.exit(keystrokes.main())
else:  # imported as `typing` by a sibling script: become the standard library's typing
    import importlib.util
    import sysconfig

    _spec = importlib.util.spec_from_file_location(
        "typing", os.path.join(sysconfig.get_paths()["stdlib"], "typing.py")
    )
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["typing"] = _module
    _spec.loader.exec_module(_module)

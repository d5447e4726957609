"""The frozen app's entry point: the same command line as the `article-editor` script."""

from __future__ import annotations

import os
import sys


def ensure_streams() -> None:
    """Give a windowed Windows/macOS build somewhere to print (there stdout may be None)."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> int:
    """Run editor.cli.main with the process's arguments; return its exit status."""
    ensure_streams()
    from editor.cli.main import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())

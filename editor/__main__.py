"""Run the command line: ``python -m editor``."""

from editor.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())

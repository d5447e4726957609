"""Run the command line: ``python -m editor``."""

from editor.cli.main import main

raise SystemExit(main())

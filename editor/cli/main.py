"""article-editor: start the app, or work on an article from the command line."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from editor import __version__, codecache

codecache.install()  # before the first dataclass is defined (~100 M instructions a start)
from editor.core.errors import ArticleError  # noqa: E402

if TYPE_CHECKING:
    import argparse  # the desktop app starts without it (docs/performance.md)

COMMANDS = ("new", "check", "render", "export", "publish", "outbox")
EXIT_PROBLEMS = 1  # check found errors
EXIT_USER_ERROR = 2  # bad input: one clear line, never a traceback


def _parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="article-editor",
        description="Write, preview and export news articles. Without a command, opens the "
        "desktop app (on FILE when given).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = sub.add_parser("new", help="create a new empty article")
    new.add_argument("file", type=Path, help=".article, .md or a folder for a page bundle")
    new.add_argument("--headline", default="", help="the headline to start with")
    new.add_argument("--site", default=None, help="site profile id")
    new.add_argument("--force", action="store_true", help="overwrite an existing file")

    check = sub.add_parser("check", help="list articles' problems (exit 1 on errors)")
    check.add_argument("file", type=Path, nargs="+", help="one or more articles")
    check.add_argument("--site", default=None, help="site profile id (default: the article's)")
    check.add_argument(
        "--no-measure",
        dest="measure",
        action="store_false",
        help="skip measuring the headline's lines on a 360 px phone",
    )
    check.add_argument(
        "--no-spelling",
        dest="spelling",
        action="store_false",
        help="skip the spell check (Korean and English dictionaries)",
    )

    render = sub.add_parser("render", help="write the preview page as HTML")
    render.add_argument("file", type=Path)
    render.add_argument("--layout", choices=("desktop", "mobile"), default="desktop")
    render.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    render.add_argument("--site", default=None, help="site profile id (default: the article's)")

    export = sub.add_parser("export", help="export a Markdown or HTML bundle")
    export.add_argument("file", type=Path)
    export.add_argument("--to", choices=("markdown", "html"), required=True)
    export.add_argument("--out", type=Path, required=True, help="folder to write the bundle in")
    export.add_argument("--zip", action="store_true", help="write DIR/<slug>.zip")
    export.add_argument(
        "--layout",
        choices=("hugo", "jekyll"),
        default="hugo",
        help="markdown: a Hugo page bundle (default) or a Jekyll post (_posts/, assets/)",
    )
    export.add_argument("--site", default=None, help="site profile id (default: the article's)")
    export.add_argument(
        "--force",
        action="store_true",
        help="replace an earlier export of this article (never anything else)",
    )
    from editor.cli.publish import add_parsers

    add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--spell-worker"]:  # the frozen app's spell process (no interpreter -m)
        from editor.storage.spell_worker import main as spell_worker

        return spell_worker()
    if not args_list or (args_list[0] not in COMMANDS and not args_list[0].startswith("-")):
        return _start_gui(args_list)
    args = _parser().parse_args(args_list)
    if args.command is None:
        return _start_gui([])
    from editor.cli import commands

    handler = getattr(commands, f"cmd_{args.command}")
    try:
        return handler(args)
    except ArticleError as exc:
        # English words and the stable code, for people and for scripts alike (docs/errors.md)
        print(f"article-editor: {exc} [{exc.code}]", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130


def _start_gui(rest: list[str]) -> int:
    if len(rest) > 1:
        print("article-editor: give at most one file to open", file=sys.stderr)
        return EXIT_USER_ERROR
    path = Path(rest[0]) if rest else None
    if path is not None and not path.exists():
        print(f"article-editor: {path}: the file does not exist.", file=sys.stderr)
        return EXIT_USER_ERROR
    try:
        from editor.ui.app import run
    except ImportError as exc:
        print(f"article-editor: the desktop app cannot start ({exc}).", file=sys.stderr)
        return EXIT_USER_ERROR
    return run(path)

"""`publish` and `outbox`: send an article to a CMS through the outbox, from a script."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_SENT = 0
EXIT_USER_ERROR = 2  # bad input, bad credentials, or a refusal (edited on the web)
EXIT_QUEUED = 3  # the target did not answer: the job waits in the outbox


def add_parsers(sub) -> None:  # noqa: ANN001 - argparse's private subparsers type
    """Add the publish and outbox commands to the command line."""
    publish = sub.add_parser("publish", help="send an article to WordPress or a Git-kept site")
    publish.add_argument("file", type=Path, help=".article, .md or a page-bundle folder")
    publish.add_argument("--to", choices=("wordpress", "git"), required=True)
    publish.add_argument("--url", default="", help="WordPress: the site's address")
    publish.add_argument("--user", default="", help="WordPress: the account's user name")
    publish.add_argument(
        "--password-env",
        default="",
        metavar="VAR",
        help="WordPress: environment variable holding the application password "
        "(default: the keyring)",
    )
    publish.add_argument(
        "--status",
        choices=("draft", "pending", "publish"),
        default=None,
        help="WordPress status (default: from the article: draft, ready → pending, approved → "
        "publish or future)",
    )
    publish.add_argument("--repo", default="", help="Git: the site's repository, path or URL")
    publish.add_argument("--branch", default="", help="Git: the branch (default: the remote's)")
    publish.add_argument("--layout", choices=("hugo", "jekyll"), default="hugo")
    publish.add_argument("--content-dir", default="", metavar="DIR",
                         help="Git: where the site keeps articles (default: content/<section> "
                         "for Hugo, _posts for Jekyll)")  # fmt: skip
    publish.add_argument(
        "--overwrite",
        action="store_true",
        help="replace the remote copy even when it was edited on the web since it was sent",
    )
    outbox = sub.add_parser("outbox", help="list the publish jobs waiting or done")
    outbox.add_argument("--send", action="store_true", help="send every queued job now")


def cmd_publish(args: argparse.Namespace) -> int:
    """Queue the article for the target and send it now; exit 0 sent, 3 queued, 2 refused."""
    from editor.publish.outbox import Outbox
    from editor.publish.targets import Target, password_for, publisher_for
    from editor.storage import read_article

    target = Target(
        args.to, url=args.url, user=args.user, password_env=args.password_env,
        repo=args.repo, branch=args.branch, layout=args.layout, content_dir=args.content_dir,
    )  # fmt: skip
    article = read_article(args.file)
    # A missing password or a bad address is the user's to fix now, not a job to queue.
    publisher_for(target, password_for(target))
    outbox = Outbox()
    job = outbox.add(article, target, source=str(args.file.resolve()),
                     status=args.status or "", overwrite=args.overwrite)  # fmt: skip
    return _report(outbox.send(job.id))


def cmd_outbox(args: argparse.Namespace) -> int:
    """List the outbox, one job a line; with --send, send what is queued first."""
    from editor.publish.outbox import Outbox

    outbox = Outbox()
    if args.send:
        sent = outbox.send_due(ignore_backoff=True)
        codes = [_report(job) for job in sent]
        if not sent:
            print("article-editor: nothing is waiting in the outbox.")
        return max(codes, default=EXIT_SENT)
    jobs = outbox.jobs()
    for job in jobs:
        where = job.url or job.target_obj.label
        words = f" — {job.message}" if job.message and job.state != "sent" else ""
        print(f"{job.id}  {job.state:<7}  {job.headline}  → {where}{words}")
    if not jobs:
        print("article-editor: the outbox is empty.")
    return EXIT_SENT


def _report(job) -> int:  # noqa: ANN001
    """Print one line about a job; return the exit status it means."""
    for warning in job.warnings:
        print(f"article-editor: warning: {warning}", file=sys.stderr)
    if job.state == "sent":
        print(f"sent: {job.headline} → {job.url}")
        return EXIT_SENT
    if job.state in ("queued", "sending"):
        print(
            f"article-editor: queued ({job.message}); `article-editor outbox --send` sends it.",
            file=sys.stderr,
        )
        return EXIT_QUEUED
    print(f"article-editor: not sent: {job.message}", file=sys.stderr)
    return EXIT_USER_ERROR

"""The command line's commands; each takes parsed arguments and returns an exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.cli.publish import cmd_outbox, cmd_publish  # noqa: F401 - dispatched by name
from editor.core import clock
from editor.core.errors import ArticleError, DocumentError, ErrorCode
from editor.core.model import Article
from editor.core.validate import Severity, has_errors
from editor.storage import read_article, write_article

EXIT_OK = 0
EXIT_PROBLEMS = 1
# The rendered page carries everything it shows (data: URIs): a browser opening it loads
# nothing from anywhere, and runs no script, whatever the article holds.
RENDER_CSP = (
    '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
    "img-src data:; style-src data: 'unsafe-inline'; font-src data:; base-uri 'none'; "
    "form-action 'none'\">"
)


def cmd_new(args: argparse.Namespace) -> int:
    """Create an empty article in the form the path asks for."""
    if args.file.exists() and not args.force:
        raise DocumentError(ErrorCode.FILE_EXISTS, path=str(args.file))
    now = clock.now()
    article = Article(headline=args.headline, created=now, updated=now)
    if args.site:
        article.site = args.site
    write_article(article, args.file)
    print(args.file)
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Print each article's checklist problems, one a line; exit 1 when any is an error."""
    from editor.storage.dictionaries import DictionaryError
    from editor.storage.memo import Memo

    checker = _spell_checker() if args.spelling else None
    if checker is not None and len(args.file) > 1:
        _preload_all(checker, args.file)
    memo = Memo.open()  # the images' facts and the headline's lines of earlier runs
    worst = EXIT_OK
    for path in args.file:
        try:
            status = _check_one(path, args, checker, memo)
        except DictionaryError as exc:  # they load for the first unknown word: say it once
            print(f"article-editor: no spell check ({exc})", file=sys.stderr)
            checker = None
            status = _check_one(path, args, checker, memo)
        worst = max(worst, status)
    if checker is not None and checker.known is not None:
        checker.known.save()  # the next check of these words loads no dictionary
    memo.save()
    return worst


def _preload_all(checker, paths: list[Path]) -> None:  # noqa: ANN001 - a SpellChecker
    """Give the spell check every story's words at once: one cut dictionary for a folder.

    Each story's own preload then finds its words covered; a story that cannot be read is
    skipped here and its error said in its turn.
    """
    from editor.core.spelling import spelled_texts

    texts: list[str] = []
    for path in paths:
        try:
            texts += spelled_texts(read_article(path))
        except (ArticleError, OSError, ValueError):
            continue
    checker.preload(texts)


def _check_one(path: Path, args: argparse.Namespace, checker, memo) -> int:  # noqa: ANN001
    from editor.core.checklist import ChecklistConfig, Facts, run_checklist
    from editor.core.review import approval
    from editor.core.spelling import ignored_words, spelled_texts, spelling_problems
    from editor.render.profiles import load_profile
    from editor.render.reading import html_facts

    article = read_article(path)
    if checker is not None:  # a word no run judged: Hunspell loads while the rest is done
        checker.preload(spelled_texts(article), ignored_words(article))
    profile = load_profile(args.site or article.site, templates=False)
    facts = Facts(images=_image_facts(article.images, memo), raw_html=html_facts(article.body))
    if args.measure:
        facts.headline_lines = _measure_headline(article, profile, memo)
    problems = run_checklist(article, ChecklistConfig.from_data(profile.get("checklist")), facts)
    if checker is not None:
        problems += spelling_problems(article, checker.misspelled)
    prefix = f"{path}: " if len(args.file) > 1 else ""
    for problem in problems:
        rule = f" [{problem.args['rule']}]" if problem.args.get("rule") else ""
        print(f"{prefix}{problem.severity}: {problem.field}: {problem.message}{rule}")
    errors = sum(p.severity is Severity.ERROR for p in problems)
    approved = approval(article)
    status = f"approved by {approved['by']} at {approved['at']}" if approved else article.status
    if approved and not _verified(article):
        status = f"approval unverified (by {approved['by'] or '?'} at {approved['at'] or '?'}: "
        status += "no valid desk signature on this machine; exports publish it as a draft)"
    print(
        f"{path}: {errors} error(s), {len(problems) - errors} other problem(s); status {status}",
        file=sys.stderr,
    )
    return EXIT_PROBLEMS if has_errors(problems) else EXIT_OK


def _verified(article: Article) -> bool:
    """Tell whether an approved article's desk signature verifies on this machine."""
    from editor.core.signing import VERIFIED  # HMAC and the key store: only when approved
    from editor.storage import approvals

    return approvals.state(article) == VERIFIED


def _spell_checker():  # noqa: ANN202 - a SpellChecker, or None
    """Return a checker that loads the dictionaries once, for the first unknown word.

    Earlier runs' verdicts answer every word they judged, and the Korean dictionary loads
    with only the affix rules of the words to judge (editor/storage/spell_scope.py: ~0.1 s
    of CPU instead of ~0.7; docs/performance.md); a missing dictionary is said, not fatal.
    """
    from editor.storage.dictionaries import DictionaryError, load_checker

    try:
        return load_checker(remember=True, scoped=True)
    except DictionaryError as exc:
        print(f"article-editor: no spell check ({exc})", file=sys.stderr)
        return None


def _measure_headline(article: Article, profile, memo) -> dict[int, int]:  # noqa: ANN001
    """Measure the headline's lines on a 360 px phone with the bundled font (no browser)."""
    from editor.render.headline_meter import measure_key, measure_lines

    try:
        key = "lines:" + measure_key(article.headline, profile, widths=(360,))
        kept = memo.get(key)
        if isinstance(kept, dict):
            return {int(width): int(lines) for width, lines in kept.items()}
        lines = measure_lines(article.headline, profile, widths=(360,))
    except (OSError, ValueError) as exc:  # a failed measurement must not stop the check
        print(f"article-editor: the headline could not be measured ({exc})", file=sys.stderr)
        return {}
    memo.put(key, lines)
    return lines


def _image_facts(images: dict[str, bytes], memo) -> dict:  # noqa: ANN001
    """Return the checklist's facts of each image, kept ones without opening it (Pillow)."""
    from editor.core.checklist import ImageFacts
    from editor.storage.images import IMAGE_SUFFIXES, facts
    from editor.storage.memo import content_key

    keys = {
        name: content_key("image", data)
        for name, data in images.items()
        if name.lower().endswith(tuple(IMAGE_SUFFIXES))
    }
    found = {}
    for name, key in keys.items():
        kept = memo.get(key)
        if isinstance(kept, list) and len(kept) == 3:
            found[name] = ImageFacts(int(kept[0]), int(kept[1]), bool(kept[2]))
    missing = {name: images[name] for name in keys if name not in found}
    opened = facts(missing) if missing else {}
    for name, fact in opened.items():
        if fact.error is None:  # a broken image is looked at again: its error says why
            memo.put(keys[name], [fact.width, fact.height, fact.has_gps])
    found.update(opened)
    return {name: found[name] for name in keys}


def cmd_render(args: argparse.Namespace) -> int:
    """Write the preview page of an article as one self-contained HTML file."""
    from editor.render.page import Layout, render_page
    from editor.render.profiles import load_profile
    from editor.render.urls import FileUrls
    from editor.storage.atomic import atomic_write

    article = read_article(args.file)
    profile = load_profile(args.site or article.site)
    html = render_page(
        article,
        profile,
        Layout(args.layout),
        urls=FileUrls(profile, article.images, embed_fonts=True),
    )
    html = html.replace("<head>", f"<head>{RENDER_CSP}", 1)
    atomic_write(args.out, html.encode("utf-8"))
    print(args.out)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Export a Markdown or HTML bundle and print its path."""
    try:
        from editor.export import export_article
    except ImportError as exc:
        raise ArticleError(ErrorCode.EXPORT_UNAVAILABLE) from exc
    article = read_article(args.file)
    path = export_article(
        article,
        args.to,
        args.out,
        as_zip=args.zip,
        site=args.site,
        force=args.force,
        source=args.file,
        layout=getattr(args, "layout", "hugo"),
    )
    from editor.core.assignment import embargo_notice

    if notice := embargo_notice(article):
        print(f"article-editor: {notice}", file=sys.stderr)  # a warning, not a failure
    print(path)
    return EXIT_OK

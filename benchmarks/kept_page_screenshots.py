"""Screenshots of the preview's first page from the cache against the page built fresh.

    .venv/bin/python benchmarks/kept_page_screenshots.py [--out docs/screenshots] [--size 1366x768]

For the desktop page and a 390 px phone: a window on the sample builds its page (and keeps
it, editor/ui/preview/page_cache.py) and is grabbed once settled; a second window on the
sample then shows the kept page first and is grabbed at the moment its preview is painted,
before the live pipeline takes over. Prints, as JSON, the files written and how many of the
preview's pixels differ between the two (0: the kept page looks exactly like the fresh one).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

import benchlib


def _pixels_differing(first, second) -> int:  # noqa: ANN001 - QImages
    """Return how many pixels differ between two images of the same size (all if sizes differ)."""
    if first.size() != second.size():
        return first.width() * first.height()
    return sum(
        first.pixel(x, y) != second.pixel(x, y)
        for y in range(first.height())
        for x in range(first.width())
    )


def _fresh(app, args, mode: str):  # noqa: ANN001, ANN202
    """Open the sample, let its page build and settle; return its preview's image."""
    from editor.ui.app import open_window

    window = open_window(None)
    window.resize(*benchlib.window_size(args))
    window.set_preview_mode(mode, 390)
    benchlib.settle(app, args.settle)
    image = window.preview.grab().toImage()
    benchlib.close_screenshot_window(window)  # keeps its pages as it closes
    benchlib.settle(app, 0.5)
    return image


def _kept(app, args, name: str):  # noqa: ANN001, ANN202
    """Open the sample again; grab the window as its kept page is painted; return the preview's."""
    from editor.ui.app import open_window

    window = open_window(None)
    window.resize(*benchlib.window_size(args))
    shots: list[object] = []

    def grab() -> None:
        assert window.preview._first_page_pending, "the live pipeline ran before the paint"
        shots.append(window.preview.grab().toImage())
        benchlib.save_shot(window, args.out, name)

    window.preview_painted.connect(grab)
    benchlib.settle(app, args.settle)
    benchlib.close_screenshot_window(window)
    return shots[0]


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=4.0, lang="ko", lang_help="ko or en"
    )
    parser.set_defaults(size="1366x768")
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config", "data"))
    os.environ["ARTICLE_EDITOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="shots-cache-")
    os.environ["ARTICLE_EDITOR_SPELLING"] = "0"  # its underlines come and go with its process
    benchlib.seed_user(__import__("pathlib").Path(os.environ["ARTICLE_EDITOR_CONFIG_DIR"]))
    from editor.ui.app import create_application

    app = create_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {}
    for mode, name in (
        ("desktop", "preview-kept-desktop.png"),
        ("mobile", "preview-kept-mobile.png"),
    ):
        fresh = _fresh(app, args, mode)
        kept = _kept(app, args, name)
        report[mode] = {
            "file": str(args.out / name),
            "pixels_differing": _pixels_differing(fresh, kept),
        }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

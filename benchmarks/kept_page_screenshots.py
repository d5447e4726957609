"""Screenshots of the preview's first page from the cache against the page built fresh.

    .venv/bin/python benchmarks/kept_page_screenshots.py [--out docs/screenshots] [--size 1366x768]

For the desktop page and a 390 px phone: a window on the sample builds its page (and keeps
it, editor/ui/preview/page_cache.py) and is grabbed once settled; a second window on the
sample then shows the kept page first, is held there (the live pipeline does not take over)
and grabbed once settled, then grabbed again after the take-over. Prints, as JSON, the files
written and how many of the preview's pixels differ from the fresh page's (0: the same).

Then the kept picture (editor/ui/preview/picture.py): a fresh opening keeps the page and the
pane's picture; the next opening paints the picture in its first frame and swaps it for the
live page once Chromium has painted it. Grabbed: the window's first frame
(preview-picture-<mode>-first-frame.png) and the window right at the swap
(preview-picture-<mode>-live.png); printed: the pixels that differ between the picture and
the live pane at the swap (0: no flicker).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import benchlib


def _differing(first, second) -> int:  # noqa: ANN001 - QImages
    """Return how many pixels differ between two images (all of them if the sizes differ)."""
    from editor.ui.preview.kept_picture import pixels_differing

    return pixels_differing(first, second)


def _fresh(app, args, mode: str):  # noqa: ANN001, ANN202
    """Open the sample with no page kept, let its page build and settle; return its image."""
    from editor.ui.app import open_window

    shutil.rmtree(Path(os.environ["ARTICLE_EDITOR_CACHE_DIR"]) / "pages", ignore_errors=True)

    window = open_window(None)
    window.resize(*benchlib.window_size(args))
    window.set_preview_mode(mode, 390)
    benchlib.settle(app, args.settle)
    image = window.preview.grab().toImage()
    benchlib.close_screenshot_window(window)  # keeps its pages as it closes
    benchlib.settle(app, 0.5)
    return image


def _kept(app, args, name: str):  # noqa: ANN001, ANN202
    """Open the sample again; grab the kept page before the live pipeline takes over, and after."""
    from editor.ui.app import open_window
    from editor.ui.preview.kept_pages import KeptPages

    take_over = KeptPages._take_over
    KeptPages._take_over = lambda self: None  # hold the live pipeline back
    try:
        window = open_window(None)
        window.resize(*benchlib.window_size(args))
        benchlib.settle(app, args.settle)
    finally:
        KeptPages._take_over = take_over
    pane = window.preview
    assert pane._first_page_pending and pane.views, "no kept page was shown"
    kept = pane.grab().toImage()
    benchlib.save_shot(window, args.out, name)
    pane._take_over()
    benchlib.settle(app, args.settle)
    after = pane.grab().toImage()
    benchlib.close_screenshot_window(window)
    return kept, after


def _picture(app, args, mode: str, name: str) -> dict[str, object]:  # noqa: ANN001
    """Open the sample again: the window's first frame (the kept picture) against the live pane.

    The picture as the first frame painted it is grabbed from the window's placeholder at its
    first paint, the live pane right when it took the picture's place.
    """
    from editor.ui.app import open_window

    window = open_window(None)
    window.resize(*benchlib.window_size(args))
    window.set_preview_mode(mode, 390)
    shots: dict[str, object] = {}

    def first() -> None:
        placeholder = window.main_splitter.widget(1)
        shots["shown"] = getattr(placeholder, "picture_shown", False)
        shots["picture"] = placeholder.grab().toImage()
        shots["frame"] = window.grab()

    def swapped(differing: int) -> None:
        shots["differing_at_swap"] = differing
        shots["live"] = window.preview.grab().toImage()
        shots["live_frame"] = window.grab()

    window.first_painted.connect(first)
    window.preview_installed.connect(lambda pane: pane.picture_swapped.connect(swapped))
    benchlib.settle(app, args.settle)
    assert shots.get("shown"), f"no kept picture in the first frame ({mode})"
    assert "live" in shots, f"the picture never gave way ({mode}): {window.preview.picture_dropped}"
    shots["frame"].save(str(args.out / f"{name}-first-frame.png"))
    shots["live_frame"].save(str(args.out / f"{name}-live.png"))
    benchlib.close_screenshot_window(window)
    benchlib.settle(app, 0.5)
    return {
        "first_frame": str(args.out / f"{name}-first-frame.png"),
        "live": str(args.out / f"{name}-live.png"),
        "pixels_differing_picture_vs_live": _differing(shots["picture"], shots["live"]),
        "pixels_differing_at_swap": shots["differing_at_swap"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=8.0, lang="ko", lang_help="ko or en", size="1366x768"
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config", "data"))
    os.environ["ARTICLE_EDITOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="shots-cache-")
    os.environ["ARTICLE_EDITOR_SPELLING"] = "0"  # its underlines come and go with its process
    benchlib.seed_user(Path(os.environ["ARTICLE_EDITOR_CONFIG_DIR"]))
    from editor.ui.app import create_application

    app = create_application([sys.argv[0]])
    args.out.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {}
    _fresh(app, args, "desktop")  # the process's first web view grabs blank offscreen
    for mode, name in (
        ("desktop", "preview-kept-desktop.png"),
        ("mobile", "preview-kept-mobile.png"),
    ):
        fresh = _fresh(app, args, mode)
        fresh.save(str(args.out / f"fresh-{name}"))
        kept, after = _kept(app, args, name)
        report[mode] = {
            "file": str(args.out / name),
            "pixels_differing_kept_vs_fresh": _differing(fresh, kept),
            "pixels_differing_after_take_over_vs_fresh": _differing(fresh, after),
        }
        # The kept picture: the first opening above kept it; this one shows it first.
        _fresh(app, args, mode)
        report[f"{mode}_picture"] = _picture(app, args, mode, f"preview-picture-{mode}")
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

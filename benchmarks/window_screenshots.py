"""Open the window on the sample article and save screenshots of each preview mode.

    .venv/bin/python benchmarks/window_screenshots.py [--out docs/screenshots] [--size 1440x900]

Runs offscreen by default (set QT_QPA_PLATFORM=xcb with a DISPLAY to use a real server).
Prints the files it wrote as JSON.
"""

from __future__ import annotations

import json
import sys

import benchlib

MODES = [("desktop", "desktop", 0), ("mobile", "mobile", 390), ("side-by-side", "side-by-side", 0)]


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=2.5, lang="", lang_help="ko or en (default: the system's)"
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args)
    width, height = benchlib.window_size(args)
    app, window = benchlib.open_screenshot_window(args)
    written: list[str] = []
    for name, mode, mobile_width in MODES:
        window.set_preview_mode(mode, mobile_width or window.settings.preview_width())
        benchlib.settle(app, args.settle)
        benchlib.save_shot(window, args.out, f"window-{name}.png", written)
    benchlib.close_screenshot_window(window)
    print(json.dumps({"size": [width, height], "files": written}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

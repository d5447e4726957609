"""Open the window on the sample article and save screenshots of each preview mode.

    .venv/bin/python benchmarks/window_screenshots.py [--out docs/screenshots] [--size 1440x900]

Runs offscreen by default (set QT_QPA_PLATFORM=xcb with a DISPLAY to use a real server).
Prints the files it wrote as JSON.
"""

from __future__ import annotations

import json
import os
import sys

import benchlib

MODES = [("desktop", "desktop", 0), ("mobile", "mobile", 390), ("side-by-side", "side-by-side", 0)]


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=2.5, lang="", lang_help="ko or en (default: the system's)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.lang:
        os.environ["ARTICLE_EDITOR_LANG"] = args.lang
    width, height = (int(n) for n in args.size.lower().split("x"))
    from editor.ui.app import create_application, open_window

    app = create_application([sys.argv[0]])
    window = open_window(None)
    window.resize(width, height)
    benchlib.settle(app, args.settle)
    args.out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, mode, mobile_width in MODES:
        window.set_preview_mode(mode, mobile_width or window.settings.preview_width())
        benchlib.settle(app, args.settle)
        target = args.out / f"window-{name}.png"
        window.grab().save(str(target))
        written.append(str(target))
    window.document.set_modified(False)
    window.close()
    print(json.dumps({"size": [width, height], "files": written}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of the preview at a laptop's size: the desktop page fitted, and its own window.

    .venv/bin/python benchmarks/preview_screenshots.py [--out docs/screenshots] [--size 1366x768]

Runs offscreen by default. Prints the files it wrote and, for each, the body text's size on
screen (the page's computed font size times the zoom) as JSON.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile

import benchlib


def _body_px(app, window) -> float:
    """Return the desktop page's body text size on screen, in device px."""
    view = window.preview.views["desktop"]
    box: list[object] = []
    view.run("columnBox", callback=box.append)
    while not box:
        app.processEvents()
    left_width_px = json.loads(box[0]) if isinstance(box[0], str) else [0, 0, 0]
    return round(left_width_px[2] * view.zoomFactor(), 2)


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=3.0, lang="ko", lang_help="ko or en"
    )
    parser.set_defaults(size="1366x768")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ARTICLE_EDITOR_LANG"] = args.lang
    os.environ.setdefault("ARTICLE_EDITOR_CONFIG_DIR", tempfile.mkdtemp(prefix="preview-shots-"))
    width, height = (int(n) for n in args.size.lower().split("x"))
    from editor.render.preview_zoom import Fit, Zoom
    from editor.ui.app import create_application, open_window

    app = create_application([sys.argv[0]])
    window = open_window(None)
    window.resize(width, height)
    window.set_preview_mode("desktop", 390)
    benchlib.settle(app, args.settle)
    window.preview.set_zoom(Zoom(Fit.COLUMN))
    window.preview.share_card_action.setChecked(False)  # its toggle: the pages get the room
    benchlib.settle(app, 1.0)
    args.out.mkdir(parents=True, exist_ok=True)
    shots = []
    target = args.out / "preview-fitted.png"
    window.grab().save(str(target))
    shots.append({"file": str(target), "body_px": _body_px(app, window)})
    window.preview.controls.detach_action.trigger()
    detached = window.preview.detacher.window
    detached.resize(width, height)
    benchlib.settle(app, args.settle)
    target = args.out / "preview-detached.png"
    detached.grab().save(str(target))
    shots.append({"file": str(target), "body_px": _body_px(app, window)})
    detached.close()
    benchlib.settle(app, 0.5)
    window.document.set_modified(False)
    window.close()
    print(json.dumps({"size": [width, height], "shots": shots}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

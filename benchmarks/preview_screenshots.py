"""Screenshots of the preview at a laptop's size: the desktop page fitted, and its own window.

    .venv/bin/python benchmarks/preview_screenshots.py [--out docs/screenshots] [--size 1366x768]

Runs offscreen by default. Prints the files it wrote and, for each, the body text's size on
screen (the page's computed font size times the zoom) as JSON.
"""

from __future__ import annotations

import json
import sys

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
        __doc__.splitlines()[0], settle_s=3.0, lang="ko", lang_help="ko or en", size="1366x768"
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config",))
    width, height = benchlib.window_size(args)
    from editor.render.preview_zoom import Fit, Zoom

    app, window = benchlib.open_screenshot_window(args)
    window.set_preview_mode("desktop", 390)
    benchlib.settle(app, args.settle)
    window.preview.set_zoom(Zoom(Fit.COLUMN))
    window.preview.share_card_action.setChecked(False)  # its toggle: the pages get the room
    benchlib.settle(app, 1.0)
    shots = []
    target = benchlib.save_shot(window, args.out, "preview-fitted.png")
    shots.append({"file": str(target), "body_px": _body_px(app, window)})
    window.preview.controls.detach_action.trigger()
    detached = window.preview.detacher.window
    detached.resize(width, height)
    benchlib.settle(app, args.settle)
    target = benchlib.save_shot(detached, args.out, "preview-detached.png")
    shots.append({"file": str(target), "body_px": _body_px(app, window)})
    detached.close()
    benchlib.settle(app, 0.5)
    benchlib.close_screenshot_window(window)
    print(json.dumps({"size": [width, height], "shots": shots}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

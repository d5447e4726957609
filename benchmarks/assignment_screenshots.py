"""Screenshots of the assignment: the form's web and social titles, target and embargo, and
the status bar's progress toward the target.

    .venv/bin/python benchmarks/assignment_screenshots.py [--out docs/screenshots] [--lang ko]

Opens the sample at 1366×768, fills in what a desk assigns, scrolls the form to it and grabs
the window and its status bar. Runs offscreen by default. Prints the files it wrote as JSON.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta

import benchlib

WEB_TITLE = "세종 자율주행 셔틀 시범운행 구간 22km로 확대…정부세종청사~오송역"
SOCIAL_TITLE = "세종 자율주행 셔틀, 오송역까지 달린다"


def _assign(window) -> None:  # noqa: ANN001 - a MainWindow
    """Set the variants, a 5-page target an embargo for tomorrow 06:00, as a desk would."""
    from editor.core import clock
    from editor.core.model import LengthTarget

    doc = window.document
    doc.set_field("web_title", WEB_TITLE)
    doc.set_field("social_title", SOCIAL_TITLE)
    doc.set_field("target", LengthTarget(5, "pages"))
    tomorrow = clock.now().date() + timedelta(days=1)
    zone = clock.newsroom_zone()
    doc.set_field(
        "embargo", datetime(tomorrow.year, tomorrow.month, tomorrow.day, 6, 0, tzinfo=zone)
    )
    window.status.update_counts()
    panel = window.form.assignment_panel
    window.form.ensureWidgetVisible(panel, 20, 20)
    panel.web_title_edit.setFocus()


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0],
        settle_s=2.5,
        lang="ko",
        lang_help="ko (default) or en",
        size="1366x768",
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config", "data"))
    app, window = benchlib.open_screenshot_window(args)
    window.set_preview_mode("desktop", window.settings.preview_width())
    _assign(window)
    benchlib.settle(app, args.settle)
    written: list[str] = []
    benchlib.save_shot(window, args.out, "assignment-form.png", written)
    benchlib.save_shot(window.status, args.out, "assignment-status-bar.png", written)
    benchlib.close_screenshot_window(window)
    print(json.dumps({"files": written}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

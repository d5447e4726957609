"""Screenshot of the checklist offering a house-style finding's one-click fix.

    .venv/bin/python benchmarks/style_fix_screenshots.py [--out docs/screenshots] [--lang ko]

Opens the sample in review mode at a 1366×768 window, writes a passage the house style
corrects (개최하였다, 하였다), selects that finding in the checklist and grabs the window with
the panel's 고치기 button, and again with the list's context menu open on it.
"""

from __future__ import annotations

import json
import sys

import benchlib


def _select_style_finding(window, wrong: str) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    panel = window.review.checklist
    for row in range(panel.problem_list.count()):
        item = panel.problem_list.item(row)
        problem = item.data(Qt.ItemDataRole.UserRole)
        if problem.code == "house-style" and problem.args.get("wrong") == wrong:
            panel.problem_list.setCurrentItem(item)
            panel.problem_list.scrollToItem(item)
            return


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=3.0, lang="ko", lang_help="ko or en", size="1366x768"
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config",))
    width, height = benchlib.window_size(args)
    app, window = benchlib.open_screenshot_window(args)
    window.review.set_review_mode(True)
    body = window.document.article.body
    window.document.set_body(
        "세종시는 22일 시민 설명회를 개최하였다. 시는 의견을 수렴하였다.\n\n" + body
    )
    benchlib.settle(app, args.settle)
    window.review.check_again()
    _select_style_finding(window, "개최하였다")
    benchlib.settle(app, 1.0)
    written: list[str] = []
    benchlib.save_shot(window, args.out, "checklist-style-fix.png", written)
    benchlib.close_screenshot_window(window)
    print(json.dumps({"size": [width, height], "files": written}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Screenshot of spelling and house-style underlines in the lead image's alt text and caption.

    .venv/bin/python benchmarks/field_underline_screenshots.py [--out docs/screenshots]

Opens the sample at a 1366×768 window with the spell check on, writes an alt text and a caption
with a misspelling (됬다) and a house-style finding (개최하였다), and a credit in the
[시사캐치=…] form (never underlined), waits for the underlines and grabs the lead image panel of that window.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace

import benchlib


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=3.0, lang="ko", lang_help="ko or en", size="1366x768"
    )
    args = parser.parse_args(argv)
    os.environ["ARTICLE_EDITOR_SPELLING"] = "1"
    benchlib.screenshot_environment(args, ("config",))
    width, height = benchlib.window_size(args)
    app, window = benchlib.open_screenshot_window(args)
    benchlib.spin(lambda: window.spelling is not None, what="the spell check")
    benchlib.spin(lambda: window.spelling.service.is_ready, timeout=90, what="the dictionaries")
    lead = window.document.article.lead_image
    window.document.set_lead_image(
        replace(
            lead,
            alt="정부세종청사 정류장에 자율주행 셔틀이 도착됬다",
            caption="▲ 세종시가 22일 시범운행 설명회를 개최하였다",
            credit="[시사캐치=김하늘 기자]",
        )
    )
    panel, underliner = window.form.lead_image_panel, window.spelling.underliner
    benchlib.spin(lambda: bool(underliner.underlined(panel.alt_edit)), what="the underlines")
    benchlib.settle(app, args.settle)
    written: list[str] = []
    benchlib.save_shot(panel, args.out, "field-underlines-lead-image.png", written)
    window.spelling.service.stop()
    benchlib.close_screenshot_window(window)
    print(json.dumps({"size": [width, height], "files": written}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

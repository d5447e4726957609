"""Screenshots of the preview following the typing: the first paragraph edited at 1366×768.

    .venv/bin/python benchmarks/follow_screenshots.py [--out docs/screenshots] [--size 1366x768]

The sample opens with the editor at its top; the cursor goes to the end of the body's first
paragraph and a sentence is typed through the input method, as a reporter would. At this size
the desktop page shows only its header, headline and photo until the preview scrolls: the shot
shows the edited paragraph in view. Then the same on a phone (390 CSS px). Prints the files and
the edited block's rectangle in the page before and after (CSS px: top, bottom, viewport
height) as JSON. docs/screenshots keeps the desktop shot.
"""

from __future__ import annotations

import json
import sys

import benchlib

TYPED = " 시민 의견도 듣는다."
BLOCK_RECT = """(() => {
  const row = document.querySelectorAll('[data-field=body] .md-block')[0];
  const r = row.firstElementChild.getBoundingClientRect();
  return JSON.stringify([Math.round(r.top), Math.round(r.bottom), innerHeight]);
})()"""


def _type_in_first_paragraph(app, window) -> None:  # noqa: ANN001
    """Put the cursor at the end of the body's first paragraph and type TYPED."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent, QTextCursor

    edit = window.body_editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    edit.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    edit.setFocus()
    for ch in TYPED:
        event = QInputMethodEvent()
        event.setCommitString(ch)
        QCoreApplication.sendEvent(edit, event)
        benchlib.settle(app, 0.03)


def _block_rect(app, view) -> list[int]:  # noqa: ANN001
    box: list[object] = []
    view.run_script(BLOCK_RECT, box.append)
    while not box:
        app.processEvents()
    return json.loads(box[0])


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=3.0, lang="ko", lang_help="ko or en", size="1366x768"
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config",))
    from editor.render.preview_zoom import Fit, Zoom

    shots = []
    for mode, name in (("desktop", "preview-follows-typing.png"), ("mobile", None)):
        app, window = benchlib.open_screenshot_window(args)
        window.set_preview_mode(mode, 390)
        window.preview.set_zoom(Zoom(Fit.COLUMN))
        window.preview.share_card_action.setChecked(False)  # the page gets the room
        benchlib.settle(app, args.settle)
        view = window.preview.views[mode]
        before = _block_rect(app, view)
        _type_in_first_paragraph(app, window)
        benchlib.settle(app, 1.5)
        name = name or "preview-follows-typing-phone.png"
        target = benchlib.save_shot(window, args.out, name)
        shots.append({"file": str(target), "before": before, "after": _block_rect(app, view)})
        benchlib.close_screenshot_window(window)
        benchlib.settle(app, 0.5)
    print(json.dumps({"size": args.size, "shots": shots}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

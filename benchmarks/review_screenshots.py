"""Screenshots of review mode: notes and checklist beside the article, and the revision diff.

    .venv/bin/python benchmarks/review_screenshots.py [--out docs/screenshots] [--lang ko]

Opens the sample, leaves desk notes as a desk editor would, makes a desk edit between two
saves (in a temp folder), and grabs the window and the revision history. Runs offscreen by
default. Prints the files it wrote as JSON.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import benchlib

DESK = "박데스크"


def _note(window, field: str, passage: str, text: str, reply: str = "") -> None:
    """Select a passage of a field and leave a note on it (and the reporter's reply)."""
    from editor.core import review
    from editor.ui.identity import User

    start = review.field_text(window.document.article, field).index(passage)
    window.review.notes_panel.pending = (field, start, start + len(passage))
    note = window.review.notes_panel.add_note(text)
    if reply:
        desk = window.document.user
        window.document.set_user(User("김하늘"))  # the reporter answers
        window.document.reply_to_note(note.id, reply)
        window.document.set_user(desk)


def _desk_session(window, folder: Path) -> None:
    """Save as the reporter, then review as the desk: notes, one edit, a second save."""
    doc = window.document
    doc.set_body(doc.article.body.replace("운행사 등과", "운행사 ○○○ 등과"))  # a slip to catch
    from editor.ui.identity import Role, User

    window.set_user(User("김하늘", "", Role.REPORTER))
    window._write(lambda: doc.save_as(folder / "autonomous-shuttle.article"))
    window.set_user(User(DESK, "", Role.DESK))
    _note(
        window,
        "body",
        "22km",
        "출처 확인: 국토부 보도자료 수치와 같은가요?",
        "네, 3월 27일 자료입니다.",
    )
    _note(window, "body", "안전요원 두 명", "야간 안전요원 인원, 운행사 확인 부탁합니다.")
    _note(window, "headline", "두 배로", "제목이 모바일에서 두 줄을 넘지 않게 다듬어 주세요.")
    doc.set_body(doc.article.body.replace("시는 27일", "시는 지난 27일").replace("8곳", "9곳"))
    window.review.summary_edit.setText("데스크 1차 수정")
    window.save()
    window.review.notes_panel.show_notes()


def main(argv: list[str] | None = None) -> int:
    parser = benchlib.screenshot_parser(
        __doc__.splitlines()[0], settle_s=3.0, lang="ko", lang_help="ko or en"
    )
    args = parser.parse_args(argv)
    benchlib.screenshot_environment(args, ("config",))
    width, height = benchlib.window_size(args)
    from editor.ui.review.revisions import RevisionsDialog

    app, window = benchlib.open_screenshot_window(args)
    window.review.set_review_mode(True)
    benchlib.settle(app, args.settle)
    written: list[str] = []
    with tempfile.TemporaryDirectory(prefix="review-shots-") as tmp:
        _desk_session(window, Path(tmp))
        window.review.check_again()
        window.review.notes_panel.note_list.setCurrentRow(0)
        benchlib.settle(app, args.settle)
        benchlib.save_shot(window, args.out, "review-mode.png", written)
        dialog = RevisionsDialog.run(window)
        dialog.resize(1280, 820)
        first = window.document.article.private["history"][0]["id"]
        dialog.select(first)
        dialog.tabs.setCurrentIndex(1)
        benchlib.settle(app, args.settle)
        benchlib.save_shot(dialog, args.out, "review-compare.png", written)
        dialog.tabs.setCurrentIndex(0)
        benchlib.settle(app, 0.5)
        benchlib.save_shot(dialog, args.out, "review-fields.png", written)
        dialog.close()
        benchlib.settle(app, 0.5)  # let the dialog's page go before its web profile
    benchlib.close_screenshot_window(window)
    print(json.dumps({"size": [width, height], "files": written}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

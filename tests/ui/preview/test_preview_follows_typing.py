"""The preview keeps the paragraph being typed in view, and still follows the editor's scroll."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor

pytestmark = pytest.mark.webengine

ROW_RECT = """(() => {
  const row = document.querySelectorAll('[data-field=body] .md-block')[%d];
  const r = row.firstElementChild.getBoundingClientRect();
  return [r.top, r.bottom, innerHeight, row.textContent];
})()"""


@pytest.fixture
def laptop_window(qtbot, settings):
    """Return the real window (real preview) with the sample, at 1366×768."""
    from editor.ui.main_window import MainWindow

    window = MainWindow(settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.document.load_sample()
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.preview is not None)
    return window


def _in_view(rect: list) -> bool:
    top, bottom, height, _text = rect
    return top >= 0 and bottom <= height


@pytest.mark.parametrize(("mode", "width"), [("desktop", 390), ("mobile", 390)])
def test_typing_in_the_first_paragraph_brings_it_into_view(
    laptop_window, wait_ready, js, wait_js, commit_text, mode, width
):
    window = laptop_window
    window.set_preview_mode(mode, width)
    wait_ready(window.preview)
    view = window.preview.views[mode]
    first = ROW_RECT % 0
    assert not _in_view(js(view, first))  # under the header, headline and photo
    edit = window.body_editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    edit.moveCursor(QTextCursor.MoveOperation.EndOfBlock)  # the end of paragraph 1
    edit.setFocus()
    commit_text(edit, " 덧붙인 문장.")
    shown = wait_js(view, first, lambda r: r and r[3].endswith("덧붙인 문장.") and _in_view(r))
    assert shown[0] >= 0.1 * shown[2]  # not under the sticky reading bar
    assert edit.first_visible_line() == 0  # the editor did not move: the preview did


def test_scrolling_the_editor_after_typing_still_moves_the_preview(
    laptop_window, wait_ready, js, wait_js, commit_text
):
    window = laptop_window
    window.document.set_body("\n\n".join(f"문단 {n}: " + "셔틀이 달린다. " * 20 for n in range(60)))
    window.set_preview_mode("desktop", 390)
    wait_ready(window.preview)
    view = window.preview.views["desktop"]
    edit = window.body_editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    edit.setFocus()
    commit_text(edit, "첫")  # at the body's start: block 0 comes into view
    wait_js(view, ROW_RECT % 0, lambda r: r and r[3].startswith("첫") and _in_view(r))
    bar = edit.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the reporter scrolls the editor to the middle
    line = edit.first_visible_line()
    index = window.preview.blocks.index(
        next(b for b in reversed(window.preview.blocks) if b.line <= line)
    )
    assert index > 10
    wait_js(view, ROW_RECT % index, lambda r: r and _in_view(r))


def test_an_edit_typed_before_the_live_pipeline_takes_over_is_brought_into_view(
    qtbot, settings, monkeypatch, wait_ready, js, wait_js, commit_text
):
    # The first page shows as a kept page does (built ahead, or kept from the last opening);
    # here the live pipeline waits for the reporter's first edit to take over.
    from editor.ui.main_window import MainWindow
    from editor.ui.preview.pane import PreviewPane

    monkeypatch.setattr(PreviewPane, "_after_picture", lambda self, view, then: None)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    window.document.load_sample()
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: isinstance(window.preview, PreviewPane), timeout=15000)
    wait_ready(window.preview)
    assert window.preview._first_page_pending  # still the page built ahead
    view = window.preview.views["desktop"]
    first = ROW_RECT % 0
    assert not _in_view(js(view, first))
    edit = window.body_editor.text_edit
    edit.moveCursor(QTextCursor.MoveOperation.Start)
    edit.moveCursor(QTextCursor.MoveOperation.EndOfBlock)
    edit.setFocus()
    commit_text(edit, " 덧붙인 문장.")
    wait_js(view, first, lambda r: r and r[3].endswith("덧붙인 문장.") and _in_view(r))
    assert not window.preview._first_page_pending  # the edit took over

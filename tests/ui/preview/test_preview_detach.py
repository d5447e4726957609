"""The preview in its own window (full screen with F11), and back in the splitter."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QSplitter

pytestmark = pytest.mark.webengine


def test_the_preview_detaches_goes_full_screen_and_comes_back(
    qtbot, make_pane, document, wait_ready, wait_js
):
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    splitter.addWidget(QLabel("editor"))
    pane = make_pane(show=False)
    splitter.addWidget(pane)
    splitter.resize(1200, 700)
    splitter.show()
    pane.set_document(document)
    wait_ready(pane)
    pane.controls.detach_action.trigger()
    window = pane.detacher.window
    assert window is not None and pane.window() is window and window.isVisible()
    assert splitter.widget(1).objectName() == "preview_detached_placeholder"
    window.full_screen_action.trigger()  # F11
    qtbot.waitUntil(window.isFullScreen)
    document.set("headline", "따로 띄운 미리보기")  # still live in its own window
    wait_js(
        pane.views["desktop"],
        "document.querySelector('h1').textContent",
        lambda t: t == "따로 띄운 미리보기",
    )
    window.close()  # closing the window brings the pane back
    assert splitter.widget(1) is pane and pane.detacher.window is None
    assert not pane.controls.detach_action.isChecked()

"""The window carries the bundled icon, also when run without install.sh's theme icon."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QIcon

from editor import resources
from editor.ui import app as app_module


@pytest.fixture
def restore_icon(qapp):
    before = qapp.windowIcon()
    yield
    qapp.setWindowIcon(before)


def test_window_icon_is_the_bundled_svg(qapp, qtbot, restore_icon):
    from PySide6.QtWidgets import QWidget

    assert resources.path("icons", "article-editor.svg").is_file()
    app_module.set_window_icon(qapp)
    window = QWidget()
    qtbot.addWidget(window)
    pixmap = window.windowIcon().pixmap(64, 64)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    colours = {image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) > 3  # drawn, not an empty or one-colour square
    assert isinstance(window.windowIcon(), QIcon)

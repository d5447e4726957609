"""What a body editor paints: the paints it gets, the screen it leaves, a full repaint's screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect
from PySide6.QtGui import QColor, QFont, QImage

from editor.ui import theme


class Paints(QObject):
    """Record the rectangle of every paint a widget gets (install as its event filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    @property
    def heights(self) -> list[int]:
        return [r.height() for r in self.rects]

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def steady_font(edit) -> None:
    """Give the editor the bundled face and no caret: what is compared stays put."""
    family = theme.load_fonts()
    if family:  # one face for jamo and syllables: a line keeps its height as 세 grows to 종
        edit.setFont(QFont(family, 11))
    edit.setCursorWidth(0)  # the blinking caret is not what is compared


def screen(window) -> QImage:
    """Return what the window's backing store holds (not a fresh render, as grab() is)."""
    return window.windowHandle().screen().grabWindow(window.winId()).toImage()


def full_repaint(window, edit) -> QImage:
    """Return the screen after every paragraph is laid out and the whole view painted again."""
    block = edit.document().firstBlock()
    while block.isValid():
        block.clearLayout()
        block = block.next()
    edit.viewport().repaint()
    QCoreApplication.sendPostedEvents()
    return screen(window)


def viewport_of(image: QImage, edit) -> QImage:
    """Return the part of a window's screen that shows an editor's viewport."""
    viewport = edit.viewport()
    return image.copy(QRect(viewport.mapTo(viewport.window(), QPoint(0, 0)), viewport.size()))


def differing_rows(a: QImage, b: QImage) -> list[int]:
    """Return the rows in which two images of one size differ."""
    assert a.size() == b.size() and a.format() == b.format()
    pa, pb, step = a.constBits(), b.constBits(), a.bytesPerLine()
    return [
        y
        for y in range(a.height())
        if pa[y * step : (y + 1) * step] != pb[y * step : (y + 1) * step]
    ]


def wave_runs(image: QImage, y: int, gap: int = 4) -> list[tuple[int, int]]:
    """Return the first and last columns of each red stretch of a row (a spelling underline).

    Red: the spelling colour (#e0245e) or its blend with the white page; the text is dark.
    """
    columns = [
        x
        for x in range(image.width())
        if (c := QColor(image.pixel(x, y))).red() > 0xB0 and c.red() - c.green() > 40
    ]
    runs: list[tuple[int, int]] = []
    for x in columns:
        if runs and x - runs[-1][1] <= gap:
            runs[-1] = (runs[-1][0], x)
        else:
            runs.append((x, x))
    return runs

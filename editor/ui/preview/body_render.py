"""The body rendered into the blocks a page shows: here when cheap, else on a worker."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from editor.render.markdown import BodyRenderer
from editor.render.preview_sync import RenderTurns
from editor.render.preview_updates import ShownBlock, render_inline


class _Signals(QObject):
    done = Signal(int, object)  # generation, list[ShownBlock]


class BodyRenderQueue(QObject):
    """Render the newest body text; a change during a worker's render renders after it."""

    rendered = Signal(object)  # list[ShownBlock], the newest text's

    def __init__(
        self, text: Callable[[], str], prepare: Callable[[str], str], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.renderer = BodyRenderer()
        self.last_render_ms = 0.0
        self.turns = RenderTurns()
        self._text, self._prepare = text, prepare
        self._signals = _Signals(self)
        self._signals.done.connect(self._on_worker_done)

    @property
    def running(self) -> bool:
        """Tell whether a render is on a worker now."""
        return self.turns.running

    def start(self, *, fresh: bool = False) -> None:
        """Render the body now if that is cheap, else on a worker (fresh: nothing cached)."""
        generation = self.turns.begin()
        if generation is None:
            return  # a render runs: the newest text renders after it
        text = self._text()
        if render_inline(self.last_render_ms, len(text), fresh=fresh):
            self.rendered.emit(self._render(text))
            return
        self.turns.running = True
        job = QRunnable.create(partial(self._render_in_worker, text, generation))
        QThreadPool.globalInstance().start(job)

    def _render_in_worker(self, text: str, generation: int) -> None:
        self._signals.done.emit(generation, self._render(text))

    def _render(self, text: str) -> list[ShownBlock]:
        started = time.perf_counter()
        prepare = self._prepare
        blocks = [
            ShownBlock(b.key, b.line, prepare(html))
            for b, html in self.renderer.render_blocks(text)
        ]
        self.last_render_ms = (time.perf_counter() - started) * 1000
        return blocks

    def _on_worker_done(self, generation: int, blocks: list[ShownBlock]) -> None:
        verdict = self.turns.finish(generation)
        if verdict == "again":
            self.start()  # the text changed meanwhile: that render wins
        elif verdict == "apply":
            self.rendered.emit(blocks)

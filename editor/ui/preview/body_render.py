"""The body rendered into the blocks a page shows: here when cheap, else on a worker.

A worker's result is applied (diffed and patched into the pages, the body copied out of the
editor again) on the UI thread: at 100,000 characters 3-5 ms, the slowest keys of the typing
benchmark, because the worker's signal was handled among a keystroke's posted events, before
its repaint. Now it is applied from a timer of its own, and while the reporter is typing
(`busy`: a change waits for the preview's debounce) not at all until the pause.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.render.preview_sync import RenderTurns
from editor.render.preview_updates import ShownBlock, render_inline

if TYPE_CHECKING:
    from editor.render.blocks import Block
    from editor.render.markdown import BodyRenderer

HOLD_MS = 20  # after this, and as often while typing goes on, a held result is looked at


class _Signals(QObject):
    done = Signal(int, object)  # generation, (text, list[ShownBlock])


class BodyRenderQueue(QObject):
    """Render the newest body text; a change during a worker's render renders after it."""

    rendered = Signal(object)  # list[ShownBlock], the newest text's

    def __init__(
        self,
        text: Callable[[], str],
        prepare: Callable[[str], str],
        parent: QObject,
        busy: Callable[[], bool] = lambda: False,
        renderer: BodyRenderer | None = None,
    ) -> None:
        super().__init__(parent)
        self._renderer = renderer  # made with the first render if not given (preview/warm.py)
        # The last render, (Block, HTML) pairs and what was made of them, to reuse.
        self._last: tuple[list[tuple[Block, str]], list[ShownBlock]] = ([], [])
        self.last_render_ms = 0.0
        self.text_shown: str | None = None  # the text of the last render handed out
        self.turns = RenderTurns()
        self._text, self._prepare, self._busy = text, prepare, busy
        # No parent: a worker may still emit after the pane (and this queue) were deleted; a
        # child would be gone then, and the emit crashed the process (a test run segfaulted
        # here). Qt drops the connection when this queue goes; the worker holds its own ref.
        self._signals = _Signals()
        self._signals.done.connect(self._on_worker_done)
        # A result waiting for a pause: generation, (text, blocks).
        self._held: tuple[int, tuple[str, list[ShownBlock]]] | None = None
        self._again = False  # the text changed during a render: render once typing pauses
        self._hold_timer = QTimer(self, singleShot=True, interval=HOLD_MS)
        self._hold_timer.timeout.connect(self._release)

    @property
    def renderer(self) -> BodyRenderer:
        """Return the body renderer (Markdown loads with the first render, not the pane)."""
        if self._renderer is None:
            from editor.render.markdown import BodyRenderer

            self._renderer = BodyRenderer()
        return self._renderer

    @property
    def running(self) -> bool:
        """Tell whether a render is on a worker now, or its result waits to be applied."""
        return self.turns.running or self.holding

    @property
    def holding(self) -> bool:
        """Tell whether a finished render (or one more) waits for typing to pause."""
        return self._held is not None or self._again

    def start(self, *, fresh: bool = False) -> None:
        """Render the body now if that is cheap, else on a worker (fresh: nothing cached)."""
        generation = self.turns.begin()
        if generation is None:
            return  # a render runs: the newest text renders after it
        self._held, self._again = None, False  # this render is newer than what waited
        text = self._text()
        if render_inline(self.last_render_ms, len(text), fresh=fresh):
            blocks = self._render(text)
            self.text_shown = text
            self.rendered.emit(blocks)
            return
        self.turns.running = True
        _ = self.renderer  # made here, not on the worker
        job = QRunnable.create(partial(self._render_in_worker, self._signals, text, generation))
        QThreadPool.globalInstance().start(job)

    def _render_in_worker(self, signals: _Signals, text: str, generation: int) -> None:
        signals.done.emit(generation, (text, self._render(text)))

    def _render(self, text: str) -> list[ShownBlock]:
        started = time.perf_counter()
        prepare = self._prepare
        rendered = self.renderer.render_blocks(text)
        # All blocks but the edited one come back with the same HTML object, text and line as
        # last time: their ShownBlock is reused, not built and prepared again (at 100,000
        # characters ~800 blocks: 0.45-0.75 ms -> ~0.1 ms a refresh).
        last_rendered, last_blocks = self._last
        kept = len(last_rendered)
        blocks = []
        for i, (block, html) in enumerate(rendered):
            if i < kept:
                last_block, last_html = last_rendered[i]
                # Inline, not a call per block: ~800 of them at 100k characters.
                if last_html is html and (
                    last_block is block
                    or (last_block.line == block.line and last_block.key == block.key)
                ):
                    blocks.append(last_blocks[i])
                    continue
            blocks.append(ShownBlock(block.key, block.line, prepare(html)))
        self._last = (rendered, blocks)
        self.last_render_ms = (time.perf_counter() - started) * 1000
        return blocks

    def _on_worker_done(self, generation: int, blocks: tuple[str, list[ShownBlock]]) -> None:
        verdict = self.turns.finish(generation)
        if verdict == "again":
            self._again = True  # the text changed meanwhile: that render wins
        elif verdict == "apply":
            self._held = (generation, blocks)
        # Not here: this runs among a keystroke's posted events (its repaint waits for it).
        # On the next turn when the reporter has paused (the result is what the refresh
        # waits for: HOLD_MS more was 20 ms of the refresh's work whenever a long body went
        # to the worker), else in HOLD_MS.
        self._hold_timer.start(HOLD_MS if self._busy() else 0)

    def _release(self) -> None:
        """Apply what waits (or render again) unless the reporter is typing: then look later."""
        if not self.holding:
            return
        if self._busy():
            self._hold_timer.start(HOLD_MS)
            return
        held, again = self._held, self._again
        self._held, self._again = None, False
        if again:
            self.start()
        elif held is not None and held[0] == self.turns.generation and not self.turns.running:
            self.text_shown, blocks = held[1]
            self.rendered.emit(blocks)

"""Status bar: length as the newsroom counts it, and whether the work is saved.

Counting the whole body costs ~30 ms of Python at 100,000 characters (its one Markdown
reading most of it), so it runs once typing pauses (a debounce), never on the keystroke path,
and then in slices of a few ms per event-loop turn (`core.text.count_steps`, the same steps
`count_body` runs at once): a key pressed meanwhile waits for one slice, not for the count.
The figures shown are those of the body as it was when the count began. A Korean syllable is
committed only every 3–4 keys; the preedit steps between count as typing too, or the count
(and the repaint of the bar and the window under it) would land between two keys of one word.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QLocale, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from editor.core.assignment import progress
from editor.core.steps import Steps, run_slice
from editor.core.text import Counts, count_body, count_steps
from editor.ui.document import ArticleDocument

COUNT_DELAY_MS = 200
COUNT_MAX_WAIT_MS = 2000  # typing without a pause still sees its count this often
SLICE_MS = 2.0  # a turn counts until this much time went (one step at 100k: at most ~2-3 ms)


class ArticleStatusBar(QStatusBar):
    """Characters with and without spaces, 원고지 매수, reading time and save state."""

    counts_updated = Signal(object)  # Counts

    def __init__(
        self,
        document: ArticleDocument,
        parent: QWidget | None = None,
        delay_ms: int = COUNT_DELAY_MS,
        slice_ms: float = SLICE_MS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("article_status_bar")
        self._doc = document
        self.counts: Counts | None = None
        self.chars_label = self._add_label("chars_label")
        self.pages_label = self._add_label("pages_label")
        self.target_label = self._add_label("target_label")
        self.target_label.setVisible(False)
        self.reading_label = self._add_label("reading_label")
        self.save_state_label = self._add_label("save_state_label")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start_count)
        self._pending = QElapsedTimer()  # since the first edit the count has not shown yet
        self._slice_s = slice_ms / 1000
        self._steps: Steps[Counts] | None = None  # a count running in slices
        self._step_timer = QTimer(self, singleShot=True, interval=0)
        self._step_timer.timeout.connect(self._count_step)
        self.turns = 0  # event-loop turns the sliced counts took (tests read it)
        document.changed.connect(self._on_document_changed)
        document.composing.connect(self._on_composing)
        document.modified_changed.connect(self._on_document_state)
        document.saved.connect(self._on_document_state)
        document.path_changed.connect(self._on_document_state)
        self.update_counts()
        self._on_document_state()

    def _add_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        self.addPermanentWidget(label)
        return label

    def _on_document_changed(self, field: str) -> None:
        if field == "body":
            self._postpone(start=True)  # typing: count once it pauses
        elif field in ("*", "target"):
            self._timer.stop()
            self.update_counts()  # a newly opened article or a new target: count it at once

    def _on_composing(self) -> None:
        self._postpone(start=False)

    def _postpone(self, start: bool) -> None:
        """(Re)start the count's debounce, unless the count has waited its longest."""
        if self._timer.isActive() and self._pending.isValid():
            if self._pending.elapsed() < COUNT_MAX_WAIT_MS:  # else let it fire
                self._timer.start()
        elif start:
            self._pending.start()
            self._timer.start()

    def _on_document_state(self, *_: object) -> None:
        states = (self.tr("● Unsaved changes"), self.tr("Not saved yet"), self.tr("Saved"))
        if self._doc.is_modified:
            text = states[0]
        elif self._doc.is_untitled:
            text = states[1]
        else:
            text = states[2]
        self._hold_width(self.save_state_label, states)
        self.save_state_label.setText(text)

    @staticmethod
    def _hold_width(label: QLabel, texts: tuple[str, ...]) -> None:
        """Keep label as wide as the widest of texts: a change of state moves no other label.

        The first edit after a save turned "Saved" into "● Unsaved changes": 41 px wider, so
        every label before it moved and the status bar repainted inside that keystroke.
        """
        label.ensurePolished()  # the style sheet's font and padding
        shown = label.text()
        widths = []
        for text in texts:
            label.setText(text)
            widths.append(label.sizeHint().width())
        label.setText(shown)
        label.setMinimumWidth(max(widths))

    def update_counts(self) -> None:
        """Count the body now and show the figures."""
        self._pending.invalidate()
        self._steps = None
        self._step_timer.stop()
        self._show_counts(count_body(self._doc.article.body))

    def _start_count(self) -> None:
        """Count the body as it is now, a slice per turn (a newer count replaces one running)."""
        self._pending.invalidate()
        self._steps = count_steps(self._doc.article.body)
        self._count_step()

    def _count_step(self) -> None:
        """Run the count for one slice of this turn; show the figures after its last step."""
        if self._steps is None:
            return
        self.turns += 1
        ended, counts = run_slice(self._steps, self._slice_s)
        if not ended:
            self._step_timer.start()
            return
        self._steps = None
        self._show_counts(counts)

    @property
    def counting(self) -> bool:
        """Tell whether a count waits for a pause or is running in slices."""
        return self._timer.isActive() or self._steps is not None

    def _show_counts(self, counts: Counts) -> None:
        self.counts = counts
        locale = QLocale()
        self.chars_label.setText(
            self.tr("{with_spaces} chars · {without} without spaces").format(
                with_spaces=locale.toString(counts.chars),
                without=locale.toString(counts.chars_no_spaces),
            )
        )
        self.pages_label.setText(
            self.tr("{pages} manuscript pages").format(
                pages=locale.toString(counts.manuscript_pages, "f", 1)
            )
        )
        self.reading_label.setText(
            self.tr("{minutes} min read").format(minutes=counts.reading_minutes)
        )
        self._show_target(counts)
        self.counts_updated.emit(counts)

    def _show_target(self, counts: Counts) -> None:
        """Show how far the body is toward the desk's target, if it set one."""
        done = progress(self._doc.article.target, counts)
        self.target_label.setVisible(done is not None)
        if done is None:
            return
        locale = QLocale()
        if done.unit == "chars":
            text = self.tr("Target {goal} chars: {done} ({percent}%)")
            goal, have = locale.toString(int(done.goal)), locale.toString(int(done.done))
        else:
            text = self.tr("Target {goal} pages: {done} ({percent}%)")
            goal = locale.toString(float(done.goal), "g", 6)
            have = locale.toString(float(done.done), "f", 1)
        self.target_label.setText(text.format(goal=goal, done=have, percent=done.percent))

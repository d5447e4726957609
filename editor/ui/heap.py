"""Keep Python's full garbage collections off the keystroke path.

Once the app has started (window, preview, review, autosave, the site's settings: ~50,000
objects that live as long as the app), a full collection walks all of them: ~20–35 ms of the
UI thread on this machine, whenever enough allocations have piled up, whatever is being
typed. That was the periodic 21–28 ms keystroke (issue 17, item 4). `gc.freeze()` moves
everything alive at that moment into the permanent generation, which collections skip;
what is created later is collected as before. Cyclic garbage made before the freeze is
kept (a few objects of start-up), which costs less than one collection.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

SETTLE_MS = 3000  # after the first paint: the preview and the deferred set-ups are in


def freeze_when_settled(window: QWidget) -> None:
    """Freeze the start-up heap SETTLE_MS after the window's first paint."""
    window.first_painted.connect(lambda: QTimer.singleShot(SETTLE_MS, window, _freeze))


def _freeze() -> None:
    freeze_now()


def freeze_now() -> int:
    """Move every object alive now out of the collector's way; return how many are frozen."""
    gc.freeze()
    return gc.get_freeze_count()

"""Keep Python's full garbage collections off the keystroke path.

Once the app has started (window, preview, review, autosave, the site's settings: ~50,000
objects that live as long as the app), a full collection walks all of them: ~20–35 ms of the
UI thread on this machine, whenever enough allocations have piled up, whatever is being
typed. That was the periodic 21–28 ms keystroke (issue 17, item 4). `gc.freeze()` moves
everything alive at that moment into the permanent generation, which collections skip;
what is created later is collected as before. Cyclic garbage made before the freeze is
kept (a few objects of start-up), which costs less than one collection.

The C heap has a like habit: glibc raises its mmap threshold each time a large block it
had mapped is freed (up to 32 MB), so later pictures-sized buffers (a 2.2 MB pane grab,
its bytes, a compressed copy) come from the heap and stay there once freed: the kept
picture's one store left ~6.3 MB of the app's anonymous memory behind. A fixed threshold
sends every block over 128 KiB back to the system when freed.
"""

from __future__ import annotations

import gc
import sys

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


M_MMAP_THRESHOLD = -3  # glibc's mallopt() parameter (malloc.h)
MMAP_THRESHOLD = 128 * 1024  # glibc's default, now kept fixed


def unmap_large_blocks() -> bool:
    """Keep glibc's mmap threshold at its default; return whether it was set (glibc only)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # ~2-4 ms of import, before the first frame: the threshold must come first

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # another C library (musl has no mallopt)
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))

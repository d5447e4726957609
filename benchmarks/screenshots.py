"""Render the sample article with each profile and save full-page screenshots to docs/.

Run: .venv/bin/python benchmarks/screenshots.py [--out docs/screenshots]
Prints each file with its size and the time it took. Needs no display (offscreen Qt).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import PySide6.QtWebEngineWidgets  # noqa: E402,F401 - must precede the QApplication

from editor import resources  # noqa: E402
from editor.render.page import Layout  # noqa: E402
from editor.render.profiles import load_profile  # noqa: E402
from editor.storage import read_article  # noqa: E402
from editor.ui.page_probe import PageProbe, write_page  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHOTS = [  # profile, layout, viewport width, file name
    ("sisacatch", Layout.DESKTOP, 1280, "site-desktop.png"),
    ("sisacatch", Layout.MOBILE, 390, "site-mobile.png"),
    ("plain", Layout.DESKTOP, 1280, "site-plain-desktop.png"),
    ("plain", Layout.MOBILE, 390, "site-plain-mobile.png"),
]
MAX_HEIGHT = 16000  # px; Chromium's compositor tiles beyond this get unreliable


def shoot(probe: PageProbe, page: Path, width: int, target: Path, scale: float) -> None:
    """Load page at width, grow the view to the document's height, and save a PNG."""
    probe.load(page, width, 900)
    height = int(probe.evaluate("document.documentElement.scrollHeight"))
    probe.resize(width, min(height, MAX_HEIGHT))
    probe.wait_for(f"window.innerHeight === {min(height, MAX_HEIGHT)}")
    probe.pause(300)  # let the compositor paint the grown view before grabbing
    image = probe.view.grab().toImage()
    if scale != 1:
        from PySide6.QtCore import Qt

        image = image.scaledToWidth(int(width * scale), Qt.TransformationMode.SmoothTransformation)
    image.save(str(target), "PNG")


def main(argv: list[str] | None = None) -> int:
    """Make every screenshot in SHOTS and print where each went."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--scale", type=float, default=1.0, help="scale desktop shots by this")
    parser.add_argument("--profile", action="append", help="only this profile (repeatable)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    article = read_article(resources.sample_path())
    probe = PageProbe()
    try:
        with tempfile.TemporaryDirectory(prefix="shots-") as tmp:
            for profile_id, layout, width, name in SHOTS:
                if args.profile and profile_id not in args.profile:
                    continue
                started = time.perf_counter()
                page = write_page(article, load_profile(profile_id), layout, Path(tmp))
                target = args.out / name
                shoot(probe, page, width, target, args.scale if width > 600 else 1.0)
                took = time.perf_counter() - started
                print(
                    f"{target.relative_to(REPO) if target.is_relative_to(REPO) else target}"
                    f"  {target.stat().st_size / 1024:.0f} KiB  {took:.1f} s"
                )
    finally:
        probe.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

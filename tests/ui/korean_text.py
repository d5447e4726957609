"""What counts as English in the Korean UI: Latin words outside newsroom usage and names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from editor.ui import i18n

# Latin words that are Korean newsroom usage, units, keys or names, not untranslated English.
ALLOWED = {
    "PC",
    "KST",  # the embargo's time zone, as Korean wire copy writes it
    "SNS",  # 소셜 미디어: Korean usage
    "KTX",
    "BRT",
    "Ctrl",
    "Shift",
    "Alt",
    "Esc",
    "Markdown",
    "HTML",
    "URL",
    "px",
    "ninjs",
    "Hugo",
    "Jekyll",
    "WordPress",
    "Git",
    "Tab",
    "Enter",
    "Del",
    "Up",
    "Down",
    "Left",
    "Right",
    "Home",
    "End",
    "PgUp",
    "PgDown",
    "Space",
    "Backspace",
    "Meta",
    # file formats, units and programs, named as they are in Korean too
    "YAML",
    "JSON",
    "UTF",
    "JPEG",
    "PNG",
    "GIF",
    "WebP",
    "GiB",
    "MiB",
    "KiB",
    "UTC",
    "http",
    "https",
    "GNOME",
    "Keyring",
    "KWallet",
    "zip",
    # values a user types (the CLI's --format, --layout, a target's kind) and front-matter keys
    "markdown",
    "html",
    "hugo",
    "jekyll",
    "wordpress",
    "git",
    "src",
    "alt",
    "caption",
    "credit",
    "tags",
    "name",
    "slug",
}
WORD = re.compile(r"[A-Za-z]{3,}")


def english(text: str) -> list[str]:
    text = re.sub(r"https?://\S+|www\.\S+", "", text)
    text = re.sub(r"[\w.-]+\.(article|md|yaml|json|html|png|jpg)(?![A-Za-z])", "", text)  # files
    text = re.sub(r"--[a-z-]+|\w*_\w*", "", text)  # options and keys: base_url, --force
    return [w for w in WORD.findall(text) if w not in ALLOWED]


@contextmanager
def korean_ui(qapp: QApplication) -> Iterator[None]:
    """Run the block with the Korean catalog installed, English again afterwards."""
    assert i18n.install_translators(qapp, "ko")
    try:
        yield
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(QLocale(QLocale.Language.English))

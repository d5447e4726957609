"""How the article's link looks when shared: image, title, description, site."""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from editor.core.assignment import social_title
from editor.core.model import Article
from editor.render.preview_updates import ShownBlock
from editor.ui.image_input import thumbnail
from editor.ui.theme import UI_FAMILY, load_fonts

CARD_WIDTH = 300
IMAGE_RATIO = 1.91  # the 1200×630 shape link previews crop to
DESCRIPTION_CHARS = 110
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


FONT_FAMILY = UI_FAMILY


def ensure_font() -> str:
    """Register the bundled Korean font with Qt unless it is there; return its family."""
    if FONT_FAMILY not in QFontDatabase.families():
        load_fonts()
    return FONT_FAMILY


@dataclass(frozen=True)
class ShareCardData:
    """What a link preview shows."""

    title: str
    description: str
    site_name: str
    domain: str
    image_src: str  # bundle path of the lead image, "" for none


def first_paragraph_text(blocks: Sequence[ShownBlock], scan: int = 12) -> str:
    """Return the text of the first real paragraph among the first blocks."""
    for block in blocks[:scan]:
        html = block.html.lstrip()
        if not html.startswith("<p") or html.startswith('<p class="minihead"'):
            continue
        text = _SPACE.sub(" ", html_lib.unescape(_TAG.sub("", html))).strip()
        if text:
            return text
    return ""


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """Cut text to limit characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def share_card_data(
    article: Article, blocks: Sequence[ShownBlock], site_name: str, home_url: str
) -> ShareCardData:
    """Return the link preview of an article: summary first, else its first paragraph."""
    description = article.summary.strip() or first_paragraph_text(blocks)
    return ShareCardData(
        title=social_title(article).strip(),  # what og:title says, as the card shows it
        description=shorten(_SPACE.sub(" ", description)),
        site_name=site_name,
        domain=urlsplit(home_url).hostname or "",
        image_src=article.lead_image.src if article.lead_image.src in article.images else "",
    )


class ShareCard(QFrame):
    """A link-preview card as a messenger or social feed draws it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("share_card")
        self.setFixedWidth(CARD_WIDTH + 2)
        self.setStyleSheet(
            f"#share_card {{ font-family: '{ensure_font()}'; }}"
            "#share_card { background: #ffffff; border: 1px solid #d0d4da; border-radius: 8px; }"
            "#share_card QLabel { background: transparent; border: none; }"
            "#share_domain { color: #6b7280; font-size: 11px; }"
            "#share_title { color: #111111; font-size: 14px; font-weight: 700; }"
            "#share_description { color: #4b5563; font-size: 12px; }"
        )
        self.image_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image_label.setFixedSize(CARD_WIDTH, round(CARD_WIDTH / IMAGE_RATIO))
        self.image_label.setStyleSheet(
            "background: #e5e7eb; border-top-left-radius: 8px;border-top-right-radius: 8px;"
        )
        self.domain_label = self._text_label("share_domain")
        self.title_label = self._text_label("share_title")
        self.description_label = self._text_label("share_description")
        box = QVBoxLayout(self)
        box.setContentsMargins(1, 1, 1, 10)
        box.setSpacing(4)
        box.addWidget(self.image_label)
        for label in (self.domain_label, self.title_label, self.description_label):
            label.setContentsMargins(10, 0, 10, 0)
            box.addWidget(label)
        self._shown: ShareCardData | None = None

    def _text_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def show_data(self, data: ShareCardData, image: bytes | None) -> None:
        """Show a link preview; the image is decoded only when it changed."""
        if data == self._shown:
            return
        if self._shown is None or data.image_src != self._shown.image_src:
            self._set_image(image)
        self._shown = data
        self.domain_label.setText(
            f"{data.site_name} · {data.domain}" if data.domain else data.site_name
        )
        self.title_label.setText(data.title or self.tr("(no headline)"))
        self.description_label.setText(data.description)
        # Wrapped labels need their height for this width; the pane's layout won't ask.
        self.setFixedHeight(self.layout().totalHeightForWidth(self.width()))

    def _set_image(self, image: bytes | None) -> None:
        size = self.image_label.size()
        cover = Qt.AspectRatioMode.KeepAspectRatioByExpanding
        # Decoded at card size (JPEG scales while decoding): the full photo is never in memory.
        scaled = thumbnail(image, size.width(), size.height(), cover) if image else QImage()
        if scaled.isNull():
            self.image_label.setPixmap(QPixmap())
            self.image_label.setText(self.tr("No image"))
            return
        x = (scaled.width() - size.width()) // 2
        y = (scaled.height() - size.height()) // 2
        self.image_label.setPixmap(
            QPixmap.fromImage(scaled.copy(x, y, size.width(), size.height()))
        )

"""Image references in any spelling find the NFC names readers store images under."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from editor.storage import read_article

NAME = "images/세종 셔틀.jpg"


def test_a_bundle_lead_image_written_escaped_or_nfd_is_found(tmp_path):
    body = f"![셔틀]({quote(NAME)})\n"  # a space must be escaped in a CommonMark link
    for n, src in enumerate([quote(NAME), unicodedata.normalize("NFD", NAME)]):
        folder = tmp_path / f"bundle{n}"
        (folder / "images").mkdir(parents=True)
        (folder / unicodedata.normalize("NFD", NAME)).write_bytes(b"photo")
        (folder / "index.md").write_text(
            f"---\ntitle: 셔틀\nlead_image:\n  src: {src}\n---\n{body}", encoding="utf-8"
        )
        article = read_article(folder)
        assert article.lead_image.src == NAME and article.images[NAME] == b"photo"
        assert article.body == body  # the body keeps the escape CommonMark needs

"""An image the app inserts is read as that image by CommonMark readers, whatever its name."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from editor.core.text import image_markdown
from editor.render.markdown import render_body

NAMES = [
    ("세종 셔틀", "images/세종 셔틀.jpg"),
    ("정류장(야간)", "images/정류장(야간).jpg"),
    ("[정정] 사진", "images/plain.jpg"),
    ("a\\b", "images/a b (2).png"),  # storage never keeps < > in a name (Windows-safe)
]


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            found = dict(attrs)
            self.found.append((found.get("alt", ""), unquote(found.get("src", ""))))


def images(html: str) -> list[tuple[str, str]]:
    parser = _Images()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize(("alt", "ref"), NAMES)
def test_the_inserted_markdown_is_that_image_in_every_reading(alt, ref):
    source = image_markdown(alt, ref)
    assert images(MarkdownIt("commonmark").render(source)) == [(alt, ref)]
    assert images(render_body(source)) == [(alt, ref)]

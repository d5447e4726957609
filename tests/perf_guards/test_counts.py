"""Counting a long body runs at C speed, and still counts what the slow definition counts."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from editor.core.text import count_text


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_characters_without_spaces_are_the_non_space_characters(text):
    counts = count_text(text)
    paragraphs = [p.strip() for p in unicodedata.normalize("NFC", text).split("\n")]
    joined = " ".join(p for p in paragraphs if p)
    assert counts.chars_no_spaces == sum(1 for ch in joined if not ch.isspace())
    assert counts.chars == len(joined)

"""The body's count in steps (the status bar spreads them over turns) is the count at once.

The steps cut the Markdown-marks pattern's search at line breaks after a letter or digit,
and count words paragraph by paragraph: both are held here against the whole-text forms.
"""

from __future__ import annotations

import math
import random
import unicodedata

from editor.core import body_reading, steps, text
from editor.core.text import Counts, count_body, count_steps, count_text

PIECES = [
    *"가나다 \n\n\r*_`~-+>|:#=[]()!<>\\\t ",
    "\u2029",
    "\r\n",
    "🙂",
    "\ud800",
    "```",
    "~~~",
    "    ",
    "[a]: /u",
    "[a]",
    "![x](y)",
    "<b>",
    "---",
    "| a |",
    "1. ",
    "- ",
    "&nbsp;",
    "세종시",
    "달린다\n",
    "a\n",
    "7\n",
    "> \n",
    "-\n",
]


def _texts(rng: random.Random, count: int, longest: int) -> list[str]:
    return [
        "".join(rng.choice(PIECES) for _ in range(rng.randint(0, longest))) for _ in range(count)
    ]


def test_the_marks_are_removed_in_steps_as_in_one_pass():
    rng = random.Random(11)
    for sample in _texts(rng, 400, 4000) + ["a\n" * 5000, "-\n" * 5000, "가" * 9000 + "\n|-|"]:
        assert steps.drain(text._without_marks(sample)) == text._MD_MARKS.sub("", sample)


def test_words_counted_by_paragraph_are_the_joined_text_s_words():
    rng = random.Random(5)
    for sample in _texts(rng, 600, 300) + ["", " ", "\n\n", "ｗ　ｗ\u3000가\u00a0나"]:
        normal = unicodedata.normalize("NFC", sample)
        joined = " ".join(p for p in (p.strip() for p in normal.split("\n")) if p)
        chars, words = len(joined), sum(map(len, joined.split()))
        minutes = math.ceil(words / 500) if words else 0
        assert count_text(sample) == Counts(chars, words, round(chars / 200, 1), minutes)


def test_a_long_body_counts_in_many_steps_to_the_count_at_once():
    body = "\n\n".join(["세종시 **셔틀**이 [오송역](https://a.kr)까지 달린다. " * 6] * 400)
    body_reading._last.clear()  # the reading itself is stepped too, not taken from the cache
    steps, turns = count_steps(body), 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            counted = done.value
            break
        turns += 1
    assert turns >= 30
    body_reading._last.clear()
    assert counted == count_body(body)

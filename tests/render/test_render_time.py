"""Every body up to the size limit renders and exports in time linear in its length (13.9).

8-16 KB of `[` took Python-Markdown 15 s to over a minute and nested markers raised
RecursionError. The bound is per KB, loose enough for a busy 2-core machine and far below
what the quadratic paths took (8 KB of `[`: 27 s before; about 0.1 s now).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.export.portable import portable_body
from editor.render.markdown import BodyRenderer

SECONDS_PER_KB = 0.2
SLACK = 2.0  # a fresh renderer, and a neighbour on the shared cores
# Pieces whose repetition made a reader quadratic or recurse (benchmarks/hostile_bodies.py).
PATHOLOGICAL = [
    "[",
    "![",
    "[](",
    "[a](",
    "[[",
    "](",
    "<",
    "<a ",
    "<b>",
    "<!--",
    "`` `",
    "`",
    "*a* ",
    "_a",
    "1. ",
    "- ",
    "> ",
    "    - ",
    "&#",
    "\\",
    "[a]: ",
]


def render_and_export(body: str) -> float:
    """Return the seconds a fresh renderer takes to render and export a body."""
    started = time.perf_counter()
    BodyRenderer().render(body)
    portable_body(body, lambda ref: None)
    return time.perf_counter() - started


@pytest.fixture(autouse=True, scope="module")
def _warm() -> None:
    render_and_export("[시사캐치] 본문 *강조* <b>굵게</b>")  # imports and regexes, once


def bound(body: str) -> float:
    return SLACK + SECONDS_PER_KB * len(body.encode("utf-8")) / 1024


@pytest.mark.parametrize("size", [8192, 16384])
@pytest.mark.parametrize("unit", ["[", "![", "[](", "[[", "1. ", "> ", "`` `", "<"])
def test_the_reproduced_bodies_render_in_linear_time(unit, size):
    body = unit * (size // len(unit))
    assert render_and_export(body) < bound(body)


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(PATHOLOGICAL), min_size=1, max_size=3),
    size=st.integers(1024, 16384),
    newlines=st.booleans(),
)
def test_any_repeated_construct_renders_within_a_time_per_kb(pieces, size, newlines):
    unit = "".join(pieces) + ("\n" if newlines else "")
    body = unit * (size // len(unit))
    assert render_and_export(body) < bound(body)

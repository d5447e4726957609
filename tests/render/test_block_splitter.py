"""The incremental splitter always equals a fresh split, and re-scans only near the edit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.render.blocks import BlockSplitter, changed_range, split_blocks

LINES = st.sampled_from(
    [
        "",
        "",
        "문단 하나, 세종시 셔틀.",
        "text",
        "## 소제목",
        "- 항목",
        "1. 첫째",
        "2) 둘째",
        "  들여쓴 줄",
        "    code",
        "```",
        "~~~~",
        "> 인용",
        "---",
        "[a]: http://x.kr",
        "\t탭",
    ]
)
BODIES = st.lists(LINES, max_size=30).map("\n".join)
PIECES = st.text(alphabet="가a -#>`~\n\t1.)*", max_size=12)


def as_rows(blocks):
    return [(b.line, b.text, b.key) for b in blocks]


@given(BODIES, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30), PIECES), max_size=6))
@settings(max_examples=400, deadline=None)
def test_incremental_split_equals_a_fresh_split(body, edits):
    splitter = BlockSplitter()
    assert as_rows(splitter.split(body)) == as_rows(split_blocks(body))
    for position, removed, added in edits:
        position = min(position, len(body))
        body = body[:position] + added + body[position + removed :]
        assert as_rows(splitter.split(body)) == as_rows(split_blocks(body)), repr(body)


@given(st.text(alphabet="ab\n", max_size=40), st.text(alphabet="ab\n", max_size=40))
def test_changed_range_finds_the_differing_middle(old, new):
    start, old_end, new_end = changed_range(old, new)
    assert old[:start] == new[:start]
    assert old[old_end:] == new[new_end:]
    assert new == new[:start] + new[start:new_end] + old[old_end:]
    assert start <= old_end and start <= new_end


def test_long_runs_compare_in_chunks():
    old = "가" * 10_000 + "x" + "나" * 9_000
    new = "가" * 10_000 + "yz" + "나" * 9_000
    assert changed_range(old, new) == (10_000, 10_001, 10_002)


def test_an_edit_in_a_long_body_rescans_a_few_lines():
    paragraphs = [f"문단 {n}번, 세종시 자율주행 셔틀이 달린다." for n in range(3000)]
    body = "\n\n".join(paragraphs)
    splitter = BlockSplitter()
    splitter.split(body)
    middle = body.index("문단 1500번")
    edited = body[:middle] + "새 " + body[middle:]
    assert as_rows(splitter.split(edited)) == as_rows(split_blocks(edited))
    assert splitter.lines_scanned <= 8  # not the 5,999 lines of the body
    split_again = body[:middle] + "둘째 줄\n\n" + body[middle:]  # adds a block and lines
    assert as_rows(splitter.split(split_again)) == as_rows(split_blocks(split_again))
    assert splitter.lines_scanned <= 8


@given(BODIES, st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30), PIECES), max_size=6))
@settings(max_examples=300, deadline=None)
def test_the_split_edit_names_every_block_that_changed(body, edits):
    splitter = BlockSplitter()
    before, edit = splitter.split_edit(body)
    assert edit is None  # nothing to compare the first split with
    for position, removed, added in edits:
        position = min(position, len(body))
        previous, body = body, body[:position] + added + body[position + removed :]
        blocks, edit = splitter.split_edit(body)
        assert edit is not None and edit.previous == previous
        end = edit.start + edit.added
        assert len(blocks) == len(before) - edit.removed + edit.added
        # Outside [start, end) every block holds its old text (the renderer reuses its HTML).
        assert [b.text for b in blocks[: edit.start]] == [b.text for b in before[: edit.start]]
        kept = before[edit.start + edit.removed :]
        assert [b.text for b in blocks[end:]] == [b.text for b in kept]
        before = blocks

"""The incremental patch logic, without a browser."""

from __future__ import annotations

from editor.render.markdown import BodyRenderer
from editor.render.preview_updates import (
    ShownBlock,
    block_index_for_line,
    diff_blocks,
    diff_fields,
    find_fields,
    shown_blocks,
    wrap_blocks,
)

BODY = "첫 문단입니다.\n\n둘째 문단.\n\n## 소제목\n\n- 하나\n- 둘\n\n마지막 문단."


def blocks_of(text: str) -> list[ShownBlock]:
    return shown_blocks(BodyRenderer().render_blocks(text))


def apply(old: list[ShownBlock], patch) -> list[tuple[str, int]]:
    """Apply a patch the way the page script does, to (key, line) pairs."""
    rows = [(b.key, b.line) for b in old]
    rows[patch.start : patch.start + patch.remove] = [(b.key, b.line) for b in patch.insert]
    for first, end, delta in patch.shifts:
        for i in range(first, end):
            rows[i] = (rows[i][0], rows[i][1] + delta)
    return rows


def check(before: str, after: str):
    old, new = blocks_of(before), blocks_of(after)
    patch = diff_blocks(old, new)
    assert apply(old, patch) == [(b.key, b.line) for b in new]
    return patch


def test_editing_one_paragraph_replaces_only_that_block():
    patch = check(BODY, BODY.replace("둘째 문단.", "둘째 문단을 고쳤다."))
    assert (patch.start, patch.remove, len(patch.insert), patch.shifts) == (1, 1, 1, [])


def test_a_new_line_shifts_the_blocks_below_without_resending_them():
    patch = check(BODY, BODY.replace("둘째 문단.", "둘째 문단.\n이어진 줄."))
    assert (patch.start, patch.remove, len(patch.insert)) == (1, 1, 1)
    assert patch.shifts == [(2, 5, 1)]


def test_blank_lines_only_move_lines():
    patch = check(BODY, BODY.replace("\n\n## 소제목", "\n\n\n\n## 소제목"))
    assert not patch.insert and not patch.remove
    assert patch.shifts == [(2, 5, 2)]


def test_insert_delete_and_repeated_blocks():
    check(BODY, "새 첫 문단.\n\n" + BODY)
    check(BODY, BODY.split("\n\n", 1)[1])
    check("---\n\n가\n\n---\n\n나", "---\n\n가\n\n---\n\n---\n\n나")
    check("", BODY)
    check(BODY, "")
    assert diff_blocks(blocks_of(BODY), blocks_of(BODY)).is_empty


def test_a_link_definition_change_resends_the_blocks_it_renders_differently():
    before = "[기사][a] 참고.\n\n다른 문단.\n\n[a]: https://a.example/"
    after = before.replace("a.example", "b.example")
    patch = check(before, after)
    assert [b.key for b in patch.insert][:1] == [blocks_of(after)[0].key]


def test_wrappers_carry_line_and_key():
    blocks = blocks_of(BODY)
    html = wrap_blocks(blocks)
    assert html.count('class="md-block"') == len(blocks)
    assert f'data-line="{blocks[2].line}" data-key="{blocks[2].key}"' in html


def test_block_index_for_line():
    blocks = blocks_of(BODY)  # blocks start on lines 0, 2, 4, 6, 9
    assert [block_index_for_line(blocks, n) for n in (0, 1, 2, 5, 7, 99)] == [0, 0, 1, 2, 3, 4]
    assert block_index_for_line([], 3) == -1


PAGE = """<html><body>
<div class="bar"><span data-field="headline">옛 제목</span></div>
<h1 data-field="headline">옛 제목</h1>
<p data-field="byline"><b>김하늘</b> 기자</p>
<img data-field="lead-image" src="images/a.jpg">
<figure data-field="lead-figure"><img src="a.jpg"><figcaption>▲ 설명</figcaption></figure>
<div data-field="body"></div>
</body></html>"""


def test_fields_are_found_outermost_in_order():
    nodes = find_fields(PAGE)
    assert [n.name for n in nodes] == [
        "headline",
        "headline",
        "byline",
        "lead-image",
        "lead-figure",
        "body",
    ]
    assert nodes[0].inner == "옛 제목"
    assert nodes[4].inner == '<img src="a.jpg"><figcaption>▲ 설명</figcaption>'


def test_field_diff_sends_text_for_text_and_elements_for_markup():
    new_page = PAGE.replace("옛 제목", "새 제목 &amp; 부제").replace("▲ 설명", "▲ 새 설명")
    updates = diff_fields(find_fields(PAGE), find_fields(new_page))
    assert updates == [
        {"field": "headline", "index": 0, "text": "새 제목 & 부제"},
        {"field": "headline", "index": 1, "text": "새 제목 & 부제"},
        {
            "field": "lead-figure",
            "index": 0,
            "html": '<figure data-field="lead-figure"><img src="a.jpg">'
            "<figcaption>▲ 새 설명</figcaption></figure>",
        },
    ]


def test_a_changed_page_structure_asks_for_a_reload():
    fewer = PAGE.replace('<p data-field="byline"><b>김하늘</b> 기자</p>', "")
    assert diff_fields(find_fields(PAGE), find_fields(fewer)) is None
    assert diff_fields(find_fields(PAGE), find_fields(PAGE)) == []


def test_the_update_plan_names_what_a_batch_of_changes_needs():
    from editor.render.preview_updates import plan_update, render_inline

    typing = plan_update({"body"})
    assert typing.render_body and not typing.fields and not typing.reload_pages
    headline = plan_update({"headline"})
    assert headline.fields and not headline.render_body
    opened = plan_update({"*"})
    assert opened.reload_pages and opened.render_body and opened.fresh
    assert plan_update({"images", "body"}).images
    assert render_inline(1.0, 30_000, fresh=False) and not render_inline(1.0, 30_000, fresh=True)
    assert not render_inline(9.0, 10, fresh=False)  # the last render was slow: a worker

"""The preview page of the Korean corpus article equals the reviewed file in tests/reference/."""

from __future__ import annotations

import pytest
from korean_corpus import korean_article
from reference_files import assert_matches_reference

from editor.render.markdown import BodyRenderer
from editor.render.page import Layout
from editor.render.preview_updates import ShownBlock
from editor.ui.preview.pages import PageBuilder


@pytest.mark.parametrize("layout", [Layout.DESKTOP, Layout.MOBILE])
def test_preview_page_equals_its_reference(layout):
    article = korean_article()
    builder = PageBuilder()
    blocks = [  # as the preview pane builds them
        ShownBlock(block.key, block.line, builder.prepare(html))
        for block, html in BodyRenderer().render_blocks(article.body)
    ]
    page, _ = builder.page(article, layout, blocks)
    assert_matches_reference(f"corpus/preview-{layout}.html", page)

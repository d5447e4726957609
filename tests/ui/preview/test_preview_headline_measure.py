"""The preview counts the headline's lines in its own pages and says at which CSS width."""

from __future__ import annotations

import pytest

from editor.ui.review.checklist_panel import measure_on_phone

pytestmark = pytest.mark.webengine


def test_the_phone_page_reports_its_width_with_the_count(qtbot, pane, document, wait_ready):
    seen: list[tuple] = []
    pane.headline_measured.connect(lambda *args: seen.append(args))
    pane.set_mode("mobile", 390)
    pane.set_document(document)
    wait_ready(pane)
    headline = document.article.headline
    qtbot.waitUntil(lambda: ("mobile", 390) in [s[:2] for s in seen])
    pane.set_mode("mobile", 360)  # the page changes width, not headline: counted again
    qtbot.waitUntil(lambda: ("mobile", 360) in [s[:2] for s in seen])
    layout, width, lines, measured = seen[-1]
    assert measured == headline and lines >= 1
    probe = measure_on_phone(document.article, pane.builder.profile(document.article))
    assert lines == probe[360]  # the same count the checklist's own probe takes

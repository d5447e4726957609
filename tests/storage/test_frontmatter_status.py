"""A file that does not say its status opens as a draft: nobody approved it here."""

from __future__ import annotations

import pytest

from editor.core.model import Status
from editor.storage.frontmatter import from_meta


@pytest.mark.parametrize("meta", [{}, {"draft": False}, {"draft": "false"}, {"draft": True}])
def test_a_missing_status_opens_as_draft(meta):
    assert from_meta({"title": "제목", **meta}, "본문").status is Status.DRAFT


def test_a_given_status_is_kept():
    assert from_meta({"status": "approved"}, "").status is Status.APPROVED

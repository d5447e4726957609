"""The window says when an approval cannot be verified; a desk approval in the app verifies."""

from __future__ import annotations

from editor.core import review
from editor.core.model import Article, Status
from editor.ui.review.status import status_line


def test_an_unsigned_approval_reads_as_unverified(qapp):
    article = Article(headline="기사")
    review.set_status(article, Status.APPROVED, "가짜 데스크")
    assert status_line(article).startswith("Approval unverified (가짜 데스크")


def test_a_desk_approval_made_in_the_app_verifies(qapp):
    from editor.storage import approvals

    article = Article(headline="기사")
    review.set_status(article, Status.APPROVED, "김데스크")
    approvals.sign(article)
    assert status_line(article).startswith("Approved by 김데스크")

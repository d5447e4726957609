"""Article status → WordPress status, and a Git remote that does not answer (no server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from editor.cli.main import main
from editor.core.model import Article, Status
from editor.publish.wordpress import wp_status
from editor.storage import read_article, write_article

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("status", "published", "wanted", "expected"),
    [
        (Status.DRAFT, None, None, ("draft", "")),
        (Status.READY, None, None, ("pending", "")),
        (Status.APPROVED, None, None, ("publish", "")),
        (Status.APPROVED, NOW - timedelta(hours=1), None, ("publish", "2026-01-05T08:00:00")),
        (Status.APPROVED, NOW + timedelta(hours=3), None, ("future", "2026-01-05T12:00:00")),
        (Status.DRAFT, None, "pending", ("pending", "")),  # --status wins
    ],
)
def test_status_maps_to_wordpress(status, published, wanted, expected):
    article = Article(status=status, published=published)
    assert wp_status(article, NOW, wanted) == expected


@pytest.mark.parametrize(
    ("status", "published", "wanted", "expected"),
    [
        (Status.APPROVED, None, None, ("future", "2026-01-05T15:00:00")),
        (Status.APPROVED, NOW - timedelta(days=1), "publish", ("future", "2026-01-05T15:00:00")),
        (Status.APPROVED, NOW + timedelta(days=1), None, ("future", "2026-01-06T09:00:00")),
        (Status.READY, None, None, ("pending", "2026-01-05T15:00:00")),  # dated, still pending
    ],
)
def test_an_embargo_schedules_the_post_for_its_end(status, published, wanted, expected):
    article = Article(status=status, published=published, embargo=NOW + timedelta(hours=6))
    assert wp_status(article, NOW, wanted) == expected
    article.embargo = NOW - timedelta(minutes=1)  # lifted: as if there were none
    assert wp_status(article, NOW, wanted) == wp_status(
        Article(status=status, published=published), NOW, wanted
    )


def test_git_remote_that_does_not_answer_queues(sample_dir, tmp_path, capsys):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/site.git"
    path = tmp_path / "a.article"
    write_article(read_article(sample_dir), path)
    assert main(["publish", str(path), "--to", "git", "--repo", url]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("article-editor: queued (") and url in err[0]

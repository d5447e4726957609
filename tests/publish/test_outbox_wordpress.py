"""The outbox against a real WordPress: offline, then online; killed mid-upload, then resumed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from publish_corpus import korean_article
from test_wordpress import publish

from editor.cli.main import main
from editor.publish.outbox import Outbox
from editor.publish.records import record_for
from editor.storage import read_article, write_article

REPO = Path(__file__).resolve().parents[2]


pytestmark = pytest.mark.slow


@pytest.fixture
def passwords(wp, monkeypatch):
    for login, account in wp.accounts.items():
        monkeypatch.setenv(f"WP_PASSWORD_{login.upper()}", account.app_password)


def article_file(tmp_path, slug, seed):
    article = korean_article(seed)
    article.slug = slug
    path = tmp_path / f"{slug}.article"
    write_article(article, path)
    return path


def posts_with_slug(wp, slug):
    return wp.request(f"/wp/v2/posts&slug={slug}&status=draft,pending,publish&context=edit")


def media_count(wp):
    return len(wp.request("/wp/v2/media&per_page=100"))


def test_offline_publish_queues_and_sends_once_when_back(wp, passwords, tmp_path, capsys):
    path = article_file(tmp_path, "offline-then-online", 10)
    wp.stop()
    try:
        assert publish(wp, path) == 3
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("article-editor: queued (")
        assert "outbox --send" in err[0]
        assert main(["outbox"]) == 0
        listed = capsys.readouterr().out
        assert "queued" in listed and korean_article().headline in listed
    finally:
        wp.start()
    assert main(["outbox", "--send"]) == 0
    out = capsys.readouterr().out.strip()
    (post,) = posts_with_slug(wp, "offline-then-online")
    assert out == f"sent: {korean_article().headline} → {post['link']}"
    record = record_for(read_article(path), f"wordpress:{wp.url}:reporter")
    assert record["post_id"] == post["id"]
    assert main(["outbox", "--send"]) == 0
    assert "nothing is waiting" in capsys.readouterr().out
    assert len(posts_with_slug(wp, "offline-then-online")) == 1


def test_a_job_killed_mid_upload_survives_and_completes_once(wp, passwords, tmp_path):
    path = article_file(tmp_path, "killed-mid-upload", 11)
    before = media_count(wp)
    hold, held = wp.base / "hold", wp.base / "held"
    hold.touch()
    held.unlink(missing_ok=True)
    child = subprocess.Popen(
        [sys.executable, "-m", "editor", "publish", str(path), "--to", "wordpress",
         "--url", wp.url, "--user", "reporter", "--password-env", "WP_PASSWORD_REPORTER"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _wait(lambda: held.exists() or child.poll() is not None, 60, "the first upload")
        assert child.poll() is None, child.communicate()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(10) == -signal.SIGKILL
    finally:
        hold.unlink(missing_ok=True)
        if child.poll() is None:
            child.kill()
            child.wait()
    (job,) = Outbox().jobs()
    assert job.state == "sending"  # still there, mid-way
    # the server finishes the upload the killed client never heard the answer of
    _wait(lambda: media_count(wp) == before + 1, 30, "the held upload to finish")
    assert main(["outbox", "--send"]) == 0
    (post,) = posts_with_slug(wp, "killed-mid-upload")
    assert media_count(wp) == before + 3  # three photos, each uploaded once
    assert Outbox().get(job.id).state == "sent"
    assert record_for(read_article(path), f"wordpress:{wp.url}:reporter")["post_id"] == post["id"]


def _wait(ready, seconds, what):
    deadline = time.monotonic() + seconds
    while not ready():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)  # another process's progress: no signal to wait on

"""The outbox on its own: durable jobs, back-off, one sender per job (no server needed)."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest

from editor.cli.main import main
from editor.publish.outbox import Outbox, backoff
from editor.publish.targets import Target, load_targets, save_targets
from editor.storage import read_article, write_article
from editor.storage.secrets import set_secret


@pytest.fixture
def nobody_url():
    with socket.socket() as probe:  # a port nothing listens on: "connection refused"
        probe.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{probe.getsockname()[1]}"


@pytest.fixture
def source(tmp_path, sample_dir):
    path = tmp_path / "sample.article"
    write_article(read_article(sample_dir), path)
    return path


class Clock:
    def __init__(self):
        self.now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

    def __call__(self):
        return self.now


def test_backoff_doubles_up_to_an_hour():
    assert [backoff(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(20) == 3600


def test_unreachable_target_keeps_the_job_and_backs_off(tmp_path, source, nobody_url, monkeypatch):
    monkeypatch.setenv("PW", "secret")
    clock = Clock()
    outbox = Outbox(tmp_path / "outbox", now=clock)
    target = Target("wordpress", url=nobody_url, user="reporter", password_env="PW")
    job = outbox.add(read_article(source), target, source=str(source))
    sent = outbox.send(job.id)
    assert sent.state == "queued" and "does not answer" in sent.message
    assert datetime.fromisoformat(sent.next_try) == clock.now + timedelta(seconds=30)
    assert outbox.due() == []  # not before its time
    clock.now += timedelta(seconds=31)
    assert [j.id for j in outbox.due()] == [job.id]
    again = outbox.send(job.id)
    assert again.attempts == 2
    assert datetime.fromisoformat(again.next_try) == clock.now + timedelta(seconds=60)
    # a new Outbox (the app restarted) finds the job and its revision
    reopened = Outbox(tmp_path / "outbox", now=clock)
    (kept,) = reopened.jobs()
    assert kept.id == job.id and kept.headline == read_article(source).headline


def test_publishing_again_replaces_the_waiting_job(tmp_path, source, nobody_url, monkeypatch):
    monkeypatch.setenv("PW", "secret")
    outbox = Outbox(tmp_path / "outbox")
    target = Target("wordpress", url=nobody_url, user="reporter", password_env="PW")
    outbox.add(read_article(source), target, source=str(source))
    second = outbox.add(read_article(source), target, source=str(source))
    assert [j.id for j in outbox.jobs()] == [second.id]


def test_a_job_being_sent_is_not_sent_by_another_process(tmp_path, source, nobody_url, monkeypatch):
    monkeypatch.setenv("PW", "secret")
    outbox = Outbox(tmp_path / "outbox")
    target = Target("wordpress", url=nobody_url, user="reporter", password_env="PW")
    job = outbox.add(read_article(source), target, source=str(source))
    other = Outbox(tmp_path / "outbox")
    with outbox._locked(job.id) as got:
        assert got
        assert other.send(job.id).attempts == 0  # left alone: someone else holds it


def test_cli_unreachable_exits_3_and_lists_the_job(source, nobody_url, monkeypatch, capsys):
    monkeypatch.setenv("PW", "secret")
    code = main(["publish", str(source), "--to", "wordpress", "--url", nobody_url,
                 "--user", "reporter", "--password-env", "PW"])  # fmt: skip
    assert code == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "queued" in err[0]
    assert main(["outbox"]) == 0
    (line,) = capsys.readouterr().out.strip().splitlines()
    assert " queued " in line and nobody_url in line and "does not answer" in line


def test_cli_without_any_password_is_one_line_exit_2(source, nobody_url, capsys):
    code = main(["publish", str(source), "--to", "wordpress", "--url", nobody_url,
                 "--user", "reporter"])  # fmt: skip
    assert code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No password is kept for reporter" in err[0]
    assert main(["outbox"]) == 0 and "empty" in capsys.readouterr().out  # nothing queued


def test_cli_takes_the_password_from_the_keyring(source, nobody_url, memory_keyring, capsys):
    set_secret(f"wordpress:{nobody_url}:reporter", "reporter", "from-keyring")
    code = main(["publish", str(source), "--to", "wordpress", "--url", nobody_url,
                 "--user", "reporter"])  # fmt: skip
    assert code == 3  # got past the password: the site is just not there


def test_cli_refuses_a_url_that_is_not_one(source, monkeypatch, capsys):
    monkeypatch.setenv("PW", "x")
    code = main(["publish", str(source), "--to", "wordpress", "--url", "example.com",
                 "--user", "r", "--password-env", "PW"])  # fmt: skip
    assert code == 2
    assert "is not a web address" in capsys.readouterr().err
    assert Outbox().jobs() == []


def test_targets_are_kept_without_secrets(tmp_path):
    targets = [Target("wordpress", name="사내 WP", url="https://wp.example", user="hong"),
               Target("git", repo="/srv/site.git", layout="jekyll")]  # fmt: skip
    save_targets(targets)
    assert load_targets() == targets


def test_publishing_loads_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, editor.cli.publish, editor.publish.outbox, editor.publish.wordpress, "
        "editor.publish.gitsite, editor.publish.pastekit; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"

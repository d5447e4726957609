"""What the app sets in its environment stays with it: the programs it opens get the user's."""

from __future__ import annotations

import os
import stat
import time

import pytest
from PySide6.QtCore import QUrl

from editor.ui import environment

FAKE_OPENER = """#!/bin/sh
env > "$OPENED_LOG.env"
printf '%s\\n' "$@" > "$OPENED_LOG.args"
"""


@pytest.fixture
def user_env(monkeypatch):
    """A user who set MALLOC_ARENA_MAX to 4 and Chromium flags of their own, nothing else."""
    monkeypatch.setattr(environment, "_originals", {})
    for name in ("QT_XCB_GL_INTEGRATION", "QT_QUICK_BACKEND", "QT_NO_GUI_THREADPOOL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=ko")


def test_a_users_own_value_wins_and_the_users_environment_is_kept(user_env):
    environment.set_default("MALLOC_ARENA_MAX", "1")  # the user's 4 stays
    environment.set_default("QT_XCB_GL_INTEGRATION", "none")
    environment.set_value("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=ko --no-sandbox")
    assert os.environ["MALLOC_ARENA_MAX"] == "4"
    assert os.environ["QT_XCB_GL_INTEGRATION"] == "none"  # the app runs with its own
    mine = environment.user_environment()
    assert mine["MALLOC_ARENA_MAX"] == "4"
    assert "QT_XCB_GL_INTEGRATION" not in mine
    assert mine["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=ko"
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=ko --no-sandbox"  # unchanged


@pytest.mark.skipif(
    os.name != "posix", reason="xdg-open (a shell script here) is Linux's and BSD's"
)
def test_a_link_opens_in_the_users_program_with_the_users_environment(
    qapp, user_env, tmp_path, monkeypatch
):
    """The app's start-up variables (its GPU, allocator and Chromium choices) do not follow."""
    opener = tmp_path / "bin" / "xdg-open"
    opener.parent.mkdir()
    opener.write_text(FAKE_OPENER, encoding="utf-8")
    opener.chmod(opener.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{opener.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(environment.sys, "platform", "linux")
    for name in ("FLATPAK_ID", "SNAP"):
        monkeypatch.delenv(name, raising=False)
    log = tmp_path / "opened"
    monkeypatch.setenv("OPENED_LOG", str(log))
    environment.set_default("QT_XCB_GL_INTEGRATION", "none")
    environment.set_default("QT_QUICK_BACKEND", "software")
    environment.set_value("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=ko --no-sandbox --disable-gpu")

    for url, arg in (
        (QUrl("https://www.sisacatch.example/news/1?a=1&b=2"), None),
        (QUrl.fromLocalFile(str(tmp_path / "내보내기 폴더")), str(tmp_path / "내보내기 폴더")),
    ):
        assert environment.open_url(url)
        deadline = time.monotonic() + 10
        while not (log.with_suffix(".args").exists() and log.with_suffix(".env").exists()):
            assert time.monotonic() < deadline, "xdg-open was not started"
            time.sleep(0.02)
        time.sleep(0.05)  # the script's two writes are done
        args = log.with_suffix(".args").read_text(encoding="utf-8").splitlines()
        assert args == [arg or url.toString()]
        env = dict(
            line.split("=", 1)
            for line in log.with_suffix(".env").read_text(encoding="utf-8").splitlines()
            if "=" in line
        )
        assert env["MALLOC_ARENA_MAX"] == "4"
        assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=ko"
        assert "QT_XCB_GL_INTEGRATION" not in env
        assert "QT_QUICK_BACKEND" not in env
        assert env["OPENED_LOG"] == str(log)  # what the user had is all there
        log.with_suffix(".args").unlink()
        log.with_suffix(".env").unlink()
    assert os.environ["QT_XCB_GL_INTEGRATION"] == "none"  # the app's own stays as it was

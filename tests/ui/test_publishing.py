"""Publishing in the app: the menu, the outbox's state, settings to the keyring, the paste kit's
clipboard, and the choice after a web edit."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from editor.paths import config_dir
from editor.publish.outbox import Outbox
from editor.publish.records import record_for
from editor.publish.targets import Target, load_targets, save_targets
from editor.storage import read_article
from editor.ui import i18n
from editor.ui.publishing.conflict import ConflictDialog
from editor.ui.publishing.paste_kit import PasteKitPanel
from editor.ui.publishing.settings_dialog import PublishSettingsDialog

UI = Path(i18n.__file__).parent / "publishing"


@pytest.fixture
def nobody_target(monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
    monkeypatch.setenv("PUBLISH_TEST_PW", "x")
    return Target(
        "wordpress", name="사내 WP", url=url, user="reporter", password_env="PUBLISH_TEST_PW"
    )


def test_every_publishing_string_has_a_korean_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *map(str, sorted(UI.glob("*.py"))), "-ts", str(fresh)],
                   check=True, capture_output=True)  # fmt: skip

    def sources(path):
        root = ET.parse(path).getroot()
        return {(c.findtext("name"), m.findtext("source")) for c in root.iter("context")
                for m in c.iter("message")}  # fmt: skip

    missing = sources(fresh) - sources(i18n.source_catalog("ko"))
    assert not missing, sorted(missing)


def test_publish_menu_lists_targets_and_queues_when_offline(window, qtbot, nobody_target):
    save_targets([nobody_target])
    publishing = window.publishing
    publishing._fill_menu()
    action = window.actions["publish_0"]
    assert action.text() == "Publish to 사내 WP" and action.shortcut().toString() == "Ctrl+Shift+P"
    with qtbot.waitSignal(
        publishing.runner.busy_changed, timeout=20000, check_params_cb=lambda b: not b
    ):
        action.trigger()
    (job,) = publishing.outbox.jobs()
    assert job.state == "queued" and "does not answer" in job.message
    assert publishing.status_label.text() == "Outbox: 1 waiting"
    publishing.show_outbox()
    listed = publishing.outbox_window.job_list.topLevelItem(0)
    assert [listed.text(c) for c in range(3)] == [
        window.document.article.headline,
        "사내 WP",
        "Queued",
    ]


def test_a_sent_job_records_the_post_in_the_saved_document(window, tmp_path, qtbot, nobody_target):
    path = tmp_path / "a.article"
    window.document.save_as(path)
    publishing = window.publishing
    job = publishing.outbox.add(window.document.article, nobody_target, source=str(path),
                                write_back=False)  # fmt: skip
    job.state, job.url = "sent", "https://wp.example/?p=7"
    job.record = {"post_id": 7, "url": job.url, "sent_hash": "abc"}
    publishing._on_runner_job_changed(job)
    assert publishing.status_label.text() == "Published: https://wp.example/?p=7"
    assert not window.document.is_modified  # saved by the document itself
    assert record_for(read_article(path), nobody_target.key)["post_id"] == 7


def test_settings_keep_the_password_in_the_keyring_only(qtbot, memory_keyring):
    dialog = PublishSettingsDialog()
    qtbot.addWidget(dialog)
    dialog._on_add()
    dialog.edits["name"].setText("시사캐치 WP")
    dialog.edits["url"].setText("https://wp.example")
    dialog.edits["user"].setText("hong")
    dialog.password_edit.setText("abcd efgh ijkl")
    dialog._on_save()
    (target,) = load_targets()
    assert (target.url, target.user, target.name) == ("https://wp.example", "hong", "시사캐치 WP")
    assert memory_keyring.secrets == {
        ("article-editor:wordpress:https://wp.example:hong", "hong"): "abcd efgh ijkl"
    }
    assert "abcd" not in (config_dir() / "publishing.json").read_text()
    assert (
        json.loads((config_dir() / "publishing.json").read_text())["targets"][0]["user"] == "hong"
    )


def test_git_target_form_shows_the_repository_fields(qtbot):
    dialog = PublishSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._on_add()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("git"))
    assert dialog.edits["repo"].isVisible() and not dialog.password_edit.isVisible()
    dialog.edits["repo"].setText("/srv/site.git")
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData("jekyll"))
    dialog._on_save()
    assert load_targets() == [Target("git", repo="/srv/site.git", layout="jekyll")]


@pytest.fixture(autouse=True)
def _empty_clipboard_at_the_end():
    """Clear what a test copied: with data on it, Qt's offscreen clipboard crashes the
    interpreter at exit (PySide6 6.x; the xcb clipboard does not)."""
    yield
    if QApplication.instance() is not None:
        QApplication.clipboard().clear()


def clipboard() -> tuple[str, str | None]:
    """Return the clipboard's text and HTML (None without); never keep Qt's QMimeData."""
    data = QApplication.clipboard().mimeData()
    return data.text(), (data.html() if data.hasHtml() else None)


def test_paste_kit_puts_html_and_text_on_the_clipboard(window, qtbot, tmp_path, prompts):
    panel = PasteKitPanel(window.document, window)
    qtbot.addWidget(panel)
    panel.refresh()
    panel.copy_next()
    assert clipboard() == (window.document.article.headline, None)
    panel.copy_next()  # subhead: its lines as <br> in HTML, as lines in text
    text, markup = clipboard()
    assert markup.count("<br>") == 1 and text == window.document.article.subhead
    panel.copy_next()
    text, markup = clipboard()
    assert markup.startswith("<p>[시사캐치] 세종시가") and "<strong>운행 구간과 시간" in markup
    assert "[사진 02-shuttle-stop.jpg]" in text and "<" not in text
    assert panel.next_button.text() == "Copy Next: Caption"
    prompts.choose(tmp_path / "photos")
    panel._on_photos_button_clicked()
    names = sorted(p.name for p in (tmp_path / "photos").iterdir())
    assert names == ["01-shuttle-lead.jpg", "02-shuttle-stop.jpg", "captions.txt"]


def test_a_web_edit_asks_and_overwrite_sends_again(window, monkeypatch, nobody_target):
    publishing = window.publishing
    job = publishing.outbox.add(window.document.article, nobody_target)
    job.state, job.conflict, job.message = "failed", True, "edited on the web"
    job.remote = {"title": "웹 제목", "excerpt": "", "content": "<p>웹에서 고친 문단</p>"}
    job.ours = {
        "title": window.document.article.headline,
        "excerpt": "",
        "content": "<p>우리 문단</p>",
    }
    publishing.outbox.save(job)
    asked = []
    sent = []
    monkeypatch.setattr(
        ConflictDialog, "ask", classmethod(lambda cls, p, j: asked.append(j.id) or "overwrite")
    )
    monkeypatch.setattr(publishing.runner, "send", sent.append)
    publishing._on_runner_job_changed(job)
    assert asked == [job.id] and sent == [job.id]
    again = publishing.outbox.get(job.id)
    assert again.state == "queued" and again.overwrite and not again.conflict


def test_conflict_dialog_shows_the_difference(qtbot, nobody_target):
    job = Outbox().add(read_article(Path(__file__).parents[2] / "resources/samples/autonomous-shuttle"),
                       nobody_target)  # fmt: skip
    job.remote = {"title": "같은 제목", "content": "<p>데스크가 웹에서 고친 문단</p>"}
    job.ours = {"title": "같은 제목", "content": "<p>기자가 고친 문단</p>"}
    dialog = ConflictDialog(job)
    qtbot.addWidget(dialog)
    shown = dialog.diff_view.toHtml()
    assert "데스크가 웹에서" in shown and "기자가" in shown


def test_a_sent_embargoed_article_says_it_is_held_back(window, nobody_target, monkeypatch):
    from datetime import datetime

    from editor.core import clock

    seoul = clock.newsroom_zone()
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 1, 9, 0, tzinfo=seoul))
    window.document.set_field("embargo", datetime(2026, 12, 1, 18, 0, tzinfo=seoul))
    publishing = window.publishing
    job = publishing.outbox.add(window.document.article, nobody_target, write_back=False)
    job.state, job.url = "sent", "https://wp.example/?p=8"
    publishing.update_status(job)
    assert publishing.status_label.text() == (
        "Sent, held back until 2026-12-01 18:00 KST (embargo): https://wp.example/?p=8"
    )

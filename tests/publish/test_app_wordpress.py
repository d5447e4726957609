"""The app's Publish menu against the real WordPress: sent, recorded, and a web edit asked about."""

from __future__ import annotations

import pytest
from publish_corpus import korean_article
from PySide6.QtWidgets import QDialog
from ui.conftest import USER, placeholder_preview

from editor.publish.records import record_for
from editor.publish.targets import Target, save_targets
from editor.storage import read_article, write_article
from editor.ui import messages
from editor.ui.main_window import MainWindow
from editor.ui.publishing.conflict import ConflictDialog
from editor.ui.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture
def app_window(qtbot, monkeypatch):
    def refuse(self, *_args):
        raise AssertionError(f"unexpected modal {type(self).__name__}: {self.windowTitle()}")

    monkeypatch.setattr(QDialog, "exec", refuse)
    monkeypatch.setattr(messages, "_present", lambda _p, m: pytest.fail(f"prompt: {m.text}"))
    settings = Settings()
    settings.set_user(USER)
    window = MainWindow(settings=settings, preview_factory=placeholder_preview)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    return window


def test_the_app_publishes_records_and_asks_before_overwriting(
    wp, qtbot, app_window, tmp_path, monkeypatch
):
    monkeypatch.setenv("WP_APP_PASSWORD", wp.accounts["reporter"].app_password)
    target = Target("wordpress", name="사내 WP", url=wp.url, user="reporter",
                    password_env="WP_APP_PASSWORD")  # fmt: skip
    save_targets([target])
    path = tmp_path / "app.article"
    article = korean_article(seed=40)
    article.slug = "from-the-app"
    write_article(article, path)
    window = app_window
    window.document.load(path)
    publishing = window.publishing
    publishing._fill_menu()
    window.actions["publish_0"].trigger()
    (job,) = publishing.outbox.jobs()
    qtbot.waitUntil(lambda: publishing.outbox.get(job.id).state == "sent", timeout=120_000)
    qtbot.waitUntil(lambda: publishing.status_label.text().startswith("Published: "), timeout=5000)
    record = record_for(read_article(path), target.key)  # the document saved it itself
    post = wp.request(f"/wp/v2/posts/{record['post_id']}&context=edit")
    assert publishing.status_label.text() == f"Published: {post['link']}"
    assert not window.document.is_modified

    web = post["content"]["raw"] + "\n<p>데스크가 웹에서 고친 문단</p>"
    wp.request(f"/wp/v2/posts/{post['id']}", login="desk", method="POST", body={"content": web})
    asked = []
    monkeypatch.setattr(
        ConflictDialog, "ask", classmethod(lambda cls, _p, j: asked.append(j) or "overwrite")
    )
    window.document.set_body(window.document.article.body + "\n기자가 고친 문단\n")
    window.actions["publish_0"].trigger()
    qtbot.waitUntil(lambda: bool(asked), timeout=120_000)
    assert "데스크가 웹에서 고친 문단" in asked[0].remote["content"]
    assert "기자가 고친 문단" in asked[0].ours["content"]
    qtbot.waitUntil(lambda: publishing.outbox.get(asked[0].id).state == "sent", timeout=120_000)
    kept = wp.request(f"/wp/v2/posts/{post['id']}&context=edit")["content"]["raw"]
    assert "기자가 고친 문단" in kept and "데스크가 웹에서 고친 문단" not in kept

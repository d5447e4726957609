"""In the Korean UI every dialog, message box and file picker the app has speaks Korean.

The main window itself is walked by test_korean_ui.py; this walks everything it opens: each
dialog built the way its menu builds it, every message of editor.ui.messages built into the
real QMessageBox the user would see (buttons included), every file picker's title and
filters, and the find bar with its replace row and an error shown. A string with English
words (outside korean_text.ALLOWED: formats, names, keys) fails the test, listed by place.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from editor import resources
from editor.core.errors import ErrorCode, ExportError, ImageError
from editor.publish.outbox import Outbox
from editor.publish.targets import Target
from editor.storage import read_article
from editor.storage.drafts import DraftInfo
from editor.ui import messages
from editor.ui.find_bar import find_bar_of
from tests.ui.korean_text import english_in, korean_ui, visible_texts


def _about(window) -> QWidget:
    from editor.ui.about import AboutDialog

    return AboutDialog(window)


def _identity(window) -> QWidget:
    from editor.ui.identity_dialog import IdentityDialog

    return IdentityDialog(window.settings.user(), window)


def _export(window) -> QWidget:
    from editor.ui.dialogs import ExportDialog

    return ExportDialog(window.document, window.settings, window)


def _recovery(window) -> QWidget:
    from editor.ui.recovery import RecoveryDialog

    draft = DraftInfo(
        "d1", "세종시 자율주행 셔틀", datetime(2026, 3, 2, 9, 30, tzinfo=UTC), None, 1
    )
    return RecoveryDialog([draft], window)


def _publish_settings(window) -> QWidget:
    from editor.ui.publishing.settings_dialog import PublishSettingsDialog

    return PublishSettingsDialog(window)


def _outbox(window) -> QWidget:
    from editor.ui.publishing.outbox_window import OutboxWindow

    dialog = OutboxWindow(window.publishing, window)
    dialog.refresh()
    return dialog


def _paste_kit(window) -> QWidget:
    from editor.ui.publishing.paste_kit import PasteKitPanel

    panel = PasteKitPanel(window.document, window)
    panel.refresh()
    return panel


def _conflict(window) -> QWidget:
    from editor.ui.publishing.conflict import ConflictDialog

    target = Target("wordpress", name="사내 WP", url="https://wp.example.kr", user="reporter")
    job = Outbox().add(read_article(resources.sample_path()), target)
    job.remote = {"title": "같은 제목", "content": "<p>데스크가 웹에서 고친 문단</p>"}
    job.ours = {"title": "같은 제목", "content": "<p>기자가 고친 문단</p>"}
    return ConflictDialog(job, window)


def _revisions(window) -> QWidget:
    from editor.ui.review.revisions import RevisionsDialog

    return RevisionsDialog(window)


def _preview_controls(window) -> QWidget:
    from editor.ui.preview.controls import PreviewControls

    share = QAction(QCoreApplication.translate("PreviewPane", "Share card"), window)
    return PreviewControls(share, window)


def _detached_preview(window) -> QWidget:
    from editor.ui.preview.detached import PreviewWindow

    title = QCoreApplication.translate("PreviewPane", "Preview — {name}").format(
        name="셔틀.article"
    )
    return PreviewWindow(QWidget(), title, window)


DIALOGS: dict[str, Callable[..., QWidget]] = {
    "about": _about,
    "identity (first run)": _identity,
    "export": _export,
    "recovery": _recovery,
    "publishing settings": _publish_settings,
    "outbox": _outbox,
    "paste kit": _paste_kit,
    "publish conflict": _conflict,
    "revisions and compare": _revisions,
    "preview controls": _preview_controls,
    "detached preview": _detached_preview,
}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_every_dialog_is_korean(qapp, qtbot, make_window, name):
    with korean_ui(qapp):
        window = make_window()
        dialog = DIALOGS[name](window)
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        texts = visible_texts(dialog)
    assert len(texts) > 1, "the walk read nothing"
    assert not english_in(texts)


def test_the_find_bar_with_its_replace_row_and_an_error_is_korean(qapp, make_window):
    with korean_ui(qapp):
        window = make_window()
        bar = find_bar_of(window)  # built when first opened
        bar.open_find(replace=True)
        bar.regex_check.setChecked(True)
        bar.find_edit.setText("(")  # not a pattern: the bar says so
        bar.refresh()
        QApplication.processEvents()
        texts = visible_texts(bar)
    assert "정규 표현식이 아닙니다" in " ".join(texts.values())
    assert not english_in(texts)


def _every_message(parent: QWidget) -> None:
    """Call every message of editor.ui.messages once, as the app does."""
    name = "세종시 셔틀.article"
    messages.ask_unsaved(parent, name)
    messages.ask_open_folder(parent, "/home/기자/내보내기")
    messages.ask_changed_on_disk(parent, name)
    messages.ask_reload(parent, name, True)
    messages.ask_reload(parent, name, False)
    messages.tell_removed(parent, name)
    messages.ask_open_locked(parent, name, "PC-07", "김데스크", "09:30")
    messages.ask_export_with_errors(parent, 2, "제목이 없습니다.")
    messages.ask_restore_revision(parent, "3월 2일 09:30")
    messages.ask_drop_history(parent, 2, 3)
    messages.ask_drop_history(parent, 2, 3, folder=True)
    messages.ask_keep_photo_texts(parent)
    for exc in (
        ExportError(ErrorCode.BUNDLE_EXISTS, path="/home/기자/seoul"),
        ImageError(ErrorCode.IMAGE_PIXELS, path="images/큰.jpg", width=9000, height=9000, limit=40),
        PermissionError(13, "허가 거부", "/home/기자/a.article"),
        RuntimeError("unexpected"),
    ):
        messages.show_error(
            parent, QCoreApplication.translate("ExportDialog", "Export failed"), exc
        )


def test_every_message_box_is_korean_buttons_included(qapp, make_window, prompts):
    with korean_ui(qapp):
        window = make_window()
        prompts.answer(*[messages.Answer.CANCEL] * 40)
        _every_message(window)
        shown = [m for m in prompts.seen if isinstance(m, messages.Message)]
        boxes = [messages.message_box(window, m)[0] for m in shown]
        texts = {}
        for i, box in enumerate(boxes):
            texts[f"{i} title"] = box.windowTitle()
            texts[f"{i} text"] = box.text()
            for button in box.buttons():
                texts[f"{i} button {box.buttonRole(button)}"] = button.text().replace("&", "")
            box.deleteLater()
    assert len(shown) >= 16
    assert not english_in(texts)
    assert any(t == "취소" for t in texts.values())  # Qt's own buttons are Korean too


def test_every_file_picker_is_korean(qapp, make_window, prompts, tmp_path):
    with korean_ui(qapp):
        window = make_window()
        prompts.choose(*[str(tmp_path / "x")] * 6)
        messages.choose_open_file(window)
        messages.choose_open_folder(window)
        messages.choose_save_file(window)
        messages.choose_image(window)
        messages.choose_export_folder(window)
        requests = [r for r in prompts.seen if isinstance(r, messages.FileRequest)]
    texts = {f"{r.mode} {i}": f"{r.title} {r.name_filter}" for i, r in enumerate(requests)}
    texts = {k: v.replace("(*)", "") for k, v in texts.items()}
    assert len(requests) == 5
    assert not english_in(texts)


def test_the_walk_finds_english_when_it_is_there(qapp, make_window):
    """The check is not vacuous: an English dialog fails it."""
    window = make_window()  # the English UI
    dialog = _export(window)
    assert english_in(visible_texts(dialog))
    dialog.deleteLater()


def test_the_sample_is_where_the_dialogs_read_it():
    assert Path(resources.sample_path()).exists()

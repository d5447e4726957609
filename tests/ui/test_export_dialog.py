"""Export through the dialog: off the UI thread, with progress, success and failure."""

from __future__ import annotations

import zipfile

from editor.export import bundle_slug
from editor.ui.dialogs import ExportDialog
from editor.ui.messages import Answer, Kind


def _dialog(qtbot, window, out_dir) -> ExportDialog:
    dialog = ExportDialog(window.document, window.settings, window)
    qtbot.addWidget(dialog)
    dialog.destination_edit.setText(str(out_dir))
    dialog.show()
    return dialog


def test_markdown_folder_export_writes_a_bundle(qtbot, tmp_path, window, prompts):
    dialog = _dialog(qtbot, window, tmp_path)
    assert dialog.markdown_radio.isChecked() and dialog.folder_radio.isChecked()
    prompts.answer(Answer.NO)  # do not open the folder
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as blocker:
        dialog.export_button.click()
        assert not dialog.export_button.isEnabled()  # busy while the worker runs
    bundle = blocker.args[0]
    assert bundle == tmp_path / bundle_slug(window.document.article)
    assert (bundle / "index.md").read_text(encoding="utf-8").count("세종시") > 0
    assert (bundle / "images" / "shuttle-lead.jpg").is_file()
    assert prompts.seen[-1].title == "Export finished"
    assert dialog.progress_bar.value() == 100


def test_html_zip_export(qtbot, tmp_path, window, prompts):
    dialog = _dialog(qtbot, window, tmp_path)
    dialog.html_radio.setChecked(True)
    dialog.zip_radio.setChecked(True)
    prompts.answer(Answer.NO)
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as blocker:
        dialog.export_button.click()
    archive = blocker.args[0]
    assert archive.suffix == ".zip"
    with zipfile.ZipFile(archive) as zf:
        assert any(name.endswith("index.html") for name in zf.namelist())


def test_failure_is_a_clear_message_and_the_dialog_stays(qtbot, tmp_path, window, prompts):
    (tmp_path / bundle_slug(window.document.article)).mkdir()  # taken, and force is off
    dialog = _dialog(qtbot, window, tmp_path)
    prompts.answer(Answer.OK)
    with qtbot.waitSignal(dialog.export_failed, timeout=20000):
        dialog.export_button.click()
    message = prompts.seen[-1]
    assert message.kind is Kind.ERROR and message.title == "Export failed"
    assert "export could not be written" in message.text
    assert dialog.isVisible() and dialog.export_button.isEnabled()


def test_file_menu_export_opens_the_dialog(window, monkeypatch):
    opened = []
    monkeypatch.setattr(ExportDialog, "run", classmethod(lambda cls, *a: opened.append(a)))
    window.actions["export"].trigger()
    assert opened and opened[0][1] is window.document


def test_replace_never_touches_a_folder_that_is_not_an_earlier_export(
    qtbot, tmp_path, window, prompts
):
    """The dialog's "Replace an earlier export" wiped whatever folder had the slug's name."""
    stranger = tmp_path / bundle_slug(window.document.article)
    stranger.mkdir()
    (stranger / "contract.pdf").write_bytes(b"%PDF keep")
    dialog = _dialog(qtbot, window, tmp_path)
    dialog.overwrite_check.setChecked(True)
    prompts.answer(Answer.OK)
    with qtbot.waitSignal(dialog.export_failed, timeout=20000):
        dialog.export_button.click()
    assert "not an earlier export of this article" in prompts.seen[-1].text
    assert "nothing was changed" in prompts.seen[-1].text
    assert (stranger / "contract.pdf").read_bytes() == b"%PDF keep"
    stranger.joinpath("contract.pdf").unlink()
    stranger.rmdir()
    prompts.answer(Answer.NO)
    with qtbot.waitSignal(dialog.export_finished, timeout=20000):
        dialog.export_button.click()  # now a real earlier export: replacing it works
    dialog2 = _dialog(qtbot, window, tmp_path)
    dialog2.overwrite_check.setChecked(True)
    prompts.answer(Answer.NO)
    with qtbot.waitSignal(dialog2.export_finished, timeout=20000):
        dialog2.export_button.click()

"""The real window: typing, titles, prompts, files, drops, preview mode, settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.storage import read_article, write_article
from editor.ui.identity import Role, User
from editor.ui.messages import Answer, FileRequest
from editor.ui.settings import Settings


def test_typing_a_headline_updates_document_and_title(qtbot, window):
    edit = window.form.headline_edit
    edit.clear()
    qtbot.keyClicks(edit, "New headline")
    assert window.document.article.headline == "New headline"
    assert window.windowTitle().startswith("New headline — ")
    assert window.isWindowModified()
    assert window.form.headline_count_label.text().startswith("12/")


def test_typing_in_the_body_updates_the_status_bar(qtbot, window):
    text_edit = window.body_editor.text_edit
    text_edit.moveCursor(text_edit.textCursor().MoveOperation.End)
    before = window.status.counts.chars_no_spaces
    with qtbot.waitSignal(window.status.counts_updated, timeout=2000) as blocker:
        qtbot.keyClicks(text_edit, "abcde")
    assert blocker.args[0].chars_no_spaces == before + 5
    assert window.document.article.body.endswith("abcde")
    assert window.status.save_state_label.text()


def test_a_long_headline_is_flagged(qtbot, window):
    window.form.headline_edit.clear()
    window.form.headline_edit.insert("가" * 31)  # QTest cannot type Hangul
    window.form.headline_edit.textEdited.emit(window.form.headline_edit.text())
    assert window.form.headline_count_label.property("level") == "error"


def test_form_fields_reach_the_document(qtbot, window, commit_text):
    form = window.form
    form.tags_edit.clear()
    commit_text(form.tags_edit, "하나, 둘")
    form.section_combo.setCurrentText("경제")
    name = form.authors_editor.name_edits[0]
    name.clear()
    commit_text(name, "홍길동")
    form.status_combo.setCurrentIndex(2)  # a reporter cannot approve
    assert str(window.document.article.status) == "ready"  # the sample's, unchanged
    assert form.status_combo.currentData() == "ready"
    assert not form.status_combo.model().item(2).isEnabled()
    window.set_user(User("데스크", "", Role.DESK))
    assert form.status_combo.model().item(2).isEnabled()
    form.status_combo.setCurrentIndex(2)  # last: an edit after approval returns it to the desk
    article = window.document.article
    assert article.tags == ["하나", "둘"]
    assert str(article.status) == "approved"
    assert article.section == "경제"
    assert article.authors[0].name == "홍길동"


def test_closing_with_changes_asks_and_cancel_keeps_the_window(qtbot, window, prompts):
    window.document.set_field("headline", "바뀐 제목")
    prompts.answer(Answer.CANCEL)
    assert not window.close()
    assert window.isVisible()
    assert prompts.seen[-1].title == "Unsaved changes"
    prompts.answer(Answer.DISCARD)
    assert window.close()


def test_opening_another_file_while_dirty_asks_first(tmp_path, window, prompts):
    other = tmp_path / "other.md"
    write_article(read_article(_sample()), other)
    window.document.set_field("headline", "안 저장한 제목")
    prompts.answer(Answer.CANCEL)
    assert not window.open_path(other)
    assert window.document.article.headline == "안 저장한 제목"
    prompts.answer(Answer.DISCARD)
    assert window.open_path(other)
    assert window.document.path == other.resolve()
    assert "— other.md[*]" in window.windowTitle()


def test_new_asks_to_save_and_saves_through_save_as(tmp_path, window, prompts):
    window.document.set_field("headline", "저장할 제목")
    prompts.answer(Answer.SAVE)
    prompts.choose(tmp_path / "saved")  # no suffix: becomes .article
    assert window.new_document()
    assert read_article(tmp_path / "saved.article").headline == "저장할 제목"
    assert window.document.article.headline == "" and window.document.is_untitled
    assert isinstance(prompts.seen[1], FileRequest)


def test_save_close_reopen_through_the_window(tmp_path, qtbot, make_window, prompts, commit_text):
    window = make_window()
    window.form.headline_edit.clear()
    commit_text(window.form.headline_edit, "창에서 쓴 제목")
    window.body_editor.text_edit.moveCursor(QTextCursor.MoveOperation.Start)
    commit_text(window.body_editor.text_edit, "맨 앞 ")
    prompts.choose(tmp_path / "from-window.md")
    window.actions["save"].trigger()
    assert not window.document.is_modified
    assert window.close()
    again = make_window(tmp_path / "from-window.md")
    assert again.form.headline_edit.text() == "창에서 쓴 제목"
    assert again.body_editor.text_edit.toPlainText().startswith("맨 앞 [시사캐치]")
    assert again.settings.recent_files()[0] == (tmp_path / "from-window.md").resolve()


def test_dropping_a_bundle_folder_opens_it(qtbot, window, sample_dir):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(sample_dir))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == sample_dir.resolve())
    assert window.windowTitle().startswith("세종시 자율주행 셔틀")


def test_view_actions_store_the_mode_and_signal_it(qtbot, window, settings):
    with qtbot.waitSignal(window.preview_mode_changed) as blocker:
        window.actions["preview_mobile_412"].trigger()
    assert blocker.args == ["mobile", 412]
    assert Settings().preview_mode() == "mobile" and Settings().preview_width() == 412
    with qtbot.waitSignal(window.preview_mode_changed) as blocker:
        window.actions["preview_side-by-side"].trigger()
    assert blocker.args == ["side-by-side", 412]


def test_layout_is_remembered(qtbot, make_window):
    first = make_window()
    first.main_splitter.setSizes([700, 580])
    first.close()
    second = make_window()
    assert abs(second.main_splitter.sizes()[0] - 700) <= 2


def test_preview_is_created_after_the_first_paint(qtbot, settings, placeholder):
    from editor.ui.main_window import MainWindow

    made = []
    window = MainWindow(
        settings=settings,
        preview_factory=lambda doc, parent: made.append(doc) or placeholder(doc, parent),
    )
    qtbot.addWidget(window)
    assert made == []
    window.show()
    qtbot.waitUntil(lambda: made == [window.document])
    assert window.main_splitter.widget(1) is window.preview


def test_edit_menu_undo_goes_to_the_focused_editor(qtbot, window):
    text_edit = window.body_editor.text_edit
    text_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is text_edit)
    qtbot.keyClicks(text_edit, "xyz")
    window.actions["undo"].trigger()
    assert "xyz" not in window.document.article.body


def _sample() -> Path:
    from editor import resources

    return resources.sample_path()


def test_open_recent_lists_saved_files_and_opens_them(tmp_path, window, settings, prompts):
    target = tmp_path / "recent.article"
    prompts.choose(target)
    assert window.save_as()
    window.new_document()
    menu = window.actions.recent_menu
    menu.aboutToShow.emit()
    entries = [a for a in menu.actions() if a.text() == "recent.article"]
    assert entries
    entries[0].trigger()
    assert window.document.path == target.resolve()
    window.new_document()
    # The user's own byline from the settings, not the sample's reporter saved last.
    assert window.document.article.authors[0].name == settings.user().name == "박기자"


def test_settings_live_in_the_config_folder(settings):
    import os

    folder = Path(os.environ["ARTICLE_EDITOR_CONFIG_DIR"])
    assert Path(settings.file_name).parent == folder


def test_the_window_fits_the_screen_it_opens_on(qtbot, settings, placeholder):
    from PySide6.QtCore import QRect

    from editor.ui.main_window import MainWindow

    window = MainWindow(settings=settings, preview_factory=placeholder)
    qtbot.addWidget(window, before_close_func=lambda w: w.document.set_modified(False))
    area = window.screen().availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height() - 30
    # A geometry saved on a bigger monitor comes back inside this screen.
    window.setGeometry(QRect(area.right() - 100, area.bottom() - 100, 2600, 1600))
    settings.set_geometry(window.saveGeometry())
    again = MainWindow(settings=settings, preview_factory=placeholder)
    qtbot.addWidget(again, before_close_func=lambda w: w.document.set_modified(False))
    assert area.contains(again.geometry())


def test_open_recent_tells_same_named_files_apart_by_their_folders(tmp_path, window, settings):
    from editor.ui.menus import recent_labels

    paths = []
    for folder in ("정치/2025", "경제/2025", "경제/초안"):
        path = tmp_path / folder / "기사.article"
        path.parent.mkdir(parents=True)
        write_article(read_article(_sample()), path)
        paths.append(path)
        settings.add_recent_file(path)
    alone = tmp_path / "단독.article"
    write_article(read_article(_sample()), alone)
    settings.add_recent_file(alone)
    menu = window.actions.recent_menu
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if a.text().startswith(("기사", "단독"))]
    assert texts == [
        "단독.article",
        "기사.article — 초안",
        "기사.article — 경제/2025",
        "기사.article — 정치/2025",
    ]
    assert recent_labels([paths[0]]) == ["기사.article"]

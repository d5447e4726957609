"""Autosave: every open document reaches the drafts folder soon after a change, and leaves it
only after a clean save or an explicit discard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from editor.core.errors import DocumentError, ErrorCode
from editor.storage.drafts import DraftStore
from editor.ui.autosave import MAX_DELAY_FACTOR, Autosaver
from editor.ui.document import ArticleDocument
from editor.ui.messages import Answer

INTERVAL_MS = 100


@pytest.fixture
def fast_window(make_window, settings):
    """Return a factory of windows whose autosave waits INTERVAL_MS after the last change."""
    settings.set_autosave_interval_ms(INTERVAL_MS)
    return make_window


def _draft_files(window) -> set[str]:
    folder = window.autosaver.store.folder
    return {p.name for p in folder.glob("*")} if folder.exists() else set()


def _type_and_wait(qtbot, window, text: str = "속보") -> None:
    with qtbot.waitSignal(window.autosaver.draft_written, timeout=3000):
        window.document.set_field("headline", text)


def test_a_never_saved_document_reaches_the_drafts_folder(qtbot, fast_window):
    window = fast_window(sample=False)
    window.document.new_blank()
    assert window.autosaver.interval_ms == INTERVAL_MS
    with qtbot.waitSignal(window.autosaver.draft_written, timeout=3000) as blocker:
        window.document.set_body("기차에서 쓴 한 시간의 기사")
    store = window.autosaver.store
    assert blocker.args == [window.autosaver.draft_id]
    assert store.load(window.autosaver.draft_id).body == "기차에서 쓴 한 시간의 기사"
    assert store.folder == store.folder.parent / "drafts"  # data_dir()/drafts


def test_changes_in_a_burst_are_written_once(qtbot, fast_window, monkeypatch):
    window = fast_window()
    writes = []
    real_save = DraftStore.save
    monkeypatch.setattr(
        DraftStore, "save", lambda self, *a: writes.append(a[1].headline) or real_save(self, *a)
    )
    with qtbot.waitSignal(window.autosaver.draft_written, timeout=3000):
        for text in ("가", "가나", "가나다"):
            window.document.set_field("headline", text)
    assert window.autosaver.wait()
    assert writes == ["가나다"]


def test_non_stop_typing_still_writes_within_a_few_intervals(qtbot, fast_window):
    window = fast_window()
    written: list[str] = []
    window.autosaver.draft_written.connect(written.append)
    keys = iter(range(1_000_000))

    def type_a_key_then_look() -> bool:  # waitUntil polls far faster than the interval
        window.document.set_field("headline", f"쉬지 않고 {next(keys)}")
        return bool(written)

    qtbot.waitUntil(type_a_key_then_look, timeout=MAX_DELAY_FACTOR * INTERVAL_MS + 3000)


def test_losing_focus_writes_the_draft_at_once(qtbot, fast_window, qapp):
    window = fast_window()
    window.autosaver._interval = 60_000  # only the focus change can write it now
    window.document.set_field("headline", "자리를 비움")
    with qtbot.waitSignal(window.autosaver.draft_written, timeout=3000):
        qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)


def test_an_unmodified_document_writes_no_draft(qtbot, fast_window):
    window = fast_window()
    window.autosaver.flush()
    assert window.autosaver.wait()
    assert _draft_files(window) == set()


def test_a_clean_save_removes_the_draft(qtbot, fast_window, tmp_path, prompts):
    window = fast_window()
    _type_and_wait(qtbot, window)
    assert len(_draft_files(window)) == 2  # .article and .json
    prompts.choose(tmp_path / "saved.article")
    assert window.save_as()
    assert _draft_files(window) == set()


def test_a_failed_save_keeps_the_draft(qtbot, fast_window, tmp_path, prompts, monkeypatch):
    window = fast_window()
    _type_and_wait(qtbot, window)

    def full(*_args, **_kwargs):
        raise DocumentError(ErrorCode.DISK_FULL)

    monkeypatch.setattr("editor.ui.document.save_document", full)
    prompts.choose(tmp_path / "saved.article")
    prompts.answer(Answer.OK)
    assert not window.save_as()
    assert len(_draft_files(window)) == 2 and window.document.is_modified


@pytest.mark.parametrize(
    ("answer", "kept"), [(Answer.DISCARD, False), (Answer.CANCEL, True)], ids=["discard", "cancel"]
)
def test_closing_discards_the_draft_only_when_the_user_says_so(
    qtbot, fast_window, prompts, answer, kept
):
    window = fast_window()
    _type_and_wait(qtbot, window)
    prompts.answer(answer)
    window.close()
    assert bool(_draft_files(window)) is kept
    assert window.isVisible() is kept


def test_a_write_in_flight_does_not_bring_a_discarded_draft_back(qtbot, tmp_path):
    doc = ArticleDocument()
    doc.new_blank()
    store = DraftStore(tmp_path / "drafts")
    autosaver = Autosaver(doc, store, interval_ms=60_000)
    doc.set_body("본문 " * 50_000)
    autosaver.flush()
    autosaver.discard()  # a save finished while the draft was being written
    assert autosaver.wait()
    assert list(store.folder.glob("*")) == []


def test_opening_another_article_starts_a_new_draft(qtbot, fast_window, sample_dir, prompts):
    window = fast_window()
    _type_and_wait(qtbot, window)
    first = window.autosaver.draft_id
    prompts.answer(Answer.DISCARD)
    assert window.open_path(sample_dir)
    assert window.autosaver.draft_id != first and _draft_files(window) == set()


def test_a_failing_draft_write_is_shown_in_the_status_bar(qtbot, fast_window, monkeypatch):
    window = fast_window()

    def full(*_args):
        raise DocumentError(ErrorCode.DISK_FULL)

    monkeypatch.setattr(DraftStore, "save", full)
    with qtbot.waitSignal(window.autosaver.draft_failed, timeout=3000):
        window.document.set_field("headline", "가득 찬 디스크")
    QApplication.processEvents()
    assert "The disk is full" in window.status.currentMessage()
    assert window.document.article.headline == "가득 찬 디스크"

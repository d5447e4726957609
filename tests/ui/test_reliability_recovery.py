"""Recovery: drafts a crash left behind are offered at start-up — restore, discard, or later."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QApplication

from editor.core import clock
from editor.core.model import Article
from editor.storage import read_article, write_article
from editor.storage.drafts import DraftStore
from editor.storage.safe_save import fingerprint
from editor.ui import app, main_window, recovery
from editor.ui.messages import Answer
from editor.ui.recovery import Choice, RecoveryDialog, offer_recovery

DEAD_PID = 999_999_999  # above any pid_max: no such process
KST = timezone(timedelta(hours=9))


def make_orphan(
    headline: str, origin: str | None = None, body: str = "복구할 본문", base: str | None = None
) -> str:
    """Leave a draft behind as a crashed app would; return its id."""
    store = DraftStore()
    draft_id = store.new_id()
    store.save(draft_id, Article(headline=headline, body=body), origin, base)
    meta_path = store.folder / f"{draft_id}.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["pid"] = DEAD_PID
    meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return draft_id


@pytest.fixture
def answer_dialog(monkeypatch):
    """Make RecoveryDialog.run answer with a choice per draft (default: restore all)."""
    shown: list[list[str]] = []

    def install(choice: Choice = Choice.RESTORE):
        def run(_parent, drafts):
            shown.append([d.headline for d in drafts])
            return {d.draft_id: choice for d in drafts}

        monkeypatch.setattr(RecoveryDialog, "run", classmethod(lambda cls, p, d: run(p, d)))
        return shown

    return install


def test_the_dialog_lists_each_draft_with_headline_and_time(qtbot):
    clock.set_clock(lambda: datetime(2025, 4, 4, 9, 30, tzinfo=KST))
    try:
        first = make_orphan("세종시 셔틀 확대", origin="/news/shuttle.article")
        second = make_orphan("")
    finally:
        clock.set_clock(None)
    dialog = RecoveryDialog(DraftStore().orphans())
    qtbot.addWidget(dialog)
    rows = [
        [dialog.draft_list.topLevelItem(i).text(c) for c in range(3)]
        for i in range(dialog.draft_list.topLevelItemCount())
    ]
    when = datetime(2025, 4, 4, 9, 30, tzinfo=KST).astimezone().strftime("%Y-%m-%d %H:%M")
    assert sorted(rows) == sorted(
        [["세종시 셔틀 확대", when, "shuttle.article"], ["Untitled article", when, "Never saved"]]
    )
    assert set(dialog.choices) == {first, second}
    assert set(dialog.choices.values()) == {Choice.LATER}  # closing the dialog keeps them


def test_discard_removes_selected_rows_and_restore_takes_the_rest(qtbot):
    make_orphan("버릴 기사")
    keep = make_orphan("살릴 기사")
    dialog = RecoveryDialog(DraftStore().orphans())
    qtbot.addWidget(dialog)
    items = [dialog.draft_list.topLevelItem(i) for i in range(2)]
    dialog.draft_list.clearSelection()
    assert not dialog.restore_button.isEnabled() and not dialog.discard_button.isEnabled()
    next(i for i in items if i.text(0) == "버릴 기사").setSelected(True)
    assert dialog.restore_button.isEnabled()
    dialog.discard_button.click()
    assert dialog.draft_list.topLevelItemCount() == 1
    dialog.draft_list.topLevelItem(0).setSelected(True)
    dialog.restore_button.click()
    assert dialog.choices[keep] is Choice.RESTORE
    assert sorted(dialog.choices.values()) == [Choice.DISCARD, Choice.RESTORE]


def test_restore_opens_a_modified_document_bound_to_its_file(
    qtbot, make_window, tmp_path, answer_dialog
):
    origin = tmp_path / "shuttle.article"
    write_article(Article(headline="디스크의 판"), origin)
    draft_id = make_orphan("고치던 판", origin=str(origin))
    window = make_window()
    answer_dialog()
    assert offer_recovery(window, lambda: pytest.fail("no second window needed")) == [window]
    doc = window.document
    assert doc.article.headline == "고치던 판" and doc.article.body == "복구할 본문"
    assert doc.is_modified and doc.path == origin.resolve()
    assert window.autosaver.draft_id == draft_id
    assert window.autosaver.wait()
    assert DraftStore().orphans() == []  # the draft now belongs to this running app
    assert window.save()
    assert read_article(origin).headline == "고치던 판"
    assert not (DraftStore().folder / f"{draft_id}.json").exists()  # saved: draft gone


def test_an_outside_change_after_the_crash_is_not_overwritten_unasked(
    qtbot, make_window, tmp_path, answer_dialog, prompts
):
    origin = tmp_path / "shared.article"
    write_article(Article(headline="충돌 전 판"), origin)
    make_orphan("고치던 판", origin=str(origin), base=fingerprint(origin))
    write_article(Article(headline="동료가 고친 판"), origin)  # a sync client, after the crash
    window = make_window()
    answer_dialog()
    offer_recovery(window, lambda: pytest.fail("no second window needed"))
    prompts.answer(Answer.CANCEL)
    assert not window.save()
    assert prompts.seen[-1].title == "The file was changed by another program"
    assert read_article(origin).headline == "동료가 고친 판"


def test_a_window_with_a_file_open_stays_and_drafts_get_their_own(
    qtbot, make_window, sample_dir, answer_dialog
):
    make_orphan("첫 초고")
    make_orphan("둘째 초고")
    window = make_window(sample_dir)
    extra = [make_window(sample=False), make_window(sample=False)]
    answer_dialog()
    restored = offer_recovery(window, extra.pop)
    assert window not in restored and len(restored) == 2
    assert sorted(w.document.article.headline for w in restored) == ["둘째 초고", "첫 초고"]
    assert all(w.document.is_untitled and w.document.is_modified for w in restored)


@pytest.mark.parametrize("choice", [Choice.DISCARD, Choice.LATER])
def test_discard_deletes_and_later_keeps(qtbot, make_window, answer_dialog, choice):
    draft_id = make_orphan("어떤 초고")
    window = make_window()
    answer_dialog(choice)
    assert offer_recovery(window, lambda: pytest.fail("nothing to open")) == []
    kept = [d.draft_id for d in DraftStore().orphans()]
    assert kept == ([draft_id] if choice is Choice.LATER else [])
    assert not window.document.is_modified


def test_no_orphans_no_prompt(qtbot, make_window):
    window = make_window()
    assert offer_recovery(window, lambda: pytest.fail("nothing to open")) == []


def test_a_damaged_draft_gives_a_message_and_is_kept(qtbot, make_window, answer_dialog, prompts):
    draft_id = make_orphan("망가진 초고")
    (DraftStore().folder / f"{draft_id}.article").write_bytes(b"not a zip")
    window = make_window()
    answer_dialog()
    prompts.answer(Answer.OK)
    assert offer_recovery(window, lambda: pytest.fail("nothing to open")) == []
    assert prompts.seen[-1].title == "Could not restore the draft"
    assert [d.draft_id for d in DraftStore().orphans()] == [draft_id]


def test_run_offers_the_drafts_at_start_up(qtbot, qapp, monkeypatch, placeholder, answer_dialog):
    make_orphan("기차에서 쓰던 기사")
    monkeypatch.setattr(main_window, "_make_preview", placeholder)
    monkeypatch.setattr(type(qapp), "exec", lambda self: 0)
    shown = answer_dialog()
    try:
        assert app.run(None) == 0
        window = app._windows[-1]
        painted: list[bool] = []
        window.first_painted.connect(lambda: painted.append(True))
        assert shown == []  # the window paints first; the offer comes right after
        qtbot.waitUntil(lambda: bool(shown))
        assert painted == [True]
        assert shown == [["기차에서 쓰던 기사"]]
        assert window.document.article.headline == "기차에서 쓰던 기사"
        assert window.document.is_modified
    finally:
        for window in list(app._windows):
            window.document.set_modified(False)
            window.close()
        QApplication.processEvents()


def test_the_dialog_opens_through_its_classmethod(qtbot, make_window, prompts):
    make_orphan("모달로 여는 기사")
    window = make_window()
    offer_recovery(window, lambda: pytest.fail("nothing to open"))
    assert prompts.unexpected == ["modal RecoveryDialog: Recover Unsaved Articles"]
    prompts.unexpected.clear()  # the real dialog was refused, as conftest does for all modals
    assert recovery.DraftStore().orphans()  # refusing it is "later": the draft stays

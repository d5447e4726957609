"""Spell check in the window: the real dictionaries in a child process, underlines, menu."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QPoint

from editor.storage import dictionaries, spell_worker
from editor.ui.underline_menu import underline_menu
from tests.ui.underlined import WAVY, drawn_words, spell_selections

pytestmark = pytest.mark.slow  # the spell process loads the Korean dictionary (~2–6 s)


@pytest.fixture
def spelled_window(make_window, monkeypatch, qtbot, tmp_path):
    monkeypatch.setenv("ARTICLE_EDITOR_SPELLING", "1")
    monkeypatch.setenv("ARTICLE_EDITOR_CACHE_DIR", str(tmp_path / "cache"))
    window = make_window()
    qtbot.waitUntil(lambda: window.spelling is not None, timeout=5000)
    service = window.spelling.service
    qtbot.waitUntil(lambda: service.is_ready, timeout=60000)
    # The Korean dictionary loads with the first word that needs it: have it loaded now (a
    # block number past the end: the answer underlines nothing).
    with qtbot.waitSignal(service.checked, timeout=60000):
        service.send({"op": "check", "items": [["0:999999", "준비"]]})
    yield window
    window.spelling.service.stop()


def body_words(window) -> list[str]:
    return window.spelling.underliner.underlined(window.body_editor.text_edit)


def test_misspelling_is_underlined_and_correct_words_are_not(spelled_window, qtbot):
    window = spelled_window
    window.document.set_body(
        "[시사캐치=홍길동 기자] 공사가 마무리 됬다. 공사가 됐다. 결과를 보여주는 자료를 "
        "시의회가 냈다. `됬다` https://ex.kr/됬다"
    )
    qtbot.waitUntil(lambda: body_words(window) == ["됬다"], timeout=10000)
    edit = window.body_editor.text_edit
    # What the reader sees: the body's highlighter draws the underline, in one pass with the
    # Markdown (an extra selection had Qt draw the paragraph's lines again per word).
    qtbot.waitUntil(lambda: not edit.highlighter.pending)
    assert drawn_words(edit, WAVY) == ["됬다"]
    assert spell_selections(edit) == 0


def test_form_fields_are_underlined_too(spelled_window, qtbot):
    window = spelled_window
    window.document.set_field("headline", "운행 계획 확정됬다")
    underliner = window.spelling.underliner
    qtbot.waitUntil(lambda: underliner.underlined(window.form.headline_edit) == ["확정됬다"])
    assert drawn_words(window.form.headline_edit, WAVY) == ["확정됬다"]  # an extra selection


def test_typing_rechecks_only_after_a_pause(spelled_window, qtbot, commit_text):
    window = spelled_window
    window.document.set_body("첫 문단은 맞다.")
    edit = window.body_editor.text_edit
    qtbot.waitUntil(lambda: not window.spelling.underliner.timer.isActive(), timeout=5000)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    commit_text(edit, " 됬다")
    assert window.spelling.underliner.timer.isActive()  # nothing checked on the keystroke
    qtbot.waitUntil(lambda: body_words(window) == ["됬다"], timeout=10000)


def test_context_menu_suggests_off_the_ui_thread_and_replaces(spelled_window, qtbot):
    window = spelled_window
    window.document.set_body("마무리 됬다.")
    qtbot.waitUntil(lambda: body_words(window) == ["됬다"], timeout=10000)
    edit = window.body_editor.text_edit
    rect = edit.cursorRect(edit.document().find("됬다"))
    menu_owner = underline_menu(edit)  # the one menu spelling and house style share
    assert menu_owner.open_at(rect.center(), edit.mapToGlobal(rect.center()))
    menu = menu_owner.menu
    names = [a.objectName() for a in menu.actions()]
    assert names[:3] == ["spell_placeholder_action", "spell_add_action", "spell_ignore_action"]
    # The suggestions come from the spell process, not from this (UI) thread.
    assert window.spelling.service.process.processId() != 0
    qtbot.waitUntil(
        lambda: any(a.objectName() == "spell_suggestion_action" for a in menu.actions()),
        timeout=10000,
    )
    first = next(a for a in menu.actions() if a.objectName() == "spell_suggestion_action")
    assert first.text() == "됐다"
    first.trigger()
    menu.close()
    assert window.document.body_text() == "마무리 됐다."
    qtbot.waitUntil(lambda: body_words(window) == [], timeout=10000)


def test_not_underlined_word_opens_the_normal_menu(spelled_window):
    window = spelled_window
    window.document.set_body("맞는 문장.")
    edit = window.body_editor.text_edit
    assert not underline_menu(edit).open_at(QPoint(2, 2), QPoint(2, 2))


def test_add_to_dictionary_and_ignore_in_article(spelled_window, qtbot, tmp_path):
    window = spelled_window
    window.document.set_body("넷플릭스 운행. 재개됬다.")
    qtbot.waitUntil(lambda: body_words(window) == ["넷플릭스", "재개됬다"], timeout=10000)
    window.spelling.add_word("넷플릭스")
    assert "넷플릭스" in dictionaries.read_user_words()  # the user's file in the config folder
    window.spelling.ignore_word("재개됬다")
    assert window.document.article.private["spelling_ignore"] == ["재개됬다"]
    assert window.document.is_modified
    qtbot.waitUntil(lambda: body_words(window) == [], timeout=10000)


def test_worker_answers_in_process(tmp_path):
    checker = dictionaries.load_checker(tmp_path)
    reply = spell_worker.handle(checker, {"id": 3, "op": "check", "items": [["0:0", "됬다 됐다"]]})
    assert reply == {"id": 3, "op": "check", "results": [["0:0", "됬다 됐다", [[0, 2, "됬다"]]]]}
    assert threading.current_thread() is threading.main_thread()


def test_lead_image_texts_and_tags_are_underlined_but_not_credits_urls_or_mail(
    spelled_window, qtbot
):
    from dataclasses import replace

    window = spelled_window
    lead = window.document.article.lead_image
    window.document.set_lead_image(
        replace(
            lead,
            alt="버스가 정류장에 도착했다 됬다 https://ex.kr/됬다",
            caption="▲ 시범운행이 마무리 됬다. 문의 됬다@example.kr",
            credit="[시사캐치=됬다 기자]",
        )
    )
    window.document.set_field("tags", ["자율주행", "됬다"])
    panel, underliner = window.form.lead_image_panel, window.spelling.underliner
    qtbot.waitUntil(lambda: underliner.underlined(panel.caption_edit) == ["됬다"], timeout=10000)
    qtbot.waitUntil(lambda: underliner.underlined(panel.alt_edit) == ["됬다"], timeout=10000)
    qtbot.waitUntil(lambda: underliner.underlined(window.form.tags_edit) == ["됬다"])
    assert underliner.underlined(panel.credit_edit) == []
    caption = panel.caption_edit
    rect = caption.cursorRect(caption.document().find("됬다"))
    shared = underline_menu(caption)
    assert shared.open_at(rect.center(), caption.mapToGlobal(rect.center()))
    qtbot.waitUntil(
        lambda: any(a.objectName() == "spell_suggestion_action" for a in shared.menu.actions()),
        timeout=10000,
    )
    first = next(a for a in shared.menu.actions() if a.objectName() == "spell_suggestion_action")
    first.trigger()
    shared.menu.close()
    assert (
        window.document.article.lead_image.caption
        == "▲ 시범운행이 마무리 됐다. 문의 됬다@example.kr"
    )
    caption.undo()
    assert window.document.article.lead_image.caption.startswith("▲ 시범운행이 마무리 됬다.")

"""The Korean UI words every error from its code and arguments; no English from below reaches it."""

from __future__ import annotations

import dataclasses
import string
import xml.etree.ElementTree as ET

import pytest

from editor.core.errors import ArticleError, ErrorCode, ExportError
from editor.export import bundle_slug
from editor.publish.errors import UnreachableError
from editor.publish.outbox import FAILED, Job
from editor.ui import i18n
from editor.ui.dialogs import ExportDialog
from editor.ui.messages import Answer, error_words
from editor.ui.publishing.controller import job_error_words
from tests.ui.korean_text import english, korean_ui


def _catalog() -> dict[str, str]:
    root = ET.parse(i18n.source_catalog("ko")).getroot()
    return {
        m.findtext("source"): m.findtext("translation") or ""
        for c in root.iter("context")
        if c.findtext("name") == "errors"
        for m in c.iter("message")
    }


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("code", list(ErrorCode))
def test_every_error_code_has_korean_words_naming_the_same_values(code):
    korean = _catalog().get(code.english, "")
    assert korean.strip(), f"translate {code.english!r} in the errors context"
    assert _fields(korean) == _fields(code.english)
    assert not english(string.Formatter().vformat(korean, (), _Blank())), korean


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def test_an_error_is_worded_in_korean_with_its_values(qapp):
    exc = ArticleError(ErrorCode.TOO_MANY_IMAGES, count=600, limit=500)
    with korean_ui(qapp):
        words = error_words(exc)
    assert words == "기사에 사진이 600장 있습니다. 한도는 500장입니다."
    assert error_words(exc) == exc.message  # English again once the catalog is gone


def test_a_bundle_in_the_way_is_told_in_korean(qapp, qtbot, tmp_path, window, prompts):
    """The issue's own example: "bundle already exists" reached the Korean UI in English."""
    (tmp_path / bundle_slug(window.document.article)).mkdir()
    with korean_ui(qapp):
        dialog = ExportDialog(window.document, window.settings, window)
        qtbot.addWidget(dialog)
        dialog.destination_edit.setText(str(tmp_path))
        dialog.show()
        prompts.answer(Answer.OK)
        with qtbot.waitSignal(dialog.export_failed, timeout=20000):
            dialog.export_button.click()
    message = prompts.seen[-1]
    assert "같은 이름의 묶음이 이미 있습니다" in message.text
    assert not english(message.title + message.text)
    assert str(tmp_path) in message.details  # where it happened, for whoever needs it


def test_a_failed_publish_job_is_described_in_korean_from_its_kept_record(qapp):
    exc = UnreachableError(ErrorCode.NO_ANSWER, url="https://example.kr", reason="timed out")
    job = Job("j1", {}, "", "기사", state=FAILED, message=str(exc))
    job.error = dataclasses.asdict(exc.record())
    with korean_ui(qapp):
        words = job_error_words(job)
    assert words == "https://example.kr이(가) 응답하지 않습니다(timed out)."
    old = Job("j2", {}, "", "기사", state=FAILED, message="words from an older version")
    assert job_error_words(old) == "words from an older version"


def test_a_nested_reason_is_korean_too(qapp):
    exc = ExportError(
        ErrorCode.BUNDLE_NOT_OURS, path="out/a", reason=ExportError(ErrorCode.BUNDLE_NO_MARKER)
    )
    with korean_ui(qapp):
        words = error_words(exc)
    assert "(내보내기 표지가 없습니다)" in words and not english(words)

"""Recovery keeps a lead photo whose file name is Hangul: NFC, NFD (macOS) or %-escaped."""

from __future__ import annotations

import json
import unicodedata
from urllib.parse import quote, unquote

import pytest

from editor.core.model import Article, LeadImage
from editor.storage.drafts import DraftStore
from editor.ui.recovery import Choice, RecoveryDialog, offer_recovery

DEAD_PID = 999_999_999  # above any pid_max: no such process
NAME = "images/세종 셔틀.jpg"


@pytest.fixture
def restore_all(monkeypatch):
    """Answer the recovery dialog with Restore for every draft."""
    monkeypatch.setattr(
        RecoveryDialog,
        "run",
        classmethod(lambda cls, _p, d: {i.draft_id: Choice.RESTORE for i in d}),
    )


def _orphan_all() -> None:
    """Make every draft look left behind by a crashed app."""
    for meta_path in DraftStore().folder.glob("*.json"):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["pid"] = DEAD_PID
        meta_path.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")


def _recovered_thumbnail(qtbot, make_window):
    """Restore the one orphaned draft in a fresh window; return its lead thumbnail label."""
    fresh = make_window(sample=False)
    [restored] = offer_recovery(fresh, lambda: pytest.fail("no second window needed"))
    panel = restored.form.lead_image_panel
    qtbot.waitUntil(lambda: not panel.thumbnail_pending)  # decoded on a thread if not shown
    return panel.thumbnail_label


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_a_picked_photo_with_a_hangul_name_survives_the_crash(
    qtbot, make_window, sample_dir, tmp_path, restore_all, form
):
    photo = (sample_dir / "images" / "shuttle-lead.jpg").read_bytes()
    window = make_window(sample=False)
    assert window.form.lead_image_panel.set_image(
        unicodedata.normalize(form, "세종 셔틀.jpg"), photo
    )
    window.document.save_as(tmp_path / "셔틀.article")
    window.document.set_field("headline", "고치던 판")
    with qtbot.waitSignal(window.autosaver.draft_written, timeout=10_000):
        window.autosaver.flush()
    window.document.close()  # as a crash leaves it: the file is free, the draft stays
    _orphan_all()
    label = _recovered_thumbnail(qtbot, make_window)
    assert label.text() == "" and not label.pixmap().isNull()


@pytest.mark.parametrize(
    "spelling",
    [unicodedata.normalize("NFD", NAME), quote(NAME), quote(unicodedata.normalize("NFD", NAME))],
    ids=["NFD", "escaped", "escaped NFD"],
)
def test_a_draft_naming_its_lead_photo_in_another_spelling_shows_it(
    qtbot, make_window, sample_dir, restore_all, spelling
):
    photo = (sample_dir / "images" / "shuttle-lead.jpg").read_bytes()
    article = Article(headline="고치던 판", lead_image=LeadImage(src=spelling, alt="셔틀"))
    article.images[unquote(spelling)] = photo  # the zip stores it under the NFC name
    store = DraftStore()
    store.save(store.new_id(), article, None)
    _orphan_all()
    label = _recovered_thumbnail(qtbot, make_window)
    assert label.text() == "" and not label.pixmap().isNull()

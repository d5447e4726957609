"""Korean interface: the .ts covers every string, compiles at start-up, and is used."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from editor.ui import i18n

MY_MODULES = (
    "about",
    "assignment_panel",
    "app",
    "authors_editor",
    "autosave",
    "body_editor",
    "dialogs",
    "document",
    "find_bar",
    "spell_check",
    "style_marks",
    "form",
    "identity_dialog",
    "lead_image_panel",
    "main_window",
    "menus",
    "messages",
    "preview/pane",
    "preview/controls",
    "preview/detached",
    "recovery",
    "status_bar",
    "review/checklist_panel",
    "review/compare",
    "review/controller",
    "review/fields",
    "review/highlight",
    "review/notes_panel",
    "review/problem_text",
    "review/revisions",
    "review/status",
)
UI_SOURCES = [Path(i18n.__file__).parent / f"{name}.py" for name in MY_MODULES]


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name"), m.findtext("source"))
        for c in root.iter("context")
        for m in c.iter("message")
    }


def test_every_interface_string_has_a_korean_translation(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *map(str, UI_SOURCES), "-ts", str(fresh)], check=True, capture_output=True
    )
    catalog = i18n.source_catalog("ko")
    missing = _sources(fresh) - _sources(catalog)
    assert not missing, f"add these to {catalog.name}: {sorted(missing)}"
    untranslated = [
        m.findtext("source")
        for m in ET.parse(catalog).getroot().iter("message")
        if not (m.findtext("translation") or "").strip()
    ]
    assert not untranslated


def test_language_follows_the_system_locale(monkeypatch):
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    assert i18n.ui_language(QLocale(QLocale.Language.Korean)) == "ko"
    assert i18n.ui_language(QLocale(QLocale.Language.English)) == "en"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "ko_KR")
    assert i18n.ui_language(QLocale(QLocale.Language.English)) == "ko"


def test_catalog_is_compiled_into_the_cache_and_installed(qapp, monkeypatch, make_window):
    qm = i18n.compiled_catalog("ko")
    assert qm is not None and qm.is_file() and qm.suffix == ".qm"
    assert qm.parent == i18n.cache_dir()  # never next to the committed sources
    mtime = qm.stat().st_mtime
    assert i18n.compiled_catalog("ko") == qm and qm.stat().st_mtime == mtime  # not rebuilt
    try:
        assert i18n.install_translators(qapp, "ko")
        window = make_window()
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "파일(&F)"
        assert window.form.lead_image_panel.alt_edit.placeholderText().startswith("사진을")
        QApplication.processEvents()
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(QLocale(QLocale.Language.English))


@pytest.mark.parametrize("language", ["en"])
def test_english_installs_nothing(qapp, language):
    assert not i18n.install_translators(qapp, language)

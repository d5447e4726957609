"""The About dialog: version, the OFL font licence, the LGPL notice for Qt, licence texts."""

from __future__ import annotations

import pytest

from editor import __version__
from editor.ui import about


@pytest.fixture
def dialog(qtbot) -> about.AboutDialog:
    widget = about.AboutDialog()
    qtbot.addWidget(widget)
    return widget


def test_header_shows_name_and_version(dialog):
    assert "Article Editor" in dialog.title_label.text()
    assert __version__ in dialog.title_label.text()


def test_notices_list_the_font_licence_and_the_lgpl_notice(dialog):
    html = dialog.notices_html()
    assert "Pretendard" in html and "OFL-1.1" in html
    assert "LGPL" in html
    assert about.QT_SOURCE_URL in html and about.PYSIDE_SOURCE_URL in html
    assert "replace them with your own build" in html  # the relinking notice
    for name in ("Python-Markdown", "PyYAML", "Jinja2", "nh3", "Pillow"):
        assert name in html


def test_every_component_has_its_licence_text():
    for component in about.COMPONENTS:
        assert about.licence_text(component).strip(), component.name


def test_licence_tab_shows_the_selected_text(dialog):
    names = [dialog.licence_list.item(i).text() for i in range(dialog.licence_list.count())]
    dialog.licence_list.setCurrentRow(names.index("Pretendard (OFL-1.1)"))
    assert "SIL OPEN FONT LICENSE" in dialog.licence_text_edit.toPlainText()
    lgpl = next(i for i, name in enumerate(names) if name.startswith("Qt 6"))
    dialog.licence_list.setCurrentRow(lgpl)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text_edit.toPlainText()


def test_show_about_opens_through_the_one_door(monkeypatch):
    opened = []
    monkeypatch.setattr(about.AboutDialog, "run", classmethod(lambda cls, p=None: opened.append(p)))
    about.show_about(None)
    assert opened == [None]

"""Fast checks of the packaging files: desktop entry, metainfo, MIME type, spec, plist, About."""

from __future__ import annotations

import configparser
import plistlib
import xml.etree.ElementTree as ET
from pathlib import Path

import buildinfo
import freeze
import pytest

from editor import __version__

PACKAGING = buildinfo.PACKAGING
LINUX = PACKAGING / "linux"
SPEC = PACKAGING / "article-editor.spec"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / "article-editor.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{buildinfo.APP_ID}.metainfo.xml").getroot()


def test_desktop_entry_names_the_mime_type_icon_and_command():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert buildinfo.MIME_TYPE in entry["MimeType"].rstrip(";").split(";")
    assert entry["Icon"] == buildinfo.ICON_NAME
    assert entry["Exec"].split()[0] == buildinfo.EXE_NAME
    assert "%f" in entry["Exec"]  # double-clicking a .article passes the file
    assert entry["StartupWMClass"] == buildinfo.EXE_NAME


def test_metainfo_names_the_app_mime_type_icon_and_launcher():
    root = metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == buildinfo.APP_ID
    assert root.findtext("provides/mediatype") == buildinfo.MIME_TYPE
    assert root.findtext("icon") == buildinfo.ICON_NAME
    assert root.findtext("launchable") == "article-editor.desktop"
    assert root.find("releases") is None  # the build adds it from editor.__version__


def test_built_metainfo_carries_the_one_version():
    template = (LINUX / f"{buildinfo.APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    built = ET.fromstring(buildinfo.metainfo_with_release(template, __version__, "2026-01-02"))
    release = built.find("releases/release")
    assert release is not None
    assert release.get("version") == __version__
    assert release.get("date") == "2026-01-02"


def test_mime_type_is_a_zip_matched_by_extension():
    mime = ET.parse(LINUX / "article-editor.xml").getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == buildinfo.MIME_TYPE
    assert mime.find(f"{MIME_NS}glob").get("pattern") == f"*.{buildinfo.EXTENSION}"
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/zip"
    assert mime.find(f"{MIME_NS}magic/{MIME_NS}match").get("value") == r"PK\003\004"


def test_spec_reads_the_version_instead_of_spelling_it():
    text = SPEC.read_text(encoding="utf-8")
    compile(text, str(SPEC), "exec")  # valid Python
    assert "buildinfo.app_version()" in text
    assert "info_plist=buildinfo.info_plist(VERSION)" in text
    assert __version__ not in text
    assert buildinfo.app_version() == __version__


def test_no_packaging_file_spells_the_version_by_hand():
    texts = [p.read_text(encoding="utf-8") for p in LINUX.iterdir() if p.is_file()]
    assert not any(f'version="{__version__}"' in text for text in texts)


def test_info_plist_declares_the_version_and_the_article_type():
    plist = buildinfo.info_plist(__version__)
    plistlib.dumps(plist)  # serialisable as BUNDLE writes it
    assert plist["CFBundleShortVersionString"] == __version__
    (doc_type,) = plist["CFBundleDocumentTypes"]
    assert doc_type["LSItemContentTypes"] == [buildinfo.UTI]
    (uti,) = plist["UTExportedTypeDeclarations"]
    assert uti["UTTypeIdentifier"] == buildinfo.UTI
    tags = uti["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [buildinfo.EXTENSION]
    assert tags["public.mime-type"] == [buildinfo.MIME_TYPE]


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2rc1", (1, 2, 0, 0)),
        ("2.0.1.dev3+g12", (2, 0, 1, 0)),
    ],
)
def test_windows_version_numbers_come_from_the_release_part(version, numbers):
    assert buildinfo.version_numbers(version) == numbers
    text = buildinfo.windows_version_info(version)
    assert f"filevers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{version}')" in text


def test_resources_ship_without_translation_sources(tmp_path: Path):
    res = tmp_path / "resources"
    (res / "i18n").mkdir(parents=True)
    (res / "i18n" / "article-editor_ko.ts").write_text("<TS/>")
    (res / "sites" / "plain").mkdir(parents=True)
    (res / "sites" / "plain" / "site.yaml").write_text("id: plain")
    compiled = tmp_path / "qm"
    compiled.mkdir()
    (compiled / "article-editor_ko.qm").write_bytes(b"qm")
    datas = freeze.resource_datas(res, compiled)
    assert (str(res / "sites" / "plain" / "site.yaml"), "resources/sites/plain") in datas
    assert (str(compiled / "article-editor_ko.qm"), "resources/i18n") in datas
    assert not any(src.endswith(".ts") for src, _ in datas)


def test_only_korean_and_english_translations_and_locales_ship():
    datas = [
        ("PySide6/Qt/translations/qtbase_ko.qm", "x", "DATA"),
        ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
        ("PySide6/Qt/translations/qtwebengine_locales/ko.pak", "x", "DATA"),
        ("PySide6/Qt/translations/qtwebengine_locales/de.pak", "x", "DATA"),
        ("PySide6/Qt/qml/QtQuick/Controls/qmldir", "x", "DATA"),
        ("resources/sites/plain/site.yaml", "x", "DATA"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),  # its target is dropped
    ]
    kept = [dest for dest, *_ in freeze.keep_datas(datas)]
    assert kept == [
        "PySide6/Qt/translations/qtbase_ko.qm",
        "PySide6/Qt/translations/qtwebengine_locales/ko.pak",
        "resources/sites/plain/site.yaml",
    ]


def test_heavy_unused_qt_parts_stay_out():
    binaries = [
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", "x", "BINARY"),
        ("PySide6/Qt/lib/libQt6Multimedia.so.6", "x", "BINARY"),
        ("PySide6/Qt6Quick3D.dll", "x", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "x", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "x", "BINARY"),
    ]
    kept = [dest for dest, *_ in freeze.keep_binaries(binaries)]
    assert kept == [
        "PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
    ]
    used = {
        "PySide6.QtWebEngineWidgets",
        "PySide6.QtWebEngineCore",
        "PySide6.QtWebChannel",
        "PySide6.QtWidgets",
        "PySide6.QtGui",
        "PySide6.QtCore",
        "PySide6.QtNetwork",
        "PySide6.QtPrintSupport",
        "PySide6.QtSvg",
    }
    assert not used & set(freeze.EXCLUDED_MODULES)


def test_icon_set_renders_for_every_os(qapp, tmp_path: Path):
    import icons
    from PIL import Image

    icons.build_all(tmp_path)
    for size in icons.PNG_SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{buildinfo.ICON_NAME}.png"
        with Image.open(png) as image:
            assert image.size == (size, size)
    with Image.open(tmp_path / f"{buildinfo.ICON_NAME}.ico") as ico:
        assert {(s, s) for s in icons.ICO_SIZES} <= set(ico.info["sizes"])
    with Image.open(tmp_path / f"{buildinfo.ICON_NAME}.icns") as icns:
        assert icns.size == (1024, 1024)


def test_libvips_goes_in_unstripped():
    # strip broke pyvips-binary's patchelf'd libvips: every frozen export of a photo failed.
    binaries = [
        ("pyvips_binary.libs/libvips-e42572c0.so.42", "/venv/pyvips_binary.libs/libvips", "BINARY"),
        ("_libvips.abi3.so", "/venv/_libvips.abi3.so", "EXTENSION"),
        ("libvips-e42572c0.so.42", "pyvips_binary.libs/libvips-e42572c0.so.42", "SYMLINK"),
    ]
    kept, verbatim = freeze.unstripped(binaries)
    assert [dest for dest, *_ in kept] == ["_libvips.abi3.so", "libvips-e42572c0.so.42"]
    assert verbatim == [
        ("pyvips_binary.libs/libvips-e42572c0.so.42", "/venv/pyvips_binary.libs/libvips", "DATA")
    ]

"""The About dialog: name, version, and the licences of everything the app ships.

The Qt notice is the one the LGPLv3 asks of an app that ships Qt: which licence, where its
source is, and that the user may swap in their own build of the Qt libraries (the one-folder
build keeps them as separate shared libraries). Licence texts come from resources/ (fonts,
LGPL/GPL) or from the packages' own metadata, which the frozen app carries.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from importlib import metadata

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from editor import __version__, resources

QT_SOURCE_URL = "https://download.qt.io/official_releases/"
PYSIDE_SOURCE_URL = "https://download.qt.io/official_releases/QtForPython/"
PYSIDE_REPO_URL = "https://code.qt.io/cgit/pyside/pyside-setup.git/"
WEBENGINE_NOTICES_URL = "https://doc.qt.io/qt-6/qtwebengine-licensing.html"


@dataclass(frozen=True)
class Component:
    """A piece of third-party software the app ships, and where its licence text lives."""

    name: str
    licence: str  # SPDX expression
    url: str
    resource: tuple[str, ...] = ()  # path under resources/ of the licence text
    distribution: str = ""  # package whose metadata holds the licence text


COMPONENTS: tuple[Component, ...] = (
    Component(
        "Pretendard",
        "OFL-1.1",
        "https://github.com/orioncactus/pretendard",
        resource=("fonts", "pretendard", "LICENSE.txt"),
    ),
    Component(
        "Qt 6 / Qt WebEngine",
        "LGPL-3.0-only",
        "https://www.qt.io/",
        resource=("licenses", "LGPL-3.0.txt"),
    ),
    Component(
        "PySide6 (Qt for Python)",
        "LGPL-3.0-only",
        PYSIDE_REPO_URL,
        resource=("licenses", "LGPL-3.0.txt"),
    ),
    Component(
        "GNU GPL v3 (referenced by the LGPL)",
        "GPL-3.0-only",
        "https://www.gnu.org/licenses/gpl-3.0.html",
        resource=("licenses", "GPL-3.0.txt"),
    ),
    Component(
        "Python-Markdown",
        "BSD-3-Clause",
        "https://python-markdown.github.io/",
        distribution="Markdown",
    ),
    Component("PyYAML", "MIT", "https://pyyaml.org/", distribution="PyYAML"),
    Component(
        "Jinja2", "BSD-3-Clause", "https://jinja.palletsprojects.com/", distribution="Jinja2"
    ),
    Component(
        "MarkupSafe",
        "BSD-3-Clause",
        "https://markupsafe.palletsprojects.com/",
        distribution="MarkupSafe",
    ),
    Component("nh3 (ammonia)", "MIT", "https://github.com/messense/nh3", distribution="nh3"),
    Component("Pillow", "MIT-CMU", "https://python-pillow.github.io/", distribution="Pillow"),
    Component("pyvips", "MIT", "https://github.com/libvips/pyvips", distribution="pyvips"),
    Component(
        "python-lz4 (LZ4 inside)",
        "BSD-3-Clause",
        "https://github.com/python-lz4/python-lz4",
        distribution="lz4",
    ),
    Component(
        "libvips (pyvips-binary, with the image libraries it bundles)",
        "LGPL-3.0-or-later",
        "https://www.libvips.org/",
        resource=("licenses", "LGPL-3.0.txt"),
    ),
    Component(
        "chunspell (Hunspell 1.7.2 inside)",
        "MIT AND (MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later)",
        "https://github.com/pyhunspell/chunspell",
        distribution="chunspell",
    ),
    Component(
        "Hunspell 1.7 (Debian's libhunspell, the spell check's engine on Linux)",
        "MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later",
        "https://hunspell.github.io/",
        resource=("licenses", "MPL-1.1.txt"),
    ),
    Component(
        "Korean spelling dictionary (spellcheck-ko 0.7.92, shipped under the MPL 1.1)",
        "MPL-1.1 OR GPL-2.0-or-later OR LGPL-2.1-or-later",
        "https://github.com/spellcheck-ko/hunspell-dict-ko",
        resource=("dictionaries", "ko.COPYRIGHT.txt"),
    ),
    Component(
        "Mozilla Public License 1.1 (the Korean dictionary's and Hunspell's licence)",
        "MPL-1.1",
        "https://www.mozilla.org/MPL/1.1/",
        resource=("licenses", "MPL-1.1.txt"),
    ),
    Component(
        "English spelling dictionary (SCOWL en_US, 2020.12.07)",
        "SCOWL license (MIT-like)",
        "http://wordlist.aspell.net/",
        resource=("dictionaries", "en_US.COPYRIGHT.txt"),
    ),
)


def licence_text(component: Component) -> str:
    """Return the full licence text of a component, or "" when it cannot be found."""
    if component.resource:
        file = resources.path(*component.resource)
        return file.read_text(encoding="utf-8") if file.is_file() else ""
    if component.distribution:
        return _metadata_licence(component.distribution)
    return ""


def _metadata_licence(distribution: str) -> str:
    """Return the licence file(s) a package ships in its metadata."""
    try:
        dist = metadata.distribution(distribution)
    except metadata.PackageNotFoundError:
        return ""
    names = dist.metadata.get_all("License-File") or []
    texts = [dist.read_text(f"licenses/{name}") or dist.read_text(name) or "" for name in names]
    return "\n\n".join(text for text in texts if text)


def qt_version() -> str:
    """Return the version of the Qt libraries the app runs on."""
    from PySide6.QtCore import qVersion

    return qVersion()


class AboutDialog(QDialog):
    """Show the app's name and version, the Qt (LGPL) notice and every bundled licence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Article Editor"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_header())
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_notices(), self.tr("Notices"))
        self.tabs.addTab(self._build_licences(), self.tr("Licence texts"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def run(cls, parent: QWidget | None = None) -> None:
        """Open the dialog modally (tests patch this one door)."""
        cls(parent).exec()

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon_label = QLabel(self)
        icon_label.setPixmap(QIcon(str(resources.path("icons", "article-editor.svg"))).pixmap(64))
        row.addWidget(icon_label)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("about_title_label")
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.title_label.setText(
            "<h2>{name}</h2><p>{version}<br>{summary}</p>".format(
                name=escape(self.tr("Article Editor")),
                version=escape(self.tr("Version {version}").format(version=__version__)),
                summary=escape(
                    self.tr("Write, preview and export articles for the site, offline.")
                ),
            )
        )
        row.addWidget(self.title_label, 1)
        return row

    def _build_notices(self) -> QTextBrowser:
        self.notices_browser = QTextBrowser(self)
        self.notices_browser.setObjectName("about_notices_browser")
        self.notices_browser.setOpenExternalLinks(True)
        self.notices_browser.setHtml(self.notices_html())
        return self.notices_browser

    def _build_licences(self) -> QSplitter:
        splitter = QSplitter(self)
        self.licence_list = QListWidget(splitter)
        self.licence_list.setObjectName("about_licence_list")
        self.licence_list.addItems([f"{c.name} ({c.licence})" for c in COMPONENTS])
        self.licence_text_edit = QPlainTextEdit(splitter)
        self.licence_text_edit.setObjectName("about_licence_text_edit")
        self.licence_text_edit.setReadOnly(True)
        # Licence files are wrapped by their authors; rewrapping them breaks their layout.
        self.licence_text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licence_list.currentRowChanged.connect(self._on_licence_list_row_changed)
        self.licence_list.setCurrentRow(0)
        splitter.setSizes([240, 460])
        return splitter

    def _on_licence_list_row_changed(self, row: int) -> None:
        if not 0 <= row < len(COMPONENTS):
            return
        component = COMPONENTS[row]
        text = licence_text(component)
        self.licence_text_edit.setPlainText(
            text or self.tr("The licence text is not bundled; see {url}").format(url=component.url)
        )

    def notices_html(self) -> str:
        """Return the notices page: the LGPL notice for Qt, then one line per component."""
        items = "".join(
            f'<li><a href="{escape(c.url)}">{escape(c.name)}</a> — {escape(c.licence)}</li>'
            for c in COMPONENTS
        )
        qt_title = escape(self.tr("Qt and Qt for Python (LGPL)"))
        bundled_title = escape(self.tr("Bundled software and fonts"))
        font_note = escape(
            self.tr(
                "The Pretendard font is licensed under the SIL Open Font License 1.1 (OFL-1.1)."
            )
        )
        return (
            f"<h3>{qt_title}</h3>{self._lgpl_html()}"
            f"<h3>{bundled_title}</h3><ul>{items}</ul><p>{font_note}</p>"
        )

    def _lgpl_html(self) -> str:
        paragraphs = [
            self.tr(
                "This app uses Qt {qt} and PySide6 (Qt for Python), licensed under the GNU "
                "Lesser General Public License version 3 (LGPLv3). Qt WebEngine contains "
                "Chromium, whose third-party notices are listed at {notices}."
            ).format(qt=qt_version(), notices=WEBENGINE_NOTICES_URL),
            self.tr(
                "The source code of Qt is available from {qt_src} and the source of "
                "PySide6 from {pyside_src} and {pyside_repo}. We did not modify them."
            ).format(
                qt_src=QT_SOURCE_URL, pyside_src=PYSIDE_SOURCE_URL, pyside_repo=PYSIDE_REPO_URL
            ),
            self.tr(
                "The Qt libraries are separate shared libraries in the app folder "
                "(_internal/PySide6 on Windows and Linux, Contents/Frameworks on macOS). "
                "You may replace them with your own build of the same Qt version to "
                "relink the app; nothing in the app prevents it."
            ),
            self.tr("The full texts of the LGPLv3 and the GPLv3 are on the Licence texts tab."),
        ]
        return "".join(f"<p>{escape(text)}</p>" for text in paragraphs)


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog over parent."""
    AboutDialog.run(parent)

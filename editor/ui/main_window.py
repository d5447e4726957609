"""The main window: form and body editor on the left, the site preview on the right."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QWidget

from editor import codecache
from editor.core.errors import DocumentError
from editor.core.model import Author
from editor.storage import Kind
from editor.storage.safe_save import ChangedOnDiskError
from editor.ui import messages, theme
from editor.ui.body_editor import BodyEditor
from editor.ui.document import ArticleDocument
from editor.ui.first_paint import after_first_paint, after_preview_painted, in_background
from editor.ui.form import ArticleForm
from editor.ui.identity import User
from editor.ui.image_input import document_paths
from editor.ui.logs import get_logger
from editor.ui.menus import build_menus
from editor.ui.preview.picture import PicturePlaceholder
from editor.ui.review.status import title_suffix  # light: the review package loads lazily
from editor.ui.settings import Settings
from editor.ui.status_bar import ArticleStatusBar

if TYPE_CHECKING:
    from editor.ui.autosave import Autosaver
    from editor.ui.preview.warm import PreviewAhead
    from editor.ui.review import ReviewController

log = get_logger(__name__)
PreviewFactory = Callable[[ArticleDocument, QWidget], QWidget]


def _placeholder_preview(parent: QWidget) -> QWidget:
    label = QLabel(QApplication.translate("MainWindow", "Preview"), parent)
    label.setObjectName("preview_placeholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def _make_preview(doc: ArticleDocument, parent: QWidget) -> QWidget:
    """Create the site preview, or a placeholder while the preview package is missing."""
    from editor.ui.app import configure_webengine

    configure_webengine()
    try:
        # QtWebEngine is first loaded here, after the editor's first paint; Chromium's
        # profile and first page start before the pane's own modules load (engine.py).
        from editor.ui.preview.engine import start_engine
        from editor.ui.preview.warm import pane_imported_meanwhile
    except ImportError:
        return _placeholder_preview(parent)
    # Started with the pane's Python on a thread, for an article's first opening (warm.py).
    ahead = getattr(parent, "take_preview_ahead", lambda: None)()
    engine, warmed = ahead.take() if ahead is not None else (None, None)
    if engine is None:
        with pane_imported_meanwhile():
            engine, warmed = start_engine(parent.preview_mode()[0]), None
    try:
        from editor.ui.preview import PreviewPane

        pane = PreviewPane(
            parent,
            engine=engine,
            builder=warmed.builder if warmed else None,
            renderer=warmed.renderer if warmed else None,
        )
        # The pages the window's kept picture shows load by its keys; checked after the paint.
        kept_pages = getattr(parent, "kept_picture_pages", lambda: None)()
        pane.set_document(doc, page_keys=kept_pages, built=warmed.pages if warmed else None)
    except Exception:  # a broken preview must not take the editor down with it
        log.exception("the preview could not be created")
        engine.release()  # its page, then its profile: no renderer left behind
        engine.profile.deleteLater()
        return _placeholder_preview(parent)
    return pane


# The real preview starts Chromium and the first opening's Python ahead of the pane (the
# window asks its factory; a stand-in a test gives, or puts in this module's name, does not).
_make_preview.starts_ahead = True  # type: ignore[attr-defined]


def _start_preview_ahead(
    doc: ArticleDocument, parent: QWidget, ready: Callable[[], None]
) -> PreviewAhead | None:
    """Start Chromium and, on a thread, the pane's Python; ready: the pane can be made."""
    from editor.ui.app import configure_webengine

    configure_webengine()
    try:
        from editor.ui.preview.warm import start_ahead
    except ImportError:
        return None  # _make_preview shows the placeholder
    return start_ahead(doc.article, parent.preview_mode()[0], parent, ready)


def _warm_up(resources: object | None, site: str, headline: str) -> None:
    """Check the page's images, load and run the form's meter (on a thread: in_background).

    The form's own meter then finds HarfBuzz, ICU and the font loaded (module imports and
    caches, thread-safe), and counts the headline in ~3 ms instead of ~70.
    """
    if resources is not None:
        resources.check_images()  # served at once when the page asks, not after Pillow
    from editor.ui.form import load_site_settings

    _sections, _guidance, fit = load_site_settings(site)
    if fit is not None:
        fit.lines(headline)


class _Once:
    """Call a function the first time this is called, never again."""

    def __init__(self, function: Callable[[], None]) -> None:
        self._function: Callable[[], None] | None = function

    def __call__(self, *_args: object) -> None:
        function, self._function = self._function, None
        if function is not None:
            function()


DEFAULT_SIZE = (1280, 800)
FRAME_ALLOWANCE = (16, 40)  # the window manager's border and title bar, before they exist


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move the window into the available area of the screen it opens on.

    A restored geometry may come from a larger monitor; the default is taller than a
    1366 x 768 laptop's available height. Either way the status bar must stay on screen.
    """
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(window.width(), area.width() - FRAME_ALLOWANCE[0])
    height = min(window.height(), area.height() - FRAME_ALLOWANCE[1])
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(window.x(), area.left()), area.right() - width - FRAME_ALLOWANCE[0] + 1)
    y = min(max(window.y(), area.top()), area.bottom() - height - FRAME_ALLOWANCE[1] + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(max(x, area.left()), max(y, area.top()))


class MainWindow(QMainWindow):
    """One window, one document; the preview listens to the document and to this window."""

    preview_mode_changed = Signal(str, int)  # "desktop" | "mobile" | "side-by-side", CSS width
    preview_installed = Signal(QWidget)
    new_window_requested = Signal()
    first_painted = Signal()  # the window's first frame is on screen (the preview comes next)
    preview_painted = Signal()  # the preview's first page is on screen (or it gave up waiting)

    def __init__(
        self,
        document: ArticleDocument | None = None,
        settings: Settings | None = None,
        preview_factory: PreviewFactory | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.settings = settings or Settings()
        self.document = document or ArticleDocument(self)
        self.document.set_user(self.settings.user())
        self._preview_factory = preview_factory or _make_preview
        self.preview: QWidget | None = None
        self._preview_ahead: PreviewAhead | None = None
        self._preview_started_ahead = False
        self._closed = False
        self._shown = False
        self._scroll_timer = QTimer(self, singleShot=True, interval=60)
        # The site profile (YAML, Jinja2: ~50 ms) loads after the first paint.
        self.form = ArticleForm(self.document, self, hold_site_settings=True)
        self.body_editor = BodyEditor(self.document, self)
        self.status = ArticleStatusBar(self.document, self)
        self.setStatusBar(self.status)
        self._build_splitters()
        self.actions = build_menus(self)
        # Review mode and autosave are not in the first frame: they start once it is painted
        # (or when first asked for), see _finish_setup.
        self._review: ReviewController | None = None
        self._autosaver: Autosaver | None = None
        self.spelling: object | None = None  # editor.ui.spell_check.SpellCheck, after paint
        self._spelling_on = os.environ.get("ARTICLE_EDITOR_SPELLING", "1") != "0"
        self.style_marks: object | None = None  # editor.ui.style_marks.StyleMarks, after paint
        self._connect_document()
        self._restore_layout()
        self._update_title()

    def _build_splitters(self) -> None:
        self.editor_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.editor_splitter.setObjectName("editor_splitter")
        self.editor_splitter.addWidget(self.form)
        self.editor_splitter.addWidget(self.body_editor)
        self.editor_splitter.setChildrenCollapsible(False)
        self.editor_splitter.setSizes([360, 440])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("main_splitter")
        self.main_splitter.addWidget(self.editor_splitter)
        self.main_splitter.addWidget(PicturePlaceholder(self))  # the kept picture, if it fits
        self.main_splitter.setSizes([560, 720])
        self.setCentralWidget(self.main_splitter)

    def _connect_document(self) -> None:
        doc = self.document
        doc.changed.connect(self._on_document_changed)
        doc.modified_changed.connect(self.setWindowModified)
        doc.path_changed.connect(self._on_document_path_changed)
        doc.saved.connect(self._on_document_saved)
        doc.changed_on_disk.connect(self._on_document_changed_on_disk)

    # Parts that start after the first paint ---------------------------------------------
    @property
    def review(self) -> ReviewController:
        """Return the review controller, installing it on first use."""
        if self._review is None:
            from editor.ui.review import install_review

            self._review = install_review(self)
            state = self.settings.window_state()
            if state is not None:
                self.restoreState(state)  # the docks exist only now
            self._review.sync_with_document()
        return self._review

    @property
    def autosaver(self) -> Autosaver:
        """Return the document's autosaver, starting it on first use."""
        if self._autosaver is None:
            from editor.ui.autosave import Autosaver

            interval = self.settings.autosave_interval_ms()
            self._autosaver = Autosaver(self.document, interval_ms=interval, parent=self)
            self._autosaver.draft_failed.connect(self._on_autosaver_draft_failed)
        return self._autosaver

    @property
    def publishing(self):  # noqa: ANN201 - PublishingController, imported when first used
        """Return the Publish menu's controller (and the outbox's sender), installing it once."""
        if getattr(self, "_publishing", None) is None:
            from editor.ui.publishing import install_publishing

            self._publishing = install_publishing(self)
        return self._publishing

    def _finish_setup(self) -> None:
        """Start what the first page did without: autosave, review mode, spelling, style."""
        _ = self.autosaver, self.review, self.publishing
        from editor.ui.spell_check import install_spelling
        from editor.ui.style_marks import install_style_marks

        self.spelling = install_spelling(self, on=self._spelling_on)  # a child process
        self.style_marks = install_style_marks(self)

    # The preview -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            after_first_paint(self, self._on_first_paint)

    def _on_first_paint(self) -> None:
        self.first_painted.emit()
        # QtWebEngine starts once the editor is on screen. An article opened for the first
        # time has its pane made once a thread has its Python ready, Chromium going on with
        # its start meanwhile (preview/warm.py); one opened before shows its kept page first.
        if not self._start_preview_ahead():
            self._install_preview_and_warm_up()
        theme.cache_fonts_in_background()  # once per install: the next start opens TrueType
        codecache.save()  # once per install too: the dataclasses' methods, compiled

    def _start_preview_ahead(self) -> bool:
        starts_ahead = getattr(self._preview_factory, "starts_ahead", False)
        if not starts_ahead or self.kept_picture_pages() is not None:
            return False
        self._preview_ahead = _start_preview_ahead(
            self.document, self, self._install_preview_and_warm_up
        )
        self._preview_started_ahead = self._preview_ahead is not None
        return self._preview_started_ahead

    def take_preview_ahead(self) -> PreviewAhead | None:
        """Return Chromium and the pane's Python started for this window's pane (once)."""
        ahead, self._preview_ahead = self._preview_ahead, None
        return ahead

    def _install_preview_and_warm_up(self) -> None:
        if self._closed:
            return  # closed while the pane's Python was readied: no pane (closeEvent)
        self.install_preview()
        # Little else runs on this thread until the page is painted: Chromium's navigation
        # and the page's requests are served here. The page's image checks (Pillow's import)
        # and the form's headline meter (HarfBuzz's) run on a thread once the page's load
        # has started (before, an article opened for the first time is still being built
        # here, in Python, which the thread would hold up); the form fills in after (~3 ms).
        views = getattr(self.preview, "active_views", lambda: [])()
        # Started ahead, the page is answered now, its renderer waiting: after its paint.
        start = _Once(self._warm_up)
        if not self._preview_started_ahead:
            if views and hasattr(views[0], "loadStarted"):
                views[0].loadStarted.connect(start, Qt.ConnectionType.SingleShotConnection)
            else:
                QTimer.singleShot(0, self, start)
        after_preview_painted(self.preview, lambda: (start(), self._on_preview_painted()))

    def _warm_up(self) -> None:
        resources = getattr(self.preview, "resources", None)
        article = self.document.article
        warm_up = partial(_warm_up, resources, article.site, article.headline)
        in_background(self, warm_up, self.form.release_site_settings)

    def _on_preview_painted(self) -> None:
        self.preview_painted.emit()
        QTimer.singleShot(0, self, self._finish_setup)

    def kept_picture_pages(self) -> dict[str, str] | None:
        """Return the kept pages (layout: key) the first frame's kept picture shows, if any."""
        picture = getattr(self.main_splitter.widget(1), "picture", None)
        return dict(picture.page_keys) if picture is not None else None

    def install_preview(self) -> QWidget:
        """Put the real preview in place of the placeholder (once)."""
        if self.preview is not None:
            return self.preview
        sizes = self.main_splitter.sizes()
        placeholder = self.main_splitter.widget(1)
        self.preview = self._preview_factory(self.document, self)
        self.main_splitter.replaceWidget(1, self.preview)
        placeholder.deleteLater()
        self.main_splitter.setSizes(sizes)
        self._connect_preview(self.preview)
        adopt_picture = getattr(self.preview, "adopt_picture", None)
        if callable(adopt_picture):  # the kept picture stays until the live page is painted
            adopt_picture(placeholder)
        self.preview_installed.emit(self.preview)
        return self.preview

    def _connect_preview(self, preview: QWidget) -> None:
        """Wire the optional preview hooks: mode, click-to-cursor and scroll sync."""
        set_mode = getattr(preview, "set_mode", None) or getattr(preview, "set_preview_mode", None)
        if callable(set_mode):
            set_mode(*self.preview_mode())
            self.preview_mode_changed.connect(set_mode)
        measured = getattr(preview, "headline_lines_measured", None)
        if measured is not None and hasattr(measured, "connect"):
            measured.connect(self.form.set_measured_headline_lines)
        zoom_changed = getattr(preview, "zoom_changed", None)
        if zoom_changed is not None and hasattr(zoom_changed, "connect"):
            preview.set_zoom(self.settings.preview_zoom())
            zoom_changed.connect(self.settings.set_preview_zoom)
        clicked = getattr(preview, "block_clicked", None)
        if clicked is not None and hasattr(clicked, "connect"):
            clicked.connect(self._on_preview_line_activated)
        scroll_to = getattr(preview, "scroll_to_source_line", None)
        if callable(scroll_to):
            self._scroll_timer.timeout.connect(
                lambda: scroll_to(self.body_editor.text_edit.first_visible_line())
            )
            bar = self.body_editor.text_edit.verticalScrollBar()
            bar.valueChanged.connect(lambda _value: self._scroll_timer.start())

    def preview_mode(self) -> tuple[str, int]:
        """Return the chosen preview mode and mobile width."""
        return self.settings.preview_mode(), self.settings.preview_width()

    def set_preview_mode(self, mode: str, width: int) -> None:
        """Store the preview choice and tell the preview."""
        self.settings.set_preview(mode, width)
        self.actions.check_preview_mode(mode, width)
        self.preview_mode_changed.emit(mode, width)

    def _on_preview_line_activated(self, line: int) -> None:
        block = self.document.body_document.findBlockByNumber(max(0, line))
        cursor = self.body_editor.text_edit.textCursor()
        cursor.setPosition(block.position())
        self.body_editor.text_edit.setTextCursor(cursor)
        self.body_editor.text_edit.setFocus()

    # Files -------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask to save unsaved changes; return False when the user cancels."""
        if not self.document.is_modified:
            return True
        answer = messages.ask_unsaved(self, self.document.display_name())
        if answer is messages.Answer.SAVE:
            return self.save()
        return answer is messages.Answer.DISCARD

    def confirm_open(self, path: Path) -> bool:
        """Warn when path is open in another app or on another machine; False cancels."""
        holder = self.document.lock_holder(Path(path))
        if holder is None:
            return True
        name = Path(path).name
        return messages.ask_open_locked(self, name, holder.host, holder.user, holder.since)

    def open_path(self, path: Path) -> bool:
        """Open a document in this window after asking about unsaved changes."""
        if not self.confirm_open(path) or not self.maybe_save():
            return False
        try:
            self.document.load(Path(path))
        except (DocumentError, OSError) as exc:
            messages.show_error(self, self.tr("Could not open the article"), exc)
            return False
        self.settings.add_recent_file(Path(path))
        self.settings.set_last_folder(str(Path(path).resolve().parent))
        return True

    def new_document(self) -> bool:
        """Start an empty article in this window."""
        if not self.maybe_save():
            return False
        user = self.settings.user()  # the user's own byline, never the last article's
        self.document.new_blank(Author(user.name, user.email))
        self.form.headline_edit.setFocus()
        return True

    def save(self) -> bool:
        """Save where the document came from, or ask where when it is new."""
        if self.document.is_untitled:
            return self.save_as()
        return self._write(lambda: self.document.save())

    def save_as(self) -> bool:
        """Ask for a place and a form (.article, .md or page-bundle folder) and save there."""
        chosen, form = messages.choose_save_file(self, self.settings.last_folder())
        if not chosen:
            return False
        path, kind = save_target(Path(chosen), form)
        if kind is not Kind.ARTICLE and not self._may_drop_history(kind):
            return False
        return self._write(lambda: self.document.save_as(path, kind))

    def _may_drop_history(self, kind: Kind) -> bool:
        """Ask before a Markdown page or folder leaves the desk's notes and revisions behind."""
        from editor.core import review

        article = self.document.article
        notes, revisions = len(review.notes(article)), len(review.revisions(article))
        return not (notes or revisions) or messages.ask_drop_history(
            self, notes, revisions, folder=kind is Kind.BUNDLE
        )

    def _write(self, write: Callable[[], Path]) -> bool:
        try:
            written = write()  # the document records the save's signed revision
        except ChangedOnDiskError:
            return self._resolve_save_conflict()
        except (DocumentError, OSError) as exc:
            messages.show_error(self, self.tr("Could not save the article"), exc)
            return False
        self.settings.add_recent_file(written)
        self.settings.set_last_folder(str(written.parent))
        return True

    def _resolve_save_conflict(self) -> bool:
        answer = messages.ask_changed_on_disk(self, self.document.display_name())
        if answer is messages.Answer.OVERWRITE:
            return self._write(lambda: self.document.save(force=True))
        if answer is messages.Answer.SAVE_AS:
            return self.save_as()
        return False

    def set_user(self, user: User) -> None:
        """Remember who uses the app and sign this window's work with it."""
        self.settings.set_user(user)
        self.document.set_user(user)

    def ask_user(self) -> bool:
        """Ask the user's name, e-mail and role; False when cancelled."""
        user = messages.ask_identity(self, self.settings.user())
        if user is None or not user.is_known:
            return False
        self.set_user(user)
        return True

    # Window events -----------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        if self._autosaver is not None:  # none started: nothing was ever drafted
            self._autosaver.discard()  # saved, or the user chose to discard
        keep_pages = getattr(self.preview, "keep_pages", None)
        if callable(keep_pages) and not self.document.is_modified:
            keep_pages()  # what reopening the file shows first (preview/page_cache.py)
        self.document.close()
        self._save_layout()
        self._closed = True
        self._drop_preview_ahead()
        event.accept()

    def _drop_preview_ahead(self) -> None:
        """Delete Chromium's page and profile started for a pane that was never made."""
        ahead = self.take_preview_ahead()
        if ahead is not None:
            ahead.drop()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if document_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = document_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            QTimer.singleShot(0, lambda: self.open_path(paths[0]))  # leave the drag first

    # Title and layout --------------------------------------------------------------------
    def _on_document_changed(self, field: str) -> None:
        if field in ("headline", "status", "*"):
            self._update_title()

    def _on_document_path_changed(self, _path: object) -> None:
        self._update_title()

    def _on_document_saved(self, _path: object) -> None:
        self.status.showMessage(
            self.tr("Saved {name}").format(name=self.document.display_name()), 3000
        )

    def _on_document_changed_on_disk(self, exists: bool) -> None:
        name = self.document.display_name()
        if not exists:
            messages.tell_removed(self, name)
            return
        if not messages.ask_reload(self, name, self.document.is_modified):
            return  # saving later asks before overwriting the outside change
        try:
            self.document.load(self.document.path)
        except (DocumentError, OSError) as exc:
            messages.show_error(self, self.tr("Could not open the article"), exc)

    def _on_autosaver_draft_failed(self, reason: str) -> None:
        text = self.tr("Autosave failed: {reason}").format(reason=reason)  # already worded
        self.status.showMessage(text, 10_000)

    def _update_title(self) -> None:
        headline = self.document.article.headline.strip() or self.tr("Untitled article")
        suffix = title_suffix(self.document.article)
        self.setWindowTitle(f"{headline} — {self.document.display_name()}[*]{suffix}")
        self.setWindowModified(self.document.is_modified)

    def balance_splitter(self, editor_share: float) -> None:
        """Give the editor this share of the main splitter and the preview the rest."""
        total = sum(self.main_splitter.sizes()) or self.main_splitter.width()
        editor = round(total * editor_share)
        self.main_splitter.setSizes([editor, max(0, total - editor)])

    def _restore_layout(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        fit_to_screen(self)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        for name, splitter in (("main", self.main_splitter), ("editor", self.editor_splitter)):
            saved = self.settings.splitter_state(name)
            if saved is not None:
                splitter.restoreState(saved)

    def _save_layout(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        if self._review is not None:  # without its docks the state would forget them
            self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state("main", self.main_splitter.saveState())
        self.settings.set_splitter_state("editor", self.editor_splitter.saveState())
        self.settings.sync()


def save_target(path: Path, form: Kind | None) -> tuple[Path, Kind]:
    """Return where and in which form Save As writes.

    A suffix the user typed (.md, .article) decides; otherwise the picker's filter does,
    and its suffix is added (a page-bundle folder takes the name as it is).
    """
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        return path, Kind.MARKDOWN
    if suffix == ".article":
        return path, Kind.ARTICLE
    form = form or Kind.ARTICLE
    if form is Kind.BUNDLE:
        return path, form
    return path.with_name(path.name + (".md" if form is Kind.MARKDOWN else ".article")), form

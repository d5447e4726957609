"""The main window's menus: File, Edit, View, Help; actions call the window's methods."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from editor.ui import messages
from editor.ui.settings import MOBILE_WIDTHS

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str | None


translate = QCoreApplication.translate


@dataclass
class WindowActions:
    """The window's actions by name, and the preview-mode group."""

    by_name: dict[str, QAction] = field(default_factory=dict)
    preview_modes: dict[tuple[str, int], QAction] = field(default_factory=dict)
    recent_menu: QMenu | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def check_preview_mode(self, mode: str, width: int) -> None:
        """Tick the View menu entry for a mode (width matters for mobile only)."""
        key = (mode, width if mode == "mobile" else 0)
        action = self.preview_modes.get(key)
        if action is not None and not action.isChecked():
            action.setChecked(True)


def build_menus(window: MainWindow) -> WindowActions:
    """Create the window's menu bar and return its actions."""
    actions = WindowActions()
    _file_menu(window, actions)
    _edit_menu(window, actions)
    _view_menu(window, actions)
    help_menu = window.menuBar().addMenu(translate("MainWindow", "&Help"))
    _add(
        window,
        actions,
        help_menu,
        "about",
        translate("MainWindow", "&About Article Editor"),
        None,
        lambda: _show_about(window),
    )
    return actions


def _add(
    window: MainWindow,
    actions: WindowActions,
    menu: QMenu,
    name: str,
    text: str,
    shortcut: Shortcut,
    slot: Callable[[], object],
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(f"{name}_action")
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    actions.by_name[name] = action
    return action


def _file_menu(window: MainWindow, actions: WindowActions) -> None:
    menu = window.menuBar().addMenu(translate("MainWindow", "&File"))
    keys = QKeySequence.StandardKey
    _add(
        window, actions, menu, "new", translate("MainWindow", "&New"), keys.New, window.new_document
    )
    _add(
        window,
        actions,
        menu,
        "new_window",
        translate("MainWindow", "New &Window"),
        "Ctrl+Shift+N",
        window.new_window_requested.emit,
    )
    _add(
        window,
        actions,
        menu,
        "open",
        translate("MainWindow", "&Open…"),
        keys.Open,
        lambda: _open_file(window),
    )
    _add(
        window,
        actions,
        menu,
        "open_folder",
        translate("MainWindow", "Open Page &Bundle Folder…"),
        "Ctrl+Shift+O",
        lambda: _open_folder(window),
    )
    actions.recent_menu = menu.addMenu(translate("MainWindow", "Open &Recent"))
    actions.recent_menu.setObjectName("recent_menu")
    actions.recent_menu.aboutToShow.connect(lambda: _fill_recent(window, actions.recent_menu))
    menu.addSeparator()
    _add(window, actions, menu, "save", translate("MainWindow", "&Save"), keys.Save, window.save)
    _add(
        window,
        actions,
        menu,
        "save_as",
        translate("MainWindow", "Save &As…"),
        keys.SaveAs,
        window.save_as,
    )
    _add(
        window,
        actions,
        menu,
        "export",
        translate("MainWindow", "&Export…"),
        "Ctrl+E",
        lambda: _export(window),
    )
    menu.addSeparator()
    _add(
        window, actions, menu, "close", translate("MainWindow", "&Close"), keys.Close, window.close
    )
    _add(
        window,
        actions,
        menu,
        "quit",
        translate("MainWindow", "&Quit"),
        keys.Quit,
        QApplication.closeAllWindows,
    )


def _edit_menu(window: MainWindow, actions: WindowActions) -> None:
    menu = window.menuBar().addMenu(translate("MainWindow", "&Edit"))
    keys = QKeySequence.StandardKey
    for name, text, key in (
        ("undo", translate("MainWindow", "&Undo"), keys.Undo),
        ("redo", translate("MainWindow", "&Redo"), keys.Redo),
        ("cut", translate("MainWindow", "Cu&t"), keys.Cut),
        ("copy", translate("MainWindow", "&Copy"), keys.Copy),
        ("paste", translate("MainWindow", "&Paste"), keys.Paste),
    ):
        action = _add(window, actions, menu, name, text, None, lambda n=name: _call_focused(n))
        action.setShortcut(QKeySequence(key))
        # The focused editor handles these keys itself; the menu only shows them.
        action.setShortcutContext(action.shortcutContext().WidgetShortcut)
        if name == "redo":
            menu.addSeparator()
    menu.addSeparator()
    _find_actions(window, actions, menu)
    menu.addSeparator()
    fmt = menu.addMenu(translate("MainWindow", "&Format"))
    fmt.addActions(window.body_editor.format_actions)


def _find_actions(window: MainWindow, actions: WindowActions, menu: QMenu) -> None:
    """Find and replace over the body and the form (the bar is built on first use)."""
    keys = QKeySequence.StandardKey
    for name, text, key, slot in (
        ("find", translate("MainWindow", "&Find…"), keys.Find, lambda b: b.open_find()),
        (
            "replace",
            translate("MainWindow", "R&eplace…"),
            "Ctrl+H",
            lambda b: b.open_find(replace=True),
        ),
        (
            "find_next",
            translate("MainWindow", "Find &Next"),
            keys.FindNext,
            lambda b: b.find_next(),
        ),
        (
            "find_previous",
            translate("MainWindow", "Find Pre&vious"),
            keys.FindPrevious,
            lambda b: b.find_previous(),
        ),
    ):
        _add(window, actions, menu, name, text, key, lambda s=slot: s(_find_bar(window)))


def _find_bar(window: MainWindow):
    from editor.ui.find_bar import find_bar_of

    return find_bar_of(window)


def _view_menu(window: MainWindow, actions: WindowActions) -> None:
    menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    group = QActionGroup(window)
    group.setExclusive(True)
    modes = [("desktop", 0, translate("MainWindow", "&Desktop Layout"), "Ctrl+1")]
    modes += [
        (
            "mobile",
            w,
            translate("MainWindow", "&Mobile Layout, {width} px").format(width=w),
            f"Ctrl+{i + 2}",
        )
        for i, w in enumerate(MOBILE_WIDTHS)
    ]
    modes.append(("side-by-side", 0, translate("MainWindow", "&Side by Side"), "Ctrl+5"))
    for mode, width, text, key in modes:
        name = f"preview_{mode}_{width}" if width else f"preview_{mode}"
        action = _add(
            window,
            actions,
            menu,
            name,
            text,
            key,
            lambda m=mode, w=width: _choose_mode(window, m, w),
        )
        action.setCheckable(True)
        group.addAction(action)
        actions.preview_modes[(mode, width)] = action
    actions.check_preview_mode(*window.preview_mode())


def _choose_mode(window: MainWindow, mode: str, width: int) -> None:
    window.set_preview_mode(mode, width or window.settings.preview_width())


def _call_focused(name: str) -> None:
    widget = QApplication.focusWidget()
    method = getattr(widget, name, None)
    if callable(method):
        method()


def _open_file(window: MainWindow) -> None:
    chosen = messages.choose_open_file(window, window.settings.last_folder())
    if chosen:
        window.open_path(Path(chosen))


def _open_folder(window: MainWindow) -> None:
    chosen = messages.choose_open_folder(window, window.settings.last_folder())
    if chosen:
        window.open_path(Path(chosen))


def recent_labels(paths: list[Path]) -> list[str]:
    """Name each file; files that share a name also show as much of their folder as differs."""
    labels = []
    for path in paths:
        twins = [p for p in paths if p.name == path.name and p != path]
        depth = 1
        while twins and depth < len(path.parts) - 1:
            tail = path.parent.parts[-depth:]
            if all(p.parent.parts[-depth:] != tail for p in twins):
                break
            depth += 1
        folder = "/".join(path.parent.parts[-depth:])
        labels.append(f"{path.name} — {folder}" if twins else path.name)
    return labels


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    recent = [p for p in window.settings.recent_files() if p.exists()]
    for path, label in zip(recent, recent_labels(recent), strict=True):
        action = menu.addAction(label)
        action.setToolTip(str(path))
        action.triggered.connect(lambda _checked=False, p=path: window.open_path(p))
    if not recent:
        menu.addAction(translate("MainWindow", "No recent articles")).setEnabled(False)
        return
    menu.addSeparator()
    menu.addAction(translate("MainWindow", "Clear List")).triggered.connect(
        window.settings.clear_recent_files
    )


def _export(window: MainWindow) -> None:
    from editor.ui.dialogs import ExportDialog

    ExportDialog.run(window, window.document, window.settings)


def _show_about(window: MainWindow) -> None:
    """Open the About dialog (its module reads package metadata, so it loads on demand)."""
    from editor.ui import about

    about.show_about(window)

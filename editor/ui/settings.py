"""One settings object for the whole app: window layout, preview choice, recent files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

from editor import paths
from editor.ui.identity import Role, User

if TYPE_CHECKING:  # the preview's zoom: read once the preview is installed
    from editor.render.preview_zoom import Zoom

SETTINGS_FILE = "settings.ini"
MAX_RECENT = 10
DEFAULT_PREVIEW_MODE = "desktop"
DEFAULT_MOBILE_WIDTH = 390
PREVIEW_MODES = ("desktop", "mobile", "side-by-side")
MOBILE_WIDTHS = (360, 390, 412)
DEFAULT_AUTOSAVE_MS = 3000
MIN_AUTOSAVE_MS = 100


class Settings:
    """Typed access to QSettings; ARTICLE_EDITOR_CONFIG_DIR moves the file (tests)."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._q = qsettings or _open_qsettings()

    @property
    def file_name(self) -> str:
        return self._q.fileName()

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._q.sync()

    # Window layout -----------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, data: QByteArray) -> None:
        self._q.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, data: QByteArray) -> None:
        self._q.setValue("window/state", data)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, data: QByteArray) -> None:
        self._q.setValue(f"splitters/{name}", data)

    # Preview -----------------------------------------------------------------------------
    def preview_mode(self) -> str:
        mode = str(self._q.value("preview/mode", DEFAULT_PREVIEW_MODE))
        return mode if mode in PREVIEW_MODES else DEFAULT_PREVIEW_MODE

    def preview_width(self) -> int:
        width = self._int("preview/width", DEFAULT_MOBILE_WIDTH)
        return width if width in MOBILE_WIDTHS else DEFAULT_MOBILE_WIDTH

    def set_preview(self, mode: str, width: int) -> None:
        self._q.setValue("preview/mode", mode)
        self._q.setValue("preview/width", int(width))

    def preview_zoom(self) -> Zoom:
        """Return the desktop preview's fit and zoom steps (Ctrl+=/−/0), as last left."""
        from editor.render.preview_zoom import Zoom

        return Zoom.parse(self._q.value("preview/fit", "column"), self._q.value("preview/zoom", 0))

    def preview_zoom_stored(self) -> tuple[str, int]:
        """Return the zoom's fit and steps as stored (the first frame has no zoom module)."""
        try:
            return str(self._q.value("preview/fit", "column")), int(
                self._q.value("preview/zoom", 0)
            )
        except (TypeError, ValueError):
            return "", 0

    def set_preview_zoom(self, zoom: Zoom) -> None:
        self._q.setValue("preview/fit", zoom.fit.value)
        self._q.setValue("preview/zoom", int(zoom.step))

    # Files and people --------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        value = self._q.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if p]

    def add_recent_file(self, path: Path) -> None:
        """Put path first in the recent list, dropping repeats and the oldest."""
        resolved = str(Path(path).resolve())
        items = [str(p) for p in self.recent_files() if str(p) != resolved]
        self._q.setValue("files/recent", [resolved, *items][:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self._q.setValue("files/recent", [])

    def user(self) -> User:
        """Return who uses the app: the byline of new articles, the name that signs reviews.

        Settings written before the role existed keep their reviewer or byline name.
        """
        name = self._str("user/name") or self._str("review/name") or self._str("author/name")
        email = self._str("user/email") or self._str("author/email")
        return User(name, email, Role.parse(self._q.value("user/role", Role.REPORTER.value)))

    def set_user(self, user: User) -> None:
        self._q.setValue("user/name", user.name.strip())
        self._q.setValue("user/email", user.email.strip())
        self._q.setValue("user/role", user.role.value)

    def has_user(self) -> bool:
        """Tell whether the user has said who they are (the first run asks)."""
        return bool(self._str("user/name"))

    def last_folder(self) -> str:
        return str(self._q.value("files/last_folder", "") or "")

    def set_last_folder(self, folder: str) -> None:
        self._q.setValue("files/last_folder", folder)

    # Autosave ----------------------------------------------------------------------------
    def autosave_interval_ms(self) -> int:
        """Return how long typing must pause before the draft is written (autosave/interval_ms)."""
        return max(MIN_AUTOSAVE_MS, self._int("autosave/interval_ms", DEFAULT_AUTOSAVE_MS))

    def set_autosave_interval_ms(self, interval: int) -> None:
        self._q.setValue("autosave/interval_ms", int(interval))

    # Helpers -----------------------------------------------------------------------------
    def _bytes(self, key: str) -> QByteArray | None:
        value = self._q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _str(self, key: str) -> str:
        return str(self._q.value(key, "") or "").strip()

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._q.value(key, default))
        except (TypeError, ValueError):
            return default


def _open_qsettings() -> QSettings:
    """Keep settings as an INI file in the app's config folder (beside the site profiles)."""
    folder = paths.config_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat)

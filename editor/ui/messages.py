"""Every message box and file picker of the app goes through here, so tests can patch it.

Each public function builds a request and hands it to `_present` (message boxes) or
`_choose` (file pickers); tests replace those two and never see a real modal window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editor.core.errors import (
    ArticleError,
    DocumentError,
    ErrorRecord,
    ExportError,
    ImageError,
    ProfileError,
    UnsafeDocumentError,
    render,
)
from editor.storage.document import Kind as DocumentKind
from editor.ui.identity import User

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

translate = QCoreApplication.translate


class Kind(StrEnum):
    INFORMATION = "information"
    WARNING = "warning"
    ERROR = "error"
    QUESTION = "question"


class Answer(StrEnum):
    OK = "ok"
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"
    YES = "yes"
    NO = "no"
    OVERWRITE = "overwrite"
    SAVE_AS = "save_as"
    RELOAD = "reload"
    KEEP = "keep"
    OPEN_ANYWAY = "open_anyway"
    CLEAR_TEXTS = "clear_texts"
    KEEP_TEXTS = "keep_texts"


@dataclass
class Message:
    """What a message box shows and which answers it offers (the first is the default)."""

    kind: Kind
    title: str
    text: str
    details: str = ""
    answers: list[Answer] = field(default_factory=lambda: [Answer.OK])


@dataclass
class FileRequest:
    """What a file picker asks for: open, save or folder, with a filter."""

    mode: str  # "open", "save" or "folder"
    title: str
    folder: str = ""
    name_filter: str = ""
    chosen_filter: str = ""  # set by the picker: the filter the user left selected


# The public vocabulary ---------------------------------------------------------------------
def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Tell the user something failed."""
    _present(parent, Message(Kind.ERROR, title, text, details))


def information(parent: QWidget | None, title: str, text: str) -> None:
    """Tell the user something worth knowing."""
    _present(parent, Message(Kind.INFORMATION, title, text))


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> None:
    """Explain a typed error in the user's language (the path or the system's words as details)."""
    details = (exc.path or "") if isinstance(exc, ArticleError) else str(exc)
    error(parent, title, describe(exc), details=details)


def ask_unsaved(parent: QWidget | None, name: str) -> Answer:
    """Ask whether to save changes to the named document: SAVE, DISCARD or CANCEL."""
    text = translate(
        "messages", "The article “{name}” has unsaved changes. Save them first?"
    ).format(name=name)
    answers = [Answer.SAVE, Answer.DISCARD, Answer.CANCEL]
    return _present(
        parent, Message(Kind.QUESTION, translate("messages", "Unsaved changes"), text, "", answers)
    )


def ask_open_folder(parent: QWidget | None, folder: str) -> bool:
    """Offer to open the folder an export was written to."""
    text = translate("messages", "The export was written to:\n{folder}\n\nOpen the folder?").format(
        folder=folder
    )
    answer = _present(
        parent,
        Message(
            Kind.INFORMATION,
            translate("messages", "Export finished"),
            text,
            "",
            [Answer.YES, Answer.NO],
        ),
    )
    return answer is Answer.YES


def ask_changed_on_disk(parent: QWidget | None, name: str) -> Answer:
    """Ask what to do when the file changed on disk since it was opened: OVERWRITE, SAVE_AS, CANCEL."""
    text = translate(
        "messages",
        "The file “{name}” was changed by another program since you opened it. "
        "Overwrite it with your version, save yours under another name, or cancel?",
    ).format(name=name)
    title = translate("messages", "The file was changed by another program")
    answers = [Answer.CANCEL, Answer.SAVE_AS, Answer.OVERWRITE]
    return _present(parent, Message(Kind.WARNING, title, text, "", answers))


def ask_reload(parent: QWidget | None, name: str, modified: bool) -> bool:
    """Tell the user the open file changed outside the app; return True to reload it."""
    text = translate("messages", "Another program changed “{name}” while it was open here.").format(
        name=name
    )
    text += "\n\n" + (
        translate("messages", "Reload it and lose the changes made here, or keep editing?")
        if modified
        else translate("messages", "Reload it, or keep the version shown here?")
    )
    title = translate("messages", "The file changed on disk")
    answer = _present(parent, Message(Kind.WARNING, title, text, "", [Answer.KEEP, Answer.RELOAD]))
    return answer is Answer.RELOAD


def tell_removed(parent: QWidget | None, name: str) -> None:
    """Tell the user the open file was removed or renamed outside the app."""
    text = translate(
        "messages",
        "“{name}” was removed or renamed by another program. Your text is still here; "
        "saving writes the file again.",
    ).format(name=name)
    _present(parent, Message(Kind.WARNING, translate("messages", "The file is gone"), text))


def ask_open_locked(parent: QWidget | None, name: str, host: str, user: str, since: str) -> bool:
    """Warn that a document is open elsewhere; return True to open it anyway."""
    text = translate(
        "messages",
        "“{name}” is already open on {host} (user {user}, since {since}). If you both edit it, "
        "one of you will overwrite the other's work. Open it anyway?",
    ).format(name=name, host=host, user=user or "?", since=since or "?")
    title = translate("messages", "The article is open elsewhere")
    answer = _present(
        parent, Message(Kind.WARNING, title, text, "", [Answer.CANCEL, Answer.OPEN_ANYWAY])
    )
    return answer is Answer.OPEN_ANYWAY


def ask_export_with_errors(parent: QWidget | None, count: int, details: str) -> bool:
    """Warn that the checklist still finds errors; return True to export anyway."""
    text = translate(
        "messages",
        "The pre-publish checklist still finds {count} error(s).\n\n{details}\n\nExport anyway?",
    ).format(count=count, details=details)
    return _confirm(parent, Kind.WARNING, translate("messages", "Checklist errors"), text)


def ask_restore_revision(parent: QWidget | None, when: str) -> bool:
    """Ask before putting an older revision's text back; return True to restore."""
    text = translate(
        "messages",
        "Put the text of the revision “{when}” back into the editor?\n\n"
        "The body change can be undone; the next save records it as a new revision.",
    ).format(when=when)
    return _confirm(parent, Kind.QUESTION, translate("messages", "Restore revision"), text)


def ask_drop_history(
    parent: QWidget | None, notes: int, revisions: int, *, folder: bool = False
) -> bool:
    """Warn that a Markdown page keeps no notes or revisions; return True to save anyway."""
    if folder:
        text = translate(
            "messages",
            "A page-bundle folder keeps only the article and its images. The {notes} desk "
            "note(s) and {revisions} revision(s) stay in the .article file only and are not "
            "in the folder.\n\nSave as a folder anyway?",
        ).format(notes=notes, revisions=revisions)
        title = translate("messages", "Save as page-bundle folder")
        return _confirm(parent, Kind.WARNING, title, text)
    text = translate(
        "messages",
        "A Markdown page keeps only the article. The {notes} desk note(s) and {revisions} "
        "revision(s) stay in the .article file only and are not in the .md.\n\nSave as "
        "Markdown anyway?",
    ).format(notes=notes, revisions=revisions)
    return _confirm(parent, Kind.WARNING, translate("messages", "Save as Markdown"), text)


def ask_keep_photo_texts(parent: QWidget | None) -> bool:
    """Ask whether a new lead photo keeps the old one's alt text, caption and credit."""
    text = translate(
        "messages",
        "The new photo still has the old photo's alt text, caption and credit.\n\n"
        "Clear them, so a wrong credit is not published with the new photo?",
    )
    title = translate("messages", "Replace lead photo")
    answers = [Answer.CLEAR_TEXTS, Answer.KEEP_TEXTS]
    return _present(parent, Message(Kind.QUESTION, title, text, "", answers)) is Answer.KEEP_TEXTS


def ask_identity(parent: QWidget | None, user: User) -> User | None:
    """Ask the user's name, e-mail and role; return None when cancelled."""
    return _ask_identity(parent, user)


def _confirm(parent: QWidget | None, kind: Kind, title: str, text: str) -> bool:
    """Ask Yes or Cancel (Cancel the default); return True for Yes."""
    answers = [Answer.CANCEL, Answer.YES]
    return _present(parent, Message(kind, title, text, "", answers)) is Answer.YES


def choose_open_file(parent: QWidget | None, folder: str = "") -> str:
    """Ask for an article file to open; return "" when cancelled."""
    name_filter = translate("messages", "Articles (*.article *.md *.markdown);;All files (*)")
    return _choose(
        parent, FileRequest("open", translate("messages", "Open Article"), folder, name_filter)
    )


def choose_open_folder(parent: QWidget | None, folder: str = "") -> str:
    """Ask for a page-bundle folder to open; return "" when cancelled."""
    return _choose(
        parent, FileRequest("folder", translate("messages", "Open Page Bundle Folder"), folder)
    )


def save_filters() -> dict[str, DocumentKind]:
    """Return the Save As picker's filters, in the order shown, and the form each saves."""
    return {
        translate("messages", "Article document (*.article)"): DocumentKind.ARTICLE,
        translate("messages", "Markdown page (*.md)"): DocumentKind.MARKDOWN,
        translate("messages", "Page-bundle folder: index.md and images (*)"): DocumentKind.BUNDLE,
    }


def choose_save_file(parent: QWidget | None, folder: str = "") -> tuple[str, DocumentKind | None]:
    """Ask where to save the article and in which form; return ("", None) when cancelled."""
    filters = save_filters()
    request = FileRequest(
        "save", translate("messages", "Save Article As"), folder, ";;".join(filters)
    )
    chosen = _choose(parent, request)
    return chosen, filters.get(request.chosen_filter) if chosen else None


def choose_image(parent: QWidget | None, folder: str = "") -> str:
    """Ask for an image file; return "" when cancelled."""
    name_filter = translate("messages", "Images (*.jpg *.jpeg *.png *.gif *.webp)")
    return _choose(
        parent, FileRequest("open", translate("messages", "Choose Image"), folder, name_filter)
    )


def choose_export_folder(parent: QWidget | None, folder: str = "") -> str:
    """Ask for the folder an export goes to; return "" when cancelled."""
    return _choose(parent, FileRequest("folder", translate("messages", "Export To"), folder))


def describe(exc: BaseException) -> str:
    """Turn a typed error into a sentence in the user's language."""
    summaries: list[tuple[type[BaseException], str]] = [
        (
            UnsafeDocumentError,
            translate("messages", "The document was refused because it looks unsafe."),
        ),
        (DocumentError, translate("messages", "The document could not be read or written.")),
        (ImageError, translate("messages", "The image cannot be used.")),
        (ExportError, translate("messages", "The export could not be written.")),
        (ProfileError, translate("messages", "The site profile is missing or broken.")),
        (OSError, translate("messages", "The file system refused the operation.")),
    ]
    summary = next(
        (s for cls, s in summaries if isinstance(exc, cls)),
        translate("messages", "Something went wrong."),
    )
    detail = error_words(exc) if isinstance(exc, ArticleError) else ""
    return f"{summary}\n\n{detail}" if detail else summary


def error_words(error: ArticleError | ErrorRecord) -> str:
    """Word a typed error from its code and arguments in the user's language.

    The English template of each code is the source text of the "errors" context in
    resources/i18n/*.ts (tests/ui/test_error_words.py keeps every code translated).
    """
    return render(error, lambda code: translate("errors", code.english))


# The doors tests patch -----------------------------------------------------------------
# QMessageBox and QFileDialog are imported when a box or picker opens: importing them
# creates their Python types and nine enums, which the window's first frame does not need.
def _standard() -> tuple[dict[Kind, QMessageBox.Icon], dict[Answer, QMessageBox.StandardButton]]:
    """Return Qt's icon for each kind of message and Qt's button for each standard answer."""
    from PySide6.QtWidgets import QMessageBox

    icon, button = QMessageBox.Icon, QMessageBox.StandardButton
    icons = {
        Kind.INFORMATION: icon.Information,
        Kind.WARNING: icon.Warning,
        Kind.ERROR: icon.Critical,
        Kind.QUESTION: icon.Question,
    }
    buttons = {
        Answer.OK: button.Ok,
        Answer.SAVE: button.Save,
        Answer.DISCARD: button.Discard,
        Answer.CANCEL: button.Cancel,
        Answer.YES: button.Yes,
        Answer.NO: button.No,
    }
    return icons, buttons


def _custom_labels() -> dict[Answer, tuple[str, QMessageBox.ButtonRole]]:
    from PySide6.QtWidgets import QMessageBox

    role = QMessageBox.ButtonRole
    return {
        Answer.OVERWRITE: (translate("messages", "Overwrite"), role.DestructiveRole),
        Answer.SAVE_AS: (translate("messages", "Save As…"), role.AcceptRole),
        Answer.RELOAD: (translate("messages", "Reload"), role.DestructiveRole),
        Answer.KEEP: (translate("messages", "Keep Editing"), role.RejectRole),
        Answer.OPEN_ANYWAY: (translate("messages", "Open Anyway"), role.AcceptRole),
        Answer.CLEAR_TEXTS: (translate("messages", "Clear Them"), role.AcceptRole),
        Answer.KEEP_TEXTS: (translate("messages", "Keep Them"), role.RejectRole),
    }


def message_box(
    parent: QWidget | None, message: Message
) -> tuple[QMessageBox, dict[QAbstractButton, Answer]]:
    """Build (not show) the message box for a message, and which button gives which answer."""
    from PySide6.QtWidgets import QMessageBox

    icons, buttons = _standard()
    box = QMessageBox(icons[message.kind], message.title, message.text, parent=parent)
    custom = _custom_labels()
    by_button: dict[QAbstractButton, Answer] = {}
    for answer in message.answers:
        if answer in custom:
            button = box.addButton(*custom[answer])
        else:
            button = box.addButton(buttons[answer])
        by_button[button] = answer
    box.setDefaultButton(next(iter(by_button)))
    if message.details and message.details not in message.text:
        box.setDetailedText(message.details)
    return box, by_button


def _present(parent: QWidget | None, message: Message) -> Answer:
    """Show a modal message box and return the answer chosen."""
    box, by_button = message_box(parent, message)
    box.exec()
    fallback = Answer.CANCEL if Answer.CANCEL in message.answers else message.answers[-1]
    return by_button.get(box.clickedButton(), fallback)


def _choose(parent: QWidget | None, request: FileRequest) -> str:
    """Show a file picker and return the chosen path, or "" when cancelled."""
    from PySide6.QtWidgets import QFileDialog

    if request.mode == "folder":
        return QFileDialog.getExistingDirectory(parent, request.title, request.folder)
    if request.mode == "save":
        chosen, request.chosen_filter = QFileDialog.getSaveFileName(
            parent, request.title, request.folder, request.name_filter
        )
        return chosen
    return QFileDialog.getOpenFileName(parent, request.title, request.folder, request.name_filter)[
        0
    ]


def _ask_identity(parent: QWidget | None, user: User) -> User | None:
    """Show the name-and-role dialog."""
    from editor.ui.identity_dialog import IdentityDialog

    return IdentityDialog.run(parent, user)

"""Where every file chooser opens, and the folder it remembers: one mechanism for all.

Each chooser (Back up now, Restore from a file, Export, Import, the summary for the
doctor, a partner's journal folder, where to keep held words) is of one `Place`. It
opens in the last folder the person chose for that kind, or else in the Documents
folder, or the home folder (``QStandardPaths``); never in the working folder the app
was started from (break test 16 of session 10, finding 4).

The folders chosen are remembered in this process's memory only, never on disk:
nothing outside the encrypted database may record where the person exported to
(issue 14), and a folder's name can say what is in it. A lock replaces the process,
so a chooser after a lock opens in the default again, save "Back up now…", which
opens where the journal's last backup file went: Settings shows that folder, and it
is kept inside the encrypted database (`start_folder`'s ``known``). A folder inside Solace's data
folder (the journals, their keys and backups; `use_data_folder`, called by the main
window) is never remembered nor offered: nothing there is for the person to pick or
to leave files in.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QFileInfo, QStandardPaths
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QDialog, QFileDialog, QFileIconProvider, QWidget

from journal.storage import places
from journal.storage.places import Writes


class Place(Enum):
    """The kinds of file a chooser picks; each remembers its own last folder."""

    BACKUP = "backup"
    RESTORE = "restore"
    EXPORT = "export"
    IMPORT = "import"
    SUMMARY = "summary"
    PARTNER = "partner"
    HELD_WORDS = "held words"


#: What each chooser that writes outside writes, for the one rule on where it may
#: (`journal.storage.places.place_problem`, which the storage functions apply too):
#: plain text (a journal's export, the summary for the doctor) never inside the data
#: folder, where everything else is encrypted (break test 16 of session 12, finding 8),
#: nor a backup file, which would go with what it is meant to keep safe (finding 7).
WRITES = {
    Place.EXPORT: Writes.PLAIN_TEXT,
    Place.SUMMARY: Writes.PLAIN_TEXT,
    Place.BACKUP: Writes.BACKUP,
}

_chosen: dict[Place, Path] = {}  # in memory only (see the module's docstring)


def use_data_folder(folder: Path) -> None:
    """Never remember nor offer a folder inside ``folder`` (Solace's data folder), nor
    write there (`journal.storage.places.protect`)."""
    places.protect(folder)


def forget_folders() -> None:
    """Forget every folder chosen (as a new process starts with none)."""
    _chosen.clear()


def _allowed(folder: Path) -> bool:
    """Whether ``folder`` may be offered or remembered: an existing folder outside the
    data folder."""
    try:
        resolved = folder.resolve()
        if any(resolved.is_relative_to(data) for data in places.data_folders()):
            return False
        return resolved.is_dir()
    except (OSError, RuntimeError):
        return False


def place_problem(place: Place, chosen: Path) -> str:
    """Why ``chosen`` (a folder, or a file to write) cannot take what a chooser of
    ``place`` writes (`WRITES`), in words, or "": the one rule of
    `journal.storage.places.place_problem` (inside Solace's data folder, or among a
    journal's files; links followed), asked before anything is written so the dialog
    can say why next to the place chosen."""
    writes = WRITES.get(place)
    return "" if writes is None else places.place_problem(chosen, writes)


def default_folder() -> Path:
    """The Documents folder when there is one, else the home folder (QStandardPaths)."""
    for location in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        found = QStandardPaths.writableLocation(location)
        if found and Path(found).is_dir():
            return Path(found)
    return Path.home()


def start_folder(place: Place, known: Path | None = None) -> Path:
    """Where a chooser of ``place`` opens: the folder last chosen for it in this
    process, else ``known`` (a folder the open journal keeps in its encrypted database,
    such as where the last backup file went), each only when it is still there and
    outside the data folder, else `default_folder`."""
    for folder in (_chosen.get(place), known):
        if folder is not None and _allowed(folder):
            return folder
    return default_folder()


def remember(place: Place, chosen: Path) -> None:
    """Keep the folder of ``chosen`` (a file's folder, or a chosen folder itself) as
    the start of the next chooser of ``place`` in this process; nothing when it is in
    the data folder."""
    folder = chosen if chosen.is_dir() else chosen.parent
    if _allowed(folder):
        _chosen[place] = folder.resolve()


class Mode(Enum):
    """What a chooser asks for."""

    SAVE = "a file to write"
    OPEN = "a file to read"
    FOLDER = "a folder"


class PlainIcons(QFileIconProvider):
    """Icons and type names from what a file is (a folder or not) and its name alone.

    Qt's own provider asks ``QMimeDatabase`` of each file the chooser lists, which
    reads the start of it: a folder holding a file that blocks a reader (``/proc/kmsg``,
    a FIFO, a stale network mount) froze the chooser, and Solace with it, for good
    (issue 16, break test of session 25: a path in /proc typed in Back up…). Nothing
    listed is opened here."""

    def icon(self, info: QFileInfo | QAbstractFileIconProvider.IconType) -> QIcon:
        if isinstance(info, QFileInfo):
            kind = QAbstractFileIconProvider.IconType
            return super().icon(kind.Folder if info.isDir() else kind.File)
        return super().icon(info)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} file" if suffix else "File"


def chooser(
    mode: Mode,
    parent: QWidget,
    caption: str,
    start: str,
    file_filter: str = "",
    options: QFileDialog.Option | None = None,
) -> QFileDialog:
    """Qt's file chooser for ``mode``, titled ``caption``, opening at ``start`` (a
    folder; for `Mode.SAVE`, the file to offer in it), showing ``file_filter``'s
    files, with `PlainIcons`, as Qt's static ``QFileDialog.get…`` functions make it."""
    dialog = QFileDialog(parent, caption, "", file_filter)
    icons = PlainIcons()
    dialog.setIconProvider(icons)
    dialog.icons = icons  # type: ignore[attr-defined]  # kept alive with the dialog
    if options is not None:
        dialog.setOptions(options)
    if mode is Mode.SAVE:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDirectory(str(Path(start).parent))
        dialog.selectFile(Path(start).name)
    elif mode is Mode.OPEN:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setDirectory(start)
    else:
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.setDirectory(start)
    return dialog


def ask(
    mode: Mode,
    parent: QWidget,
    caption: str,
    start: str,
    file_filter: str = "",
    options: QFileDialog.Option | None = None,
) -> str:
    """Show the `chooser` and wait: the path chosen, or "" when the person cancels."""
    dialog = chooser(mode, parent, caption, start, file_filter, options)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ""
        chosen = dialog.selectedFiles()
        return chosen[0] if chosen else ""
    finally:
        dialog.deleteLater()


def save_file_name(
    parent: QWidget,
    place: Place,
    caption: str,
    suggested: str,
    file_filter: str,
    options: QFileDialog.Option | None = None,
    known: Path | None = None,
) -> Path | None:
    """Ask where to save a file, starting in `start_folder` (of ``place``, else
    ``known``) with the ``suggested`` name; the chosen path (its folder remembered), or
    None when the person cancels."""
    start = str(start_folder(place, known) / suggested)
    return _picked(place, ask(Mode.SAVE, parent, caption, start, file_filter, options))


def open_file_name(
    parent: QWidget, place: Place, caption: str, file_filter: str = ""
) -> Path | None:
    """Ask for a file to open, starting in `start_folder`; the chosen path (its folder
    remembered), or None when the person cancels."""
    return _picked(place, ask(Mode.OPEN, parent, caption, str(start_folder(place)), file_filter))


def existing_folder(parent: QWidget, place: Place, caption: str) -> Path | None:
    """Ask for a folder, starting in `start_folder`; the chosen folder (remembered), or
    None when the person cancels."""
    return _picked(place, ask(Mode.FOLDER, parent, caption, str(start_folder(place))))


def _picked(place: Place, name: str) -> Path | None:
    if not name:
        return None
    remember(place, Path(name))
    return Path(name)

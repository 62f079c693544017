"""The one rule for every place outside a journal that a person chooses to write to.

A backup file ("Back up now…"), an export folder, the summary for the doctor and the
body log's CSV are written where the person says. None may go inside Solace's own data
folder (its journals, their keys and backups), nor into a folder that holds a
journal's own files wherever it is (a partner's journal on a USB stick): plain text
would lie where everything else is encrypted and travels with every copy of it (break
test 16 of session 12, finding 8), and a backup kept inside the folder it is meant to
protect is lost with it, while ``back_up_to`` given the live ``journal.db`` wrote the
archive over the journal itself (session 12, finding 7). The storage functions that
write to a chosen place refuse such a place themselves (`refuse_protected`), and the
dialogs ask `place_problem` first to say why next to where it was chosen.

Solace's data folders are known to this process by `protect` (each `JournalStore`
and the main window call it); only ``os`` and ``pathlib`` are used, so the lock
screen may import this before SQLAlchemy or SQLCipher load.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from journal.errors import SolaceError
from journal.storage.journal_files import HEADER_NAME


class Writes(Enum):
    """What a chosen place receives."""

    PLAIN_TEXT = "plain text"  # an export, the summary for the doctor, the body log's CSV
    BACKUP = "backup"  # one encrypted backup file


IN_DATA_FOLDER = (
    "That folder is inside Solace's own folder, where everything is kept encrypted, and "
    "what is written here is not. Please choose a folder outside it, such as your "
    "Documents folder."
)
BACKUP_IN_DATA_FOLDER = (
    "That place is inside Solace's own folder, the one this backup is meant to keep safe: "
    "if that folder is lost (a failed disk, a journal removed), a backup there goes with "
    "it. Please choose a place outside it, such as a USB stick or your Documents folder."
)
IN_JOURNAL_FOLDER = (
    "That folder holds a journal's own files (its key file and database), and nothing "
    "else may be written among them. Please choose another folder, such as your "
    "Documents folder."
)

_protected: list[Path] = []  # Solace's data folders known to this process, resolved


def protect(data_folder: Path) -> None:
    """Count ``data_folder`` (a Solace data folder) as a place no chosen write may go."""
    try:
        resolved = data_folder.resolve()
    except (OSError, RuntimeError):
        return
    if resolved not in _protected:
        _protected.append(resolved)


def data_folders() -> tuple[Path, ...]:
    """The data folders `protect` was given in this process, resolved."""
    return tuple(_protected)


def place_problem(chosen: Path, writes: Writes, also: Iterable[Path] = ()) -> str:
    """Why ``chosen`` (a file to write, or a folder to write into) may not take what
    ``writes`` says, in words, or "" when it may: inside a protected data folder
    (`protect`) or one of ``also`` (`IN_DATA_FOLDER` for plain text,
    `BACKUP_IN_DATA_FOLDER` for a backup), or in a folder that holds a journal's key
    file, or below one (`IN_JOURNAL_FOLDER`). Links are followed. Never raises."""
    try:
        resolved = chosen.resolve()
        for folder in (*_protected, *(p.resolve() for p in also)):
            if resolved.is_relative_to(folder):
                return BACKUP_IN_DATA_FOLDER if writes is Writes.BACKUP else IN_DATA_FOLDER
        start = resolved if resolved.is_dir() else resolved.parent
        if any((folder / HEADER_NAME).exists() for folder in (start, *start.parents)):
            return IN_JOURNAL_FOLDER
    except (OSError, RuntimeError, ValueError):
        return ""
    return ""


class PlaceRefused(SolaceError):
    """A chosen place that `place_problem` refuses; nothing was written. The message
    says why and what to choose instead."""


def refuse_protected(chosen: Path, writes: Writes, also: Iterable[Path] = ()) -> None:
    """Raise `PlaceRefused` when `place_problem` finds a reason ``chosen`` may not take
    what ``writes`` says (see there for ``also``); else nothing."""
    problem = place_problem(chosen, writes, also)
    if problem:
        raise PlaceRefused(f"{problem} Nothing was written.")

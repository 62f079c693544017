"""Journal names are unique on this computer.

Two journals called "Mine" on one lock screen cannot be told apart, and the wrong one
is opened, restored over or removed (break test 16 of session 12b, finding 6: a backup
of another journal called "Mine" restored beside "Mine"). Names are compared as a
person reads them: Unicode NFC, without the spaces around them, and without regard to
case ("mine " is "Mine"). Creating a journal under a name in use is refused
(`NameInUse`, told beside the Name field); a journal that arrives with its own name (a
restored backup of another journal) gets the first free "Mine (2)", "Mine (3)" ...
(`free_name`). Every journal is made in `journal.storage.lock.journal.create_journal` or
restored by `journal.storage.safekeeping.restore.restore`, which both ask here.
"""

from __future__ import annotations

import contextlib
import unicodedata
from pathlib import Path

from journal.domain.common.bidi import quoted
from journal.errors import JournalDamaged, JournalMissing, SolaceError
from journal.paths import journals_dir
from journal.storage.journal_files import HEADER_NAME
from journal.storage.lock.vault import kept_headers, name_left, read_header


class NameInUse(SolaceError):
    """Another journal on this computer already has this name (``name``, as typed)."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"There is already a journal called {quoted(name.strip())} on this computer. "
            "Please choose another name, so the two are never mixed up."
        )
        self.name = name


def name_key(name: str) -> str:
    """``name`` as names are compared: NFC, trimmed, case folded."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def _name_of(folder: Path) -> str:
    """The name the journal in ``folder`` is listed by ("" when none can be read)."""
    with contextlib.suppress(JournalDamaged, JournalMissing, OSError):
        return read_header(folder).name
    with contextlib.suppress(OSError):
        copies = kept_headers(folder)
        if copies:
            return copies[0].name
    with contextlib.suppress(OSError):
        return name_left(folder)
    return ""


def name_here(data_dir: Path, journal_id: str) -> str | None:
    """The name the journal ``journal_id`` is listed by under ``data_dir``: None when it
    is not there (no key file of it), "" when its name cannot be read.

    A backup keeps the name its journal had when it was made; the journal may have been
    renamed since, or added here as "Mine (2)" (`free_name`). Solace names a journal to
    the person by this name, the one on the lock screen, never by a backup's (break
    test 16 of session 18, finding 2: Restore asked for "your passphrase" and named the
    backup's "Mine" for the journal it replaced, "Ours" here)."""
    folder = journals_dir(data_dir) / journal_id
    if not (folder / HEADER_NAME).is_file():
        return None
    return _name_of(folder)


def names_in_use(data_dir: Path, besides: Path | None = None) -> set[str]:
    """The compared names (`name_key`) of every journal under ``data_dir`` but the one
    in the folder ``besides`` (a journal keeps its own name)."""
    root = journals_dir(data_dir)
    try:
        folders = list(root.iterdir()) if root.is_dir() else []
    except OSError:
        return set()
    found: set[str] = set()
    for folder in folders:
        if folder.name.startswith(".") or folder.is_symlink() or not folder.is_dir():
            continue
        if besides is not None and folder == besides:
            continue
        name = _name_of(folder)
        if name:
            found.add(name_key(name))
    return found


def refuse_taken(data_dir: Path, name: str) -> None:
    """Raise `NameInUse` when another journal under ``data_dir`` has ``name``."""
    if name_key(name) in names_in_use(data_dir):
        raise NameInUse(name)


def free_name(data_dir: Path, name: str, besides: Path | None = None) -> str:
    """``name`` when no other journal under ``data_dir`` (but the one in ``besides``)
    has it, else the first of "name (2)", "name (3)", ... that is free."""
    taken = names_in_use(data_dir, besides)
    base = name.strip()
    if name_key(base) not in taken:
        return base
    number = 2
    while name_key(f"{base} ({number})") in taken:
        number += 1
    return f"{base} ({number})"

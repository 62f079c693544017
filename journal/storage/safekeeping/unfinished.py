"""An export, an import or a backup file cut short (a lock replaces the process, the
power goes): each leaves a word in the journal's encrypted settings as it starts, gone
when it ends, so the next unlock can say what happened. An export's plaintext is
deleted then, and so is a backup file's unfinished copy; an import, one transaction,
added nothing and is named so it can be made again.

Kept apart from `journal.storage.safekeeping.export` so that every unlock can look
without importing the export's writers (Markdown, YAML: about 0.1-0.2 s, issue 12).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from journal.storage.database import Database

__all__ = [
    "UNFINISHED_BACKUP_FILE",
    "UNFINISHED_EXPORT",
    "UNFINISHED_IMPORT",
    "remove_unfinished_backup_file",
    "remove_unfinished_export",
    "unfinished_import",
]

UNFINISHED_EXPORT = "safekeeping/unfinished_export"  # the .partial folder being written
UNFINISHED_IMPORT = "safekeeping/unfinished_import"  # the name of the file being imported
UNFINISHED_BACKUP_FILE = "safekeeping/unfinished_backup_file"  # its .partial, being written
_BACKUP_PARTIAL = re.compile(r"\..+\.partial")
# An export's .partial folder, as named now or before session 12 (`file_names`).
_PARTIAL = re.compile(r"\.(?:journal|solace)-export-[0-9-]+(?:-\d+)?\.partial")


def remove_unfinished_export(db: Database) -> Path | None:
    """Delete the plaintext an export left when it was cut short (the process killed,
    the power gone: break test 16, N7, 4,750 readable entries in a hidden folder of a
    USB stick). The export records its ``.partial`` folder in the journal's
    encrypted settings before writing and forgets it once done, so this finds it at
    the next unlock. Returns the folder that was deleted, or None when there was
    none. A place that is not there now (a stick taken out) is tried again at the
    next unlock; only a folder named as an export's ``.partial`` is ever deleted."""
    return _remove_recorded(db, UNFINISHED_EXPORT, _PARTIAL, is_folder=True)


def unfinished_import(db: Database) -> str:
    """The name of the file whose import was cut short last time ("" when none), and
    forget it. `importer.apply` names the file, committed, before its transaction, and
    clears the name inside that transaction: the name stays exactly when the import's
    entries did not come in (break test 16 of the eighth session, finding 10: a lock
    during an import of 200,000 entries dropped it with nothing said)."""
    name = db.get_setting(UNFINISHED_IMPORT, "")
    if name:
        db.set_setting(UNFINISHED_IMPORT, "")
    return name


def remove_unfinished_backup_file(db: Database) -> Path | None:
    """Delete the hidden ``.NAME.partial`` a "Back up now…" left in the chosen place when
    it was cut short (break test 16 of the eighth session, finding 13: it stayed on a
    USB stick for ever). Returns the file deleted, or None. A place that is not there
    now (a stick taken out) is tried again at the next unlock; only a file named as a
    backup's ``.partial`` is ever deleted (it is encrypted: this is tidiness, not
    privacy)."""
    return _remove_recorded(db, UNFINISHED_BACKUP_FILE, _BACKUP_PARTIAL, is_folder=False)


def _remove_recorded(
    db: Database, key: str, named: re.Pattern[str], *, is_folder: bool
) -> Path | None:
    """Delete the unfinished folder (``is_folder``) or file recorded under ``key``, if
    its name is ``named``, and forget the record; None when there was none, or when its
    place is not here now (a stick taken out: tried again at the next unlock)."""
    where = db.get_setting(key, "")
    if not where:
        return None
    partial = Path(where)
    if not partial.parent.is_dir():
        return None  # the place is not here now: try again next time
    removed = None
    if named.fullmatch(partial.name) and (partial.is_dir() if is_folder else partial.is_file()):
        if is_folder:
            shutil.rmtree(partial, ignore_errors=True)
        else:
            partial.unlink(missing_ok=True)
        removed = partial
    db.set_setting(key, "")
    return removed

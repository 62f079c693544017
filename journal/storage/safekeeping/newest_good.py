"""What a damaged journal's two ways back keep and lose: the newest good backup it has,
and whether its files were changed after that backup (break test 16 of session 15,
finding 6: "Restore a backup…", focused, silently dropped an entry written after the
newest backup, which "Rescue what can be read…" would have kept).

Only cheap checks: the backups' folder names and key files (`backups.not_offered`) and
the times the file system gives the journal's database and its write-ahead log. A time
is an upper bound of what was written: a lock checkpoints its write-ahead log into the
file just after its daily backup, so "changed after" may be said of a journal holding
nothing newer, never the other way round.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from journal.domain.safekeeping.rotation import Reason
from journal.storage.safekeeping.backups import (
    DATABASE_NAME,
    Backup,
    in_the_future,
    list_backups,
    not_offered,
)

WAL_SUFFIX = "-wal"


def newest_good_backup(journal_folder: Path) -> Backup | None:
    """The backup of the journal in ``journal_folder`` that "Restore a backup…" offers
    first: the newest that is offered (`not_offered`), not dated ahead and not a copy kept
    aside before a restore (the restore list's rule, `restore_dialog.suggested_row`);
    None when there is none."""
    journal_id = journal_folder.name
    for backup in reversed(list_backups(journal_folder)):
        if backup.reason is Reason.BEFORE_RESTORE or in_the_future(backup):
            continue
        if not not_offered(backup, journal_id):
            return backup
    return None


def last_changed(journal_folder: Path) -> datetime | None:
    """When the journal's database in ``journal_folder`` was last written (aware UTC):
    the later of journal.db's modification time and, when it holds anything, its
    write-ahead log's. None when neither can be read."""
    found: list[float] = []
    database = journal_folder / DATABASE_NAME
    for path in (database, database.with_name(DATABASE_NAME + WAL_SUFFIX)):
        try:
            status = path.stat()
        except OSError:
            continue
        if path != database and status.st_size == 0:  # an emptied log: nothing in it
            continue
        found.append(status.st_mtime)
    return datetime.fromtimestamp(max(found), UTC) if found else None


def changed_after(journal_folder: Path, moment: datetime) -> bool:
    """Whether the journal in ``journal_folder`` may hold words written after ``moment``
    (aware UTC): its files were changed later (`last_changed`), or their time cannot be
    read (then it is assumed, the safe side)."""
    changed = last_changed(journal_folder)
    return changed is None or changed > moment

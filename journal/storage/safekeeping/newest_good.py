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
from journal.storage.journal_files import DATABASE_NAME, wal_of
from journal.storage.safekeeping.backups import Backup, in_the_future, list_backups, not_offered


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
    for path in (database, wal_of(database)):
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


def key_file_put_back(journal_folder: Path) -> bool:
    """Whether only the key file of the journal in ``journal_folder`` is wrong (damaged
    on the disk, missing, another journal's) and Unlock puts it back from the copies
    kept with its backups (`store.JournalStore`'s unlock: a readable one with a damaged
    part mended by `vault.mended`, any other replaced by a kept copy of its own), its
    database looking whole (`damage.file_problem`): then the passphrase opens the
    journal as it is, with its latest words, and a restore of an older backup is a step
    back, not a rescue (break test 16 of session 19, finding 1). Cheap: the key files
    and the first bytes of the database only, no key derived."""
    from journal.errors import JournalDamaged, JournalMissing
    from journal.storage.lock.store import own_headers, sound
    from journal.storage.lock.vault import mended, read_header
    from journal.storage.safekeeping.damage import file_problem

    own = own_headers(journal_folder)
    if not own or file_problem(journal_folder / DATABASE_NAME):
        return False
    try:
        header = read_header(journal_folder)
    except (JournalMissing, JournalDamaged):
        return True  # a kept copy is put back whole
    if header.journal_id != journal_folder.name:
        return True  # another journal's: its own kept copy is put back
    return not sound(journal_folder, header) and mended(header, own) is not None

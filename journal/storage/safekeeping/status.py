""" "Back up now…" to a place of the person's choice, and what Settings says about backups.

Where and when the last copy elsewhere was made is kept in the journal's own
encrypted settings (a folder name can be personal), never in the preferences file.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from journal.domain.safekeeping.rotation import BackupStamp, Reason, changed_since_backup
from journal.errors import DiskFull, SolaceError
from journal.storage.atomic import atomic_write_bytes
from journal.storage.lock.journal import OpenJournal
from journal.storage.safekeeping.archive import partial_for, write_archive
from journal.storage.safekeeping.backups import (
    DAMAGED,
    Backup,
    BackupFailed,
    backup_generation,
    deep_check_pending,
    list_backups,
    no_room_for,
    not_offered,
    pending,
)
from journal.storage.safekeeping.checks import check_pages
from journal.storage.safekeeping.unfinished import UNFINISHED_BACKUP_FILE

LAST_COPY_AT = "safekeeping.last_copy_at"
LAST_COPY_PLACE = "safekeeping.last_copy_place"


@dataclass(frozen=True, slots=True)
class BackupStatus:
    """What Settings says about backups.

    ``newest``: the newest backup of the journal as it is (aware UTC, or None) and
    ``newest_reason`` why it was taken (daily, "Back up now…", after an import, after a
    change of keys); ``kept``: how many such backups are kept; ``before_changes``: how
    many copies of the journal as it was before an import, an upgrade or a restore;
    ``changed``: the safety copy marking a big change made after ``newest`` (then no
    backup holds the journal as it is), or None; ``no_room``: the bytes the last
    automatic backup needed when it failed for lack of room, or None; and the last
    copy made elsewhere (aware UTC and its folder, or None and "")."""

    newest: datetime | None
    kept: int
    last_copy_at: datetime | None
    last_copy_place: str
    newest_reason: Reason | None = None
    before_changes: int = 0
    changed: BackupStamp | None = None
    no_room: int | None = None


def backup_status(journal: OpenJournal) -> BackupStatus:
    """What Settings says about backups. A copy kept aside before a restore is the
    journal as it was (unchecked, perhaps damaged), and a copy taken before an import or
    an upgrade is the journal as it was before that change: neither is the "newest
    backup" nor counted with the days and weeks kept (break test 16, N9 and S7), and
    one newer than every backup of the journal as it is means no backup holds the
    journal now (finding 1). Only backups that pass their check count (`good_backups`:
    break test 16 of session 10, finding 14, a damaged kept backup was counted good)."""
    backups = good_backups(journal)
    current = [b for b in backups if not b.reason.is_safety]
    stored = journal.db.get_setting(LAST_COPY_AT)
    return BackupStatus(
        newest=current[-1].taken_at if current else None,
        kept=len(current),
        last_copy_at=_moment(stored),
        last_copy_place=journal.db.get_setting(LAST_COPY_PLACE),
        newest_reason=current[-1].reason if current else None,
        before_changes=len(backups) - len(current),
        changed=changed_since_backup([b.stamp for b in backups]),
        no_room=no_room_for(journal.folder),
    )


# Backups already found good in this process, by (database, size, mtime): a kept
# backup is never written again, so each is read once, not at every look at Settings.
_FOUND_GOOD: set[tuple[str, int, int]] = set()


def good_backups(journal: OpenJournal) -> list[Backup]:
    """The kept backups of ``journal`` that pass their check, oldest first: offered by
    the restore list (`not_offered`: not marked `DAMAGED`, a journal's database, a
    readable key file of this journal) and, when their key file is of the journal's
    current key generation, every page as SQLCipher wrote it (`check_pages`, about one
    read of the file, remembered per file for this process). One that fails is marked
    `DAMAGED`, as a restore from it would mark it, so neither Settings nor the restore
    list nor the rotation counts it again."""
    good: list[Backup] = []
    generation = journal.header.current_generation
    for backup in list_backups(journal.folder):
        if not_offered(backup, journal.header.journal_id):
            continue
        if backup_generation(backup) == generation and not _pages_good(backup, journal):
            with contextlib.suppress(SolaceError, OSError):  # removed meanwhile
                atomic_write_bytes(backup.folder / DAMAGED, b"")
            continue
        good.append(backup)
    return good


def _pages_good(backup: Backup, journal: OpenJournal) -> bool:
    try:
        info = backup.database.stat()
    except OSError:
        return False
    key = (str(backup.database), info.st_size, info.st_mtime_ns)
    if key in _FOUND_GOOD:
        return True
    if not check_pages(backup.database, journal.data_key).ok:
        return False
    _FOUND_GOOD.add(key)
    return True


def _moment(stored: str) -> datetime | None:
    try:
        return datetime.fromisoformat(stored) if stored else None
    except ValueError:
        return None


def carry_last_copy(before: Path, after: Path, data_key: bytes | bytearray) -> None:
    """Give the journal database ``after`` (a restored one, closed) the "last backup
    file" of the database ``before`` (the journal as it was, kept aside) when it is
    newer than its own: the line is about backups made, not about the journal's
    content, and a restore from an older backup made Settings forget it (break test 16
    of session 10, finding 14). ``data_key`` (32 bytes) opens both. ``before`` is only
    read; a part that cannot be read or written leaves ``after`` as it was."""
    import sqlcipher3

    from journal.storage.database import Database
    from journal.storage.lock.engine import key_connection, open_engine

    try:
        reader = sqlcipher3.connect(f"{before.as_uri()}?mode=ro", uri=True)
        try:
            key_connection(reader, data_key)
            found = dict(
                reader.execute(
                    "SELECT key, value FROM journal_settings WHERE key IN (?, ?)",
                    (LAST_COPY_AT, LAST_COPY_PLACE),
                ).fetchall()
            )
        finally:
            reader.close()
    except sqlcipher3.Error:
        return
    made = _moment(str(found.get(LAST_COPY_AT, "")))
    if made is None:
        return
    with contextlib.suppress(SolaceError, OSError):
        database = Database(open_engine(after, data_key))
        try:
            own = _moment(database.get_setting(LAST_COPY_AT))
            if own is None or own < made:
                database.set_setting(LAST_COPY_AT, str(found[LAST_COPY_AT]))
                database.set_setting(LAST_COPY_PLACE, str(found.get(LAST_COPY_PLACE, "")))
        finally:
            database.close()


def back_up_to(journal: OpenJournal, target: Path) -> Path:
    """Take a backup, run every check on it (`deep_check_pending`, the structural ones
    included) and write it as one file at ``target`` (atomically).

    The file opens with the passphrase and recovery key valid now. Returns
    ``target``. Raises `BackupFailed` (also when this computer is too full for
    the copy made first) or `PlaceNotWritten` (the chosen place is full, read-only or
    failed otherwise).
    """
    try:
        backup = journal.backup(Reason.MANUAL)
    except DiskFull as error:  # the copy kept on this computer, before the chosen place
        raise BackupFailed(
            "There is not enough free space on this computer to prepare it; free some "
            "space, then try again."
        ) from error
    told = deep_check_pending(
        journal.folder, journal.data_key, journal.header.current_generation
    )
    if pending(backup) or not backup.database.is_file():
        raise BackupFailed(" ".join(told))
    with contextlib.suppress(SolaceError):  # for `remove_unfinished_backup_file`
        journal.db.set_setting(UNFINISHED_BACKUP_FILE, str(partial_for(target)))
    try:
        write_archive(backup.database, backup.header, backup.taken_at, target)
    finally:  # written, or its partial removed and the failure told: nothing is left
        with contextlib.suppress(SolaceError):
            journal.db.set_setting(UNFINISHED_BACKUP_FILE, "")
    # The file is written: a full disk here costs only Settings' "Last backup file" line,
    # never a message that the backup (or the editor's words) failed.
    with contextlib.suppress(SolaceError):
        journal.db.set_setting(LAST_COPY_AT, datetime.now(UTC).isoformat(timespec="seconds"))
        journal.db.set_setting(LAST_COPY_PLACE, str(target.parent))
    return target

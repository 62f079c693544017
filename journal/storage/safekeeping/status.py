""" "Back up now…" to a place of the person's choice, and what Settings says about backups.

Where and when the last copy elsewhere was made is kept in the journal's own
encrypted settings (a folder name can be personal), never in the preferences file.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from journal.domain.safekeeping.rotation import BackupStamp, Reason, changed_since_backup
from journal.errors import DiskFull, SolaceError
from journal.files import open_regular
from journal.storage.atomic import atomic_write_bytes
from journal.storage.changes import SAME_AS
from journal.storage.journal_files import DATABASE_NAME, companions
from journal.storage.lock.journal import OpenJournal
from journal.storage.places import Writes, refuse_protected
from journal.storage.safekeeping.archive import partial_for, write_archive
from journal.storage.safekeeping.backups import (
    DAMAGED,
    SAME_AS_FILE,
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
from journal.storage.safekeeping.room import (
    backup_file_needs,
    check_room_for_backup_file,
    no_room_to_prepare,
    room_of,
)
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
    automatic backup needed when it failed for lack of room, or None; the last copy
    made elsewhere (aware UTC and its folder, or None and ""); and ``checking``: how
    many kept backups still wait for their page check in this process (0 once
    `check_kept_backups` has run; until then the figures before it leave them out);
    ``same_as``: the kept backup the journal is exactly, restored from it with nothing
    changed since (`journal.storage.changes`), or None."""

    newest: datetime | None
    kept: int
    last_copy_at: datetime | None
    last_copy_place: str
    newest_reason: Reason | None = None
    before_changes: int = 0
    changed: BackupStamp | None = None
    no_room: int | None = None
    checking: int = 0
    same_as: Backup | None = None


def backup_status(journal: OpenJournal, *, check: bool = True) -> BackupStatus:
    """What Settings says about backups. A copy kept aside before a restore is the
    journal as it was (unchecked, perhaps damaged), and a copy taken before an import or
    an upgrade is the journal as it was before that change: neither is the "newest
    backup" nor counted with the days and weeks kept (break test 16, N9 and S7), and
    one newer than every backup of the journal as it is means no backup holds the
    journal now (finding 1), unless the journal is still exactly the kept backup a
    restore brought back (``same_as``: session 11, finding e). Only backups that pass
    their check count (`_classified`: break test 16 of session 10, finding 14, a
    damaged kept backup was counted good).

    ``check=True`` first checks every kept backup not checked yet in this process
    (`check_kept_backups`: about one read of each file, 0.27 s per backup of a
    100k-entry journal). ``check=False`` reads nothing but the folder listing, the key
    files and the journal's settings, for the GUI thread (issue 16: verification runs
    off the GUI thread): a backup not checked yet is left out of the figures and
    counted in ``checking``, for a worker to check (`check_kept_backups`)."""
    header = journal.header
    generation = header.current_generation
    if check:
        check_kept_backups(journal.folder, header.journal_id, journal.data_key, generation)
    backups, unchecked = _classified(journal.folder, header.journal_id, generation)
    current = [b for b in backups if not b.reason.is_safety]
    stored = journal.db.get_setting(LAST_COPY_AT)
    same_name = journal.db.get_setting(SAME_AS)
    same_as = next((b for b in backups if same_name and b.folder.name == same_name), None)
    return BackupStatus(
        newest=current[-1].taken_at if current else None,
        kept=len(current),
        last_copy_at=_moment(stored),
        last_copy_place=journal.db.get_setting(LAST_COPY_PLACE),
        newest_reason=current[-1].reason if current else None,
        before_changes=len(backups) - len(current),
        changed=None if same_as else changed_since_backup([b.stamp for b in backups]),
        no_room=no_room_for(journal.folder),
        checking=len(unchecked),
        same_as=same_as,
    )


# What the page check found of each kept backup in this process, by (database, size,
# mtime): True for good, False for damaged. A kept backup is never written again, so
# each is read once, not at every look at Settings; one found damaged whose mark could
# not be written (a read-only folder) is not read again either. Written by the worker
# that checks, read by the GUI thread: under the lock.
_FOUND: dict[tuple[str, int, int], bool] = {}
_FOUND_LOCK = threading.Lock()


def _classified(
    journal_folder: Path, journal_id: str, generation: int
) -> tuple[list[Backup], list[Backup]]:
    """The kept backups of the journal in ``journal_folder`` (id ``journal_id``) that the
    restore list offers (`not_offered`: not marked `DAMAGED`, a journal's database, a
    readable key file of this journal), oldest first, from one listing, as (good,
    unchecked). Good: of another key generation than ``generation`` (the journal's
    current one: not page-checked), or found good by `check_kept_backups` in this
    process (every page as SQLCipher wrote it). Unchecked: of key ``generation`` and
    not checked yet in this process. Reads the folder listing and the key files only."""
    good: list[Backup] = []
    unchecked: list[Backup] = []
    for backup in list_backups(journal_folder):
        if not_offered(backup, journal_id):
            continue
        if backup_generation(backup) != generation:
            good.append(backup)
            continue
        found = _found(backup)
        if found is None:
            unchecked.append(backup)
        elif found:
            good.append(backup)
    return good, unchecked


def unchecked_backups(journal_folder: Path, journal_id: str, generation: int) -> list[Backup]:
    """The kept backups of the journal in ``journal_folder`` (id ``journal_id``) that
    `check_kept_backups` would read: offered (`not_offered`), with a key file of key
    ``generation`` (the journal's current one), and not checked yet in this process.
    Reads the folder listing and the key files only."""
    return _classified(journal_folder, journal_id, generation)[1]


def check_kept_backups(
    journal_folder: Path,
    journal_id: str,
    data_key: bytes | bytearray,
    generation: int,
    stop: threading.Event | None = None,
) -> int:
    """Check every page of each backup `unchecked_backups` lists (`check_pages` with
    ``data_key``, the 32-byte key of ``generation``): one that fails is marked
    `DAMAGED`, as a restore from it would mark it, so neither Settings nor the restore
    list nor the rotation counts it again. Returns how many were found damaged.

    About one read of each file (0.27 s per backup of a 100k-entry journal): run it off
    the GUI thread (`journal.ui.safekeeping.backup.BackupsPanel`). When ``stop`` is set
    it returns before the next backup, and a check it cut short judges nothing; nor is a
    backup removed or given another key file while it was read (a key rotation
    replaces the backups) judged. Never raises for a damaged or vanished backup."""
    damaged = 0
    for backup in unchecked_backups(journal_folder, journal_id, generation):
        if stop is not None and stop.is_set():
            break
        found_as = _file_key(backup)
        if found_as is None:
            continue  # removed meanwhile (a rotation): nothing to judge
        result = check_pages(backup.database, data_key)
        good = result.ok
        if stop is not None and stop.is_set():
            break  # perhaps cut short by the lock: judged at the next look
        if result.not_read:
            continue  # not read from the disk (no room): judged at the next look
        if not good and (_file_key(backup) != found_as or backup_generation(backup) != generation):
            continue  # removed or re-keyed while it was read: judged at the next look
        with _FOUND_LOCK:
            _FOUND[found_as] = good
        if not good:
            damaged += 1
            with contextlib.suppress(SolaceError, OSError):  # removed meanwhile
                atomic_write_bytes(backup.folder / DAMAGED, b"")
    return damaged


def _file_key(backup: Backup) -> tuple[str, int, int] | None:
    try:
        info = backup.database.stat()
    except OSError:
        return None
    return (str(backup.database), info.st_size, info.st_mtime_ns)


def _found(backup: Backup) -> bool | None:
    """What the page check found of ``backup`` as its file is now: True (good), False
    (damaged) or None (not checked in this process, or changed since)."""
    key = _file_key(backup)
    if key is None:
        return False
    with _FOUND_LOCK:
        return _FOUND.get(key)


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
    from journal.storage.database import Database
    from journal.storage.lock.engine import open_engine

    found = _read_settings(before, data_key, (LAST_COPY_AT, LAST_COPY_PLACE))
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


def _read_settings(
    db_path: Path, data_key: bytes | bytearray, keys: tuple[str, ...]
) -> dict[str, str]:
    """The settings ``keys`` found in the closed journal database ``db_path``, opened
    read-only with ``data_key`` (32 bytes); {} when it cannot be read. A read-only
    connection to a database in WAL mode makes its ``-wal`` and ``-shm`` files and
    leaves them: those it made are removed again, so reading changes nothing beside
    the file (a refused restore reads the live journal's mark first)."""
    import sqlcipher3

    from journal.storage.lock.engine import key_connection

    made = [path for path in companions(db_path) if not path.exists()]
    marks = ", ".join("?" for _ in keys)
    try:
        reader = sqlcipher3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
        try:
            key_connection(reader, data_key)
            found = reader.execute(
                f"SELECT key, value FROM journal_settings WHERE key IN ({marks})", keys
            ).fetchall()
        finally:
            reader.close()
    except sqlcipher3.Error:
        return {}
    finally:
        for path in made:
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
    return {str(key): str(value) for key, value in found}


FILE_MARK = "file:"  # a `SAME_AS` naming a backup file by its content, not a kept backup


def file_identity(source: Path) -> str:
    """The `SAME_AS` mark of the backup file ``source``: `FILE_MARK` and the SHA-256 of
    its bytes (hex), so the same file, wherever it lies and whatever its name, is
    recognised again. Read in 1 MiB pieces. Raises `OSError` when it cannot be read."""
    digest = hashlib.sha256()
    with open_regular(source) as handle:
        while piece := handle.read(1 << 20):
            digest.update(piece)
    return FILE_MARK + digest.hexdigest()


def same_as_mark(db_path: Path, data_key: bytes | bytearray) -> str:
    """The `SAME_AS` mark of the closed journal database ``db_path`` (read-only, with
    ``data_key``): the kept backup's folder name or the backup file's identity
    (`file_identity`) it is exactly, restored from it with nothing written since; ""
    when none, or when it cannot be read."""
    return _read_settings(db_path, data_key, (SAME_AS,)).get(SAME_AS, "")


def mark_same_as(db_path: Path, data_key: bytes | bytearray, backup_name: str) -> None:
    """Record in the closed journal database ``db_path`` (opened with ``data_key``) that
    it holds exactly the backup ``backup_name`` names (a restore's staged copy): a kept
    backup's folder name, or a backup file's `file_identity` (break test 16 of session
    12, finding 8: without it, each restore of the same file kept one more copy aside).
    `journal.storage.changes` removes the mark at the first change. Raises what opening
    and writing the database raise (`SolaceError`)."""
    from journal.storage.database import Database
    from journal.storage.lock.engine import open_engine

    database = Database(open_engine(db_path, data_key))
    try:
        database.set_setting(SAME_AS, backup_name)
    finally:
        database.close()


def note_same_as(aside: Path, data_key: bytes | bytearray) -> None:
    """Beside the copy kept aside before a restore (the folder ``aside``, its database
    opened read-only with ``data_key``): when that journal was still exactly a kept
    backup (its `SAME_AS`, and that backup is still there), or exactly a backup file
    that an earlier copy kept aside was exactly too (`_earlier_copy_as`), write the name
    of that backup's or copy's folder into `SAME_AS_FILE` (a name: a moment and a
    reason, no content), for the rotation (`backups.rotate`): back and forth between two
    backup files, the copies stay one per journal that differs (break test 16 of session
    12, finding 8). Writes nothing when it cannot tell."""
    name = _read_settings(aside / DATABASE_NAME, data_key, (SAME_AS,)).get(SAME_AS, "")
    if name.startswith(FILE_MARK):  # exactly a backup file: held by a copy that was too
        name = _earlier_copy_as(aside, data_key, name)
    if not name or "/" in name or name.startswith("."):
        return
    if not (aside.parent / name / DATABASE_NAME).is_file():
        return
    with contextlib.suppress(SolaceError, OSError):
        atomic_write_bytes(aside / SAME_AS_FILE, name.encode())


def _earlier_copy_as(aside: Path, data_key: bytes | bytearray, mark: str) -> str:
    """The folder name of another copy kept aside before a restore, beside ``aside``
    and older than it, whose journal was exactly the backup file ``mark`` names too
    (its own `SAME_AS`), so it holds what ``aside`` holds; "" when there is none. Each
    copy's database is read once, read-only."""
    for other in sorted(aside.parent.iterdir(), reverse=True):
        if other.name >= aside.name or not other.name.endswith(Reason.BEFORE_RESTORE.value):
            continue
        if (other / DAMAGED).exists() or not (other / DATABASE_NAME).is_file():
            continue
        if same_as_mark(other / DATABASE_NAME, data_key) == mark:
            return other.name
    return ""


def back_up_to(journal: OpenJournal, target: Path) -> Path:
    """Take a backup, run every check on it (`deep_check_pending`, the structural ones
    included) and write it as one file at ``target`` (atomically).

    The file opens with the passphrase and recovery key valid now. Returns
    ``target``. Raises `PlaceRefused` before anything is done when ``target`` lies
    inside Solace's data folder (the journal's own included) or among a journal's
    files (`places.place_problem`: break test 16 of session 12, finding 7, the archive
    written over the live journal.db), `BackupFailed` (also when the journal's disk
    is too full for the copy made first, or, when the chosen place is on it too, for
    both) or `PlaceNotWritten` (the chosen place is full, read-only or failed
    otherwise); the room of each place is checked before anything is written
    (`room.check_room_for_backup_file`).
    """
    journals = journal.folder.parent  # the data folder holds journals/<id>/
    data_folder = journals.parent if journals.name == "journals" else journal.folder
    refuse_protected(target, Writes.BACKUP, (data_folder, journal.folder))
    # Each place's room before anything is written: the copy beside the journal, the
    # file where she chose, both on one disk when they are (`room`).
    check_room_for_backup_file(journal.folder, target)
    try:
        backup = journal.backup(Reason.MANUAL)
    except DiskFull as error:  # the copy kept on this computer, before the chosen place
        copy, file = backup_file_needs(journal.folder)
        here, there = room_of(journal.folder), room_of(target.parent)
        one_disk = here.disk is not None and here.disk == there.disk
        why = no_room_to_prepare(journal.folder, error.needed or copy, file, None, one_disk)
        raise BackupFailed(why) from error
    told = deep_check_pending(journal.folder, journal.data_key, journal.header.current_generation)
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

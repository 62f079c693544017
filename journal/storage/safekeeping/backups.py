"""Encrypted backups of a journal, kept in its ``backups/`` folder.

This is the one backup mechanism: the safety copy before a migration, the daily
backup on lock and close, the copy kept aside before a restore or an import, and
the source of "Back up now…" all come from `take_backup`.

A backup is a folder ``backups/<UTC stamp>-<reason>/`` holding ``journal.db`` and
the ``vault.json`` that opens it, written into a ``.partial-`` folder, checked, and
only then renamed into place, so a folder without that prefix is always a checked
backup. A backup that fails its check is deleted and `BackupFailed` is raised.

The copy is the database file's own bytes (SQLCipher pages stay encrypted under the
same key, so nothing is decrypted or re-encrypted): the WAL is checkpointed into the
file, then a read transaction begun on the emptied WAL pins the file, since SQLite
never checkpoints into the file under a reader that reads only the file, while the
bytes are copied. Writers on other connections carry on meanwhile (their commits
wait in the WAL). When a commit slips in between, it is tried again, then
``VACUUM INTO`` is used. Before it counts the copy is reopened with the key and
checked quickly (`checks.check_pages`: every page's HMAC, its length, the schema
revision), which is about the cost of reading it once. The slower structural
checks (``integrity_check`` and the FTS5 ``integrity-check``) run afterwards off the
GUI thread (`deep_check_pending`); until then the backup holds a ``PENDING`` marker,
and the rotation (`journal.domain.safekeeping.rotation`) deletes an older backup only
once a newer one has passed them.

Credentials: every kept backup holds the journal's *current* header, so it opens
with today's passphrase and recovery key and with no older one;
`journal.storage.lock.snapshots.settle` is the one function that keeps this true
(after every credential change and at every unlock).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from journal.domain.common.bidi import quoted
from journal.domain.common.ids import is_uuid
from journal.domain.common.local_time import local_day, now_utc, to_local
from journal.domain.safekeeping.rotation import BackupStamp, Reason, is_due, to_keep
from journal.errors import DiskFull, JournalFileDamaged, SolaceError, StorageFailed
from journal.files import read_regular
from journal.paths import FILE_MODE, ensure_private_dir
from journal.storage import known_damage, read_back
from journal.storage.atomic import atomic_write_bytes, fsync_dir
from journal.storage.failures import damaged
from journal.storage.journal_files import DATABASE_NAME, HEADER_NAME, wal_of
from journal.storage.lock.vault import (
    VaultHeader,
    backups_dir,
    checksum_fails,
    of_another_journal,
)
from journal.storage.safekeeping.checks import (
    CheckResult,
    check_database,
    check_pages,
    failing_pages,
)

PARTIAL = ".partial-"
PENDING = "PENDING"  # in a backup folder: its structural checks have not run yet
DAMAGED = "DAMAGED"  # in a copy kept aside before a restore: it failed its check
# In a copy kept aside before a restore: the name of the kept backup it holds exactly
# (it was restored from that one and nothing changed since: status.note_same_as).
SAME_AS_FILE = "SAME_AS"
NO_ROOM = ".no-room-"  # an empty file in backups/: the last automatic one found no room
#: How a backup folder's name starts: when it was taken, in UTC (strftime/strptime).
STAMP = "%Y%m%dT%H%M%S%fZ"
log = logging.getLogger(__name__)


class BackupFailed(SolaceError):
    """A backup could not be made or did not pass its check; nothing was kept of it."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "A backup of your journal could not be made just now, so none was kept. "
            "Your journal itself is unchanged. " + detail
        )


class KeyFileMissing(BackupFailed):
    """The open journal's key file (``vault.json``) is gone from its folder, moved or
    deleted by something outside Solace, so no backup can hold it. Said as that, never
    as "could not save just now (No such file or directory)", which promised a retry
    that never came and hid the missing file (break test 16 of session 18, finding 10).
    """

    def __init__(self) -> None:
        super().__init__(
            "This journal's key file (vault.json) is missing from its folder: something "
            "outside Solace moved or deleted it. Your words go on being saved while the "
            "journal is open. If you can, put the file back; if not, the next unlock "
            "offers the copy Solace keeps with its backups."
        )


class KeyFileDamaged(BackupFailed):
    """The open journal's key file was changed on the disk since Solace wrote it (its
    checksum fails, or a part of it can no longer be used), so a backup holding it
    would not open with the passphrase: none is made. Break test 16 of session 18,
    re-test R6: "Back up now…" wrote such a file and said it opened with the
    passphrase; only the recovery key did."""

    def __init__(self) -> None:
        super().__init__(
            "This journal's key file (vault.json) was changed on the disk while the "
            "journal was open, so a backup of it would not open with your passphrase. "
            "Your words go on being saved. Lock and unlock the journal: Solace then puts "
            "back the good copy it keeps with its backups, and says so."
        )


class KeyFileOfAnotherJournal(BackupFailed):
    """The key file in the open journal's folder is another journal's, named ``name``
    (a copy or a sync mixed two folders while it was open), so a backup holding it
    would not open with this journal's passphrase, and would be listed as the other
    journal's: none is made. A sound key file of another journal passed the check of
    re-test R6 (break test 16 of session 18, re-test R5's kind)."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"{of_another_journal(name)} So a backup holding it would not open with your "
            "passphrase. Your words go on being saved. Lock and unlock the journal: "
            "Solace then puts back this journal's own key file, kept with its backups, "
            "and says so."
        )


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup folder: where it is, when it was taken (aware UTC) and why."""

    folder: Path
    taken_at: datetime
    reason: Reason

    @property
    def stamp(self) -> BackupStamp:
        return BackupStamp(self.taken_at, self.reason)

    @property
    def database(self) -> Path:
        return self.folder / DATABASE_NAME

    @property
    def header(self) -> Path:
        return self.folder / HEADER_NAME

    @property
    def size(self) -> int:
        """The database file's size in bytes (0 when it cannot be read)."""
        return _size(self.database)

    @property
    def damaged(self) -> bool:
        """Whether this copy failed its check: a copy kept aside before a restore (it
        may be the only copy of words a rescue can still read), or a kept backup found
        damaged when a restore from it was tried (break test 16, N5). Marked so, it is
        shown in the restore list but never offered, and never "the newest backup"."""
        return (self.folder / DAMAGED).exists()


def stamp_time(name: str) -> datetime | None:
    """When the backup folder called ``name`` (for example
    "20261205T221500123456Z-daily") was taken, as aware UTC; None when its name does
    not start with a `STAMP`."""
    try:
        return datetime.strptime(name.partition("-")[0], STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def _parse(folder: Path) -> Backup | None:
    taken_at = stamp_time(folder.name)
    try:
        reason = Reason(folder.name.partition("-")[2])
    except ValueError:
        return None
    return None if taken_at is None else Backup(folder, taken_at, reason)


def list_backups(journal_folder: Path) -> list[Backup]:
    """The finished backups of a journal, oldest first (unfinished ones are skipped)."""
    root = backups_dir(journal_folder)
    if not root.is_dir():
        return []
    found = [
        backup
        for path in root.iterdir()
        if path.is_dir()
        and not path.name.startswith(".")
        and (backup := _parse(path)) is not None
        and backup.database.is_file()
        and backup.header.is_file()
    ]
    return sorted(found, key=lambda b: b.taken_at)


def backup_is_due(journal_folder: Path, now: datetime | None = None) -> bool:
    """True when no backup was taken on today's local day (for lock and close)."""
    stamps = [b.stamp for b in list_backups(journal_folder) if not b.damaged]
    return is_due(stamps, now or now_utc(), local_day)


def take_backup(
    engine: Engine, journal_folder: Path, data_key: bytes | bytearray, reason: Reason
) -> Backup:
    """Write, check and keep one backup of the open journal; then rotate.

    ``engine`` is the journal's keyed engine, ``data_key`` its 32-byte SQLCipher key.
    Raises `BackupFailed` when the copy does not pass its check, `DiskFull` or
    `StorageFailed` when it cannot be written; in every case no partial folder is
    left behind and the older backups are untouched.
    """
    backup = _write(engine, journal_folder, reason, data_key)
    assert backup is not None  # with a key, VACUUM INTO is the fallback: always a copy
    rotate(journal_folder)
    return backup


def take_backup_at_lock(
    engine: Engine, journal_folder: Path, now: datetime | None = None
) -> Backup | None:
    """The day's automatic backup, taken while the journal locks or closes.

    Only when none was taken on today's local day (`backup_is_due`), and only by the
    byte copy of `copy_pages` (no decryption: about the time of copying the file), so
    locking stays quick; the copy is kept with the `PENDING` marker, and the checks
    (`check_database`) run at the next unlock (`deep_check_pending`, which deletes it
    and tells the person if it fails). The rotation deletes nothing on the strength
    of an unchecked backup. Returns the backup, or None when none was due or writers
    kept committing (then the unlock's own daily backup takes it). Raises what
    `take_backup` raises, leaving no partial folder.
    """
    if not backup_is_due(journal_folder, now):
        return None
    return _write(engine, journal_folder, Reason.DAILY, None)


def _write(
    engine: Engine, journal_folder: Path, reason: Reason, data_key: bytes | bytearray | None
) -> Backup | None:
    """Write one backup folder (database, header, `PENDING`) through a partial folder
    renamed into place. With ``data_key``, a copy `copy_pages` cannot make is made by
    ``VACUUM INTO`` and the copy must pass `check_pages`; without it (at lock) there is
    no fallback (None) and no check here. Raises as `take_backup` does, leaving no
    partial folder."""
    taken_at = datetime.now(UTC)
    name = f"{taken_at.strftime(STAMP)}-{reason.value}"
    root = ensure_private_dir(backups_dir(journal_folder))
    partial = root / f"{PARTIAL}{name}"
    try:
        ensure_private_dir(partial)
        copy = partial / DATABASE_NAME
        if not copy_pages(engine, journal_folder / DATABASE_NAME, copy):
            if data_key is None:
                shutil.rmtree(partial, ignore_errors=True)
                return None
            with engine.connect() as connection:
                connection.exec_driver_sql("VACUUM INTO ?", (str(copy),))
        os.chmod(copy, FILE_MODE)
        _fsync_file(copy)
        atomic_write_bytes(partial / HEADER_NAME, _key_file(journal_folder))
        if data_key is not None:
            result = check_pages(copy, data_key)
            if result.not_read and lacks_room(root, OPEN_ROOM):
                # The copy fitted; reading it back needs SQLite's index of its log too.
                raise DiskFull()
            if not result.ok and _own_pages_fail(journal_folder, data_key):
                raise JournalFileDamaged()  # not only this copy: the journal itself
            if not result.ok:
                raise BackupFailed(result.told)
        atomic_write_bytes(partial / PENDING, b"")
        final = root / name
        os.replace(partial, final)
        fsync_dir(root)
    except BaseException as error:
        shutil.rmtree(partial, ignore_errors=True)
        needed = _size(journal_folder / DATABASE_NAME)
        # A page of the open journal that cannot be read (VACUUM INTO reads every
        # one): the journal's file is damaged, not only this copy of it.
        told = (
            JournalFileDamaged()
            if damaged(error) or isinstance(error, JournalFileDamaged)
            else as_told(error, needed, root, MAKE_BACKUP)
        )
        if isinstance(told, JournalFileDamaged):  # nothing more written to it
            known_damage.mark_file(journal_folder / DATABASE_NAME)
        if isinstance(told, DiskFull) and reason is Reason.DAILY:
            _note_no_room(root, needed)
        raise told from error
    if not reason.is_safety:
        for note in root.glob(f"{NO_ROOM}*"):
            note.unlink(missing_ok=True)
    return Backup(final, taken_at, reason)


def check_key_file(journal_folder: Path) -> None:
    """Check, before a backup file is asked for, that the key file of the journal in
    ``journal_folder`` can go into a backup (`_key_file`), so "Back up now…" says why
    not before it opens a chooser or asks to replace a file with a backup it would then
    refuse to write. Raises `KeyFileMissing`, `KeyFileDamaged`,
    `KeyFileOfAnotherJournal`, or OSError when it cannot be read."""
    _key_file(journal_folder)


def _key_file(journal_folder: Path) -> bytes:
    """The bytes of the key file of the journal in ``journal_folder``. Raises
    `KeyFileMissing` when it is not there, `KeyFileDamaged` when it is not as Solace
    wrote it, `KeyFileOfAnotherJournal` when it names another journal than its folder
    (named by the journal's id), `OSError` when it cannot be read."""
    try:
        raw = read_regular(journal_folder / HEADER_NAME)
    except FileNotFoundError as error:
        log.warning("no backup: the journal's key file is missing")
        raise KeyFileMissing() from error
    if not _sound_header(raw):
        log.warning("no backup: the journal's key file was changed on the disk")
        raise KeyFileDamaged()
    owner = VaultHeader.from_bytes(raw)
    if is_uuid(journal_folder.name) and owner.journal_id != journal_folder.name:
        log.warning("no backup: the key file in the journal's folder is another journal's")
        raise KeyFileOfAnotherJournal(owner.name)
    return raw


def _sound_header(raw: bytes) -> bool:
    """Whether ``raw`` is a key file as Solace wrote it: no checksum that fails (one
    written before checksums has none) and every part of it can be used
    (`VaultHeader.unusable_kinds`)."""
    if checksum_fails(raw):
        return False
    try:
        return not VaultHeader.from_bytes(raw).unusable_kinds()
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return False


def _own_pages_fail(journal_folder: Path, data_key: bytes | bytearray) -> bool:
    """Whether pages of the journal's own database fail their HMAC (read-only, only
    when a fresh copy of it failed its check): then the journal is damaged, not the
    copy (break test 16 of session 13, finding 2: "Your journal itself is unchanged.
    Some pages of the database are damaged." read as if only the backup were)."""
    return bool(failing_pages(journal_folder / DATABASE_NAME, data_key, read_only=True))


def _note_no_room(root: Path, needed: int) -> None:
    """Leave an empty file named for the room the automatic backup needed (an empty
    file still fits on a full disk; a name holds no content), for Settings to say why
    there is no recent backup (`no_room_for`); the next good backup removes it."""
    for note in root.glob(f"{NO_ROOM}*"):
        note.unlink(missing_ok=True)
    with contextlib.suppress(OSError):  # said in the status bar all the same
        (root / f"{NO_ROOM}{needed}").touch(mode=FILE_MODE)


def no_room_for(journal_folder: Path) -> int | None:
    """The bytes the last automatic backup needed when it failed for lack of room since
    the last good backup (the figure `DiskFull` gave), or None."""
    root = backups_dir(journal_folder)
    for note in root.glob(f"{NO_ROOM}*") if root.is_dir() else ():
        figure = note.name.removeprefix(NO_ROOM)
        if figure.isdigit():
            return int(figure)
    return None


def copy_pages(engine: Engine, db_path: Path, copy: Path, attempts: int = 3) -> bool:
    """Copy the bytes of ``db_path`` (the database ``engine`` opens) to ``copy`` as one
    consistent state holding every committed row; False when commits kept arriving
    (the caller then uses ``VACUUM INTO``). Blocks for up to SQLite's busy timeout
    while another connection is reading; run it off the GUI thread.
    """
    wal = wal_of(db_path)
    with engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        if raw is None or raw.in_transaction:
            return False
        for _ in range(attempts):
            busy, _frames, _done = read_back.checkpoint(raw, db_path)
            if busy:
                continue
            raw.execute("BEGIN")
            try:
                raw.execute("SELECT count(*) FROM sqlite_master").fetchone()  # pins the file
                if _size(wal) == 0:  # nothing committed since the checkpoint
                    shutil.copyfile(db_path, copy)
                    return True
            finally:
                raw.rollback()
    return False


def as_told(
    error: BaseException,
    needed: int = 0,
    where: Path | None = None,
    doing: str = "",
    unchanged: str = "",
) -> BaseException:
    """Operating-system and SQLite errors as the kind messages the person reads;
    ``doing`` names the action for a full disk (`DiskFull`), ``needed`` its bytes,
    ``unchanged`` what the message says was left as it was ("Nothing was imported.";
    by default "Nothing has been changed.").

    SQLite reports a write refused for lack of room as "database or disk is full",
    or, when a file-size limit stops it, as a plain "disk I/O error"; the latter
    counts as a full disk when ``where`` has less room than ``needed`` bytes.
    """
    full = DiskFull(doing, needed, unchanged or "Nothing has been changed.")
    if isinstance(error, DiskFull) and doing:  # raised deeper, told for the save of a window
        return full
    if isinstance(error, SolaceError):
        return error
    if isinstance(error, OSError) and error.errno in NO_ROOM_ERRORS:
        return full
    text = str(getattr(error, "orig", error)).lower()
    if "full" in text or ("i/o" in text and where is not None and lacks_room(where, needed)):
        return full
    if isinstance(error, OSError):
        return StorageFailed(error.strerror or type(error).__name__)
    if isinstance(error, Exception):
        return BackupFailed()
    return error


#: The errors of a write refused for lack of room (a full disk, a quota, a file-size limit).
NO_ROOM_ERRORS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
#: What a backup that found no room could not do (`DiskFull`'s ``doing``).
MAKE_BACKUP = "make a backup of your journal"
#: Room SQLite may need to open or check a database (bytes): its WAL index (32 KiB) and a
#: WAL's first pages, with a margin; less than this free and a failed open or check is no
#: evidence of damage, nor of a wrong key.
OPEN_ROOM = 1 << 20


def lacks_room(folder: Path, needed: int) -> bool:
    """True when ``folder``'s file system, or this process's file-size limit, has
    less room than ``needed`` bytes."""
    if sys.platform != "win32":
        import resource

        limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
        if limit != resource.RLIM_INFINITY and limit < needed:
            return True
    try:
        return shutil.disk_usage(folder).free < needed
    except OSError:
        return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def pending(backup: Backup) -> bool:
    """Whether ``backup`` still waits for its structural checks (`deep_check_pending`)."""
    return (backup.folder / PENDING).exists()


def rotate(journal_folder: Path) -> None:
    """Delete what the rotation does not keep, once a newer backup has passed every
    check (an older one stays while the only newer ones still wait for theirs), and any
    unfinished partial folder. A copy kept aside before a restore never counts as that
    newer backup for the others. Copies kept aside are kept while their day is in the
    daily window, whatever their count, and only beyond it cut to the newest
    `rotation.KEEP_ASIDE`, each once a newer backup or a newer copy aside that is not
    marked `DAMAGED` exists: a copy aside may be the only one holding what was written
    before a restore (break test 16 of session 11, finding 10; of session 8, finding 8,
    for the bound). Next to a damaged copy aside the newest good backup before it is kept
    (`rotation.to_keep`). A copy aside that holds exactly a kept backup (`SAME_AS_FILE`)
    is let go and that backup kept in its place, so restores with nothing written
    between them add no copies (`rotation.to_keep`, its bound)."""
    backups = list_backups(journal_folder)
    same_as = _same_as(backups)
    keep = to_keep(
        [b.stamp for b in backups],
        local_day,
        damaged={b.stamp for b in backups if b.damaged},
        unchecked={b.stamp for b in backups if pending(b)},
        same_as=same_as,
    )
    checked = [
        b.taken_at
        for b in backups
        if not pending(b) and b.reason is not Reason.BEFORE_RESTORE and not b.damaged
    ]
    good_aside = [
        b.taken_at for b in backups if b.reason is Reason.BEFORE_RESTORE and not b.damaged
    ]
    newest_checked = max(checked) if checked else None
    newest_good = max([*checked, *good_aside]) if checked or good_aside else None
    for backup in backups:
        newer = newest_good if backup.reason is Reason.BEFORE_RESTORE else newest_checked
        if backup.stamp in keep:
            continue
        # A copy aside that holds exactly a kept backup needs no newer one: it is held.
        if backup.stamp in same_as or (newer and backup.taken_at < newer):
            shutil.rmtree(backup.folder, ignore_errors=True)
    root = backups_dir(journal_folder)
    if root.is_dir():
        for path in root.iterdir():
            if path.name.startswith(PARTIAL):
                shutil.rmtree(path, ignore_errors=True)


def _same_as(backups: list[Backup]) -> dict[BackupStamp, BackupStamp]:
    """Each copy kept aside before a restore that holds exactly the journal another
    kept backup holds (its `SAME_AS_FILE` names that backup's folder, which is there
    and not marked `DAMAGED`), mapped to that backup."""
    by_name = {b.folder.name: b for b in backups if not b.damaged}
    found: dict[BackupStamp, BackupStamp] = {}
    for backup in backups:
        if backup.reason is not Reason.BEFORE_RESTORE or backup.damaged:
            continue
        try:
            name = (backup.folder / SAME_AS_FILE).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
        held = by_name.get(name)
        if held is not None and held.folder != backup.folder:
            found[backup.stamp] = held.stamp
    return found


def newest_good_backup(journal_folder: Path, data_key: bytes | bytearray) -> Backup | None:
    """The newest backup that passes every check with ``data_key``, or None."""
    for backup in reversed(list_backups(journal_folder)):
        if check_database(backup.database, data_key).ok:
            return backup
    return None


def deep_check_pending(
    journal_folder: Path, data_key: bytes | bytearray, generation: int
) -> list[str]:
    """Run ``integrity_check`` and the FTS5 ``integrity-check`` (`check_database`) on
    each backup still marked `PENDING`, newest first; a backup that passes loses its
    marker, one that fails is deleted. Then rotate. Returns one sentence per backup
    deleted ([] when all passed). Seconds per 100k entries: run off the GUI thread.

    ``data_key`` (32 bytes) is the key of ``generation`` (`VaultHeader.current_generation`
    when it was read). A backup whose key file is of another generation is left pending,
    unjudged: that key cannot open it, and calling it damaged deleted a backup a key
    rotation had just taken (break test 14 of session 9, finding 1). So is one SQLite
    could not read from the disk (`CheckResult.not_read`: no room on a full disk), which
    was deleted as failing its check (found beside break test 41, finding 1).
    """
    told: list[str] = []
    for backup in reversed(list_backups(journal_folder)):
        if not pending(backup) or backup_generation(backup) != generation:
            continue
        result = check_database(backup.database, data_key)
        if result.not_read:  # no room to read it (a full disk): unjudged, kept pending
            continue
        if result.ok:
            (backup.folder / PENDING).unlink(missing_ok=True)
        else:
            shutil.rmtree(backup.folder, ignore_errors=True)
            taken = to_local(backup.taken_at)
            told.append(
                f"The backup taken on {taken:%A} {taken.day} {taken:%B %Y, %H:%M} did not "
                f"pass its check, so Solace removed it. {result.told}"
            )
    rotate(journal_folder)
    return told


def backup_generation(backup: Backup) -> int | None:
    """The key generation ``backup``'s key file opens, or None when it cannot be read
    (then no key of this journal's can judge it either)."""
    try:
        return VaultHeader.from_bytes(read_regular(backup.header)).current_generation
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


FUTURE_SLACK = timedelta(days=1)  # a clock a little off is not "the future"


def not_offered(backup: Backup, journal_id: str) -> str:
    """Why the restore list shows ``backup`` but does not offer it ("" when it is
    offered), from cheap checks only (its key file, and the first bytes and size of
    its database, never a decryption): a copy marked `DAMAGED`; a database that is not
    a journal's (a PDF, a file cut short, empty, a pipe); a backup of another journal
    than ``journal_id`` (copied into this folder by hand or a sync: its passphrase
    would be called wrong), by that journal's name on this computer when it is here
    (`names.name_here`: the backup's may be an old one; break test 16 of session 18,
    finding 2); a key file that cannot be read (break test 16, N5)."""
    from journal.storage.lock.names import name_here
    from journal.storage.safekeeping.damage import file_problem

    if backup.damaged:
        # "could not be checked" said the opposite of what happened: it was checked,
        # and found damaged (issue 16 break test of session 24, F1).
        return "damaged: it did not pass its check (it cannot be restored)"
    if file_problem(backup.database):
        return "damaged: its database is not a journal's (it cannot be restored)"
    try:
        header = VaultHeader.from_bytes(read_regular(backup.header))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return "damaged: its key file cannot be read (it cannot be restored)"
    if header.journal_id != journal_id:
        # <data>/journals/<journal>/backups/<backup>: the data folder is three up.
        called = name_here(backup.folder.parents[3], header.journal_id) or header.name
        return f"a backup of another journal, {quoted(called)} (it cannot be restored here)"
    return ""


def restore_offer(folder: Path) -> str:
    """What can bring back the journal in ``folder`` when its database holds nothing to
    rescue: Solace's own backups beside it, when any is offered (how many; break test 16
    of session 11, 11a's words), else a backup file she may have made."""
    kept = [b for b in list_backups(folder) if not not_offered(b, folder.name)]
    nothing = "There is nothing in it that a rescue could read."
    if kept:
        return (
            f"{nothing} Solace keeps its own backups of this journal beside it "
            f"({len(kept)} now): Restore a backup… brings the journal back from the newest "
            "one, with your passphrase, and keeps these files aside first."
        )
    return (
        f"{nothing} If you made a backup file, Restore a backup… can bring the journal "
        "back from it, and keeps these files aside first."
    )


def in_the_future(backup: Backup, now: datetime | None = None) -> bool:
    """Whether ``backup`` is dated more than a day after ``now`` (aware UTC): a wrong
    clock or a folder named by hand; it is never offered as "the newest backup"."""
    return backup.taken_at > (now or datetime.now(UTC)) + FUTURE_SLACK


def check_backup(backup: Backup, data_key: bytes | bytearray) -> CheckResult:
    """Every check of `check_database` (page HMACs, integrity, FTS5, revisions) on a
    snapshot's database, opened with the journal's data key (32 bytes); the `CheckResult`
    says what, if anything, is damaged."""
    return check_database(backup.database, data_key)


def take_backup_on_own_connection(
    journal_folder: Path, data_key: bytes | bytearray, reason: Reason
) -> Backup:
    """`take_backup` through a connection of its own, for a worker thread while the
    journal stays open and in use (WAL lets it read a consistent snapshot while the
    person writes). Raises what `take_backup` raises."""
    from journal.storage.lock.engine import open_own_engine

    engine = open_own_engine(journal_folder / DATABASE_NAME, data_key)
    try:
        return take_backup(engine, journal_folder, data_key, reason)
    finally:
        engine.dispose()

"""Encrypted backups of a journal, kept in its ``backups/`` folder.

This is the one backup mechanism: the safety copy before a migration, the daily
backup on lock and close, the copy kept aside before a restore or an import, and
the source of "Back up now…" all come from `take_backup`.

A backup is a folder ``backups/<UTC stamp>-<reason>/`` holding ``journal.db`` and
the ``vault.json`` that opens it. It is made with ``VACUUM INTO`` on the live keyed
connection (never a file copy, which can miss everything still in the WAL) into a
``.partial-`` folder, checked (`journal.storage.safekeeping.checks`), and only then
renamed into place, so a folder without that prefix is always a verified backup. A
backup that fails its check is deleted and `BackupFailed` is raised. After each good
backup the rotation (`journal.domain.safekeeping.rotation`) removes older ones.

Credentials: every kept backup holds the journal's *current* header, so it opens
with today's passphrase and recovery key and with no older one;
`journal.storage.lock.snapshots.settle` is the one function that keeps this true
(after every credential change and at every unlock).
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from journal.domain.common.local_time import local_day, now_utc
from journal.domain.safekeeping.rotation import BackupStamp, Reason, is_due, to_keep
from journal.errors import DiskFull, SolaceError, StorageFailed
from journal.paths import FILE_MODE, ensure_private_dir
from journal.storage.atomic import atomic_write_bytes, fsync_dir
from journal.storage.safekeeping.checks import CheckResult, check_database

BACKUPS = "backups"
DATABASE_NAME = "journal.db"
HEADER_NAME = "vault.json"
PARTIAL = ".partial-"
_STAMP = "%Y%m%dT%H%M%S%fZ"


class BackupFailed(SolaceError):
    """A backup could not be made or did not pass its check; nothing was kept of it."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            "A backup of your journal could not be made just now, so none was kept. "
            "Your journal itself is unchanged. " + detail
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


def backups_dir(journal_folder: Path) -> Path:
    return journal_folder / BACKUPS


def _parse(folder: Path) -> Backup | None:
    stamp, _, reason = folder.name.partition("-")
    try:
        taken_at = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
        return Backup(folder, taken_at, Reason(reason))
    except ValueError:
        return None


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
    stamps = [b.stamp for b in list_backups(journal_folder)]
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
    taken_at = datetime.now(UTC)
    name = f"{taken_at.strftime(_STAMP)}-{reason.value}"
    root = ensure_private_dir(backups_dir(journal_folder))
    partial = root / f"{PARTIAL}{name}"
    try:
        ensure_private_dir(partial)
        copy = partial / DATABASE_NAME
        with engine.connect() as connection:
            connection.exec_driver_sql("VACUUM INTO ?", (str(copy),))
        os.chmod(copy, FILE_MODE)
        _fsync_file(copy)
        atomic_write_bytes(partial / HEADER_NAME, (journal_folder / HEADER_NAME).read_bytes())
        result = check_database(copy, data_key)
        if not result.ok:
            raise BackupFailed(" ".join(result.problems))
        final = root / name
        os.replace(partial, final)
        fsync_dir(root)
    except BaseException as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise as_told(error, _size(journal_folder / DATABASE_NAME), root) from error
    rotate(journal_folder)
    return Backup(final, taken_at, reason)


def as_told(error: BaseException, needed: int = 0, where: Path | None = None) -> BaseException:
    """Operating-system and SQLite errors as the kind messages the person reads.

    SQLite reports a write refused for lack of room as "database or disk is full",
    or, when a file-size limit stops it, as a plain "disk I/O error"; the latter
    counts as a full disk when ``where`` has less room than ``needed`` bytes.
    """
    if isinstance(error, SolaceError):
        return error
    if isinstance(error, OSError) and error.errno in _NO_ROOM:
        return DiskFull()
    text = str(getattr(error, "orig", error)).lower()
    if "full" in text or ("i/o" in text and where is not None and lacks_room(where, needed)):
        return DiskFull()
    if isinstance(error, OSError):
        return StorageFailed(error.strerror or type(error).__name__)
    if isinstance(error, Exception):
        return BackupFailed()
    return error


_NO_ROOM = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}


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


def rotate(journal_folder: Path) -> None:
    """Delete what the rotation does not keep, and any unfinished partial folder."""
    backups = list_backups(journal_folder)
    keep = to_keep([b.stamp for b in backups], local_day)
    for backup in backups:
        if backup.stamp not in keep:
            shutil.rmtree(backup.folder, ignore_errors=True)
    root = backups_dir(journal_folder)
    if root.is_dir():
        for path in root.iterdir():
            if path.name.startswith(PARTIAL):
                shutil.rmtree(path, ignore_errors=True)


def newest_good_backup(journal_folder: Path, data_key: bytes | bytearray) -> Backup | None:
    """The newest backup that passes every check with ``data_key``, or None."""
    for backup in reversed(list_backups(journal_folder)):
        if check_database(backup.database, data_key).ok:
            return backup
    return None


def check_backup(backup: Backup, data_key: bytes | bytearray) -> CheckResult:
    return check_database(backup.database, data_key)


def take_backup_on_own_connection(
    journal_folder: Path, data_key: bytes | bytearray, reason: Reason
) -> Backup:
    """`take_backup` through a connection of its own, for a worker thread while the
    journal stays open and in use (WAL lets it read a consistent snapshot while the
    person writes). Raises what `take_backup` raises."""
    from journal.storage.lock.engine import open_engine

    engine = open_engine(journal_folder / DATABASE_NAME, data_key)
    try:
        return take_backup(engine, journal_folder, data_key, reason)
    finally:
        engine.dispose()

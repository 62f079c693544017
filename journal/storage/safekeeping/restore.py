"""Restoring a journal from an automatic backup or from a backup file.

Order, so that nothing is lost whatever fails or whenever the process dies:

1. the backup's key header is read and the given passphrase (or recovery key)
   unwraps its data key: an automatic backup opens with today's credentials, a
   backup file with those valid when it was made;
2. the backup is copied into ``<journal>/.restore/`` (a full disk stops here, with
   the journal untouched) and checked there: page HMACs, structure, search index,
   journal id; a backup from an older Solace is migrated forward on that copy;
3. the marker is written and `journal.storage.safekeeping.swap.finish_restore`
   moves the current journal aside into ``backups/<stamp>-before-restore/`` and
   the restored one into place, by renames a crash can only interrupt, never mix.

The journal must be locked (no open engine on it) while this runs.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from journal.domain.safekeeping.rotation import Reason
from journal.errors import DatabaseTooNew, SolaceError, WrongPassphrase, WrongRecoveryKey
from journal.paths import ensure_private_dir, journals_dir
from journal.storage import migrate
from journal.storage.atomic import atomic_write_bytes, fsync_dir
from journal.storage.database import Database
from journal.storage.lock import keys
from journal.storage.lock.engine import open_engine
from journal.storage.lock.vault import SlotKind, VaultHeader, unwrap_candidates
from journal.storage.safekeeping.archive import NotABackup, extract_archive, open_archive
from journal.storage.safekeeping.backups import BACKUPS, as_told, list_backups, rotate
from journal.storage.safekeeping.checks import check_database
from journal.storage.safekeeping.swap import (
    DATABASE_NAME,
    HEADER_NAME,
    READY,
    finish_restore,
    staging_dir,
)

_STAMP = "%Y%m%dT%H%M%S%fZ"


class BackupUnusable(SolaceError):
    """The backup opened but did not pass its checks; nothing was replaced."""

    def __init__(self, problems: tuple[str, ...]) -> None:
        super().__init__(
            "This backup cannot be restored because it is damaged: "
            + " ".join(problems)
            + " Your journal has not been changed. An earlier backup may still be good."
        )


class BackupFileWrongPassphrase(SolaceError):
    def __init__(self) -> None:
        super().__init__(
            "That passphrase did not open this backup. A backup file opens with the "
            "passphrase (or recovery key) you had when it was made. Nothing has been changed."
        )


def restore(data_dir: Path, source: Path, secret: str, *, recovery_key: bool = False) -> Path:
    """Restore the backup at ``source`` and return the journal folder it now fills.

    ``source`` is an automatic backup folder (``journal.db`` + ``vault.json``) or a
    backup archive file; ``secret`` its passphrase, or its recovery key when
    ``recovery_key``. The journal it belongs to (by id) is replaced, with the current
    files kept aside as a backup first; a journal not on this computer is added.
    Raises `BackupFileWrongPassphrase` (or `WrongPassphrase` / `WrongRecoveryKey` for
    an automatic backup), `NotABackup`, `BackupUnusable`, `DatabaseTooNew`,
    `DiskFull`, `StorageFailed`; in every such case no journal file was changed.
    """
    header_bytes = _read_header(source)
    try:
        header = VaultHeader.from_bytes(header_bytes)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise NotABackup("its key file could not be read.") from error
    data_key = _unwrap(header, secret, recovery_key, from_file=source.is_file())
    target = ensure_private_dir(ensure_private_dir(journals_dir(data_dir)) / header.journal_id)
    finish_restore(target)  # an earlier, interrupted one first
    staging = staging_dir(target)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        ensure_private_dir(staging)
        _copy_in(source, staging)
        _check(staging / DATABASE_NAME, data_key, header.journal_id)
        aside = f"{BACKUPS}/{datetime.now(UTC).strftime(_STAMP)}-{Reason.BEFORE_RESTORE.value}"
        atomic_write_bytes(staging / READY, aside.encode())
        fsync_dir(staging)
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise as_told(error, _source_size(source), target) from error
    ensure_private_dir(target / BACKUPS)
    finish_restore(target)
    rotate(target)
    return target


def _source_size(source: Path) -> int:
    path = source / DATABASE_NAME if source.is_dir() else source
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_header(source: Path) -> bytes:
    if source.is_dir():
        try:
            return (source / HEADER_NAME).read_bytes()
        except OSError as error:
            raise NotABackup("its key file is missing.") from error
    with open_archive(source) as archive:
        return archive.read(HEADER_NAME)


def _unwrap(header: VaultHeader, secret: str, recovery_key: bool, *, from_file: bool) -> bytes:
    if recovery_key:
        kind, normalised = SlotKind.RECOVERY, keys.normalise_recovery_key(secret)
    else:
        kind, normalised = SlotKind.PASSPHRASE, keys.normalise_passphrase(secret)
    candidates = unwrap_candidates(header, kind, normalised)
    if not candidates:
        if from_file:
            raise BackupFileWrongPassphrase()
        raise WrongRecoveryKey() if recovery_key else WrongPassphrase()
    return candidates[0][1]


def _copy_in(source: Path, staging: Path) -> None:
    if source.is_dir():
        for name in (HEADER_NAME, DATABASE_NAME):
            shutil.copyfile(source / name, staging / name)
    else:
        extract_archive(source, staging)


def _check(db_path: Path, data_key: bytes, journal_id: str) -> None:
    """Checks on the staged copy, then migration forward when it is older."""
    result = check_database(db_path, data_key)
    if not result.ok:
        raise BackupUnusable(result.problems)
    if result.journal_id and result.journal_id != journal_id:
        raise BackupUnusable(("Its database belongs to a different journal.",))
    if result.revisions - migrate.known_revisions():
        raise DatabaseTooNew()
    if result.revisions != migrate.head_revisions():
        database = Database(open_engine(db_path, data_key))
        try:
            migrate.upgrade(database.engine)
        finally:
            database.close()
        after = check_database(db_path, data_key)
        if not after.ok:
            raise BackupUnusable(after.problems)


def restore_newest_good(
    data_dir: Path, journal_folder: Path, secret: str, *, recovery_key: bool = False
) -> Path:
    """Restore the newest automatic backup of ``journal_folder`` that passes its checks.

    Tries each backup from the newest back, skipping damaged ones. Raises
    `NoGoodBackup` when none is left (nothing changed), or what `restore` raises.
    """

    for backup in reversed(list_backups(journal_folder)):
        if backup.reason is Reason.BEFORE_RESTORE:
            continue  # the journal as it was before an earlier restore: chosen by hand only
        try:
            return restore(data_dir, backup.folder, secret, recovery_key=recovery_key)
        except BackupUnusable:
            continue
    raise NoGoodBackup()


class NoGoodBackup(SolaceError):
    def __init__(self) -> None:
        super().__init__(
            "No backup of this journal could be restored: there is none yet, or each one "
            "is damaged. Nothing has been changed. A backup file you saved elsewhere may help."
        )

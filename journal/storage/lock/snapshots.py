"""Encrypted snapshots of a journal, kept in its `backups/` folder.

A snapshot is made with ``VACUUM INTO`` on the live, keyed connection (never a
file copy, which can miss everything still in the WAL), reopened with the same key
and integrity-checked, and stored beside a copy of the vault header that opens it.

No credential outlives its change: after the passphrase or recovery key changes,
every snapshot's header is replaced by the live one (the data key is the same, so
the snapshot opens with exactly the live credentials); after the data key is
rotated, snapshots under the old key are removed and one fresh snapshot is taken,
except copies kept before a restore (re-keyed, or kept) and anything of a newer
generation than the live header, which are never deleted.
`settle` does this and runs again at every unlock, so a crash half-way through is
finished the next time the journal opens.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from journal.errors import SolaceError
from journal.files import read_regular
from journal.storage.atomic import atomic_write_bytes
from journal.storage.journal_files import DATABASE_NAME, HEADER_NAME, companions
from journal.storage.lock.engine import key_connection, rekey_connection
from journal.storage.lock.vault import (
    SlotKind,
    VaultHeader,
    backups_dir,
    checksum_fails,
    unwrap_candidates,
)

log = logging.getLogger(__name__)


def list_snapshots(journal_folder: Path) -> list[Path]:
    """Snapshot folders, oldest first."""
    folder = backups_dir(journal_folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and (p / DATABASE_NAME).is_file())


def integrity_ok(db_path: Path, data_key: bytes | bytearray) -> bool:
    """Whether ``data_key`` opens the database at ``db_path`` and it passes SQLite's
    integrity check."""
    connection = sqlcipher3.connect(str(db_path))
    try:
        key_connection(connection, data_key)
        connection.execute("PRAGMA cipher_log_level = NONE")
        row = connection.execute("PRAGMA integrity_check").fetchone()
        return bool(row and row[0] == "ok")
    except sqlcipher3.DatabaseError:
        return False
    finally:
        connection.close()


def opens_with(db_path: Path, data_key: bytes | bytearray) -> bool:
    """Whether ``data_key`` opens the database and finds tables in it (one page read,
    no full check). An empty or truncated file (a copy a crash cut short) opens with
    any key as an empty database, so it counts as not opening. With a WAL beside the
    file (a crash left it) the connection is read-only: closing the last read-write
    connection checkpoints the WAL into the file and deletes it, and a probe must
    change nothing, least of all a WAL not yet checked (break test 16 of session 12,
    finding 2); the WAL index such a connection makes is removed again."""
    wal, shm = companions(db_path)
    probe_only = wal.is_file()
    had_shm = shm.exists()
    target = f"{db_path.resolve().as_uri()}?mode=ro" if probe_only else str(db_path)
    connection = sqlcipher3.connect(target, uri=probe_only)
    try:
        key_connection(connection, data_key)
        connection.execute("PRAGMA cipher_log_level = NONE")
        row = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return bool(row and row[0] > 0)
    except sqlcipher3.DatabaseError:
        return False
    finally:
        connection.close()
        if probe_only and not had_shm:
            shm.unlink(missing_ok=True)


def snapshot(
    engine: Engine, journal_folder: Path, data_key: bytes | bytearray, reason: str
) -> Path:
    """Write a checked encrypted backup and rotate (the one mechanism:
    `journal.storage.safekeeping.backups.take_backup`, 7 daily and 4 weekly kept).

    Returns the backup's folder; raises `BackupFailed` when the copy does not verify.
    """
    from journal.domain.safekeeping.rotation import Reason
    from journal.storage.safekeeping.backups import take_backup

    return take_backup(engine, journal_folder, bytes(data_key), Reason(reason)).folder


def leftover_temp_files(journal_folder: Path) -> list[Path]:
    """Half-written header copies a crash may have left (``.vault.json.tmp``)."""
    found = list(journal_folder.glob(".*.tmp"))
    folder = backups_dir(journal_folder)
    if folder.is_dir():
        found += list(folder.glob("*/.*.tmp"))
    return found


def settle_headers(journal_folder: Path, data_key: bytes | bytearray) -> list[Path]:
    """Give each snapshot whose database opens with ``data_key`` (the live key) the
    live header, re-wrapping it; return the snapshots that do not open with it.

    Needs no engine, so a restore from the lock screen settles the snapshots with the
    key the person's current credential unwrapped, before it lists or uses any of them.
    Cheap when all is settled: only snapshots whose header differs are opened.

    A live header whose checksum fails (damaged on the disk) is never given to them:
    they are what mends it (`vault.mended`), and a restore over such a key file gave
    it to every kept backup and to the copy kept aside (break test 16 of session 19,
    finding 1); then nothing is written and no snapshot is called stale.
    """
    for leftover in leftover_temp_files(journal_folder):
        leftover.unlink(missing_ok=True)
    live = read_regular(journal_folder / HEADER_NAME)
    if checksum_fails(live):
        log.warning("the live key file is damaged: the kept copies keep theirs")
        return []
    stale: list[Path] = []
    for folder in list_snapshots(journal_folder):
        header = folder / HEADER_NAME
        if header.is_file() and read_regular(header) == live:
            continue
        if opens_with(folder / DATABASE_NAME, data_key):
            atomic_write_bytes(header, live)
        else:
            stale.append(folder)
    return stale


def stage_header(journal_folder: Path, new_header: bytes) -> list[Path]:
    """Before the live header changes credentials: give ``new_header`` to each snapshot
    whose header is the live one (the settled copies, under the live key). Returns the
    snapshot folders given it, for `unstage_header` if the live write then fails.

    Written before the live header, so that no moment exists, even after a crash at
    any write, at which the live header opens with the new credential while a copy
    still opens with the old one. Until the live header is written the copies open
    with the new credential only; the next unlock (with the old one, still live)
    gives them the live header back (`settle_headers`). Raises what a write raises,
    after giving the copies already staged the live header back (then nothing has
    changed; break test 14 of session 6, finding 6).
    """
    live = read_regular(journal_folder / HEADER_NAME)
    staged: list[Path] = []
    try:
        for folder in list_snapshots(journal_folder):
            header = folder / HEADER_NAME
            if header.is_file() and read_regular(header) == live:
                atomic_write_bytes(header, new_header)
                staged.append(folder)
    except BaseException:
        unstage_header(staged, live)
        raise
    return staged


def unstage_header(staged: Sequence[Path], live: bytes) -> None:
    """Give the snapshots in ``staged`` the header ``live`` back (the live header
    before a change whose live write failed), so none opens only with a credential
    that did not take. Best effort: a copy that refuses the write is logged and left
    to the next unlock (`settle_headers`)."""
    for folder in staged:
        try:
            atomic_write_bytes(folder / HEADER_NAME, live)
        except (SolaceError, OSError) as error:
            log.error("a snapshot's header could not be put back: %s", type(error).__name__)


def settle(
    engine: Engine,
    journal_folder: Path,
    data_key: bytes | bytearray,
    previous_keys: Sequence[bytes | bytearray] = (),
) -> None:
    """Make every kept file open with the live credentials, deleting nothing newer.

    Removes leftover temp headers; gives each snapshot under the live data key the
    live header (re-wrapping it). A snapshot under another data key is:

    * re-keyed to the live key and given the live header, when it is a copy kept
      before a restore and opens with one of ``previous_keys`` (the keys a rotation
      just retired): it holds the journal as it was, which nothing else holds;
    * kept as it is when it is a copy kept before a restore, or when its header is
      of the live key generation or newer (or unreadable): a restore or a rotation
      never deletes what is newer than what it keeps;
    * removed, when it has no header: `remove` deletes the header first, so this is
      a removal a crash cut short (nothing opens the copy with a credential any more,
      and kept it would hold the journal under a retired key; it was kept before);
    * otherwise (an older generation, superseded by the live journal) replaced by
      one fresh snapshot, taken first, then deleted.

    A folder still being written by a backup (`backups.PARTIAL`) is left to the
    backups' own rotation.
    """
    from journal.storage.safekeeping.backups import PARTIAL

    stale = settle_headers(journal_folder, data_key)
    live_bytes = read_regular(journal_folder / HEADER_NAME)
    live_generation = _generation(live_bytes)
    older: list[Path] = []
    for folder in stale:
        if folder.name.endswith(BEFORE_RESTORE):
            if _rekey_copy(folder, previous_keys, data_key):
                atomic_write_bytes(folder / HEADER_NAME, live_bytes)
            else:
                log.info("keeping a copy made before a restore under an earlier key")
            continue
        if not (folder / HEADER_NAME).exists() and not folder.name.startswith(PARTIAL):
            log.info("finishing the removal of a snapshot that a crash cut short")
            shutil.rmtree(folder, ignore_errors=True)
            continue
        generation = _generation_of(folder)
        if generation is None or live_generation is None or generation >= live_generation:
            log.info("keeping a snapshot not made under an older key generation")
            continue
        older.append(folder)
    if older:
        # The fresh copy first, so a crash here never leaves the journal with none.
        snapshot(engine, journal_folder, data_key, "credentials-changed")
        for folder in older:
            log.info("removing a snapshot made under an earlier key")
            remove(folder)
    # A removal a crash cut short can leave a header without its database.
    backups = backups_dir(journal_folder)
    if backups.is_dir():
        for folder in backups.iterdir():
            if folder.is_dir() and not (folder / DATABASE_NAME).is_file():
                remove(folder)


BEFORE_RESTORE = "-before-restore"


def _generation(raw: bytes) -> int | None:
    from journal.storage.lock.vault import VaultHeader

    try:
        return VaultHeader.from_bytes(raw).current_generation
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def _generation_of(folder: Path) -> int | None:
    try:
        return _generation(read_regular(folder / HEADER_NAME))
    except OSError:
        return None


def _rekey_copy(
    folder: Path, previous_keys: Sequence[bytes | bytearray], data_key: bytes | bytearray
) -> bool:
    """Re-encrypt a snapshot under ``data_key`` if one of ``previous_keys`` opens it;
    True only once the file, opened afresh, opens with ``data_key`` (the caller then
    gives it the live key file, which must never sit beside a database it cannot
    open)."""
    db_path = folder / DATABASE_NAME
    for previous in previous_keys:
        if opens_with(db_path, previous):
            rekey_file(db_path, previous, data_key)
            return opens_with(db_path, data_key)
    return False


def rekey_kept_copies(
    journal_folder: Path,
    previous_keys: Sequence[bytes | bytearray],
    data_key: bytes | bytearray,
    credential: tuple[SlotKind, bytes] | None = None,
) -> list[Path]:
    """Re-encrypt under ``data_key`` (the live key) every copy kept before a restore
    that does not open with it but with one of ``previous_keys`` (keys a rotation
    retires), or with a key its own key file gives ``credential`` (a kind of secret and
    the secret, normalised, that unlocked the journal): a rotation must leave no kept
    copy opening with the retired recovery key (break test 16 of session 9, finding
    17). Each copy re-keyed gets the live key file. Returns the copies re-keyed; a copy
    that opens with none of them is left to `settle`. Raises what a write raises."""
    live = read_regular(journal_folder / HEADER_NAME)
    done: list[Path] = []
    for folder in list_snapshots(journal_folder):
        if not folder.name.endswith(BEFORE_RESTORE):
            continue
        db_path = folder / DATABASE_NAME
        if opens_with(db_path, data_key):
            continue
        keys = list(previous_keys)
        if credential is not None:
            keys += [key for _generation, key in _own_keys(folder, *credential)]
        if _rekey_copy(folder, keys, data_key):
            atomic_write_bytes(folder / HEADER_NAME, live)
            log.info("re-keyed a copy kept before a restore under the live key")
            done.append(folder)
    return done


def _own_keys(folder: Path, kind: SlotKind, secret: bytes) -> list[tuple[int, bytes]]:
    """The data keys that ``secret`` unwraps from a snapshot's own key file."""
    try:
        header = VaultHeader.from_bytes(read_regular(folder / HEADER_NAME))
    except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
        return []
    return unwrap_candidates(header, kind, secret)


def rekey_file(db_path: Path, old_key: bytes | bytearray, new_key: bytes | bytearray) -> None:
    """Re-encrypt the closed database at ``db_path`` from ``old_key`` to ``new_key``
    (SQLCipher's rekey, one transaction: a crash leaves it under one key or the other).
    Raises ``sqlcipher3.DatabaseError`` when ``old_key`` does not open it."""
    connection = sqlcipher3.connect(str(db_path))
    try:
        key_connection(connection, old_key)
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        rekey_connection(connection, new_key)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        connection.close()


def remove(snapshot_folder: Path) -> None:
    """Delete a snapshot, its header first (without it the rest is unreadable)."""
    (snapshot_folder / HEADER_NAME).unlink(missing_ok=True)
    shutil.rmtree(snapshot_folder, ignore_errors=True)

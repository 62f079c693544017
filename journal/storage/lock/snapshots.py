"""Encrypted snapshots of a journal, kept in its `backups/` folder.

A snapshot is made with ``VACUUM INTO`` on the live, keyed connection (never a
file copy, which can miss everything still in the WAL), reopened with the same key
and integrity-checked, and stored beside a copy of the vault header that opens it.

No credential outlives its change: after the passphrase or recovery key changes,
every snapshot's header is replaced by the live one (the data key is the same, so
the snapshot opens with exactly the live credentials); after the data key is
rotated, snapshots under the old key are removed and one fresh snapshot is taken.
`settle` does this and runs again at every unlock, so a crash half-way through is
finished the next time the journal opens.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from journal.storage.atomic import atomic_write_bytes
from journal.storage.lock.engine import key_connection
from journal.storage.lock.vault import DATABASE_NAME, HEADER_NAME

log = logging.getLogger(__name__)

BACKUPS = "backups"


def backups_dir(journal_folder: Path) -> Path:
    return journal_folder / BACKUPS


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
    any key as an empty database, so it counts as not opening."""
    connection = sqlcipher3.connect(str(db_path))
    try:
        key_connection(connection, data_key)
        connection.execute("PRAGMA cipher_log_level = NONE")
        row = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return bool(row and row[0] > 0)
    except sqlcipher3.DatabaseError:
        return False
    finally:
        connection.close()


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


def settle(engine: Engine, journal_folder: Path, data_key: bytes | bytearray) -> None:
    """Make every kept file open with the live credentials and nothing else.

    Removes leftover temp headers; gives each snapshot under the live data key the
    live header (re-wrapping it); replaces snapshots under any other (older) data key
    by one fresh snapshot. Cheap when all is settled:
    only snapshots whose header differs from the live one are opened.
    """
    for leftover in leftover_temp_files(journal_folder):
        leftover.unlink(missing_ok=True)
    live = (journal_folder / HEADER_NAME).read_bytes()
    stale: list[Path] = []
    for folder in list_snapshots(journal_folder):
        header = folder / HEADER_NAME
        if header.is_file() and header.read_bytes() == live:
            continue
        if opens_with(folder / DATABASE_NAME, data_key):
            atomic_write_bytes(header, live)
        else:
            stale.append(folder)
    if stale:
        # The fresh copy first, so a crash here never leaves the journal with none.
        snapshot(engine, journal_folder, data_key, "credentials-changed")
        for folder in stale:
            log.info("removing a snapshot made under an earlier key")
            remove(folder)
    # A removal a crash cut short can leave a header without its database.
    backups = backups_dir(journal_folder)
    if backups.is_dir():
        for folder in backups.iterdir():
            if folder.is_dir() and not (folder / DATABASE_NAME).is_file():
                remove(folder)


def remove(snapshot_folder: Path) -> None:
    """Delete a snapshot, its header first (without it the rest is unreadable)."""
    (snapshot_folder / HEADER_NAME).unlink(missing_ok=True)
    shutil.rmtree(snapshot_folder, ignore_errors=True)

"""Encrypted snapshots of a journal, kept in its `backups/` folder.

A snapshot is made with ``VACUUM INTO`` on the live, keyed connection (never a
file copy, which can miss everything still in the WAL), reopened with the same key
and integrity-checked, and stored beside a copy of the vault header that opens it.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine

from journal.errors import JournalDamaged
from journal.paths import FILE_MODE, ensure_private_dir
from journal.storage.lock.engine import raw_key_literal
from journal.storage.lock.vault import DATABASE_NAME, HEADER_NAME

KEEP_SNAPSHOTS = 5
BACKUPS = "backups"


def backups_dir(journal_folder: Path) -> Path:
    return journal_folder / BACKUPS


def list_snapshots(journal_folder: Path) -> list[Path]:
    folder = backups_dir(journal_folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and (p / DATABASE_NAME).is_file())


def integrity_ok(db_path: Path, data_key: bytes) -> bool:
    connection = sqlcipher3.connect(str(db_path))
    try:
        connection.execute(f'PRAGMA key = "{raw_key_literal(data_key)}"')
        connection.execute("PRAGMA cipher_log_level = NONE")
        row = connection.execute("PRAGMA integrity_check").fetchone()
        return bool(row and row[0] == "ok")
    except sqlcipher3.DatabaseError:
        return False
    finally:
        connection.close()


def snapshot(engine: Engine, journal_folder: Path, data_key: bytes, reason: str) -> Path:
    """Write a verified encrypted snapshot and keep only the newest few."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = ensure_private_dir(backups_dir(journal_folder)) / f"{stamp}-{reason}"
    ensure_private_dir(target)
    db_copy = target / DATABASE_NAME
    with engine.connect() as connection:
        connection.exec_driver_sql("VACUUM INTO ?", (str(db_copy),))
    os.chmod(db_copy, FILE_MODE)
    if not integrity_ok(db_copy, data_key):
        shutil.rmtree(target, ignore_errors=True)
        raise JournalDamaged("A safety snapshot could not be verified.")
    shutil.copy2(journal_folder / HEADER_NAME, target / HEADER_NAME)
    os.chmod(target / HEADER_NAME, FILE_MODE)
    for old in list_snapshots(journal_folder)[:-KEEP_SNAPSHOTS]:
        shutil.rmtree(old, ignore_errors=True)
    return target


def replace_all_snapshots(engine: Engine, journal_folder: Path, data_key: bytes) -> None:
    """After a passphrase change or key rotation, old snapshots would still open with
    the old credentials; remove them and keep one fresh snapshot instead."""
    fresh = snapshot(engine, journal_folder, data_key, "credentials-changed")
    for old in list_snapshots(journal_folder):
        if old != fresh:
            shutil.rmtree(old, ignore_errors=True)

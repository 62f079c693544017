"""The files of one journal's folder, by name: its key file, its SQLCipher database,
and the two files SQLite keeps beside the database while it is open in WAL mode
(sqlite.org/tempfiles.html: the write-ahead log, ``-wal``, and its shared-memory
index, ``-shm``). Only ``pathlib`` is used, so the lock screen may import it before
SQLAlchemy or SQLCipher load."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATABASE_NAME", "HEADER_NAME", "companions", "wal_of"]

HEADER_NAME = "vault.json"  # the key file: a folder that holds one holds a journal
DATABASE_NAME = "journal.db"


def wal_of(db_path: Path) -> Path:
    """The write-ahead log SQLite keeps beside the database file ``db_path``."""
    return db_path.with_name(db_path.name + "-wal")


def companions(db_path: Path) -> tuple[Path, Path]:
    """The write-ahead log and the shared-memory index SQLite keeps beside the
    database file ``db_path``, in that order."""
    return wal_of(db_path), db_path.with_name(db_path.name + "-shm")

"""Opening the encrypted database: one keyed connection, set up in a fixed order.

Order on the one connection (StaticPool): key (by the pysqlcipher dialect, as a
raw key); ``cipher_log_level = NONE``; a verifying read, so a wrong key or a
damaged file becomes one clear error; then WAL, FULL sync, foreign keys, temp
storage in memory (each read back and checked); busy timeout.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import StaticPool

from journal.errors import JournalDamaged, RequirementMissing, WrongPassphrase

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000

# (pragma, value to set, value read back)
_CHECKED_PRAGMAS: tuple[tuple[str, str, str], ...] = (
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", "2"),
    ("foreign_keys", "ON", "1"),
    ("temp_store", "MEMORY", "2"),
    ("secure_delete", "ON", "1"),
)


def raw_key_literal(data_key: bytes) -> str:
    """SQLCipher's raw-key form: the key is used as is, with no key derivation."""
    return f"x'{data_key.hex()}'"


def _configure(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA cipher_log_level = NONE")
        cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma, value, expected in _CHECKED_PRAGMAS:
            cursor.execute(f"PRAGMA {pragma} = {value}")
            actual = str(cursor.execute(f"PRAGMA {pragma}").fetchone()[0]).lower()
            if actual != expected:
                raise RequirementMissing(
                    f"The database could not be set up safely ({pragma} is {actual})."
                )
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def open_engine(db_path: Path, data_key: bytes, *, must_exist: bool = True) -> Engine:
    """An engine on the journal database, keyed and verified, or a clear error."""
    if must_exist and not db_path.is_file():
        raise JournalDamaged("The journal database file is missing.")
    url = URL.create(
        "sqlite+pysqlcipher", password=raw_key_literal(data_key), database=str(db_path)
    )
    engine = create_engine(url, poolclass=StaticPool, hide_parameters=True)
    event.listen(engine, "connect", _configure)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except RequirementMissing:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        log.info("database did not open: %s", type(error.orig).__name__)
        raise WrongPassphrase() from None
    return engine

"""Opening the encrypted database: one keyed connection, set up in a fixed order.

Order on the one connection (StaticPool): key (SQLCipher's raw-key form, given to
``set_key`` as bytes from a buffer that is zeroed straight after, so the key never
becomes a Python string); ``cipher_log_level = NONE``; a verifying read, so a wrong
key or a damaged file becomes one clear error; then WAL, FULL sync, foreign keys,
temp storage in memory (each read back and checked); busy timeout; the TEMP triggers
that mark any change of a restored journal (`journal.storage.changes`); the TEMP
table of the word index's terms (`journal.storage.entries.term_view`).

The engine is built with a ``creator`` callback rather than a URL: no URL, pool or
dialect object ever holds the key.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.pool import StaticPool

from journal.errors import (
    JournalBusy,
    JournalDamaged,
    JournalFileDamaged,
    JournalInUse,
    RequirementMissing,
    WrongPassphrase,
)
from journal.storage import known_damage, read_back
from journal.storage.changes import watch_changes
from journal.storage.entries.term_view import make_terms_table
from journal.storage.failures import told
from journal.storage.lock import page_check
from journal.storage.types import register_functions

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
_HEX = [f"{i:02x}".encode("ascii") for i in range(256)]

# (pragma, value to set, value read back)
_CHECKED_PRAGMAS: tuple[tuple[str, str, str], ...] = (
    ("journal_mode", "WAL", "wal"),
    ("synchronous", "FULL", "2"),
    ("foreign_keys", "ON", "1"),
    ("temp_store", "MEMORY", "2"),
    ("secure_delete", "ON", "1"),
)


def raw_key_literal(data_key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form ``x'<64 hex digits>'`` (the key is used as is, with no
    key derivation), in a buffer the caller zeroes with `wipe` once it is used."""
    literal = bytearray(b"x'")
    for byte in data_key:
        literal += _HEX[byte]
    literal += b"'"
    return literal


def wipe(buffer: bytearray) -> None:
    """Overwrite a buffer that held key material."""
    buffer[:] = bytes(len(buffer))


def key_connection(connection: Any, data_key: bytes | bytearray) -> None:
    """Key a fresh sqlcipher3 connection (the first thing done with it)."""
    literal = raw_key_literal(data_key)
    try:
        connection.set_key(literal)
    finally:
        wipe(literal)


def rekey_connection(connection: Any, new_key: bytes | bytearray) -> None:
    """Re-encrypt the whole database under ``new_key`` (SQLCipher's rekey)."""
    literal = raw_key_literal(new_key)
    try:
        connection.reset_key(literal)
    finally:
        wipe(literal)


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
        watch_changes(cursor)  # a restored journal knows when it is no longer its backup
        make_terms_table(cursor)  # searched as a person types: made once, here
    finally:
        cursor.close()


def database_uri(db_path: Path) -> str:
    """The URI that opens ``db_path`` through SQLite's ``unix-excl`` VFS.

    In WAL mode SQLite keeps the WAL index in a ``-shm`` file mapped into memory.
    When that file stops taking writes (a disk remounted read-only after an error,
    files made immutable, a full disk on some file systems) the next write to a
    mapped page kills the process with SIGBUS, before SQLite can report an error:
    the lock then lost the words it was about to seal (break tests 9 and 14). The
    ``unix-excl`` VFS holds an exclusive lock on the database for the process and
    keeps the WAL index in the process's own memory instead (sqlite.org/vfs.html,
    "unix-excl"; sqlite.org/wal.html, "Use of WAL Without Shared-Memory"): no
    ``-shm`` file exists, a refused write is an ordinary "disk I/O error", and every
    connection of this process still shares the database (the worker threads'
    own connections). Another process cannot open a journal that is open here;
    Solace runs once per data folder anyway (`SingleInstance`).
    """
    return db_path.absolute().as_uri() + "?vfs=unix-excl"


def _creator(db_path: Path, data_key: bytes | bytearray) -> Callable[[], Any]:
    def connect() -> Any:
        connection = sqlcipher3.connect(database_uri(db_path), uri=True, check_same_thread=False)
        key_connection(connection, data_key)
        register_functions(connection)
        read_back.track_checkpoints(connection, db_path)  # the lock knows what wrote
        return connection

    return connect


def open_engine(db_path: Path, data_key: bytes | bytearray, *, must_exist: bool = True) -> Engine:
    """An engine on the journal database, keyed and verified, or a clear error.

    Raises JournalDamaged when the file is missing (unless ``must_exist`` is False),
    JournalInUse when another process holds the database (it is opened through
    ``unix-excl``, `database_uri`), WrongPassphrase when the key does not open it,
    RequirementMissing when SQLCipher cannot give the settings Solace relies on.
    """
    if must_exist and not db_path.is_file():
        raise JournalDamaged("The journal database file is missing.")
    engine = create_engine(
        "sqlite://",
        creator=_creator(db_path, data_key),
        module=sqlcipher3,
        poolclass=StaticPool,
        hide_parameters=True,
    )
    page_check.watch(engine, db_path)  # no write while its pages are checked
    event.listen(engine, "connect", _configure)
    known_damage.watch(engine, db_path)  # a damaged file is closed without a checkpoint
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except RequirementMissing:
        engine.dispose()
        raise
    except (DatabaseError, OperationalError) as error:
        engine.dispose()
        log.info("database did not open: %s", type(error.orig).__name__)
        if isinstance(told(error), JournalBusy):
            raise JournalInUse() from None
        raise WrongPassphrase() from None
    return engine


def open_own_engine(db_path: Path, data_key: bytes | bytearray) -> Engine:
    """`open_engine` on the database of a journal that is open, with its own data key
    (a second connection: a worker's save, export, backup, import). That key opened
    the file at the unlock, so a file it no longer opens is damaged, never a wrong
    passphrase: raises `JournalFileDamaged` then (break test 16 of session 13, finding
    3: a save on a damaged journal said "That passphrase did not open this journal"),
    and what `open_engine` raises otherwise."""
    try:
        return open_engine(db_path, data_key)
    except WrongPassphrase:
        known_damage.mark_file(db_path)
        raise JournalFileDamaged() from None

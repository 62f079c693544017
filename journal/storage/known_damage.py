"""Which open journal files are known to be damaged, and the one rule for them: nothing
more is written to such a file, not even as its connections close.

A journal's database is known damaged once a page of it could not be read while it
was open (`JournalFileDamaged`: a save, a read, a backup, an own connection that no
longer opens, the window's `lock_for_damage`). From then on:

- no session is begun on it (`Database.session` raises `JournalFileDamaged`), so a
  save at the lock fails and the words are kept sealed beside it instead;
- closing an engine on it runs no ``wal_checkpoint`` (`Database.close`), and each of its
  connections closes with SQLite's checkpoint-on-close turned off
  (``SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE``, sqlite.org/c3ref/c_dbconfig_defensive.html): the
  last connection to a WAL database otherwise copies the WAL into the file as it closes
  (sqlite.org/wal.html, "Automatic Checkpoint"). journal.db and its WAL stay exactly as
  they were, for Restore a backup… and Rescue what can be read… (issue 16; before, the
  lock checkpointed the WAL into the damaged file).

A file is named by its device and inode, so a journal restored over it (a new file
swapped in by rename) is not taken for the damaged one. What is known lives in this
process only: the lock that follows replaces the process (`hard_lock`), and the next
unlock checks the file afresh.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
import weakref
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)

# SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE (sqlite.org/c3ref/c_dbconfig_defensive.html)
_NO_CKPT_ON_CLOSE = 1006

_lock = threading.Lock()
_files: weakref.WeakKeyDictionary[Engine, Path] = weakref.WeakKeyDictionary()
_damaged: set[tuple[int, int]] = set()


def watch(engine: Engine, db_path: Path) -> None:
    """Remember that ``engine`` opens the journal database at ``db_path``, and close
    each of its connections without a checkpoint while that file is known damaged
    (`is_known`). Called once for every engine made on a journal (`open_engine`)."""
    with _lock:
        _files[engine] = db_path
    event.listen(engine, "close", _closing(db_path))


def mark_file(db_path: Path) -> None:
    """Note that the database at ``db_path`` is damaged (a page could not be read).
    A file that is gone cannot be written either, and is noted by nothing."""
    try:
        identity = _identity(db_path)
    except OSError:
        return
    with _lock:
        if identity not in _damaged:
            log.warning("an open journal's file is damaged: nothing more is written to it")
        _damaged.add(identity)


def forget_file(db_path: Path) -> None:
    """Forget what was known of the file now at ``db_path``: a journal just made there,
    or one whose unlock's page check passed (an inode freed by a journal removed may
    come back as another file's)."""
    try:
        identity = _identity(db_path)
    except OSError:
        return
    with _lock:
        _damaged.discard(identity)


def mark(engine: Engine) -> None:
    """`mark_file` for the file ``engine`` opens (nothing when it is not a journal's)."""
    path = file_of(engine)
    if path is not None:
        mark_file(path)


def file_of(engine: Engine) -> Path | None:
    """The journal database ``engine`` opens (see `watch`), or None."""
    with _lock:
        return _files.get(engine)


def is_known_file(db_path: Path) -> bool:
    """Whether the database at ``db_path`` is known damaged in this process."""
    if not _damaged:  # the usual case: no file looked at
        return False
    try:
        identity = _identity(db_path)
    except OSError:
        return False
    with _lock:
        return identity in _damaged


def is_known(engine: Engine) -> bool:
    """Whether the file ``engine`` opens is known damaged (`is_known_file`)."""
    path = file_of(engine)
    return path is not None and is_known_file(path)


def _identity(db_path: Path) -> tuple[int, int]:
    found = os.stat(db_path)
    return found.st_dev, found.st_ino


def _closing(db_path: Path) -> Any:
    def no_checkpoint_if_damaged(dbapi_connection: Any, _record: Any) -> None:
        if not is_known_file(db_path):
            return
        try:
            close_without_checkpoint(dbapi_connection, db_path)
        except Exception as error:  # never seen with the driver Solace ships
            log.error("checkpoint-on-close not turned off: %s", error)

    return no_checkpoint_if_damaged


def close_without_checkpoint(dbapi_connection: Any, db_path: Path) -> None:
    """Turn off SQLite's checkpoint-on-close on an open sqlcipher3 connection (it is
    about to be closed). The driver has no ``setconfig``, so ``sqlite3_db_config`` is
    called on the connection's handle (`sqlite_handle`: nothing is asked of the
    connection itself, which may hold a page's failure), and the setting only
    trusted once read back. Raises RuntimeError when either fails (a driver built
    otherwise; the tests of a lock after damage pin it for the one Solace ships)."""
    library = sqlite_library()
    handle = sqlite_handle(dbapi_connection, db_path)
    value = ctypes.c_int(-1)
    library.sqlite3_db_config(
        ctypes.c_void_p(handle), _NO_CKPT_ON_CLOSE, ctypes.c_int(1), ctypes.byref(value)
    )
    if value.value != 1:
        raise RuntimeError("SQLite did not take checkpoint-on-close off")


def sqlite_handle(dbapi_connection: Any, db_path: Path) -> int:
    """The ``sqlite3*`` handle of an open sqlcipher3 connection to ``db_path``: the
    driver has no accessor, so it is read from the driver's connection object (its
    first field after the object header, as in CPython's ``_sqlite``), and trusted only
    once SQLite names ``db_path`` through it. Raises RuntimeError when it cannot be
    found (a driver built otherwise)."""
    handle = ctypes.c_void_p.from_address(id(dbapi_connection) + object.__basicsize__).value
    library = sqlite_library()
    named = library.sqlite3_db_filename(ctypes.c_void_p(handle), b"main") if handle else None
    if not handle or named is None:
        raise RuntimeError("the connection's SQLite handle could not be found")
    if os.path.realpath(os.fsdecode(named)) != os.path.realpath(db_path):
        raise RuntimeError("the connection's SQLite handle could not be found")
    return handle


_libraries: list[ctypes.CDLL] = []


def sqlite_library() -> ctypes.CDLL:
    """The SQLCipher library the driver is built with (already loaded)."""
    if not _libraries:
        from sqlcipher3 import _sqlite3

        library = ctypes.CDLL(_sqlite3.__file__)
        library.sqlite3_db_filename.restype = ctypes.c_char_p
        library.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        library.sqlite3_db_config.restype = ctypes.c_int
        _libraries.append(library)
    return _libraries[0]

"""The unlock's check of every page of a large journal, run beside the opening window.

Before anything writes to a journal's database the unlock reads every page and
checks its HMAC (`journal.storage.safekeeping.damage.keyed_problem`). At 100k
entries (108 MB) that read took 0.26 s of the first unlock's 0.39 s beyond the key
derivation, and the person waited for it before seeing anything (issue 12). For a
large file (`CHECK_LATER_FROM` bytes and more) whose last session closed cleanly
(an empty WAL), the unlock opens the journal and runs the same check on a thread of
its own (`PageCheck`), while the window fills its areas:

* nothing is written to the file before the check has passed: every connection
  opened on it meanwhile (the window's, a worker's) carries SQLite's authorizer
  (sqlite.org/c3ref/set_authorizer.html, `watch`), which holds any statement that
  would change the main database until the check ends, and refuses it if the check
  failed (``SQLITE_AUTH``, told as `JournalFileDamaged` by `journal.storage.
  failures`). Nothing else changes the file: SQLite writes journal.db only when it
  checkpoints a WAL, and the WAL is empty until a statement writes;
* a failed check marks the file known damaged (`journal.storage.known_damage`)
  before it says so, so no session begins on it and it is closed without a
  checkpoint, as when a read meets a damaged page;
* reads go on meanwhile as they always do: SQLCipher checks the HMAC of each page
  it reads, and a page that fails is `JournalFileDamaged` where it was read;
* a write that waits long enough to be noticed (`SAY_WAIT_AFTER_S`) is told to the
  listener given to `PageCheck.when_writes_wait`, on the waiting thread, before it
  waits on: the window says why it does not answer (on a slow disk the check took
  15 to 20 s: break test 34, finding 3).

The open journal waits for its check before a lock, the lock's read-back and a key
rotation (`OpenJournal.wait_for_page_check`), so a check never outlives its key.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, event

from journal.errors import JournalFileDamaged, SolaceError
from journal.storage import known_damage

log = logging.getLogger(__name__)

#: From this size (bytes) the unlock checks the pages beside the window: below it the
#: check costs under 10 ms (about 420 MB/s on the 2-core machine of issue 12), and a
#: damaged file is refused before the window opens, as it always was.
CHECK_LATER_FROM = 4 << 20
#: A write that has waited this long (seconds) for the check is told to the listener of
#: `PageCheck.when_writes_wait`: about the longest the whole check takes at 100k
#: entries on the machine of issue 12 (0.26 s), so there it is seldom told at all.
SAY_WAIT_AFTER_S = 0.25

# What changes the main database (sqlite.org/c3ref/c_alter_table.html); the TEMP
# tables and triggers each connection makes for itself are not in it.
_CHANGES = frozenset(
    {
        sqlcipher3.SQLITE_INSERT,
        sqlcipher3.SQLITE_UPDATE,
        sqlcipher3.SQLITE_DELETE,
        sqlcipher3.SQLITE_CREATE_INDEX,
        sqlcipher3.SQLITE_CREATE_TABLE,
        sqlcipher3.SQLITE_CREATE_TRIGGER,
        sqlcipher3.SQLITE_CREATE_VIEW,
        sqlcipher3.SQLITE_CREATE_VTABLE,
        sqlcipher3.SQLITE_DROP_INDEX,
        sqlcipher3.SQLITE_DROP_TABLE,
        sqlcipher3.SQLITE_DROP_TRIGGER,
        sqlcipher3.SQLITE_DROP_VIEW,
        sqlcipher3.SQLITE_DROP_VTABLE,
        sqlcipher3.SQLITE_ALTER_TABLE,
        sqlcipher3.SQLITE_REINDEX,
        sqlcipher3.SQLITE_ANALYZE,
    }
)
# Pragmas that write the file whatever they are given, and those that write it when
# given a value (sqlite.org/pragma.html).
_WRITING_PRAGMAS = frozenset({"wal_checkpoint", "incremental_vacuum", "optimize", "rekey"})
_SETTING_PRAGMAS = frozenset({"user_version", "application_id", "schema_version"})
_SCHEMA_TABLES = frozenset({"sqlite_master", "sqlite_temp_master", "sqlite_schema"})

_lock = threading.Lock()
_running: dict[str, PageCheck] = {}
_GUARD = "page check"  # a guarded connection's check, in its pool record's info


def _key(db_path: Path) -> str:
    return os.path.realpath(db_path)


class PageCheck:
    """One run of ``judge`` (the unlock's check of every page of the database at
    ``db_path``: None when it is sound, else what the unlock would have refused with)
    on a thread of its own, started at once. While it runs, `watch` holds the writes of
    every connection opened on ``db_path``. When it passes, ``passed`` is called (the
    file noted as read in full: `read_back.note_sound`) once the writes held are let
    go, never while one waits: a checkpoint held here holds `read_back`'s lock, which
    the note takes (an import begun during the check hung the window for good: break
    test 35, finding 1)."""

    def __init__(
        self,
        db_path: Path,
        judge: Callable[[], SolaceError | None],
        passed: Callable[[], None] | None = None,
    ) -> None:
        self.db_path = db_path
        self.refusal: SolaceError | None = None
        self._judge = judge
        self._passed = passed
        self._done = threading.Event()  # its finding known: held writes go on (or not)
        self._settled = threading.Event()  # and ``passed`` called
        self._listeners: list[Callable[[SolaceError], None]] = []
        self._write_waits: Callable[[bool], None] | None = None
        with _lock:
            _running[_key(db_path)] = self
        # Not a daemon: Python's exit waits for it (about 0.26 s at 100k entries), never
        # ends the interpreter under SQLite's read (a segmentation fault when tried).
        threading.Thread(target=self._run, name="page check").start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self) -> SolaceError | None:
        """Return once the check has ended (and ``passed`` was called when it passed):
        None when every page passed, else the refusal it found. Never called while
        holding `read_back`'s lock (see the class)."""
        self._settled.wait()
        return self.refusal

    def when_writes_wait(self, listener: Callable[[bool], None] | None) -> None:
        """Call ``listener(True)`` when a write has waited `SAY_WAIT_AFTER_S` for this
        check, and ``listener(False)`` when its wait is over (passed or refused), both
        on the thread that waits, inside SQLite's preparing of the statement: the
        listener must not use the database. None stops telling. An error it raises is
        logged, never taken for a refusal of the write."""
        self._write_waits = listener

    def wait_for_write(self) -> SolaceError | None:
        """`wait`, for a write held by the guard: told to the listener of
        `when_writes_wait` once it has lasted `SAY_WAIT_AFTER_S`."""
        if self._done.wait(SAY_WAIT_AFTER_S):
            return self.refusal
        listener = self._write_waits
        _tell(listener, True)
        try:
            self._done.wait()  # not `wait`: this write may hold `read_back`'s lock
            return self.refusal
        finally:
            _tell(listener, False)

    def if_failed(self, listener: Callable[[SolaceError], None]) -> None:
        """Call ``listener`` with the refusal when the check fails: on the check's
        thread when it ends later, at once when it has failed already; never when it
        passes."""
        with _lock:
            if not self._done.is_set():
                self._listeners.append(listener)
                return
        if self.refusal is not None:
            listener(self.refusal)

    def _run(self) -> None:
        try:
            refusal = self._judge()
        except Exception as error:  # never seen: a file not judged is not vouched for
            log.error("the check of the journal's pages failed: %s", type(error).__name__)
            refusal = JournalFileDamaged()
        if refusal is not None:  # before anything hears of it: nothing more is written
            known_damage.mark_file(self.db_path)
        with _lock:
            self.refusal = refusal
            if _running.get(_key(self.db_path)) is self:
                del _running[_key(self.db_path)]
            listeners, self._listeners = self._listeners, []
            self._done.set()
        try:
            if refusal is None and self._passed is not None:
                self._passed()
        except Exception as error:  # left unnoted: the lock reads every page again
            log.error("noting the checked journal failed: %s", type(error).__name__)
        finally:
            self._settled.set()
        if refusal is not None:
            log.warning("the check of an open journal's pages found it damaged")
            for listener in listeners:
                listener(refusal)


def running(db_path: Path) -> bool:
    """Whether a check of the pages of the database at ``db_path`` runs now: until it
    ends, nothing is written to the file, so its WAL holds nothing to checkpoint (it was
    empty at the unlock: `CHECK_LATER_FROM`'s conditions)."""
    with _lock:
        return _key(db_path) in _running


def _tell(listener: Callable[[bool], None] | None, waiting: bool) -> None:
    if listener is None:
        return
    try:
        listener(waiting)
    except Exception as error:  # the write goes on: what the window says is not the file
        log.error("telling of a write waiting for the page check failed: %s", type(error).__name__)


def watch(engine: Engine, db_path: Path) -> None:
    """Guard each connection ``engine`` opens on ``db_path`` while a check of its pages
    runs (`PageCheck`): each statement that would change the main database waits for
    the check as SQLite prepares it, and is refused when the check failed. Once the
    check has passed, the guard is taken off as the connection is next taken from the
    pool, on the thread about to use it: it cost about 0.5 ms per search at 100k
    entries (a callback for each column a statement reads). Called once for every
    engine made on a journal (`open_engine`), before any other listener."""
    event.listen(engine, "connect", partial(_guard, db_path))
    event.listen(engine, "checkout", _release)


def _guard(db_path: Path, dbapi_connection: Any, record: Any) -> None:
    with _lock:
        check = _running.get(_key(db_path))
    if check is not None:
        dbapi_connection.set_authorizer(partial(_authorize, check))
        record.info[_GUARD] = check


def _release(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    check = record.info.get(_GUARD)
    if check is not None and check.done and check.refusal is None:
        dbapi_connection.set_authorizer(None)
        del record.info[_GUARD]


def _authorize(
    check: PageCheck, action: int, arg1: str | None, arg2: str | None, *_where: str | None
) -> int:
    """SQLite's authorizer callback: SQLITE_OK, or SQLITE_DENY for a change to a file
    whose check failed (after waiting for it to end)."""
    if check.done and check.refusal is None:
        return int(sqlcipher3.SQLITE_OK)
    database = _where[0] if _where else None
    if not _changes_file(action, arg1, arg2, database):
        return int(sqlcipher3.SQLITE_OK)
    return int(sqlcipher3.SQLITE_OK if check.wait_for_write() is None else sqlcipher3.SQLITE_DENY)


def _changes_file(action: int, arg1: str | None, arg2: str | None, database: str | None) -> bool:
    """Whether an action SQLite asks about changes the main database file."""
    if action == sqlcipher3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        return name in _WRITING_PRAGMAS or (name in _SETTING_PRAGMAS and arg2 is not None)
    # SQLite names its schema table for a TEMP trigger or table too; a change to the
    # main schema is also asked about as its own action (CREATE, DROP, ALTER). Held,
    # the TEMP triggers every connection to a just-restored journal makes
    # (`journal.storage.changes`) kept its unlock waiting for the whole check.
    return action in _CHANGES and database != "temp" and arg1 not in _SCHEMA_TABLES

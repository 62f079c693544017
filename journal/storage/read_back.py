"""Whether an open journal's file is still exactly as its last full read found it, so
that a lock need not read every page again (issue 12: quit).

The unlock reads every page of journal.db and checks its HMAC before anything writes
to it (`journal.storage.safekeeping.damage.keyed_problem`), and a lock reads the file
back the same way before it says "Everything you wrote was saved" (break test 16 of
session 15, finding 6). Read in full, that lock made quitting grow with the journal
(0.7 s of a 0.8 s quit at 100k entries). Yet a file that nothing has written since it
was read holds the same bytes: what the lock needs to know is whether anything
wrote to it since, and whether that was Solace.

In WAL mode SQLite writes journal.db only when it checkpoints (copies committed pages
from the WAL into the file). So the file's state (`FileState`: device, inode, size,
modification and change times) is noted when a full read finds it sound
(`note_sound`), and every checkpoint Solace runs on it, SQLite's automatic one
included (`track_checkpoints`), moves the note on to the state it leaves, provided
the file was still in the noted state just before (`checkpointing`). Any other write
(another program, a bit flipped in place, a file renamed over it, a restore) changes
its modification or change time, which no program can set back without the change
time moving (``utime`` sets it), or its inode; the note then no longer matches
(`unchanged_since_read`) and the lock reads every page as before.

The kernel stamps times at its clock tick (a few ms): a write by another program in
the same tick as Solace's own checkpoint, leaving the size as it was, would not be
seen here; the next unlock, which reads every page, still finds it.
"""

from __future__ import annotations

import ctypes
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from journal.storage.known_damage import sqlite_handle, sqlite_library

log = logging.getLogger(__name__)

# device, inode, size in bytes, modification and change times in ns (`os.stat`)
FileState = tuple[int, int, int, int, int]

# SQLite's own automatic checkpoint: a passive checkpoint once a commit leaves this
# many frames in the WAL (SQLITE_DEFAULT_WAL_AUTOCHECKPOINT; sqlite.org/c3ref/
# wal_autocheckpoint.html), which `track_checkpoints` keeps doing itself.
AUTOCHECKPOINT_FRAMES = 1000
_CHECKPOINT_PASSIVE = 0  # SQLITE_CHECKPOINT_PASSIVE

_lock = threading.RLock()  # `checkpointing` may hold it while SQLite commits
_sound: dict[str, FileState] = {}


def _key(db_path: Path) -> str:
    return os.path.realpath(db_path)


def state_of(db_path: Path) -> FileState | None:
    """The state of the file at ``db_path`` now, or None when it cannot be read."""
    try:
        found = os.stat(db_path)
    except OSError:
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def note_sound(db_path: Path, state: FileState | None) -> None:
    """Note that every page of ``db_path`` was read and found sound while the file was
    in ``state`` (taken with `state_of` *before* the read began, so a write during the
    read leaves the note stale). None forgets the note."""
    with _lock:
        if state is None:
            _sound.pop(_key(db_path), None)
        else:
            _sound[_key(db_path)] = state


def unchanged_since_read(db_path: Path) -> bool:
    """True when ``db_path`` is in the state its last full read found sound
    (`note_sound`), moved on only by Solace's own checkpoints: nothing else has
    written to it since, so reading its pages again would find what that read found."""
    now = state_of(db_path)
    with _lock:
        return now is not None and _sound.get(_key(db_path)) == now


@contextmanager
def checkpointing(db_path: Path | None) -> Iterator[None]:
    """Around a checkpoint Solace runs on ``db_path``: the note (`note_sound`) follows
    the file to the state the checkpoint leaves, when it matched just before; else it
    stays stale, and the next lock reads every page. None (a database that is no
    journal's): nothing is noted."""
    if db_path is None:
        yield
        return
    key = _key(db_path)
    with _lock:
        before = state_of(db_path)
        matched = before is not None and _sound.get(key) == before
        try:
            yield
        finally:
            if matched:
                after = state_of(db_path)
                if after is None:
                    _sound.pop(key, None)
                else:
                    _sound[key] = after


def checkpoint(connection: Any, db_path: Path | None, mode: str = "TRUNCATE") -> Any:
    """Run ``PRAGMA wal_checkpoint(mode)`` on ``connection`` (a SQLAlchemy connection or
    a DB-API one) for the journal database at ``db_path`` (None: no journal's), keeping
    the note (`checkpointing`). Returns SQLite's row (busy, frames in the log, frames
    copied)."""
    sql = f"PRAGMA wal_checkpoint({mode})"
    with checkpointing(db_path):
        run = getattr(connection, "exec_driver_sql", None)
        if run is not None:
            return run(sql).fetchone()
        return connection.execute(sql).fetchone()


# --- SQLite's automatic checkpoint, run through `checkpointing` -------------------

_WalHook = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int
)


def _after_commit(_arg: Any, handle: int | None, schema: bytes | None, frames: int) -> int:
    """SQLite's WAL hook (sqlite.org/c3ref/wal_hook.html): what its default hook does (a
    passive checkpoint once ``frames`` reaches `AUTOCHECKPOINT_FRAMES`), inside
    `checkpointing`. Returns SQLITE_OK: a checkpoint that cannot run now is tried again
    after a later commit, as SQLite's own does."""
    if frames < AUTOCHECKPOINT_FRAMES or not handle:
        return 0
    # Never waits for the note's lock: this runs inside a commit, holding the
    # connection, and a thread in `checkpoint` holds the lock while it waits for that
    # connection (break test 34: a key rotation's checkpoint and a save hung the
    # window for good). Tried again after a later commit, as SQLite's own is.
    if not _lock.acquire(blocking=False):
        return 0
    try:
        library = _library()
        named = library.sqlite3_db_filename(ctypes.c_void_p(handle), schema or b"main")
        if not named:
            return 0
        with checkpointing(Path(os.fsdecode(named))):
            library.sqlite3_wal_checkpoint_v2(
                ctypes.c_void_p(handle), schema, _CHECKPOINT_PASSIVE, None, None
            )
    except Exception as error:  # never seen; SQLite's own checkpoint does not raise either
        log.error("the automatic checkpoint failed: %s", type(error).__name__)
    finally:
        _lock.release()
    return 0


_hook = _WalHook(_after_commit)  # kept alive for as long as any connection holds it


def track_checkpoints(dbapi_connection: Any, db_path: Path) -> None:
    """Replace SQLite's automatic checkpoint on an open sqlcipher3 connection to the
    journal database at ``db_path`` by the same one run through `checkpointing`
    (`_after_commit`). Raises RuntimeError when the connection's SQLite handle cannot
    be found (`journal.storage.known_damage.sqlite_handle`: a driver built otherwise)."""
    handle = sqlite_handle(dbapi_connection, db_path)
    _library().sqlite3_wal_hook(ctypes.c_void_p(handle), _hook, None)


_libraries: list[ctypes.CDLL] = []


def _library() -> ctypes.CDLL:
    if not _libraries:
        library = sqlite_library()
        library.sqlite3_wal_hook.restype = ctypes.c_void_p
        library.sqlite3_wal_hook.argtypes = [ctypes.c_void_p, _WalHook, ctypes.c_void_p]
        library.sqlite3_wal_checkpoint_v2.restype = ctypes.c_int
        library.sqlite3_wal_checkpoint_v2.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        _libraries.append(library)
    return _libraries[0]

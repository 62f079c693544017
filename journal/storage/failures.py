"""SQLite's errors for a write that could not happen, as the messages a person reads.

One mapping for every write to a journal (`journal.storage.database.Database.session`
raises through it), so a full disk, a journal another program has locked and a
read-only file are each told the same way wherever they happen.
"""

from __future__ import annotations

import errno
from pathlib import Path

from journal.errors import (
    DiskFull,
    JournalBusy,
    JournalFileDamaged,
    JournalReadOnly,
    PlaceNotWritten,
    SolaceError,
    StorageFailed,
)

_FULL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
_READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
# SQLite's result codes for a file whose pages cannot be read (the low byte of an
# extended code): SQLITE_CORRUPT and SQLITE_NOTADB (https://sqlite.org/rescode.html);
# and SQLITE_AUTH, given only by the authorizer that refuses a write to a file whose
# check of every page failed (`journal.storage.lock.page_check`).
_CORRUPT, _NOTADB, _AUTH = 11, 26, 23
_DAMAGED_WORDS = ("malformed", "not a database", "file is encrypted", "corrupt", "not authorized")


def damaged(error: BaseException) -> bool:
    """Whether ``error`` (a DB-API error, or SQLAlchemy's wrapper of one) is SQLite
    saying a page of the file cannot be read: SQLITE_CORRUPT ("database disk image is
    malformed") or SQLITE_NOTADB ("file is not a database"), or refusing a write to a
    file whose pages failed their check (SQLITE_AUTH, "not authorized"), by its result
    code where the driver gives one, else by SQLite's own words."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in (_CORRUPT, _NOTADB, _AUTH):
        return True
    if type(original).__name__ not in ("DatabaseError", "OperationalError", "IntegrityError"):
        return False
    text = str(original).lower()
    return any(words in text for words in _DAMAGED_WORDS)


def told(error: BaseException) -> BaseException:
    """``error`` as a `SolaceError` when it is one of SQLite's "could not write" errors
    ("database or disk is full", "database is locked"/"busy", "readonly database",
    "disk I/O error"), `JournalFileDamaged` when SQLite says a page cannot be read
    (`damaged`: whatever the operation, a read or a write), else ``error`` unchanged. A
    file-size limit (RLIMIT_FSIZE) reaches SQLite as a plain "disk I/O error", told as a
    full disk."""
    if isinstance(error, SolaceError):
        return error
    if damaged(error):
        return JournalFileDamaged()
    text = str(getattr(error, "orig", error)).lower()
    if "disk is full" in text:
        return DiskFull()
    if "database is locked" in text or "database is busy" in text:
        return JournalBusy()
    if "readonly database" in text or "read-only" in text:
        return JournalReadOnly()
    if "disk i/o error" in text:
        return DiskFull() if _size_limited() else StorageFailed("a disk error")
    return error


def _size_limited() -> bool:
    try:
        import resource
    except ImportError:  # Windows
        return False
    soft = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return soft != resource.RLIM_INFINITY


def chosen_place_failure(
    error: OSError, what: str, place: Path | None = None, needed: int = 0
) -> PlaceNotWritten:
    """An operating-system error while writing ``what`` ("backup", "export") to
    ``place``, the folder the person chose, as the message for that place: full
    (``ENOSPC``, a file-size limit ``EFBIG``, a quota ``EDQUOT``), read-only (``EROFS``,
    or no permission: ``EACCES``, ``EPERM``), or the system's reason in words. Never the
    editor's full-disk message: nothing is kept in a window, nothing is retried.
    ``needed``: the bytes the file needs there, said when it is full (0: not known)."""
    if error.errno in _FULL:
        return PlaceNotWritten(what, "full", place, needed)
    if error.errno in _READ_ONLY:
        return PlaceNotWritten(what, "read-only", place)
    return PlaceNotWritten(what, error.strerror or type(error).__name__, place)

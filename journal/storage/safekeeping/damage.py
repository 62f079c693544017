"""What is wrong with a journal's files, in plain words, found without changing them.

Two steps, both read-only:

* `file_problem` looks at the database file alone (no key): missing, empty,
  cut to a size that is not a whole number of pages, an ordinary SQLite file, a
  PDF or another kind of document in its place; and at the WAL a crash left beside
  it, which SQLite would read only in part (`journal.storage.safekeeping.wal`);
* `keyed_problem` runs once the passphrase has unwrapped the data key: a database
  that does not open with that key (damaged first page, random bytes, or another
  journal's database, recognised by its SQLCipher salt), or one with pages whose
  HMAC fails (a flipped bit anywhere, a cut-off end).

A damaged or missing ``vault.json`` is the vault's to tell and mend
(`journal.storage.lock.journal.restore_header`, from the copies kept with backups).

Each problem is a sentence for the person; `None` means nothing was found.
"""

from __future__ import annotations

import os
from pathlib import Path

from journal.domain.common.bidi import quoted
from journal.files import NotAFile, not_a_file, open_regular, read_regular
from journal.storage.journal_files import HEADER_NAME, companions
from journal.storage.lock.vault import VaultHeader
from journal.storage.safekeeping.checks import (
    PAGE_SIZE,
    failing_pages,
    opens_with,
    stated_page_count,
    wal_pages,
)
from journal.storage.safekeeping.wal import wal_problem

SALT_BYTES = 16  # SQLCipher keeps its per-file salt in the first 16 bytes
_KINDS = (
    (b"SQLite format 3\x00", "is an ordinary, unencrypted SQLite database, not a Solace journal"),
    (b"%PDF", "is a PDF document, not a journal"),
    (b"PK\x03\x04", "is a ZIP archive, not a journal (a backup file is restored with Restore)"),
    (b"\x89PNG", "is a picture, not a journal"),
    (b"\xff\xd8\xff", "is a picture, not a journal"),
)


def file_problem(db_path: Path) -> str | None:
    """A sentence about what is wrong with ``db_path`` judged from its bytes alone."""
    try:
        with open_regular(db_path) as handle:  # a pipe is refused, never waited on
            size = os.fstat(handle.fileno()).st_size
            start = handle.read(SALT_BYTES)
    except FileNotFoundError:
        return "The journal's database file (journal.db) is missing."
    except NotAFile as error:
        return (
            "The journal's database (journal.db) is not a file Solace can read: it is "
            f"{error.kind}. A copy or a sync may have put it there in place of the file."
        )
    except OSError:
        return "The journal's database file (journal.db) could not be read."
    for companion in companions(db_path):  # SQLite opens these
        kind = not_a_file(companion)
        if kind:
            return (
                f"The journal's database has a companion file ({companion.name}) that is not a "
                f"file Solace can read: it is {kind}."
            )
    if size == 0:
        return "The journal's database file is empty (0 bytes): it was cut short or replaced."
    for magic, what in _KINDS:
        if start.startswith(magic):
            return f"The file in the place of the journal's database {what}."
    if size % PAGE_SIZE:
        return "The journal's database file has been cut short: part of it is missing."
    # Before any connection opens the file: SQLite would read the WAL only up to a
    # damaged frame, and the checkpoint at the next close would write that shortened
    # journal into journal.db and delete the WAL (break test 16 of session 12, finding 2).
    return wal_problem(db_path, PAGE_SIZE)


def may_hold_pages(db_path: Path) -> bool:
    """Whether the file at ``db_path`` may hold a page a rescue can read, judged from its
    bytes alone: a regular file of at least one whole page (`PAGE_SIZE`) that is not
    another kind of file (`_KINDS`). False for a missing, empty or too short file, a
    pipe or a folder, an ordinary SQLite file, a PDF, a ZIP archive or a picture."""
    try:
        with open_regular(db_path) as handle:
            size = os.fstat(handle.fileno()).st_size
            start = handle.read(SALT_BYTES)
    except (OSError, NotAFile):
        return False
    if size < PAGE_SIZE:
        return False
    return not any(start.startswith(magic) for magic, _what in _KINDS)


def some_page_reads(db_path: Path, data_key: bytes | bytearray) -> bool:
    """Whether at least one page of ``db_path`` opens with ``data_key`` (32 bytes; its
    HMAC holds), so a rescue has something to read. One read of the file."""
    if not may_hold_pages(db_path):
        return False
    pages = db_path.stat().st_size // PAGE_SIZE
    return len(failing_pages(db_path, data_key)) < pages


def keyed_problem(db_path: Path, data_key: bytes | bytearray) -> str | None:
    """A sentence about damage found with the right key (32 bytes), or None.

    Every page's HMAC is checked: when all fail, the file is not this journal's (another
    journal's database, or random bytes); when page 1 fails, its beginning is damaged;
    otherwise some pages are. A file cut at a page boundary passes the HMACs, so the
    page count its header states is compared with the pages present.
    """
    wal, shm = companions(db_path)
    if wal.is_file() and wal.stat().st_size:
        # Commits still in the WAL (a session that did not close, a rekey not yet
        # checkpointed): SQLite reads the pages they hold from the WAL, so only the
        # file's other pages must pass their HMAC. The connections are read-only:
        # closing a read-write one copied the WAL into a damaged file before it was
        # judged (break test 16 of session 12, finding 4).
        had_shm = shm.exists()
        try:
            if not opens_with(db_path, data_key, read_only=True):
                return "The journal's database does not open with its key."
            return _pages_problem(db_path, data_key, wal_pages(wal), read_only=True)
        finally:
            if not had_shm:  # the read-only connection's index of the WAL, nothing more
                shm.unlink(missing_ok=True)
    return _pages_problem(db_path, data_key, set(), read_only=False)


def _pages_problem(
    db_path: Path, data_key: bytes | bytearray, in_wal: set[int], *, read_only: bool
) -> str | None:
    """`keyed_problem`'s check of every page of ``db_path`` but those in ``in_wal`` (the
    pages a WAL holds anew), on a ``read_only`` connection when there is a WAL."""
    pages = db_path.stat().st_size // PAGE_SIZE
    found = failing_pages(db_path, data_key, read_only=read_only)
    failing = [n for n in found if n not in in_wal]
    if failing and len(failing) + len(in_wal & set(range(1, pages + 1))) >= pages:
        other = _owner_elsewhere(db_path)
        if other:
            return f"The database in this journal's folder belongs to another journal ({other})."
        return (
            "The journal's database does not open with its key: the file was replaced "
            "or is damaged throughout."
        )
    if 1 in failing:
        return "The beginning of the journal's database is damaged."
    if failing:
        return "Some pages of the journal's database are damaged."
    if not read_only and stated_page_count(db_path, data_key) != pages:  # a WAL may add pages
        return "The journal's database has been cut short: part of it is missing."
    return None


def _owner_elsewhere(db_path: Path) -> str:
    """The name of another journal on this computer whose database has the same
    SQLCipher salt as ``db_path`` (a copy of it), or ""."""
    try:
        with open_regular(db_path) as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return ""
    if len(salt) < SALT_BYTES:
        return ""
    folder = db_path.parent
    for other in folder.parent.iterdir():
        if other == folder or not (other / db_path.name).is_file():
            continue
        try:
            with open_regular(other / db_path.name) as handle:
                if handle.read(SALT_BYTES) != salt:
                    continue
            return quoted(VaultHeader.from_bytes(read_regular(other / HEADER_NAME)).name)
        except (OSError, ValueError, KeyError, TypeError):
            return "one whose key file cannot be read"
    return ""

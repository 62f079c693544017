"""The lock's read-back of the journal's file (break test 16 of session 15, finding 6)
costs what was written since the unlock, not the journal's size (issue 12: quit grew
with the journal): a file only Solace's own checkpoints wrote since the unlock read
every page is not read again, and any other write still makes the lock read it all
and find the damage. Real SQLCipher files; the bytes the process reads, from the
kernel's count (``/proc/self/io``), stand for the work, never a time."""

from __future__ import annotations

import base64
import dataclasses
import os
from pathlib import Path

from journal.domain.entries.entry import new_entry
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import START, damage_while_open, write_entries


def bytes_read() -> int:
    """Every byte this process has read through read() so far (page cache included)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def reopened(store: JournalStore, journal: OpenJournal) -> OpenJournal:
    """``journal`` locked and unlocked again: the unlock reads every page."""
    folder = journal.folder
    journal.lock()
    return store.unlock(folder, PASSPHRASE)


def long_entries(journal: OpenJournal, count: int) -> None:
    """``count`` entries of 60,000 characters each: enough frames in the WAL for
    SQLite's automatic checkpoint (1,000 frames) to write into journal.db."""
    repo = EntryRepository(journal.db)
    for _ in range(count):
        words = base64.b64encode(os.urandom(45_000)).decode()  # packed, still 60,000
        repo.save(dataclasses.replace(new_entry(START), body=words))


def test_a_lock_after_only_solaces_own_writes_does_not_read_every_page(store, journal):  # type: ignore[no-untyped-def]
    write_entries(journal, 400, word="remembering " * 150)
    journal = reopened(store, journal)
    db = journal.folder / "journal.db"
    try:
        before = db.stat()
        long_entries(journal, 60)  # Solace's own automatic checkpoints write the file
        after = db.stat()
        assert after.st_mtime_ns != before.st_mtime_ns and after.st_size > before.st_size

        wal = db.with_name("journal.db-wal").stat().st_size  # read again: what was written
        read = bytes_read()
        assert not journal.damage_found()
        assert bytes_read() - read < wal + after.st_size // 4
    finally:
        journal.lock()


def test_a_write_by_another_program_after_solaces_checkpoints_is_still_found(store, journal):  # type: ignore[no-untyped-def]
    write_entries(journal, 200, word="remembering " * 150)
    journal = reopened(store, journal)
    db = journal.folder / "journal.db"
    try:
        long_entries(journal, 60)
        damage_while_open(db)  # bits flipped in place under the open journal
        assert journal.damage_found()
        assert journal.damage_known
    finally:
        journal.lock()


def test_a_file_put_in_its_place_is_read_in_full(store, journal, tmp_path):  # type: ignore[no-untyped-def]
    """A copy renamed over the open file (as a sync tool does), damaged: a new inode."""
    write_entries(journal, 200, word="remembering " * 150)
    journal = reopened(store, journal)
    db = journal.folder / "journal.db"
    try:
        copy = tmp_path / "copy.db"
        copy.write_bytes(db.read_bytes())
        damage_while_open(copy)
        copy.replace(db)
        assert journal.damage_found()
    finally:
        journal.lock()

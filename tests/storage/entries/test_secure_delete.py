"""Deleting for good leaves no trace of a word in any page of the database.

Read every page of a SQLCipher 4 database file, decrypted with its raw key.

This SQLCipher build has no ``sqlite_dbpage``, and ``sqlcipher_export`` copies
only live rows, so the canary test decrypts the pages itself: each page is
AES-256-CBC with its IV in the reserved tail (16-byte IV + 64-byte HMAC); page 1
starts with the 16-byte salt. Free pages and unused cell space are included,
which is what a "no trace left" check needs.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from journal.domain.entries.entry import new_entry
from journal.domain.entries.feelings import Mood
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from journal.storage.journal_files import DATABASE_NAME

CANARY = "zephyrquillion"

PAGE_SIZE = 4096
RESERVE = 80  # IV (16) + HMAC-SHA512 (64)
SALT = 16


def decrypted_pages(path: Path, key: bytes) -> list[bytes]:
    raw = path.read_bytes()
    assert len(raw) % PAGE_SIZE == 0, "not a whole number of pages"
    pages = []
    for number in range(len(raw) // PAGE_SIZE):
        page = raw[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
        start = SALT if number == 0 else 0
        iv = page[PAGE_SIZE - RESERVE : PAGE_SIZE - RESERVE + 16]
        body = page[start : PAGE_SIZE - RESERVE]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(body) + decryptor.finalize())
    return pages


def _checkpoint(journal) -> None:  # type: ignore[no-untyped-def]
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _occurrences(journal) -> int:  # type: ignore[no-untyped-def]
    pages = decrypted_pages(journal.folder / DATABASE_NAME, journal.data_key)
    return sum(page.count(CANARY.encode()) for page in pages)


def test_the_page_reader_decrypts_the_database(journal):
    _checkpoint(journal)
    pages = decrypted_pages(journal.folder / DATABASE_NAME, journal.data_key)
    # Page 1 after the salt is the SQLite header from byte 16: page size 4096.
    assert pages[0][:2] == b"\x10\x00"
    assert any(b"CREATE TABLE entries" in page for page in pages)


def test_deleting_for_good_leaves_no_trace_in_any_page(journal):
    repo = EntryRepository(journal.db)
    now = datetime.now(UTC)
    keep = dataclasses.replace(new_entry(now), body="A quiet walk by the river. " * 20)
    gone = dataclasses.replace(
        new_entry(now),
        title=f"About {CANARY}",
        body=f"I wrote {CANARY} here, and #{CANARY} too.\n\n" + "Ordinary words. " * 50,
        mood=Mood.HEAVY,
        feelings=("sad", CANARY),
        tags=(CANARY,),
    )
    repo.save(keep)
    repo.save(gone)
    # A few autosaves of the same entry, as typing would make.
    for extra in range(3):
        later = dataclasses.replace(gone, body=gone.body + f" more {CANARY} {extra}")
        repo.save(later)
    _checkpoint(journal)
    assert _occurrences(journal) > 0  # the scan does see live text
    assert EntrySearch(journal.db).search(CANARY[:6])

    assert repo.delete(gone.id)
    _checkpoint(journal)

    assert EntrySearch(journal.db).search(CANARY) == []
    assert _occurrences(journal) == 0
    assert CANARY.encode() not in (journal.folder / DATABASE_NAME).read_bytes()
    wal = journal.folder / (DATABASE_NAME + "-wal")
    assert not wal.exists() or CANARY.encode() not in wal.read_bytes()
    assert repo.get(keep.id) is not None

"""Rescue reads the entries of a journal whose schema page is damaged in the layout
its version wrote them: this version's, or the one with a stored headline before
migration 0031 (issue 12). Real SQLCipher journals."""

from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.rescue import rescue
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries

NEW_PASSPHRASE = "a new long passphrase for what was rescued"
COUNT = 30


# The entries table as versions before 0031 made it (0002's columns, 0010's zone).
BEFORE_0031 = """CREATE TABLE entries_before (
    seq INTEGER NOT NULL, id VARCHAR(36) NOT NULL, created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
    headline TEXT NOT NULL, mood INTEGER, shared BOOLEAN NOT NULL, prompt_id VARCHAR(80),
    tags TEXT NOT NULL, feelings TEXT NOT NULL, zone VARCHAR(64),
    PRIMARY KEY (seq), UNIQUE (id))"""


def _as_before_0031(journal: OpenJournal) -> None:
    """Rewrite the entries in the layout before 0031: a stored headline after the body."""
    with journal.db.engine.begin() as connection:
        run = connection.exec_driver_sql
        run("PRAGMA legacy_alter_table = ON")
        run(BEFORE_0031)
        run(
            "INSERT INTO entries_before SELECT seq, id, created_at, updated_at, title, body,"
            " 'A headline', mood, shared, prompt_id, tags, feelings, zone FROM entries"
        )
        run("DROP TABLE entries")
        run("ALTER TABLE entries_before RENAME TO entries")


@pytest.mark.parametrize("before_0031", [False, True])
def test_every_entry_comes_back_when_the_schema_page_is_damaged(
    data_dir: Path, before_0031: bool
) -> None:
    journal, _recovery = JournalStore(data_dir).create("Mine", PASSPHRASE, LIGHT_KDF)
    for n in range(COUNT):
        write_entries(journal, 1, start=n, word=secrets.token_hex(700))
    repository = EntryRepository(journal.db)
    bodies = {s.id: repository.get(s.id).body for s in repository.summaries_page(0, 99)}  # type: ignore[union-attr]
    if before_0031:
        _as_before_0031(journal)
    folder = journal.folder
    journal.lock()
    db = folder / "journal.db"
    raw = bytearray(db.read_bytes())
    raw[300] ^= 0x10  # page 1, the schema's: its HMAC no longer matches
    db.write_bytes(bytes(raw))

    result = rescue(data_dir, folder, PASSPHRASE, "Mine (rescued)", NEW_PASSPHRASE, LIGHT_KDF)
    try:
        rescued = EntryRepository(result.journal.db)
        assert {s.id: rescued.get(s.id).body for s in rescued.summaries_page(0, 99)} == bodies  # type: ignore[union-attr]
    finally:
        result.journal.lock()

"""A page of an open journal's file damaged after its unlock (a disk that flips bits
below the file system): every way of meeting it says the one thing that is true, the
journal's file is damaged (`JournalFileDamaged`), never a read-only file, a wrong
passphrase or a damaged backup only (break test 16 of session 13, findings 2 and 4).
Real SQLCipher files, damaged in place, read through new connections."""

from __future__ import annotations

import contextlib
import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping import solace_json
from journal.domain.safekeeping.rotation import Reason
from journal.errors import JournalFileDamaged
from journal.storage import migrate
from journal.storage.database import Database
from journal.storage.entries.repository import EntryRepository
from journal.storage.entries.search import EntrySearch
from journal.storage.lock.engine import open_own_engine
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.backups import list_backups, take_backup_on_own_connection
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.importer import apply
from journal.storage.safekeeping.status import back_up_to
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import START, damage_while_open, write_entries


@pytest.fixture
def damaged(data_dir: Path) -> Iterator[OpenJournal]:
    """An open journal of 60 entries whose file is then damaged in place; its main
    connection is made afresh, so nothing is read from a cache."""
    journal, _recovery = JournalStore(data_dir).create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 60, word="x" * 900)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.db.engine.dispose()
    damage_while_open(journal.folder / "journal.db")
    yield journal
    with contextlib.suppress(Exception):  # its close's checkpoint meets the damage
        journal.lock()


def test_a_save_says_the_file_is_damaged(damaged):
    entry = dataclasses.replace(new_entry(START), body="after the damage")
    with pytest.raises(JournalFileDamaged):
        EntryRepository(damaged.db).save(entry)


def test_a_save_on_a_connection_of_its_own_says_the_file_is_damaged(damaged):
    """The editor saves through `own_database`: "That passphrase did not open this
    journal" before."""
    with pytest.raises(JournalFileDamaged):
        damaged.own_database()


def test_the_list_and_search_say_the_file_is_damaged(damaged):
    with pytest.raises(JournalFileDamaged):
        EntryRepository(damaged.db).summaries_page(0, 100)
    with pytest.raises(JournalFileDamaged):
        EntrySearch(damaged.db).search("words")


def test_export_says_the_file_is_damaged_not_read_only(damaged, tmp_path):
    """Finding 4: "the journal's files became read-only … Your words stay in the window"."""
    place = tmp_path / "export"
    place.mkdir()
    with pytest.raises(JournalFileDamaged):
        database = Database(open_own_engine(damaged.folder / "journal.db", damaged.data_key))
        try:
            revisions = sorted(migrate.current_revisions(database.engine))
            export_journal(database, place, revisions)
        finally:
            database.close()


def test_back_up_now_says_the_journal_is_damaged_not_only_the_backup(damaged, tmp_path):
    """Finding 2, step 7: "Your journal itself is unchanged. Some pages of the database
    are damaged." """
    place = tmp_path / "usb"
    place.mkdir()
    with pytest.raises(JournalFileDamaged):
        back_up_to(damaged, place / "mine.solacebackup")
    assert not list(place.iterdir())


def test_the_daily_backup_says_the_journal_is_damaged_and_keeps_no_copy(damaged):
    """Finding 2, step 6: the daily backup's words read as if only the copy were bad."""
    with pytest.raises(JournalFileDamaged):
        take_backup_on_own_connection(damaged.folder, damaged.data_key, Reason.DAILY)
    assert not list_backups(damaged.folder)


def test_an_import_says_the_file_is_damaged(damaged):
    document = {
        "format": solace_json.FORMAT,
        "version": solace_json.FORMAT_VERSION,
        "entries": [],
        "tables": {},
    }
    with pytest.raises(JournalFileDamaged):  # its backup first reads every page
        apply(damaged, solace_json.parse(json.dumps(document)))


def test_a_lock_after_the_damage_writes_nothing_into_the_file(data_dir):
    """Issue 16 (left open in session 14): `lock` checkpointed the WAL into the damaged
    file as it closed. Once a read has met the damage, journal.db and its WAL stay
    byte for byte as they were, whichever connection met it."""
    journal, _recovery = JournalStore(data_dir).create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 60, word="x" * 900)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.db.engine.dispose()
    write_entries(journal, 3, start=60, word="in the log")  # frames in the WAL only
    db = journal.folder / "journal.db"
    damage_while_open(db)
    with pytest.raises(JournalFileDamaged):
        journal.own_database().close()  # the editor's own connection meets it first
    assert journal.damage_known
    wal = journal.folder / "journal.db-wal"
    before = (db.read_bytes(), wal.read_bytes())
    assert before[1]  # the WAL holds the three entries

    with pytest.raises(JournalFileDamaged):  # nothing more read or written
        EntryRepository(journal.db).save(dataclasses.replace(new_entry(START), body="more"))
    journal.lock()
    assert (db.read_bytes(), wal.read_bytes()) == before


def test_what_is_known_goes_once_an_unlock_reads_every_page(data_dir):
    """What was known damaged is forgotten when an unlock's page check passes on the
    file now there (a journal restored, or a new file on an inode freed by a journal
    removed): it is read and written as any other."""
    store = JournalStore(data_dir)
    journal, _recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    write_entries(journal, 3)
    journal.note_damage()  # as `lock_for_damage` notes it
    assert journal.damage_known
    folder = journal.folder
    journal.lock()

    again = store.unlock(folder, PASSPHRASE)
    try:
        assert not again.damage_known
        write_entries(again, 1, start=3)
        assert len(EntryRepository(again.db).summaries_page(0, 10)) == 4
    finally:
        again.lock()

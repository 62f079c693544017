"""Every table of the journal is watched for changes on every connection Solace opens
(`journal.storage.changes`): a row written anywhere ends "exactly as the restored
backup", bookkeeping settings do not. Real SQLCipher files."""

from __future__ import annotations

from sqlalchemy import Engine, text

from journal.storage.changes import SAME_AS
from journal.storage.lock.engine import open_engine
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.schema import metadata
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries

MARK = "20261201T124227000000Z-daily"


def watched(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return {
            str(row[0])
            for row in connection.execute(
                text("SELECT tbl_name FROM sqlite_temp_master WHERE type = 'trigger'")
            )
        }


def reopened(store: JournalStore, journal: OpenJournal) -> OpenJournal:
    """``journal`` with the mark a restore writes, locked and unlocked again."""
    journal.db.set_setting(SAME_AS, MARK)
    journal.lock()
    return store.unlock(journal.folder, PASSPHRASE)


def test_every_table_of_a_restored_journal_is_watched_on_every_connection(store, journal):
    assert watched(journal.db.engine) == set()  # not restored: nothing to watch
    journal = reopened(store, journal)
    own = open_engine(journal.folder / "journal.db", journal.data_key)  # as autosave's
    try:
        for engine in (journal.db.engine, own):
            assert set(metadata().tables) <= watched(engine)
    finally:
        own.dispose()
        journal.lock()


def test_a_change_ends_the_mark_and_bookkeeping_does_not(store, journal):
    journal = reopened(store, journal)
    journal.db.set_setting("safekeeping.last_copy_at", "2026-12-01T12:00:00+00:00")
    journal.db.set_setting("entries/last_open", "an-id")
    assert journal.db.get_setting(SAME_AS)
    journal.db.set_setting("library/reading_size_percent", "120")  # her choice: a change
    assert journal.db.get_setting(SAME_AS) == ""
    journal = reopened(store, journal)
    write_entries(journal, 1)
    assert journal.db.get_setting(SAME_AS) == ""
    journal.lock()

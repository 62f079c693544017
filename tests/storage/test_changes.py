"""Every table of the journal is watched for changes on every connection Solace opens
(`journal.storage.changes`): a row written anywhere ends "exactly as the restored
backup", bookkeeping settings do not. Real SQLCipher files."""

from __future__ import annotations

from sqlalchemy import text

from journal.storage.changes import SAME_AS
from journal.storage.lock.engine import open_engine
from journal.storage.schema import metadata
from tests.storage.safekeeping.helpers import write_entries


def test_every_table_of_the_journal_is_watched_on_every_connection(journal):
    own = open_engine(journal.folder / "journal.db", journal.data_key)  # as autosave's
    try:
        for engine in (journal.db.engine, own):
            with engine.connect() as connection:
                watched = {
                    str(row[0])
                    for row in connection.execute(
                        text("SELECT tbl_name FROM sqlite_temp_master WHERE type = 'trigger'")
                    )
                }
            assert set(metadata().tables) <= watched
    finally:
        own.dispose()


def test_a_change_ends_the_mark_and_bookkeeping_does_not(journal):
    journal.db.set_setting(SAME_AS, "20261201T124227000000Z-daily")
    journal.db.set_setting("safekeeping.last_copy_at", "2026-12-01T12:00:00+00:00")
    journal.db.set_setting("entries/last_open", "an-id")
    assert journal.db.get_setting(SAME_AS)
    journal.db.set_setting("library/reading_size_percent", "120")  # her choice: a change
    assert journal.db.get_setting(SAME_AS) == ""
    journal.db.set_setting(SAME_AS, "20261201T124227000000Z-daily")
    write_entries(journal, 1)
    assert journal.db.get_setting(SAME_AS) == ""

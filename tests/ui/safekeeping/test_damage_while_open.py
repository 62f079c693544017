"""A journal whose file is damaged while it is open (a disk that flips bits below the
file system, after the unlock's page walk passed): what the person is told. The real
window, real SQLCipher files damaged in place."""

from __future__ import annotations

from journal.storage.lock.drafts import DRAFTS_NAME
from journal.ui.entries.area import JournalArea
from tests.storage.safekeeping.helpers import damage_while_open, write_entries

CANARY = "Willowcanary I wrote this after the damage"


def damaged_open(window) -> None:  # type: ignore[no-untyped-def]
    """Give the open journal 60 entries, every page in journal.db, then damage it."""
    journal = window.journal
    write_entries(journal, 60, word="x" * 900)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.db.engine.dispose()  # read afresh from the file, not from a cache
    damage_while_open(journal.folder / "journal.db")


def test_the_lock_names_the_damaged_journal_as_what_refused_the_words(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Break test 16 of session 13, finding 3: "(the disk may be full or refuse
    writes)" for a journal whose file was damaged; the cause follows the save's error."""
    window = unlocked_window
    folder = window.journal.folder
    area = next(a for a in window.areas if isinstance(a, JournalArea))
    area.new_entry()
    damaged_open(window)
    qtbot.keyClicks(area.editor.body, CANARY)
    window.lock()  # its save meets the damage first
    assert "(the journal's file is damaged)" in window.lock_notice
    assert "the disk may be full" not in window.lock_notice
    assert (folder / DRAFTS_NAME).is_file()

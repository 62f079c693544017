"""A restore never deletes the backup it restored from, and marks a damaged copy it
keeps aside (break test of issue 16, findings 4 and 5), on real encrypted journals."""

from __future__ import annotations

from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from journal.storage.safekeeping.backups import list_backups
from journal.storage.safekeeping.restore import restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import flip_a_middle_bit, write_entries


def flip_a_middle_byte(db) -> None:  # type: ignore[no-untyped-def]
    flip_a_middle_bit(db)


def test_the_backup_restored_from_stays_and_the_damaged_copy_aside_is_marked(
    store, journal, data_dir
):
    write_entries(journal, 1)
    before_import = journal.backup(Reason.BEFORE_IMPORT)
    write_entries(journal, 200, start=1)
    asked = journal.backup(Reason.MANUAL)
    journal.lock()
    flip_a_middle_byte(journal.folder / "journal.db")

    restore(data_dir, asked.folder, PASSPHRASE)

    kept = list_backups(journal.folder)
    assert asked.folder in [b.folder for b in kept]  # copied, never consumed
    assert before_import.folder in [b.folder for b in kept]
    (aside,) = [b for b in kept if b.reason is Reason.BEFORE_RESTORE]
    assert aside.damaged and not asked.damaged
    opened = store.unlock(journal.folder, PASSPHRASE)
    try:
        assert EntryRepository(opened.db).count() == 201
        write_entries(opened, 1, start=500)  # the restored journal goes on: its own line
    finally:
        opened.lock()

    restore(data_dir, asked.folder, PASSPHRASE)  # a second restore, as in finding 5
    kept = list_backups(journal.folder)
    assert asked.folder in [b.folder for b in kept]
    asides = [b for b in kept if b.reason is Reason.BEFORE_RESTORE]
    assert [b.damaged for b in asides] == [True, False]


def test_restoring_again_and_again_keeps_every_copy_aside_of_the_day(store, journal, data_dir):
    """Each restore keeps the journal as it was aside first (break test 16 of the eighth
    session, finding 8). A count of three deleted the first of them at the fourth
    restore in a row, the only copy of what was written before (session 11, finding 10):
    while their day is in the daily window all stay that hold something of their own;
    the bound beyond it is in test_restore_lines. The backup restored from stays too.
    Each is written into, so that each holds a journal no other copy holds (one that
    holds exactly the backup restored goes: test_restore_lines, fifty restores)."""
    restores = 6
    write_entries(journal, 3)
    asked = journal.backup(Reason.MANUAL)
    journal.lock()

    for n in range(restores):
        restore(data_dir, asked.folder, PASSPHRASE)
        opened = store.unlock(journal.folder, PASSPHRASE)
        write_entries(opened, 1, start=100 + n)
        opened.lock()

    kept = list_backups(journal.folder)
    asides = [b for b in kept if b.reason is Reason.BEFORE_RESTORE]
    assert len(asides) == restores
    assert not any(b.damaged for b in asides)
    assert asked.folder in [b.folder for b in kept]  # the backup restored from stays
    opened = store.unlock(journal.folder, PASSPHRASE)
    try:
        assert EntryRepository(opened.db).count() == 4  # the backup, and the last line
    finally:
        opened.lock()

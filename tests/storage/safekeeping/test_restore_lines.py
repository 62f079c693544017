"""Restoring several backups in a row never leaves the words written before the first
restore in no backup at all (break test 16 of session 11, finding 10), and the copies
kept aside stay a bounded number, on real encrypted journals."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import timedelta
from pathlib import Path

import sqlcipher3

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.rotation import KEEP_ASIDE, KEEP_DAILY, Reason
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.engine import key_connection
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.backups import (
    Backup,
    backup_is_due,
    deep_check_pending,
    list_backups,
    rotate,
)
from journal.storage.safekeeping.restore import restore
from journal.storage.types import unpack_text
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import START, flip_a_middle_bit, write_entries

WORDS = "Preciouscanary words I must not lose"
_STAMP = "%Y%m%dT%H%M%S%fZ"


def holds_words(database: Path, key: bytes, words: str = WORDS) -> bool:
    """Whether the journal database at ``database`` has an entry with ``words``."""
    connection = sqlcipher3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        key_connection(connection, key)
        bodies = [unpack_text(body) for (body,) in connection.execute("SELECT body FROM entries")]
    finally:
        connection.close()
    return any(words in (body or "") for body in bodies)


def unlock_as_the_app_does(store: JournalStore, folder: Path) -> OpenJournal:
    """Unlock, then what the app runs in the background right after: the day's backup
    when one is due, and the checks of the backups taken at lock (then the rotation)."""
    opened = store.unlock(folder, PASSPHRASE)
    if backup_is_due(folder):
        opened.backup(Reason.DAILY)
    deep_check_pending(folder, opened.data_key, opened.key_generation)
    return opened


def lock_as_the_app_does(opened: OpenJournal) -> None:
    """The day's backup at lock when one is due (a byte copy, checked at the next
    unlock), then the lock."""
    opened.backup_at_lock()
    opened.lock()


def test_four_restores_in_a_row_leave_a_backup_holding_the_words_written_before(
    store, journal, data_dir
):
    write_entries(journal, 30)
    first = journal.backup(Reason.BEFORE_IMPORT)
    write_entries(journal, 3, start=30)
    second = journal.backup(Reason.BEFORE_IMPORT)
    deep_check_pending(journal.folder, journal.data_key, journal.key_generation)
    key = bytes(journal.data_key)
    EntryRepository(journal.db).save(dataclasses.replace(new_entry(START), body=WORDS))
    opened = journal

    # Looking for the right backup: four restores in a row, a while in the journal each.
    for source in (second, first, second, first):
        lock_as_the_app_does(opened)
        restore(data_dir, source.folder, PASSPHRASE)
        opened = unlock_as_the_app_does(store, journal.folder)
        assert not holds_words(journal.folder / "journal.db", key)
    lock_as_the_app_does(opened)
    opened = unlock_as_the_app_does(store, journal.folder)
    opened.lock()
    rotate(journal.folder)

    kept = list_backups(journal.folder)
    holders = [b for b in kept if holds_words(b.database, key)]
    assert holders, "no kept backup holds what was written before the first restore"
    assert any(b.reason is Reason.BEFORE_RESTORE and not b.damaged for b in holders)


def backdate(backup: Backup, days: int, reason: Reason) -> Path:
    """A copy of ``backup``'s folder as if taken ``days`` days earlier, for ``reason``."""
    stamp = (backup.taken_at - timedelta(days=days)).strftime(_STAMP)
    copy = backup.folder.parent / f"{stamp}-{reason.value}"
    shutil.copytree(backup.folder, copy)
    (copy / "PENDING").unlink(missing_ok=True)
    return copy


def test_restoring_every_day_for_months_keeps_the_window_of_copies_aside_and_three_more(
    store, journal, data_dir
):
    """Each copy aside of a day in the daily window stays, however many a day (here
    several restores in a row today, as in finding 10, each after a line written);
    older ones are cut to `KEEP_ASIDE`: for one restore a day over 90 days, 7 + 3
    copies aside at most."""
    write_entries(journal, 3)
    asked = journal.backup(Reason.MANUAL)
    journal.lock()
    for n in range(4):
        restore(data_dir, asked.folder, PASSPHRASE)
        opened = store.unlock(journal.folder, PASSPHRASE)
        write_entries(opened, 1, start=100 + n)  # each copy aside holds a line of its own
        opened.lock()
    today_aside = [b for b in list_backups(journal.folder) if b.reason is Reason.BEFORE_RESTORE]
    assert len(today_aside) == 4
    for days in range(1, 91):  # a daily and a copy aside on each of the 90 days before
        backdate(asked, days, Reason.DAILY)
        backdate(today_aside[0], days, Reason.BEFORE_RESTORE)
    opened = store.unlock(journal.folder, PASSPHRASE)
    opened.backup(Reason.DAILY)
    deep_check_pending(journal.folder, opened.data_key, opened.key_generation)
    opened.lock()

    kept = list_backups(journal.folder)
    asides = [b for b in kept if b.reason is Reason.BEFORE_RESTORE]
    newest_day = kept[-1].taken_at.date()
    in_window = [b for b in asides if (newest_day - b.taken_at.date()).days < KEEP_DAILY]
    assert set(today_aside) <= set(asides)  # all of today's, not only the newest three
    assert len(in_window) == len(today_aside) + KEEP_DAILY - 1
    assert len(asides) == len(in_window) + KEEP_ASIDE
    assert len(kept) <= len(asides) + 7 + 4 + 1  # days, weeks, the backup asked for


def test_after_a_restore_over_a_damaged_journal_a_readable_backup_holds_the_words(
    store, journal, data_dir
):
    """The copy kept aside of a damaged journal fails its check; the day's backup taken
    before the damage is the only readable one holding what was written that day, and
    the backups after the restore (newer, of the same day) must not push it out."""
    write_entries(journal, 200)
    older = journal.backup(Reason.BEFORE_IMPORT)
    EntryRepository(journal.db).save(dataclasses.replace(new_entry(START), body=WORDS))
    journal.backup(Reason.DAILY)
    deep_check_pending(journal.folder, journal.data_key, journal.key_generation)
    key = bytes(journal.data_key)
    lock_as_the_app_does(journal)
    flip_a_middle_bit(journal.folder / "journal.db")

    restore(data_dir, older.folder, PASSPHRASE)
    for _ in range(2):  # the day goes on: new backups of the restored journal
        opened = unlock_as_the_app_does(store, journal.folder)
        opened.backup(Reason.MANUAL)
        deep_check_pending(journal.folder, opened.data_key, opened.key_generation)
        lock_as_the_app_does(opened)

    kept = list_backups(journal.folder)
    assert [b.damaged for b in kept if b.reason is Reason.BEFORE_RESTORE] == [True]
    assert any(holds_words(b.database, key) for b in kept if not b.damaged)


def test_fifty_restores_in_one_day_stay_bounded_and_lose_no_line_of_writing(
    store, journal, data_dir
):
    """Fifty restores in one day, back and forth between two backups as someone unsure
    which is right, with words written after two of them: the copies kept aside are
    one per line of writing (the journal before the first restore, and the two lines
    written on), not fifty, and every word written is still in a kept backup. A copy
    that holds exactly the backup it was restored from adds nothing (`rotation`)."""
    write_entries(journal, 5)
    first = journal.backup(Reason.DAILY)
    write_entries(journal, 2, start=5)
    second = journal.backup(Reason.MANUAL)
    key = bytes(journal.data_key)
    journal.lock()
    written: list[str] = []

    for n in range(50):
        restore(data_dir, (first, second)[n % 2].folder, PASSPHRASE)
        if n in (9, 30):  # a while in the journal, writing a line of its own
            opened = store.unlock(journal.folder, PASSPHRASE)
            words = f"Linecanary{n} written after restore {n}"
            EntryRepository(opened.db).save(dataclasses.replace(new_entry(START), body=words))
            opened.lock()
            written.append(words)

    kept = list_backups(journal.folder)
    asides = [b for b in kept if b.reason is Reason.BEFORE_RESTORE]
    assert len(asides) == 1 + len(written)
    assert {first.folder, second.folder} <= {b.folder for b in kept}
    for words in written:
        assert any(holds_words(b.database, key, words) for b in asides)
    assert all(not b.damaged for b in kept)

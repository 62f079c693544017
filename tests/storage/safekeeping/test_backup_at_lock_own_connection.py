"""The day's backup at lock is copied on a connection of its own, so the window can go
on reading the journal while it runs: on the window's one connection, the copy's
rollback reset a reader's cursor ("Cursor needed to be reset because of
commit/rollback") or the copy itself failed, and a search in the middle of it hung a
lock for good (the fresh-clone run of 865d058, session 22)."""

from __future__ import annotations

import shutil
import threading

from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.safekeeping.backups import Backup, backups_dir, list_backups
from tests.storage.safekeeping.helpers import write_entries


def _back_up_while_reading(journal: OpenJournal, entries: EntryRepository) -> list[int]:
    """Take the backup at lock on a thread while this one reads the journal as the
    window's timers do (a search, the list); what each count read said. The backup
    made is checked here."""
    outcome: list[Backup | BaseException | None] = []

    def back_up() -> None:
        try:
            outcome.append(journal.backup_at_lock())
        except BaseException as error:  # reported by the assertion below
            outcome.append(error)

    copier = threading.Thread(target=back_up, daemon=True)
    copier.start()
    counts = []
    while copier.is_alive():
        counts.append(entries.count())
        assert len(entries.summaries_page(0, 20)) == 20
    copier.join(30)
    assert not copier.is_alive(), "the backup at lock never finished"
    assert len(outcome) == 1 and isinstance(outcome[0], Backup), outcome
    assert [backup.folder for backup in list_backups(journal.folder)] == [outcome[0].folder]
    return counts


def test_the_window_reads_while_the_backup_at_lock_is_copied(journal: OpenJournal) -> None:
    write_entries(journal, 400, word="remembered " * 40)
    entries = EntryRepository(journal.db)
    for _ in range(3):  # on the shared connection, one round in four came through
        counts = _back_up_while_reading(journal, entries)
        assert counts and set(counts) == {400}
        shutil.rmtree(backups_dir(journal.folder))  # the next round's backup is due again

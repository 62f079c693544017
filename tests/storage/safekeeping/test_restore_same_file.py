"""Restoring the same chosen backup file again and again, with nothing written between,
kept one more "before-restore" copy each time (13 restores, 13 full copies: break test
16 of session 12, finding 8): only a restore from a kept backup recorded that the
journal was exactly that backup. A restore from a file now records the file by its
content, so the copy aside that would hold exactly what is restored again is not kept,
and back and forth between two files the copies stay one per journal that differs;
a word written between two restores still gets its copy. Real restores of real files."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.rotation import Reason
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.backups import list_backups
from journal.storage.safekeeping.restore import restore
from journal.storage.safekeeping.status import back_up_to
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import START, write_entries


def asides(folder: Path) -> list[Path]:
    return [b.folder for b in list_backups(folder) if b.reason is Reason.BEFORE_RESTORE]


def test_the_same_file_restored_again_and_again_keeps_one_copy_aside(
    store: JournalStore, journal: OpenJournal, data_dir: Path, tmp_path: Path
) -> None:
    write_entries(journal, 10)
    usb = tmp_path / "usb"
    usb.mkdir()
    chosen = back_up_to(journal, usb / "journal-2026-12-01.backup")
    write_entries(journal, 3, start=10)  # the journal differs from the file: one copy
    folder, journal_id = journal.folder, journal.header.journal_id
    journal.lock()

    for _ in range(13):
        restore(data_dir, chosen, PASSPHRASE, expected_journal=journal_id)
    assert len(asides(folder)) == 1  # the journal as it was before the first restore

    # The same file under another name and place is the same backup.
    elsewhere = tmp_path / "synced" / "copy.backup"
    elsewhere.parent.mkdir()
    shutil.copyfile(chosen, elsewhere)
    restore(data_dir, elsewhere, PASSPHRASE, expected_journal=journal_id)
    assert len(asides(folder)) == 1

    # A word written between two restores is kept aside.
    opened = store.unlock(folder, PASSPHRASE)
    EntryRepository(opened.db).save(dataclasses.replace(new_entry(START), body="Wrencanary"))
    opened.lock()
    restore(data_dir, chosen, PASSPHRASE, expected_journal=journal_id)
    assert len(asides(folder)) == 2
    opened = store.unlock(folder, PASSPHRASE)
    try:
        assert EntryRepository(opened.db).count() == 10  # what the file holds
    finally:
        opened.lock()


def test_back_and_forth_between_two_files_keeps_one_copy_per_journal_that_differs(
    journal: OpenJournal, data_dir: Path, tmp_path: Path
) -> None:
    write_entries(journal, 5)
    usb = tmp_path / "usb"
    usb.mkdir()
    first = back_up_to(journal, usb / "first.backup")
    write_entries(journal, 2, start=5)
    second = back_up_to(journal, usb / "second.backup")
    write_entries(journal, 1, start=7)
    folder, journal_id = journal.folder, journal.header.journal_id
    journal.lock()

    for n in range(12):
        restore(data_dir, (first, second)[n % 2], PASSPHRASE, expected_journal=journal_id)
    # the journal before the first restore, and the journal as each file holds it
    assert len(asides(folder)) <= 3

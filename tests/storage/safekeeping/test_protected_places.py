"""Every place the person chooses to write to (a backup file, an export folder, the
summary for the doctor or the body log's CSV) follows one rule, applied by the storage
functions themselves: never inside Solace's own data folder, nor among a journal's
files wherever they are. Before, ``back_up_to`` given the live journal.db wrote the
archive over the journal, and the next unlock said "The file in the place of the
journal's database is a ZIP archive" (break test 16 of session 12, finding 7)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journal.storage.atomic import write_to_chosen_place
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.places import (
    BACKUP_IN_DATA_FOLDER,
    IN_DATA_FOLDER,
    IN_JOURNAL_FOLDER,
    PlaceRefused,
)
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.status import back_up_to
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries


def test_a_backup_over_the_live_journal_is_refused_and_the_journal_is_untouched(
    journal: OpenJournal, store: JournalStore
) -> None:
    write_entries(journal, 12)
    before = digest(store.data_dir)
    for target in (
        journal.folder / "journal.db",
        journal.folder / "vault.json",
        journal.folder / "journal.db.backup",
        journal.folder / "backups" / "mine.backup",
        store.data_dir / "journal-2026-12-01.backup",
    ):
        with pytest.raises(PlaceRefused) as raised:
            back_up_to(journal, target)
        assert BACKUP_IN_DATA_FOLDER in raised.value.message, target
        assert "Nothing was written." in raised.value.message
    assert digest(store.data_dir) == before  # not even the backup kept beside it
    folder = journal.folder
    journal.lock()
    opened = store.unlock(folder, PASSPHRASE)
    assert EntryRepository(opened.db).count() == 12
    opened.lock()


def test_a_folder_holding_a_journal_elsewhere_takes_no_file(
    journal: OpenJournal, tmp_path: Path
) -> None:
    """A journal's folder outside the data folder (a copy on a USB stick, a partner's
    journal) holds its own files only, whatever is written there."""
    stick = tmp_path / "stick" / "a journal"
    stick.mkdir(parents=True)
    shutil.copyfile(journal.folder / "vault.json", stick / "vault.json")
    before = digest(stick)
    with pytest.raises(PlaceRefused) as raised:
        back_up_to(journal, stick / "journal.db")
    assert IN_JOURNAL_FOLDER in raised.value.message
    with pytest.raises(PlaceRefused):
        export_journal(journal.db, stick, [])
    with pytest.raises(PlaceRefused):
        write_to_chosen_place(stick / "health-summary.pdf", b"%PDF", "summary")
    assert digest(stick) == before
    written = back_up_to(journal, tmp_path / "stick" / "journal.backup")  # beside it: fine
    assert written.is_file()


def test_plain_text_is_refused_inside_the_data_folder_by_storage_itself(
    journal: OpenJournal, store: JournalStore
) -> None:
    inside = store.data_dir / "exports"
    inside.mkdir()
    before = digest(store.data_dir)
    with pytest.raises(PlaceRefused) as raised:
        export_journal(journal.db, inside, [])
    assert IN_DATA_FOLDER in raised.value.message
    with pytest.raises(PlaceRefused):
        write_to_chosen_place(inside / "health-log.csv", b"day,pain\n", "export")
    assert digest(store.data_dir) == before

"""A restore refused for lack of room leaves nothing it made (break test 16 of session
15, finding 5: "Nothing has been changed", and an empty folder named after the journal
stayed in journals/). Real backup file, real restore; the full disk is the process's
file-size limit, as in test_archive_bomb."""

from __future__ import annotations

import resource

import pytest

from journal.errors import DiskFull
from journal.paths import journals_dir
from journal.storage.safekeeping.restore import restore
from tests.conftest import PASSPHRASE


def test_a_restore_of_a_new_journal_without_room_leaves_no_folder(
    journal, real_backup, tmp_path
):  # type: ignore[no-untyped-def]
    journal.lock()
    elsewhere = tmp_path / "another computer"
    journals_dir(elsewhere).mkdir(parents=True)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(DiskFull) as full:
            restore(elsewhere, real_backup, PASSPHRASE)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert "Nothing has been changed" in full.value.message
    assert list(journals_dir(elsewhere).iterdir()) == []


def test_a_restore_over_the_journal_that_runs_out_of_room_leaves_it_untouched(
    store, journal, real_backup
):  # type: ignore[no-untyped-def]
    """Issue 16: a full disk during a restore leaves the original as it was: the room
    runs out while the backup's database is copied in beside it (a limit above the
    key files, below the database), and every file of the journal is the same, byte
    for byte, and opens with its passphrase holding what it held."""
    from journal.storage.entries.repository import EntryRepository
    from tests.storage.safekeeping.helpers import digest, write_entries

    write_entries(journal, 5, start=20, word="later")  # not in the backup
    folder = journal.folder
    journal.lock()
    before = digest(folder)
    database = (folder / "journal.db").stat().st_size
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (min(64 * 1024, database // 2), hard))
    try:
        with pytest.raises(DiskFull) as full:
            restore(store.data_dir, real_backup, PASSPHRASE)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert "Nothing has been changed" in full.value.message
    assert digest(folder) == before
    reopened = store.unlock(folder, PASSPHRASE)
    try:
        assert EntryRepository(reopened.db).count() == 25
    finally:
        reopened.lock()

"""What Settings says of backups stays true (break test 16 of session 10, finding
14): the "last backup file" line survives a restore and a restart, and a kept backup
that no longer passes its check is not counted as a good one (real encrypted files)."""

from __future__ import annotations

import threading

from journal.domain.safekeeping.rotation import Reason
from journal.storage.safekeeping.backups import DAMAGED, list_backups
from journal.storage.safekeeping.restore import restore
from journal.storage.safekeeping.status import back_up_to, backup_status, check_kept_backups
from journal.ui.safekeeping.backup import describe
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import flip_a_middle_bit, write_entries


def test_the_last_backup_file_is_still_said_after_a_restore_and_a_restart(
    store, journal, data_dir, tmp_path
):
    write_entries(journal, 2)
    (tmp_path / "first").mkdir()
    older = back_up_to(journal, tmp_path / "first" / "older.solacebackup")
    write_entries(journal, 3, start=2)
    (tmp_path / "usb").mkdir()
    back_up_to(journal, tmp_path / "usb" / "backup.solacebackup")
    made = backup_status(journal).last_copy_at
    assert made is not None
    journal.lock()

    restore(data_dir, older, PASSPHRASE)  # holds the older line, "first"

    for _ in range(2):  # opened after the restore, then again after a restart
        opened = store.unlock(journal.folder, PASSPHRASE)
        try:
            status = backup_status(opened)
            assert status.last_copy_at == made
            assert status.last_copy_place == str(tmp_path / "usb")
            assert f"in {tmp_path / 'usb'}." in describe(status)
        finally:
            opened.lock()


def flip_a_middle_byte(path) -> None:  # type: ignore[no-untyped-def]
    flip_a_middle_bit(path)


def test_a_damaged_kept_backup_is_not_counted_as_a_good_one(journal):
    write_entries(journal, 200)
    daily = journal.backup(Reason.DAILY)
    write_entries(journal, 5, start=200)
    asked = journal.backup(Reason.MANUAL)
    flip_a_middle_byte(asked.database)  # bit rot on the disk, after its check

    status = backup_status(journal)

    assert (status.newest, status.newest_reason, status.kept) == (
        daily.taken_at,
        Reason.DAILY,
        1,
    )
    assert "Back up now" not in describe(status) and "(1 kept" in describe(status)
    # Marked, as a restore from it would mark it: never offered, never counted again.
    (damaged,) = [b for b in list_backups(journal.folder) if b.folder == asked.folder]
    assert damaged.damaged


def test_without_the_check_no_page_is_read_and_the_backups_waiting_are_counted(journal):
    """Issue 16: the page check runs off the GUI thread. ``check=False`` (the GUI
    thread's) leaves a backup not checked yet out of the figures and counts it as
    waiting; a check stopped before it starts judges nothing; the check then marks the
    damaged one, and the figures count the good one."""
    write_entries(journal, 200)
    daily = journal.backup(Reason.DAILY)
    write_entries(journal, 5, start=200)
    asked = journal.backup(Reason.MANUAL)
    flip_a_middle_byte(asked.database)
    folder, journal_id = journal.folder, journal.header.journal_id
    key, generation = bytes(journal.data_key), journal.header.current_generation

    waiting = backup_status(journal, check=False)
    assert (waiting.checking, waiting.kept, waiting.newest) == (2, 0, None)
    stop = threading.Event()
    stop.set()  # a lock came first
    assert check_kept_backups(folder, journal_id, key, generation, stop) == 0
    assert backup_status(journal, check=False).checking == 2
    assert not (asked.folder / DAMAGED).exists()

    assert check_kept_backups(folder, journal_id, key, generation) == 1

    checked = backup_status(journal, check=False)
    assert (checked.checking, checked.kept, checked.newest) == (0, 1, daily.taken_at)
    assert (asked.folder / DAMAGED).exists()

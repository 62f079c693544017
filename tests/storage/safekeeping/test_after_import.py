"""A big change since the day's backup gets a backup of its own (break test 16,
finding 1): 20,000 entries imported after the day's daily had no backup that day, the
lock took none because the day was "done", and Settings read as "you are covered".

The rule: an import takes a backup right after it (``after-import``); and any big
change (an import, a restore, an upgrade: each marked by the copy taken just before
it) newer than every backup of the journal as it is makes a backup due again, at the
next lock or close or a minute after an unlock, whatever backups the day already has.
"""

from __future__ import annotations

import resource
import shutil
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from journal.domain.safekeeping.imported import ImportedEntry, ImportPlan
from journal.domain.safekeeping.rotation import Reason
from journal.errors import DiskFull
from journal.storage.database import Database
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.engine import open_engine
from journal.storage.safekeeping.backups import (
    backup_is_due,
    list_backups,
    take_backup_at_lock,
)
from journal.storage.safekeeping.importer import apply
from journal.storage.safekeeping.status import backup_status
from journal.ui.safekeeping.backup import describe
from tests.storage.safekeeping.helpers import write_entries

WHEN = datetime(2019, 7, 18, 9, 0, tzinfo=UTC)


def plan(count: int, words: str = "brought over from the old app") -> ImportPlan:
    return ImportPlan(
        "a jrnl export",
        tuple(
            ImportedEntry(
                str(uuid.uuid5(uuid.NAMESPACE_URL, f"old-{n}")),
                WHEN + timedelta(hours=n),
                WHEN,
                "",
                f"{words} {n}",
            )
            for n in range(count)
        ),
    )


def entries_in(backup_db, key) -> int:  # type: ignore[no-untyped-def]
    database = Database(open_engine(backup_db, key))
    try:
        return EntryRepository(database).count()
    finally:
        database.close()


def test_a_backup_right_after_an_import_holds_the_imported_entries(journal):
    write_entries(journal, 1)
    journal.backup(Reason.DAILY)  # the day's daily, taken before the import
    result = apply(journal, plan(300))
    assert result.entries == 300 and result.not_backed_up == ""
    newest = list_backups(journal.folder)[-1]
    assert newest.reason is Reason.AFTER_IMPORT
    assert entries_in(newest.database, journal.data_key) == 301
    assert not backup_is_due(journal.folder)
    said = describe(backup_status(journal))
    assert "taken right after an import" in said
    assert "no backup holds it" not in said


def test_a_big_change_after_the_days_backup_makes_the_lock_take_a_fresh_one(journal):
    write_entries(journal, 1)
    journal.backup(Reason.DAILY)
    apply(journal, plan(200))
    for backup in list_backups(journal.folder):  # as if the after-import one failed
        if backup.reason is Reason.AFTER_IMPORT:
            shutil.rmtree(backup.folder)
    assert backup_is_due(journal.folder)  # the day has a daily, but not of this journal
    said = describe(backup_status(journal))
    assert "Your journal has changed since then (an import on" in said
    assert "no backup holds it as it is now" in said
    fresh = take_backup_at_lock(journal.db.engine, journal.folder)
    assert fresh is not None
    assert entries_in(fresh.database, journal.data_key) == 201
    assert not backup_is_due(journal.folder)
    assert "no backup holds it" not in describe(backup_status(journal))


def test_settings_counts_only_backups_of_the_journal_as_it_is_and_names_the_newest(journal):
    write_entries(journal, 1)
    journal.backup(Reason.DAILY)
    apply(journal, plan(5))
    journal.backup(Reason.MANUAL)  # "Back up now…"
    status = backup_status(journal)
    assert (status.kept, status.before_changes) == (3, 1)
    said = describe(status)
    assert "made for “Back up now…”" in said
    assert "(3 kept: the last 7 days and 4 weeks; also 1 copy of your journal as it" in said
    assert "Last automatic backup" not in said


def test_an_import_on_a_full_disk_says_so_for_the_import_and_imports_nothing(journal):
    write_entries(journal, 1)
    size = (journal.folder / "journal.db").stat().st_size
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, hard))
    try:
        with pytest.raises(DiskFull) as raised:
            apply(journal, plan(2000, "a long day " * 40), backup=False)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    said = raised.value.message
    assert said.startswith(
        "There is not enough free space on this computer to import these 2,000 entries "
        "(it needs about "
    )
    assert "Nothing was imported. Please free some space and try again." in said
    assert "window" not in said and "will try again" not in said
    assert EntryRepository(journal.db).count() == 1


def test_a_daily_backup_that_found_no_room_is_said_in_settings_until_one_is_made(journal):
    write_entries(journal, 30)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(DiskFull):
            take_backup_at_lock(journal.db.engine, journal.folder)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    said = describe(backup_status(journal))
    assert "The last automatic backup could not be made: the disk is full (it needs about" in said
    assert "No backup of your journal yet" in said
    journal.backup(Reason.DAILY)
    assert "could not be made" not in describe(backup_status(journal))


def test_an_import_that_fails_leaves_no_copy_of_the_unchanged_journal(journal):
    """Break test 16 of session 12, finding 7: each import refused for lack of room left
    one more "before an import" copy of a journal it had not changed, on a full disk."""
    from journal.storage.safekeeping.backups import list_backups

    write_entries(journal, 1)
    size = (journal.folder / "journal.db").stat().st_size
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size + 64 * 1024, hard))
    try:
        for _try in range(2):  # pressed again, as the message invites
            with pytest.raises(DiskFull):
                apply(journal, plan(2000, "a long day " * 40))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert list_backups(journal.folder) == []
    assert EntryRepository(journal.db).count() == 1

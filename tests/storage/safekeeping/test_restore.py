"""Restore on real encrypted journals: from an automatic backup, from a backup file
made before a passphrase change, from an older schema; damaged backups refused with
nothing changed; the current journal always kept aside first."""

from __future__ import annotations

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage import migrate
from journal.storage.database import Database
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock.engine import open_engine
from journal.storage.lock.journal import updated_words
from journal.storage.safekeeping.archive import NotABackup, write_archive
from journal.storage.safekeeping.backups import list_backups
from journal.storage.safekeeping.checks import PAGES_DAMAGED
from journal.storage.safekeeping.restore import (
    BackupFileWrongPassphrase,
    BackupUnusable,
    restore,
)
from journal.storage.safekeeping.swap import READY, finish_restore, staging_dir
from tests.conftest import PASSPHRASE
from tests.storage.downgraded import downgrade
from tests.storage.safekeeping.helpers import digest, flip_a_middle_bit, write_entries

NEW_PASSPHRASE = "a different long passphrase"


def count(store, folder, passphrase=PASSPHRASE) -> int:
    opened = store.unlock(folder, passphrase)
    try:
        return EntryRepository(opened.db).count()
    finally:
        opened.lock()


def test_restoring_an_automatic_backup_brings_it_back_and_keeps_the_current_aside(
    store, journal, data_dir
):
    write_entries(journal, 10)
    backup = journal.backup(Reason.DAILY)
    write_entries(journal, 5, start=10)
    key = bytes(journal.data_key)  # lock() wipes the live buffer
    journal.lock()
    restore(data_dir, backup.folder, PASSPHRASE)
    assert count(store, journal.folder) == 10
    aside = [b for b in list_backups(journal.folder) if b.reason is Reason.BEFORE_RESTORE]
    assert len(aside) == 1
    kept = Database(open_engine(aside[0].database, key))
    assert EntryRepository(kept).count() == 15
    kept.close()


def test_a_backup_file_made_before_a_passphrase_change_opens_with_the_passphrase_of_its_time(
    store, journal, data_dir, tmp_path
):
    write_entries(journal, 3)
    backup = journal.backup(Reason.MANUAL)
    archive = write_archive(
        backup.database, backup.header, backup.taken_at, tmp_path / "copy.solacebackup"
    )
    write_entries(journal, 4, start=3)
    journal.change_passphrase(NEW_PASSPHRASE)
    journal.lock()
    before = digest(journal.folder)
    with pytest.raises(BackupFileWrongPassphrase) as raised:
        restore(data_dir, archive, NEW_PASSPHRASE)
    assert "when it was made" in raised.value.message
    assert digest(journal.folder) == before
    # Restoring over the journal also needs today's passphrase, which it keeps.
    restore(data_dir, archive, NEW_PASSPHRASE, backup_secret=PASSPHRASE)
    assert count(store, journal.folder, NEW_PASSPHRASE) == 3


def test_a_backup_from_an_older_schema_is_migrated_forward(store, journal, data_dir, tmp_path):
    """And told so, until read, as a restore's update: an older Solace can no longer open
    the journal (re-test 41, F8: restored with no word, as the way back to an older one)."""
    downgrade(journal.db.engine, "0001_vault")
    old = journal.backup(Reason.MANUAL)
    archive = write_archive(old.database, old.header, old.taken_at, tmp_path / "old.solacebackup")
    journal.lock()
    updated = store.unlock(journal.folder, PASSPHRASE)  # today's Solace upgrades the journal
    assert (updated.updated, updated.updated_by_restore) == (True, False)
    updated.update_note_read()
    updated.lock()
    restore(data_dir, archive, PASSPHRASE)
    opened = store.unlock(journal.folder, PASSPHRASE)
    assert migrate.current_revisions(opened.db.engine) == migrate.head_revisions()
    assert EntryRepository(opened.db).count() == 0
    assert (opened.updated, opened.updated_by_restore) == (True, True)
    assert updated_words(by_restore=True).startswith("The backup you restored was made by an older")
    opened.update_note_read()
    opened.lock()
    again = store.unlock(journal.folder, PASSPHRASE)
    assert not again.updated
    again.lock()


def test_a_backup_whose_version_record_lacks_a_revision_is_refused(store, journal, data_dir):
    """Break test 36, finding 1: its upgrade failed on a table already there, told as
    Solace's own fault."""
    write_entries(journal, 3)
    backup = journal.backup(Reason.MANUAL)
    engine = open_engine(backup.database, bytes(journal.data_key))
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "DELETE FROM alembic_version WHERE version_num = '0008_own_idea_offers'"
        )
    engine.dispose()
    journal.lock()
    before = digest(journal.folder)
    with pytest.raises(BackupUnusable) as raised:
        restore(data_dir, backup.folder, PASSPHRASE)
    assert migrate.VERSION_RECORD_DAMAGED in raised.value.message
    after = digest(journal.folder)
    marker = f"backups/{backup.folder.name}/DAMAGED"  # marked, never offered again
    assert marker in after and {k: v for k, v in after.items() if k != marker} == before
    assert count(store, journal.folder) == 3


def test_a_damaged_backup_is_refused_and_nothing_changes(store, journal, data_dir):
    write_entries(journal, 200)
    backup = journal.backup(Reason.MANUAL)
    journal.lock()
    flip_a_middle_bit(backup.database, 0x10)
    before = digest(journal.folder)
    with pytest.raises(BackupUnusable) as raised:
        restore(data_dir, backup.folder, PASSPHRASE)
    # One sentence, the first problem found (break test 16 of the eighth session,
    # finding 4: four were listed, one of them the untrue "holds no journal").
    assert raised.value.message == (
        f"This backup cannot be restored. {PAGES_DAMAGED} Your journal has not been changed."
    )
    after = digest(journal.folder)
    marker = f"backups/{backup.folder.name}/DAMAGED"  # marked, never offered again
    assert marker in after and {k: v for k, v in after.items() if k != marker} == before
    assert count(store, journal.folder) == 200


def test_a_file_that_is_not_a_backup_is_refused(journal, data_dir, tmp_path):
    journal.lock()
    pdf = tmp_path / "letter.solacebackup"
    pdf.write_bytes(b"%PDF-1.7\n" + b"\0" * 2000)
    with pytest.raises(NotABackup) as raised:
        restore(data_dir, pdf, PASSPHRASE)
    assert "cannot be restored as a Solace backup" in raised.value.message


def test_a_restore_onto_a_new_computer_adds_the_journal(journal, tmp_path):
    write_entries(journal, 2)
    backup = journal.backup(Reason.MANUAL)
    archive = write_archive(
        backup.database, backup.header, backup.taken_at, tmp_path / "b.solacebackup"
    )
    journal.lock()
    from journal.storage.lock.store import JournalStore

    elsewhere = JournalStore(tmp_path / "new computer")
    restore(elsewhere.data_dir, archive, PASSPHRASE)
    (listed,) = elsewhere.journals()
    assert listed.name == "Test journal"
    assert count(elsewhere, listed.folder) == 2
    assert not (listed.folder / "backups").exists() or not any(
        p.name.endswith(Reason.BEFORE_RESTORE.value) for p in (listed.folder / "backups").iterdir()
    )


def test_an_unfinished_copy_is_dropped_and_a_ready_one_is_finished(store, journal, data_dir):
    write_entries(journal, 4)
    backup = journal.backup(Reason.MANUAL)
    write_entries(journal, 4, start=4)
    journal.lock()
    staging = staging_dir(journal.folder)
    staging.mkdir()
    (staging / "journal.db").write_bytes(b"half a copy")
    store.journals()
    assert not staging.exists()
    assert count(store, journal.folder) == 8
    # A crash after the marker: the old database already moved aside, the new not in.
    staging.mkdir()
    for name in ("journal.db", "vault.json"):
        (staging / name).write_bytes((backup.folder / name).read_bytes())
    (staging / READY).write_text("backups/20990101T000000000000Z-before-restore")
    aside = journal.folder / "backups" / "20990101T000000000000Z-before-restore"
    aside.mkdir()
    (journal.folder / "journal.db").rename(aside / "journal.db")
    assert [j.folder for j in store.journals()] == [journal.folder]
    assert not finish_restore(journal.folder)
    assert count(store, journal.folder) == 4


def test_the_newest_good_backup_is_never_another_journals_or_one_dated_ahead(
    store, journal, data_dir
):
    """Break test 16, N5: another journal's backup in this journal's backups folder (a
    sync, a copy by hand) was tried first, and its passphrase was called wrong."""
    import shutil
    from datetime import UTC, datetime, timedelta

    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.safekeeping.restore import restore_newest_good

    write_entries(journal, 7)
    good = journal.backup(Reason.DAILY)
    other, _ = store.create("Other", "another long passphrase", LIGHT_KDF)
    others = other.backup(Reason.DAILY)
    other.lock()
    stamp = (datetime.now(UTC) + timedelta(hours=1)).strftime("%Y%m%dT%H%M%S%fZ")
    shutil.copytree(others.folder, good.folder.parent / f"{stamp}-daily")
    write_entries(journal, 5, start=7)
    journal.lock()
    restore_newest_good(data_dir, journal.folder, PASSPHRASE)
    assert count(store, journal.folder) == 7


def test_listing_the_journals_during_a_restore_leaves_its_copy_alone(store, journal, data_dir):
    """The lock screen lists the journals (finishing or dropping a restore a crash left)
    at every lock: a lock during a restore dropped the copy being checked, and the
    restore failed with "The database file could not be opened" (found by the test of
    Ctrl+L during a restore, session 8)."""
    from journal.storage.safekeeping import restore as restoring_module

    write_entries(journal, 12)
    backup = journal.backup(Reason.DAILY)
    journal.lock()
    check = restoring_module._check

    def check_after_a_listing(*args):  # type: ignore[no-untyped-def]
        store.journals()  # what a lock does while the copy is being checked
        return check(*args)

    restoring_module._check = check_after_a_listing
    try:
        restore(data_dir, backup.folder, PASSPHRASE)
    finally:
        restoring_module._check = check
    assert count(store, journal.folder) == 12


def test_a_backups_folder_that_refuses_the_copy_aside_stops_the_restore_before_anything(
    store, journal, data_dir
):
    """Break test 16 of session 12, finding 6: with the journal's backups folder
    read-only, the restore said "Something went wrong", left a restore ready to swap
    that locked the person out at the next start, and finished it without a word once
    the folder was writable. The copy aside is now made before the restore is due; a
    refusal says why, and nothing is left to finish."""
    from journal.errors import KeepAsideFailed
    from tests.storage.safekeeping.helpers import read_only

    write_entries(journal, 3)
    backup = journal.backup(Reason.DAILY)
    write_entries(journal, 2, start=3)
    journal.lock()
    backups = journal.folder / "backups"
    before = {name: (journal.folder / name).read_bytes() for name in ("journal.db", "vault.json")}
    with read_only(backups), pytest.raises(KeepAsideFailed) as raised:
        restore(data_dir, backup.folder, PASSPHRASE)
    assert "could not write there" in raised.value.message
    assert "Nothing has been changed." in raised.value.message
    assert not staging_dir(journal.folder).exists()
    assert not finish_restore(journal.folder)  # nothing waits to be swapped in later
    assert {name: (journal.folder / name).read_bytes() for name in before} == before
    assert count(store, journal.folder) == 5

"""No older credential gains power over the journal through a restore (break test of
#14, findings 2, 3 and 4), on real encrypted journals.

A backup file made before a change of passphrase or a key rotation opens with the
passphrase of its time, but restoring it over the journal needs the passphrase that
opens the journal NOW; afterwards the live journal opens with today's passphrase
only, the copy kept aside before the restore keeps today's header and the newest
words, and no rotation or pruning deletes that copy.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

import pytest

from journal.domain.entries.entry import new_entry
from journal.domain.safekeeping.rotation import Reason
from journal.storage.database import Database
from journal.storage.entries.repository import EntryRepository
from journal.storage.lock import keys
from journal.storage.lock.engine import open_engine
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.store import JournalStore
from journal.storage.lock.vault import (
    SlotKind,
    VaultHeader,
    passphrase_fits,
    read_header,
    unwrap_candidates,
)
from journal.storage.safekeeping.archive import write_archive
from journal.storage.safekeeping.backups import list_backups
from journal.storage.safekeeping.restore import (
    BackupNeedsItsOwnPassphrase,
    BackupOfAnotherJournal,
    NotTheCurrentPassphrase,
    restore,
    restore_newest_good,
)
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries

OLD = PASSPHRASE
NEW = "birch lantern echo after the change"
NEWEST_WORDS = "After the change I wrote NEWSECRET77"


def backup_file(journal: OpenJournal, place: Path) -> Path:
    """A backup file saved elsewhere (a USB stick) with the credentials of today."""
    made = journal.backup(Reason.MANUAL)
    return write_archive(made.database, made.header, made.taken_at, place / "old.solacebackup")


def write_newest(journal: OpenJournal) -> str:
    entry = dataclasses.replace(new_entry(datetime.now(UTC)), body=NEWEST_WORDS)
    EntryRepository(journal.db).save(entry)
    return entry.id


def headers_kept(folder: Path) -> list[Path]:
    """Every key file Solace keeps for the journal: the live one and each backup's."""
    return [folder / "vault.json", *(b.header for b in list_backups(folder))]


def assert_only_new_opens(store: JournalStore, folder: Path) -> None:
    for path in headers_kept(folder):
        header = VaultHeader.from_bytes(path.read_bytes())
        assert not passphrase_fits(header, OLD), f"{path} still opens with the old passphrase"
        assert passphrase_fits(header, NEW), f"{path} does not open with today's passphrase"
    store.unlock(folder, NEW).lock()


def aside_holds(folder: Path, entry_id: str) -> bool:
    """Whether the copy kept before the restore opens with today's passphrase and
    holds the entry written last."""
    (aside,) = [b for b in list_backups(folder) if b.reason is Reason.BEFORE_RESTORE]
    header = VaultHeader.from_bytes(aside.header.read_bytes())
    ((_generation, key),) = unwrap_candidates(
        header, SlotKind.PASSPHRASE, keys.normalise_passphrase(NEW)
    )
    database = Database(open_engine(aside.database, key))
    try:
        found = EntryRepository(database).get(entry_id)
    finally:
        database.close()
    return found is not None and found.body == NEWEST_WORDS


def test_an_old_backup_file_with_the_old_passphrase_cannot_take_over_the_journal(
    store, journal, data_dir, tmp_path
):
    """Finding 3: no crash needed."""
    write_entries(journal, 3)
    old_file = backup_file(journal, tmp_path)
    journal.change_passphrase(NEW)
    newest = write_newest(journal)
    journal.lock()
    before = digest(journal.folder)

    with pytest.raises(NotTheCurrentPassphrase):
        restore(data_dir, old_file, OLD)
    with pytest.raises(NotTheCurrentPassphrase):
        restore(data_dir, old_file, "", backup_secret=OLD)
    with pytest.raises(BackupNeedsItsOwnPassphrase) as asked:
        restore(data_dir, old_file, NEW)
    assert "when it was made" in asked.value.message
    assert digest(journal.folder) == before

    restore(data_dir, old_file, NEW, backup_secret=OLD)
    opened = store.unlock(journal.folder, NEW)
    assert EntryRepository(opened.db).count() == 3
    opened.lock()
    assert_only_new_opens(store, journal.folder)
    assert aside_holds(journal.folder, newest)


def test_a_backup_from_before_a_key_rotation_deletes_nothing_newer(
    store, journal, data_dir, tmp_path
):
    """Finding 4: the copy kept aside survives the restore, the next unlock and the
    next rotation, and always opens with today's passphrase only."""
    write_entries(journal, 2)
    old_file = backup_file(journal, tmp_path)
    journal.rotate_data_key(OLD)
    journal.change_passphrase(NEW)
    newest = write_newest(journal)
    journal.lock()

    with pytest.raises(NotTheCurrentPassphrase):
        restore(data_dir, old_file, OLD)
    restore(data_dir, old_file, NEW, backup_secret=OLD)
    assert aside_holds(journal.folder, newest)

    opened = store.unlock(journal.folder, NEW)  # settles the backups
    assert EntryRepository(opened.db).count() == 2
    assert aside_holds(journal.folder, newest)
    opened.rotate_data_key(NEW)
    opened.lock()
    assert aside_holds(journal.folder, newest)
    assert_only_new_opens(store, journal.folder)


def test_after_a_crash_during_a_passphrase_change_the_old_one_cannot_restore(
    store, journal, data_dir
):
    """Finding 2: the live key file was rewritten, a backup's was not yet (the crash),
    and nobody has unlocked since: the lock screen's restore settles the backups with
    the current passphrase before it uses them, and refuses the old one."""
    write_entries(journal, 4)
    daily = journal.backup(Reason.DAILY)
    retired = daily.header.read_bytes()
    journal.change_passphrase(NEW)
    newest = write_newest(journal)
    journal.lock()
    daily.header.write_bytes(retired)  # the state a crash before the backup's rewrite leaves
    before = digest(journal.folder)

    with pytest.raises(NotTheCurrentPassphrase):
        restore(data_dir, daily.folder, OLD)
    with pytest.raises(NotTheCurrentPassphrase):
        restore_newest_good(data_dir, journal.folder, OLD)
    assert digest(journal.folder) == before

    restore(data_dir, daily.folder, NEW)
    opened = store.unlock(journal.folder, NEW)
    assert EntryRepository(opened.db).count() == 4
    opened.lock()
    assert_only_new_opens(store, journal.folder)
    assert aside_holds(journal.folder, newest)


def test_with_the_key_file_lost_the_backups_own_passphrase_restores_and_nothing_newer_goes(
    store, journal, data_dir, tmp_path
):
    """No current credential can be checked (the live key file is gone): the case
    restore exists for, so the backup's own passphrase is enough. The copies of the
    newer key generation are still never deleted, by the restore or the unlock after."""
    write_entries(journal, 2)
    old_file = backup_file(journal, tmp_path)
    journal.rotate_data_key(OLD)
    newer = {b.folder.name for b in list_backups(journal.folder)}
    write_entries(journal, 3, start=2)
    journal.lock()
    (journal.folder / "vault.json").unlink()

    restore(data_dir, old_file, OLD)
    store.unlock(journal.folder, OLD).lock()
    kept = {b.folder.name for b in list_backups(journal.folder)}
    assert newer <= kept
    (aside,) = (journal.folder / "backups").glob("*-before-restore")
    assert (aside / "journal.db").is_file()  # the journal as it was, not deleted


def test_a_backup_file_of_another_journal_is_told_as_that_journal_by_name(
    store, journal, data_dir, tmp_path
):
    """Finding 10: not "that passphrase did not open this backup", which sends the
    person hunting for an old passphrase that never existed."""
    mine, _ = store.create("Mine", "mine's own passphrase", keys.LIGHT_KDF)
    write_entries(mine, 2)
    mine_file = backup_file(mine, tmp_path)
    mine.lock()
    write_entries(journal, 3)
    journal.lock()
    before = digest(journal.folder)
    with pytest.raises(BackupOfAnotherJournal) as told:
        restore(data_dir, mine_file, OLD, expected_journal=journal.folder.name)
    assert told.value.message.startswith('This backup is of another journal, "Mine", not of')
    assert "Nothing has been changed." in told.value.message
    assert digest(journal.folder) == before
    # "Mine" is here too: its passphrase would replace it as it is now, and that is said
    # before anyone types it (break test 16 of the eighth session, finding 12).
    assert '"Mine" is on this computer too' in told.value.message
    assert "kept aside as a backup first" in told.value.message


@pytest.mark.parametrize("here", [True, False], ids=["on this computer", "from elsewhere"])
def test_a_backup_file_of_another_journal_is_never_restored_without_a_yes(
    store, journal, data_dir, tmp_path, here
):
    """Break test 16 of session 10, finding 9: a backup file of another journal, chosen
    in this journal's Restore, was restored without a question when one passphrase
    opened both (the person's two journals, or a couple's). It is named, with when it
    was made, and nothing is done until the person says yes."""
    other_dir = data_dir if here else tmp_path / "elsewhere"
    other_dir.mkdir(exist_ok=True, mode=0o700)
    mine, _ = JournalStore(other_dir).create("Mine", PASSPHRASE, keys.LIGHT_KDF)
    write_entries(mine, 2)
    mine_file = backup_file(mine, tmp_path)
    write_entries(mine, 4, start=2)
    mine_folder = mine.folder
    mine.lock()
    write_entries(journal, 3)
    journal.lock()
    before = digest(data_dir)

    with pytest.raises(BackupOfAnotherJournal) as told:
        restore(data_dir, mine_file, PASSPHRASE, expected_journal=journal.folder.name)

    said = told.value.message
    assert said.startswith('This backup is of another journal, "Mine", not of this one.')
    assert f"It was made on {datetime.now().astimezone():%A}" in said
    assert ('"Mine" is on this computer too' in said) is here
    assert "Nothing has been changed." in said
    assert digest(data_dir) == before  # neither journal touched, nothing added

    target = restore(
        data_dir,
        mine_file,
        PASSPHRASE,
        expected_journal=journal.folder.name,
        other_journal=True,
    )
    assert target.name == mine_folder.name != journal.folder.name
    opened = store.unlock(journal.folder, PASSPHRASE)
    try:
        assert EntryRepository(opened.db).count() == 3  # this journal as it was
    finally:
        opened.lock()
    restored = store.unlock(target, PASSPHRASE)
    try:
        assert EntryRepository(restored.db).count() == 2
    finally:
        restored.lock()


def test_another_journal_here_under_another_name_is_named_by_its_name_here(
    store, journal, data_dir, tmp_path
):
    """Break test 16 of session 18, finding 2: a backup file of a journal that is on this
    computer as "Mine (2)" (added so beside another "Mine") was told as "Mine", and a
    wrong passphrase as not opening "this journal", the one whose Restore it was."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    theirs, _ = JournalStore(elsewhere).create("Mine", NEW, keys.LIGHT_KDF)
    write_entries(theirs, 2)
    made = backup_file(theirs, tmp_path)
    theirs.lock()
    store.create("Mine", "the first mine's passphrase", keys.LIGHT_KDF)[0].lock()
    added = restore(data_dir, made, NEW, expected_journal=journal.folder.name, other_journal=True)
    assert read_header(added).name == "Mine (2)"
    journal.lock()
    before = digest(data_dir)

    with pytest.raises(BackupOfAnotherJournal) as told:
        restore(data_dir, made, NEW, expected_journal=journal.folder.name)
    said = told.value.message
    assert said.startswith(
        'This backup is of another journal, "Mine (2)" (called "Mine" when this backup was '
        'made), not of this one.'
    )
    assert '"Mine (2)" is on this computer too' in said
    with pytest.raises(NotTheCurrentPassphrase) as refused:
        restore(data_dir, made, OLD, expected_journal=journal.folder.name, other_journal=True)
    assert refused.value.message.startswith(
        "That is not the passphrase (or recovery key) that opens “Mine (2)” now."
    )
    assert digest(data_dir) == before
    # Its passphrase changed since the file was made: that one is asked for as well.
    renewed = store.unlock(added, NEW)
    renewed.change_passphrase("a third passphrase of its own", current=NEW)
    renewed.lock()
    with pytest.raises(BackupNeedsItsOwnPassphrase) as needs:
        restore(
            data_dir,
            made,
            "a third passphrase of its own",
            expected_journal=journal.folder.name,
            other_journal=True,
        )
    assert needs.value.message.startswith(
        "This backup was made before the passphrase or keys of “Mine (2)” changed"
    )

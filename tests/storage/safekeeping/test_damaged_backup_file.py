"""A backup file whose own checksums show damage is refused before any passphrase is
asked for (break test 16 of session 18, finding 3), on real encrypted journals."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from journal.storage.journal_files import DATABASE_NAME
from journal.storage.safekeeping.archive import NotABackup
from journal.storage.safekeeping.restore import restore
from tests.storage.safekeeping.helpers import digest, write_entries
from tests.storage.safekeeping.test_restore_credentials import NEW, OLD, backup_file


def flip_inside_database(archive: Path) -> None:
    """Flip one byte in the middle of the archive's journal.db member, leaving its
    directory (and so the CRC-32 it keeps) as it was."""
    with zipfile.ZipFile(archive) as opened:
        member = opened.read(DATABASE_NAME)
    data = bytearray(archive.read_bytes())
    start = data.find(member[:256])
    assert start > 0
    data[start + len(member) // 2] ^= 0x01
    archive.write_bytes(bytes(data))


@pytest.mark.parametrize("typed", [NEW, OLD, "not any passphrase"])
def test_a_flipped_byte_is_told_before_any_passphrase_is_asked_for(
    journal, data_dir, tmp_path, typed
):
    """A file made before a change of passphrase, with one byte flipped: today it asked
    for the passphrase it was made with (BackupNeedsItsOwnPassphrase, after the key
    derivation), then said it was damaged; now it says so at once, whatever was typed."""
    write_entries(journal, 3)
    damaged = backup_file(journal, tmp_path)
    journal.change_passphrase(NEW)
    journal.lock()
    flip_inside_database(damaged)
    before = digest(journal.folder)

    with pytest.raises(NotABackup) as refused:
        restore(data_dir, damaged, typed)

    assert "part of it is damaged" in refused.value.message
    assert "Nothing has been changed" in refused.value.message
    assert digest(journal.folder) == before


def test_restore_over_a_damaged_key_file_takes_the_passphrase_unlock_takes(
    store, journal, data_dir, tmp_path
):
    """Break test 16 of session 18, re-test R8: with the journal's key file damaged on
    the disk (Unlock mends it from the copies kept with the backups and takes the
    passphrase), Restore refused that same passphrase as not the current one, for every
    backup. The damaged part is put back from the kept copies here too."""
    from journal.domain.safekeeping.rotation import Reason
    from journal.storage.entries.repository import EntryRepository
    from tests.conftest import PASSPHRASE
    from tests.storage.lock.test_one_part_damaged import damage

    write_entries(journal, 3)
    source = backup_file(journal, tmp_path)
    journal.backup(Reason.DAILY)  # keeps a copy of the key file with it
    journal.lock()
    damage(journal.folder, ["passphrase"], {"memory_kib": 4294967295}, checksum=False)

    restore(data_dir, source, PASSPHRASE)

    opened = store.unlock(journal.folder, PASSPHRASE)
    assert EntryRepository(opened.db).count() == 3
    opened.lock()


def spoil_a_slot(folder: Path) -> None:
    """An impossible Argon2 memory in the passphrase part, the checksum left failing (as
    the break test's sed left it)."""
    from tests.storage.lock.test_one_part_damaged import damage

    damage(folder, ["passphrase"], {"memory_kib": 4294967295}, checksum=False)


def spoil_the_whole_file(folder: Path) -> None:
    """A key file that is no longer JSON at all."""
    (folder / "vault.json").write_bytes(b'{"version": 1, "slots": [')


@pytest.mark.parametrize("spoil", [spoil_a_slot, spoil_the_whole_file])
def test_restore_over_a_damaged_key_file_keeps_aside_the_journal_with_its_key_file_mended(
    store, journal, data_dir, spoil
):
    """Break test 16 of session 19, finding 1: restoring over a journal whose key file
    alone was damaged gave the damaged key file to every kept backup (as "the live
    header") and to the copy kept aside, or, with a key file that cannot be read at
    all, kept aside a copy listed as damaged though its database held the newest
    words. The key file is put back first, as Unlock does: the copy kept aside is
    offered and brings back the words written after the backup, and the kept backups
    can still mend the key file when it is damaged again."""
    from journal.domain.safekeeping.rotation import Reason
    from journal.storage.entries.repository import EntryRepository
    from journal.storage.safekeeping.backups import list_backups, not_offered
    from tests.conftest import PASSPHRASE

    write_entries(journal, 3)
    journal.backup(Reason.MANUAL)  # keeps a copy of the key file with it
    write_entries(journal, 2, start=10, word="thistlecanary")
    folder = journal.folder
    journal.lock()
    spoil(folder)
    (manual,) = list_backups(folder)

    restore(data_dir, manual.folder, PASSPHRASE)
    (aside,) = [b for b in list_backups(folder) if b.reason is Reason.BEFORE_RESTORE]
    assert not_offered(aside, folder.name) == ""  # listed as one that can be chosen
    spoil(folder)

    opened = store.unlock(folder, PASSPHRASE)  # put back again from a kept copy
    assert EntryRepository(opened.db).count() == 3
    opened.lock()
    restore(data_dir, aside.folder, PASSPHRASE)
    opened = store.unlock(folder, PASSPHRASE)
    assert EntryRepository(opened.db).count() == 5  # the words written after the backup
    opened.lock()

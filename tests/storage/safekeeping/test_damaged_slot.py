"""A backup whose key file has one part damaged (break test 14 of session 11, second
round, finding 2, as it reaches backups: their key files are read the same way): the
secret of the damaged part is told so, never "did not open", and the other credential
of the backup's time restores it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.restore import BackupPartDamaged, restore
from tests.conftest import PASSPHRASE
from tests.storage.lock.test_one_slot_damaged import damage_slot, drop, put
from tests.storage.safekeeping.helpers import digest, write_entries


@pytest.mark.parametrize(
    "change", [put("salt", ""), drop("nonce"), put("kdf", None)], ids=["salt", "nonce", "kdf"]
)
def test_a_backup_with_its_passphrase_part_damaged_restores_with_its_recovery_key(
    store: JournalStore, data_dir: Path, tmp_path: Path, change
) -> None:  # type: ignore[no-untyped-def]
    journal, recovery = store.create("Lily's journal", PASSPHRASE, LIGHT_KDF)
    journal.confirm_recovery_key()
    write_entries(journal, 3)
    backup = journal.backup(Reason.MANUAL)
    copy = tmp_path / "usb" / "backup"
    shutil.copytree(backup.folder, copy)
    folder = journal.folder
    journal.lock()
    store.remove(folder, PASSPHRASE)  # the journal is gone; only the copy is left
    damage_slot(copy, "passphrase", change)
    before = digest(copy)

    with pytest.raises(BackupPartDamaged) as raised:
        restore(data_dir, copy, PASSPHRASE)
    said = raised.value.message
    assert "The passphrase part of this backup's key file" in said
    assert "recovery key you had when it was made may still open it" in said
    assert digest(copy) == before

    restored = restore(data_dir, copy, recovery, recovery_key=True)
    store.unlock_with_recovery_key(restored, recovery).lock()

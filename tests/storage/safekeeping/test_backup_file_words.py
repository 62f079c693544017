"""What a refused backup file is called tells the truth (break test 16 of the eighth
session, findings 3 and 4): a Solace backup cut short is "incomplete", not "not an
archive Solace wrote"; one with a file added is said to hold other files, not to lack
the journal; and a damaged journal inside is told in one sentence, never as four
problems of which one ("holds no journal") is untrue and frightening."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from journal.domain.safekeeping.rotation import Reason
from journal.storage.safekeeping.archive import NotABackup
from journal.storage.safekeeping.checks import NO_JOURNAL, PAGES_DAMAGED
from journal.storage.safekeeping.restore import BackupUnusable, restore
from journal.storage.safekeeping.status import back_up_to
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest, write_entries


@pytest.fixture
def real_backup(journal, tmp_path) -> Path:
    write_entries(journal, 20)
    place = tmp_path / "usb"
    place.mkdir()
    return back_up_to(journal, place / "real.solacebackup")


def refusal(data_dir: Path, backup: Path) -> str:
    with pytest.raises(NotABackup) as raised:
        restore(data_dir, backup, PASSPHRASE)
    return raised.value.message


def test_a_backup_file_cut_short_is_called_incomplete(journal, real_backup, data_dir):
    journal.lock()
    before = digest(journal.folder)
    cut = real_backup.with_name("cut.solacebackup")
    cut.write_bytes(real_backup.read_bytes()[: real_backup.stat().st_size // 2])
    words = refusal(data_dir, cut)
    assert "incomplete or damaged" in words and "copying it was interrupted" in words
    assert "not an archive Solace wrote" not in words
    assert digest(journal.folder) == before


def test_a_file_that_is_no_archive_at_all_is_still_called_so(journal, data_dir, tmp_path):
    journal.lock()
    letter = tmp_path / "letter.solacebackup"
    letter.write_bytes(b"%PDF-1.7\n" + b"\0" * 2000)
    assert "not an archive Solace wrote" in refusal(data_dir, letter)


def test_a_backup_file_with_a_file_added_says_so(journal, real_backup, data_dir):
    journal.lock()
    with zipfile.ZipFile(real_backup, "a") as archive:
        archive.writestr("../../../../tmp/pwned.txt", "hello")
    words = refusal(data_dir, real_backup)
    assert "holds other files beside the journal and its key file" in words
    assert "does not hold a journal" not in words
    assert not Path("/tmp/pwned.txt").exists()


def test_a_damaged_journal_in_a_backup_is_told_in_one_sentence(store, journal, data_dir):
    write_entries(journal, 200)
    backup = journal.backup(Reason.MANUAL)
    journal.lock()
    raw = bytearray(backup.database.read_bytes())
    raw[len(raw) // 2] ^= 0x10
    backup.database.write_bytes(bytes(raw))
    with pytest.raises(BackupUnusable) as raised:
        restore(data_dir, backup.folder, PASSPHRASE)
    assert raised.value.message == (
        f"This backup cannot be restored. {PAGES_DAMAGED} Your journal has not been "
        "changed. An earlier backup may still be good."
    )
    assert NO_JOURNAL not in raised.value.message

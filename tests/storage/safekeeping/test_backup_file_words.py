"""What a refused backup file is called tells the truth (break test 16 of the eighth
session, findings 3 and 4): a Solace backup cut short is "incomplete", not "not an
archive Solace wrote"; one with a file added is said to hold other files, not to lack
the journal. (A damaged journal inside is told in one sentence: test_restore.)"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from journal.storage.safekeeping.archive import NotABackup
from journal.storage.safekeeping.restore import restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest


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


@pytest.mark.parametrize("manifest", ["[]", "null", '"a backup"', "7"])
def test_a_manifest_that_is_not_an_object_is_refused_in_words(
    journal, real_backup, data_dir, manifest
):
    """Break test 16 of session 12, finding 3: the manifest rewritten as "[]" gave
    "Something went wrong on Solace's side" (an AttributeError) as soon as the file
    was chosen; now the same calm refusal as any file Solace did not write."""
    from journal.storage.safekeeping.archive import MANIFEST
    from journal.storage.safekeeping.restore import backup_journal, backup_made

    journal.lock()
    before = digest(journal.folder)
    changed = real_backup.with_name("changed.solacebackup")
    with zipfile.ZipFile(real_backup) as source, zipfile.ZipFile(changed, "w") as target:
        for info in source.infolist():
            data = manifest.encode() if info.filename == MANIFEST else source.read(info)
            target.writestr(info.filename, data, zipfile.ZIP_STORED)
    assert "written in a format this Solace does not know" in refusal(data_dir, changed)
    assert backup_made(changed) is None  # as the restore list reads it
    assert backup_journal(changed) is None  # nothing read from a file Solace refuses
    assert digest(journal.folder) == before

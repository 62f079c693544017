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

"""A backup file of 0 bytes chosen for Restore is refused as empty, and nothing is
changed (issue 16 break test of session 24, F5: it was called "not an archive
Solace wrote"). Real encrypted journal, a real empty file."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.errors import SolaceError
from journal.storage.safekeeping.restore import check_before_keys, restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest

EMPTY = "This file is empty, so it holds no backup. Nothing has been changed."


def test_an_empty_backup_file_is_said_empty_and_nothing_changes(  # type: ignore[no-untyped-def]
    journal, data_dir: Path, tmp_path: Path
) -> None:
    journal.lock()
    empty = tmp_path / "journal.solacebackup"
    empty.write_bytes(b"")
    before = digest(data_dir)

    with pytest.raises(SolaceError) as checked:
        check_before_keys(empty)  # as the file is chosen, before any passphrase
    with pytest.raises(SolaceError) as restored:
        restore(data_dir, empty, PASSPHRASE)

    assert checked.value.message == restored.value.message == EMPTY
    assert digest(data_dir) == before

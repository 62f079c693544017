"""Inside a backup file every name is neutral, as the file's own name is (break test
16 of session 12, finding 1: an archive manager showed ``solace-backup.json``, and
its text said ``"format": "solace-backup"``). Backups written before with those
names still restore."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from journal.storage.lock.store import JournalStore
from journal.storage.safekeeping.restore import backup_made, restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.test_restore import count


def test_a_backup_file_names_nothing_but_a_journal(real_backup):
    with zipfile.ZipFile(real_backup) as archive:
        names = sorted(archive.namelist())
        manifest = archive.read("manifest.json").decode()
    assert names == ["journal.db", "manifest.json", "vault.json"]
    assert "solace" not in " ".join(names).lower()
    assert "solace" not in manifest.lower()
    assert json.loads(manifest)["format"] == "journal-backup"


def written_the_old_way(real_backup: Path, old: Path) -> Path:
    """``real_backup`` as Solace wrote backups before: its manifest named
    ``solace-backup.json``, saying ``"format": "solace-backup"``."""
    with zipfile.ZipFile(real_backup) as source, zipfile.ZipFile(old, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            name = info.filename
            if name == "manifest.json":
                name = "solace-backup.json"
                data = json.dumps({**json.loads(data), "format": "solace-backup"}).encode()
            target.writestr(name, data, zipfile.ZIP_STORED)
    return old


def test_a_backup_written_with_the_old_names_still_restores(journal, real_backup, tmp_path):
    old = written_the_old_way(real_backup, tmp_path / "journal-2026-11-30.solacebackup")
    journal.lock()
    assert backup_made(old) is not None
    elsewhere = JournalStore(tmp_path / "new computer")
    restore(elsewhere.data_dir, old, PASSPHRASE)
    (listed,) = elsewhere.journals()
    assert count(elsewhere, listed.folder) == 20

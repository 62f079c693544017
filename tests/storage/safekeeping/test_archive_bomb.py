"""A crafted backup file is refused from its archive's directory, before anything is
unpacked (break test 16, finding 2: a 4 MB file with a deflated ``journal.db`` of
4,000 MB of zeros was unpacked to 3.8 GB before any check). Solace writes every
member stored, so a compressed member is foreign; a stored member's declared size
must match what the file holds; and a restore that does not fit says so first.
"""

from __future__ import annotations

import resource
import struct
import zipfile
from pathlib import Path

import pytest

from journal.errors import DiskFull
from journal.storage.journal_files import DATABASE_NAME
from journal.storage.safekeeping.archive import NotABackup, extract_archive
from journal.storage.safekeeping.restore import restore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import digest

ZEROS = 200 * 1024 * 1024  # 200 MB of zeros: deflated, about 200 KB on disk


def rewrite(real: Path, crafted: Path) -> None:
    """``crafted``: ``real``'s manifest and key file, and a journal.db of zeros, deflated."""
    deflated = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(crafted, "w", deflated) as target:
        for name in ("manifest.json", "vault.json"):
            target.writestr(name, source.read(name))
        with target.open(DATABASE_NAME, "w", force_zip64=True) as out:
            chunk = bytes(1 << 20)
            for _ in range(ZEROS // len(chunk)):
                out.write(chunk)


def lie_about_size(archive: Path, size: int) -> None:
    """Patch the central directory so the stored journal.db claims ``size`` bytes."""
    data = bytearray(archive.read_bytes())
    at = data.rfind(b"PK\x01\x02")
    while at != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == DATABASE_NAME.encode():
            struct.pack_into("<II", data, at + 20, size, size)
            archive.write_bytes(bytes(data))
            return
        at = data.rfind(b"PK\x01\x02", 0, at)
    raise AssertionError("no journal.db in the central directory")


def test_a_compressed_journal_is_refused_before_a_byte_is_unpacked(
    journal, real_backup, data_dir, tmp_path
):
    bomb = real_backup.with_name("bomb.solacebackup")
    rewrite(real_backup, bomb)
    assert bomb.stat().st_size < 2 * 1024 * 1024
    journal.lock()
    before = digest(journal.folder)
    with pytest.raises(NotABackup) as refused:
        restore(data_dir, bomb, PASSPHRASE)
    assert "compressed, and Solace never compresses a backup" in refused.value.message
    assert digest(journal.folder) == before  # nothing unpacked, nothing left
    assert not (journal.folder / ".restore").exists()


def test_a_stored_journal_that_claims_more_than_the_file_holds_is_refused(
    journal, real_backup, tmp_path
):
    liar = real_backup.with_name("liar.solacebackup")
    liar.write_bytes(real_backup.read_bytes())
    lie_about_size(liar, 3_900_000_000)
    staging = tmp_path / "staging"
    staging.mkdir()
    with pytest.raises(NotABackup) as refused:
        extract_archive(liar, staging)
    assert "list of contents does not match" in refused.value.message
    assert list(staging.iterdir()) == []


def test_a_backup_that_does_not_fit_is_refused_before_unpacking_with_the_room_it_needs(
    journal, real_backup, tmp_path
):
    staging = tmp_path / "staging"
    staging.mkdir()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(DiskFull) as full:
            extract_archive(real_backup, staging)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert full.value.message.startswith(
        "There is not enough free space on this computer to restore this backup (it needs "
    )
    assert list(staging.iterdir()) == []


def test_a_real_backup_file_still_unpacks_whole(journal, real_backup, tmp_path):
    staging = tmp_path / "staging"
    staging.mkdir()
    extract_archive(real_backup, staging)
    assert (staging / DATABASE_NAME).read_bytes() == (journal.folder / "journal.db").read_bytes()

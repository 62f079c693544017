"""Files inside a zip are read within bounds, each and all together, before a byte is
unpacked (break test 16 of session 12, finding 1: a 1.2 MB RedNotebook backup zip
holding a 1.2 GB month file was unpacked into memory with no bound, 2.4 GB and still
running after 5 minutes; a Day One zip of six 250 MB files was read file after file).

Real zip archives written here; the month file is the letter "a" as in the report."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from journal.domain.safekeeping import zipped
from journal.domain.safekeeping.imported import ImportRefused
from journal.domain.safekeeping.sources import plan_for

MB = 1024 * 1024


def zip_of(path: Path, members: dict[str, int]) -> Path:
    """A deflated zip at ``path`` holding each named member as that many bytes of "a"."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, size in members.items():
            with archive.open(name, "w", force_zip64=True) as member:
                for _ in range(size // MB):
                    member.write(b"a" * MB)
    return path


def test_a_rednotebook_month_file_too_large_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(zipped, "MAX_MEMBER_BYTES", 1 * MB)
    bomb = zip_of(tmp_path / "backup.zip", {"2024-01.txt": 3 * MB})
    assert bomb.stat().st_size < 64 * 1024
    with pytest.raises(ImportRefused) as refused:
        plan_for(bomb)
    said = str(refused.value)
    assert "“2024-01.txt” is too large for Solace to read (3 MB unpacked" in said
    assert said.endswith("Nothing was imported.")


def test_many_files_each_under_the_limit_are_refused_together_at_once(tmp_path, monkeypatch):
    """Six Day One files, each under the limit for one, too many together."""
    monkeypatch.setattr(zipped, "MAX_TOTAL_BYTES", 4 * MB)
    bomb = zip_of(tmp_path / "export.zip", {f"Journal {n}.json": 1 * MB for n in range(6)})
    with pytest.raises(ImportRefused) as refused:
        plan_for(bomb)
    said = str(refused.value)
    assert said.startswith("The files inside this zip archive are too large for Solace to read")
    assert "(6 MB unpacked" in said and "up to 4 MB from one archive" in said
    assert said.endswith("Nothing was imported.")


"""A Day One export folder zipped by hand imports (break test 53, F5): macOS's Compress
puts the journal's JSON one folder down ("Export/Journal.json"), and the zip was
refused as holding no Day One journal."""

from __future__ import annotations

import io
import zipfile

import pytest

from journal.domain.safekeeping.dayone import parse_zip
from journal.domain.safekeeping.imported import ImportRefused
from tests.shared_files import SAMPLES

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the shared samples are not here")
TRIP = SAMPLES / "dayone" / "ios-2021-trip.json"


def zipped(members: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, raw in members.items():
            archive.writestr(name, raw)
    return data.getvalue()


@pytest.mark.parametrize("folder", ["Export/", "Backups/Day One/Export/"])
def test_the_journal_in_a_folder_imports_as_at_the_root(folder: str) -> None:
    journal = TRIP.read_bytes()
    at_root = parse_zip(zipped({"Journal.json": journal}))
    in_folder = parse_zip(
        zipped(
            {
                f"{folder}Journal.json": journal,
                f"{folder}photos/a.jpeg": b"\xff\xd8",
                f"__MACOSX/{folder}._Journal.json": b"\x00\x05\x16\x07",  # macOS's copy
            }
        )
    )
    assert in_folder.entries and in_folder.entries == at_root.entries


def test_macos_copies_beside_the_journal_are_no_journal() -> None:
    with pytest.raises(ImportRefused, match="holds no Day One journal"):
        parse_zip(zipped({"__MACOSX/Export/._Journal.json": TRIP.read_bytes()}))

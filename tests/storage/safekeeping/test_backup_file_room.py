"""Back up now… says the truth about room for the whole of what it writes (issue 16):
a checked copy beside the journal first, then the file at the place she chose, on two
disks (a USB stick) or on one. It said "about 250 KB more" for the copy alone, the
whole copy's size whatever was free, and nothing of the file's own need: a stick
short of room was found full only after the copy, with no figure. Each place's room is
checked before anything is written, and each need said where it applies.

The journal is real (SQLCipher in tmp_path); the free space the operating system
reports (`shutil.disk_usage`) is made smaller for one folder, as a nearly full disk
would report it. Two disks are tmp_path and /dev/shm (a tmpfs), when they differ."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.domain.common.words import size
from journal.errors import PlaceNotWritten
from journal.storage.safekeeping.backups import BackupFailed, backups_dir
from journal.storage.safekeeping.room import backup_file_needs
from journal.storage.safekeeping.status import back_up_to
from tests.storage.safekeeping.helpers import write_entries

SHM = Path("/dev/shm")


def _other_disk(tmp_path: Path) -> bool:
    return SHM.is_dir() and os.access(SHM, os.W_OK) and SHM.stat().st_dev != tmp_path.stat().st_dev


@pytest.fixture
def usb(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder on another disk than the journal's: a USB stick."""
    if not _other_disk(tmp_path):
        pytest.skip("no second file system (/dev/shm) here")
    folder = Path(os.path.join(SHM, f"solace-usb-{os.getpid()}-{tmp_path.name}"))
    folder.mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def free_space(monkeypatch: pytest.MonkeyPatch, folder: Path, free: int) -> None:
    """Make the file system of ``folder`` report ``free`` bytes free."""
    real: Callable[[str | os.PathLike[str]], shutil._ntuple_diskusage] = shutil.disk_usage
    disk = folder.stat().st_dev

    def usage(path: str | os.PathLike[str]) -> shutil._ntuple_diskusage:
        found = real(path)
        if os.stat(path).st_dev != disk:
            return found
        return shutil._ntuple_diskusage(found.total, found.total - free, free)

    monkeypatch.setattr(shutil, "disk_usage", usage)


def kept_backups(journal) -> list[Path]:  # type: ignore[no-untyped-def]
    root = backups_dir(journal.folder)
    return sorted(root.iterdir()) if root.is_dir() else []


def test_a_stick_without_room_is_said_with_the_files_need_before_any_copy(
    journal, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    write_entries(journal, 30, word="x" * 900)
    _copy, file = backup_file_needs(journal.folder)
    before = kept_backups(journal)
    free_space(monkeypatch, usb, file // 2)

    with pytest.raises(PlaceNotWritten) as refused:
        back_up_to(journal, usb / "ours.solacebackup")
    said = refused.value.message
    needs = f"(the backup file needs about {size(file)} there)"
    assert said.startswith(f"The folder you chose is full {needs}")
    assert f"in {usb}" in said
    assert "folder where your journal is kept" not in said  # its disk has room
    assert list(usb.iterdir()) == []
    assert kept_backups(journal) == before  # no copy made for nothing


def test_the_journals_disk_short_says_its_need_and_how_much_more_and_the_files_elsewhere(
    journal, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    write_entries(journal, 30, word="x" * 900)
    copy, file = backup_file_needs(journal.folder)
    free = copy // 4
    before = kept_backups(journal)
    free_space(monkeypatch, journal.folder, free)

    with pytest.raises(BackupFailed) as refused:
        back_up_to(journal, usb / "ours.solacebackup")
    said = refused.value.message
    assert (
        f"where your journal is kept ({journal.folder}, about {size(copy)} needed, "
        f"{size(copy - free)} more than is free now)"
    ) in said
    elsewhere = f"(about {size(file)} more, in the folder you chose)"
    assert f"then writes the file where you chose {elsewhere}" in said
    assert list(usb.iterdir()) == []
    assert kept_backups(journal) == before


def test_on_one_disk_the_copy_and_the_file_are_said_together(
    journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Room for the copy but not for the file beside it too: the copy was made, and the
    file then found the disk full, with the copy's room taken."""
    write_entries(journal, 30, word="x" * 900)
    copy, file = backup_file_needs(journal.folder)
    place = tmp_path / "documents"
    place.mkdir()
    free = copy + file // 2
    before = kept_backups(journal)
    free_space(monkeypatch, tmp_path, free)

    with pytest.raises(BackupFailed) as refused:
        back_up_to(journal, place / "ours.solacebackup")
    said = refused.value.message
    assert f"({journal.folder}) and the folder you chose ({place})" in said
    assert f"a checked copy beside your journal (about {size(copy)})" in said
    assert f"the file where you chose (about {size(file)})" in said
    short = size(copy + file - free)
    assert f"about {size(copy + file)} in all, {short} more than is free now" in said
    assert list(place.iterdir()) == []
    assert kept_backups(journal) == before


def test_with_room_in_both_places_the_file_is_written(
    journal, usb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    write_entries(journal, 5)
    _copy, file = backup_file_needs(journal.folder)
    free_space(monkeypatch, usb, file)  # just enough
    assert back_up_to(journal, usb / "ours.solacebackup").stat().st_size <= file

"""A backup file or an export written to a place the person chose (a USB stick, a
synced folder) that is full, read-only or gone: the message names that place and says
the journal is untouched and what to do, never the editor's "your words are still here
in the window ... Solace will try again" or a generic "something went wrong"."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.errors import PlaceNotWritten
from journal.storage import migrate
from journal.storage.entries.repository import EntryRepository
from journal.storage.failures import chosen_place_failure
from journal.storage.safekeeping.export import export_journal
from journal.storage.safekeeping.status import back_up_to
from tests.storage.safekeeping.helpers import write_entries

# sysfs refuses to create files, even for root: a real place that cannot be written.
UNWRITABLE = Path("/sys")
needs_sysfs = pytest.mark.skipif(not UNWRITABLE.is_dir(), reason="no /sys here")


def assert_told_about_the_place(message: str, what: str, place: Path | None = None) -> None:
    there = f"there, in {place}" if place is not None else "there"
    assert f"no {what} was written {there}. Your journal is untouched" in message
    assert "Solace will not try again by itself." in message  # break test 16, S15, 1
    assert "folder you chose" in message
    assert "try again" in message
    assert "window" not in message and "this computer" not in message
    assert "will try again" not in message  # nothing is retried: the person chooses


@needs_sysfs
def test_a_backup_to_a_place_that_cannot_be_written_says_so(journal):
    write_entries(journal, 5)
    with pytest.raises(PlaceNotWritten) as raised:
        back_up_to(journal, UNWRITABLE / "backup.solacebackup")
    assert raised.value.message.startswith(
        "The folder you chose cannot be written to (it is read-only)"
    )
    assert_told_about_the_place(raised.value.message, "backup", UNWRITABLE)
    assert EntryRepository(journal.db).count() == 5


@needs_sysfs
def test_an_export_to_a_place_that_cannot_be_written_says_so(journal):
    write_entries(journal, 5)
    revisions = sorted(migrate.current_revisions(journal.db.engine))
    with pytest.raises(PlaceNotWritten) as raised:
        export_journal(journal.db, UNWRITABLE, revisions)
    assert "cannot be written to" in raised.value.message
    assert_told_about_the_place(raised.value.message, "export", UNWRITABLE)


def test_a_backup_to_a_place_that_is_gone_says_why_and_leaves_nothing(journal, tmp_path):
    stick = tmp_path / "places" / "stick"
    stick.parent.mkdir()
    stick.write_text("a file where the folder was")  # the stick was taken out
    with pytest.raises(PlaceNotWritten) as raised:
        back_up_to(journal, stick / "backup.solacebackup")
    assert "could not write to the folder you chose (Not a directory)" in raised.value.message
    assert_told_about_the_place(raised.value.message, "backup", stick)
    assert sorted(p.name for p in stick.parent.iterdir()) == ["stick"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("what", ["backup", "export"])
def test_a_full_place_is_told_as_that_place_being_full(what):
    with pytest.raises(OSError) as raised, open("/dev/full", "wb", buffering=0) as full:
        full.write(b"x")  # the kernel's own "no space left on device" (ENOSPC)
    message = chosen_place_failure(raised.value, what).message
    assert message.startswith("The folder you chose is full")
    assert_told_about_the_place(message, what)


def test_a_body_log_csv_to_a_full_place_is_told_as_that_place_being_full(tmp_path):
    """A CSV or PDF of the body log written to a chosen place spoke of "your words are
    still here in the window … Solace will try again" on a full disk (the editor's
    words; break test 16, finding 9, the same kind)."""
    import resource

    from journal.storage.body.export import write_body_csv

    target = tmp_path / "body-log.csv"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (8, hard))
    try:
        with pytest.raises(PlaceNotWritten) as raised:
            write_body_csv(target, [])
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert raised.value.message.startswith("The folder you chose is full")
    assert_told_about_the_place(raised.value.message, "export", tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_back_up_now_without_room_beside_the_journal_names_that_folder(journal, tmp_path):
    """Break test 16 of session 19, finding 4: with the journal's own disk nearly full,
    Back up now… to a roomy USB stick said "There is not enough free space on this
    computer to prepare it": no clue that the room lacked in the journal's folder,
    where the checked copy is made first, nor how much. The file-size limit stands in
    for that disk (the copy made first is the first file to pass it)."""
    import resource

    from journal.storage.safekeeping.backups import BackupFailed

    write_entries(journal, 30, word="x" * 900)
    usb = tmp_path / "usb"
    usb.mkdir()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
    try:
        with pytest.raises(BackupFailed) as refused:
            back_up_to(journal, usb / "before.solacebackup")
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    said = refused.value.message
    assert f"in the folder where your journal is kept ({journal.folder}, about " in said
    assert "then writes the file where you chose" in said
    assert not list(usb.iterdir())

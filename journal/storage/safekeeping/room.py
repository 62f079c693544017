"""The room "Back up now…" needs, in each place it writes, checked before it writes.

A backup file is made in two steps: a checked copy of the journal in its own folder
(`backups.take_backup`, about the size of its database and key file), then the file
at the place the person chose (`archive.write_archive`, about as large again). The two
places may be on different disks (a USB stick) or on one (a folder beside it): each
need is said where it applies, and on one disk the two together (issue 16, the need
said "about 250 KB more" for the copy alone, whatever the room at the chosen place).
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from journal.domain.common.words import size
from journal.errors import PlaceNotWritten
from journal.storage.journal_files import DATABASE_NAME, HEADER_NAME
from journal.storage.safekeeping.backups import BackupFailed

#: What the archive adds to its two members: its manifest and zip headers (bytes,
#: generous: a real one adds about 400).
ARCHIVE_EXTRA = 4096


@dataclass(frozen=True, slots=True)
class Room:
    """The room of one folder's file system: ``free`` bytes (None when unknown) and
    ``disk``, its device number (None when unknown)."""

    free: int | None
    disk: int | None


def room_of(folder: Path) -> Room:
    """The free bytes and the device of the file system that holds ``folder`` (or its
    nearest existing parent); None for what cannot be read or is not said."""
    place = folder
    while not place.exists() and place.parent != place:
        place = place.parent
    try:
        usage = shutil.disk_usage(place)
        # A file system of no size (sysfs, procfs) says nothing of room: its writes are
        # refused for what they are (read-only), found as they are tried.
        free: int | None = usage.free if usage.total else None
    except OSError:
        free = None
    try:
        disk: int | None = place.stat().st_dev
    except OSError:
        disk = None
    return Room(free, disk)


def file_size_limit() -> int | None:
    """This process's largest file in bytes (RLIMIT_FSIZE), or None when unlimited."""
    if sys.platform == "win32":
        return None
    import resource

    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    return None if limit == resource.RLIM_INFINITY else int(limit)


def backup_file_needs(journal_folder: Path) -> tuple[int, int]:
    """The bytes of the checked copy made beside the journal in ``journal_folder`` and
    of the file written at the chosen place, estimated from its database and key file
    as they are now."""
    copy = sum(_size(journal_folder / name) for name in (DATABASE_NAME, HEADER_NAME))
    return copy, copy + ARCHIVE_EXTRA


def check_room_for_backup_file(journal_folder: Path, target: Path) -> None:
    """Before "Back up now…" writes anything: raise when the copy beside the journal in
    ``journal_folder`` or the file at ``target`` has no room, with each need said
    where it lacks. Raises `BackupFailed` (the journal's disk, the two together when
    ``target`` is on it too) or `PlaceNotWritten` (the chosen place alone)."""
    copy, file = backup_file_needs(journal_folder)
    place = target.parent
    here, there = room_of(journal_folder), room_of(place)
    limit = file_size_limit()
    one_disk = here.disk is not None and here.disk == there.disk
    if limit is not None and limit < copy:
        raise BackupFailed(no_room_to_prepare(journal_folder, copy, file, None, one_disk))
    if one_disk:
        if here.free is not None and here.free < copy + file:
            raise BackupFailed(no_room_on_one_disk(journal_folder, place, copy, file, here.free))
    elif here.free is not None and here.free < copy:
        raise BackupFailed(no_room_to_prepare(journal_folder, copy, file, here.free, False))
    if (limit is not None and limit < file) or (
        not one_disk and there.free is not None and there.free < file
    ):
        raise PlaceNotWritten("backup", "full", place, needed=file)


def _more(needed: int, free: int | None) -> str:
    """The words ", 120 KB more than is free now" when ``free`` bytes are known and
    fewer than ``needed``; else ""."""
    if free is None or free >= needed:
        return ""
    return f", {size(needed - free)} more than is free now"


def no_room_to_prepare(
    journal_folder: Path,
    needed: int,
    file: int = 0,
    free: int | None = None,
    one_disk: bool = False,
) -> str:
    """Why Back up now… made no file when the checked copy it makes first, beside the
    journal in ``journal_folder``, has no room: it needs ``needed`` bytes there (0 when
    not known), ``free`` being free (None when not known, or a file-size limit is the
    cause); the file at the chosen place then needs ``file`` bytes (0 when not known),
    on the same disk when ``one_disk``. It said "not enough free space on this
    computer", and a person saving to a USB stick had no clue which disk to clear
    (break test 16 of session 19, finding 4); then "about 250 KB more" for the copy's
    whole size, whatever was free, and nothing of the file's own need (issue 16)."""
    about = f", about {size(needed)} needed{_more(needed, free)}" if needed else ""
    then = "then writes the file where you chose"
    if file:
        where = "on the same disk" if one_disk else "in the folder you chose"
        then += f" (about {size(file)} more, {where})"
    return (
        "There is not enough free space in the folder where your journal is kept "
        f"({journal_folder}{about}) to prepare it: Solace first makes a checked copy "
        f"there, {then}. Free some space on that disk, then try again."
    )


def no_room_on_one_disk(
    journal_folder: Path, place: Path, copy: int, file: int, free: int | None
) -> str:
    """Why Back up now… made no file when the journal's folder and the chosen ``place``
    are on one disk without room for both the checked copy (``copy`` bytes) and the
    file (``file`` bytes); ``free`` bytes are free there (None when not known)."""
    whole = copy + file
    return (
        f"There is not enough free space on the disk that holds both the folder where "
        f"your journal is kept ({journal_folder}) and the folder you chose ({place}): "
        f"Solace first makes a checked copy beside your journal (about {size(copy)}), "
        f"then writes the file where you chose (about {size(file)}), about "
        f"{size(whole)} in all{_more(whole, free)}. Free some space on that disk, or "
        "choose a folder on another disk (a USB stick), then try again."
    )


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0

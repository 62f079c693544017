"""Swapping a restored journal into place, so a crash leaves the old or the new one.

A restore first writes the checked copy into ``<journal>/.restore/`` and then the
marker ``.restore/READY``, which names the folder the current journal is kept in
(``backups/<stamp>-before-restore``). From that moment the swap is a series of
renames on one file system that `finish_restore` can repeat after a crash until it
is done: the current files move aside, the restored ones move in. Without the
marker, ``.restore/`` is an unfinished copy and is simply removed.

Only ``os`` and ``pathlib`` are used here: the lock screen calls `finish_restore`
while it lists journals, before SQLAlchemy or SQLCipher have loaded.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal.files import read_regular_text
from journal.storage.journal_files import DATABASE_NAME, HEADER_NAME, companions

STAGING = ".restore"
READY = "READY"


def staging_dir(journal_folder: Path) -> Path:
    """The folder where a restore's copy waits until it replaces the journal's files
    (`<journal folder>/.restore`); it exists only while a restore is unfinished."""
    return journal_folder / STAGING


# Journal folders a restore in this process is writing into: their `.restore/` is a
# copy under way, not one a crash left, so `finish_restore` leaves it alone.
_UNDER_WAY: set[Path] = set()


@contextmanager
def restoring(journal_folder: Path) -> Iterator[None]:
    """Mark ``journal_folder`` as being restored by this process for the block: any
    other `finish_restore` of it (the lock screen lists journals at every lock) then
    does nothing. Before, a lock during a restore dropped the copy being checked and
    the restore failed with "The database file could not be opened"."""
    key = journal_folder.resolve()
    _UNDER_WAY.add(key)
    try:
        yield
    finally:
        _UNDER_WAY.discard(key)


def finish_restore(journal_folder: Path) -> bool:
    """Complete a restore whose copy was ready, or drop one that was not, unless a
    restore in this process is writing it (`restoring`).

    Returns True when a restore was completed here. Safe to call at any time and
    repeatedly; does nothing when no restore is pending.
    """
    if journal_folder.resolve() in _UNDER_WAY:
        return False
    return _finish(journal_folder)


def _finish(journal_folder: Path) -> bool:
    staging = staging_dir(journal_folder)
    if not staging.is_dir():
        return False
    marker = staging / READY
    if not marker.is_file():
        shutil.rmtree(staging, ignore_errors=True)
        return False
    aside = journal_folder / read_regular_text(marker).strip()
    aside.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The live database's companions move aside first: a stale WAL must never meet a
    # database it does not belong to.
    for companion in companions(journal_folder / DATABASE_NAME):
        if companion.exists():
            os.replace(companion, aside / companion.name)
    for name in (DATABASE_NAME, HEADER_NAME):
        if not (staging / name).exists():
            continue  # moved in before a crash
        if (journal_folder / name).exists():
            os.replace(journal_folder / name, aside / name)
        os.replace(staging / name, journal_folder / name)
    _fsync_dir(aside)
    _fsync_dir(journal_folder)
    if not any(aside.iterdir()):
        aside.rmdir()  # nothing was there before (a journal restored onto a new computer)
    shutil.rmtree(staging, ignore_errors=True)
    return True


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

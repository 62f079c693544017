"""Crash-safe file replacement: temp file, fsync, rename, fsync of the folder.

After `atomic_write_bytes` returns, the file holds either the old or the new bytes
on disk, never a mix, whatever happens to the process or the power.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from journal.errors import DiskFull, StorageFailed
from journal.paths import FILE_MODE
from journal.storage.failures import chosen_place_failure


def fsync_dir(folder: Path) -> None:
    """Flush ``folder``'s entries to disk, so a rename in it survives a power cut.

    Raises OSError as os.open and os.fsync do.
    """
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` crash-safely (a file of Solace's own, in the data
    folder). Raises `DiskFull` (the editor's words: kept and retried) or `StorageFailed`."""
    try:
        _replace(path, data)
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise DiskFull() from error
        raise StorageFailed(error.strerror or type(error).__name__) from error


def write_to_chosen_place(path: Path, data: bytes, what: str) -> None:
    """Replace ``path``, a file at a place the person chose (a PDF summary, a CSV
    export), with ``data`` crash-safely. Raises `PlaceRefused` before writing when
    ``path`` lies inside Solace's data folder or among a journal's files (what is
    written there is plain text: `places.place_problem`), and `PlaceNotWritten` for that
    place (full, read-only, or the system's reason), never the editor's full-disk
    words: nothing is kept in a window and nothing is retried; ``what`` names the file
    ("summary")."""
    from journal.storage.places import Writes, refuse_protected

    refuse_protected(path, Writes.PLAIN_TEXT)
    try:
        _replace(path, data)
    except OSError as error:
        raise chosen_place_failure(error, what, path.parent) from error


def _replace(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError:
        with contextlib.suppress(OSError):  # never hides the error that matters
            tmp.unlink(missing_ok=True)
        raise

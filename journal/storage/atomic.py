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
    """Write ``data`` to ``path`` all or nothing: a temporary file beside it, fsync, rename,
    then fsync of the folder. The file is 0600. Raises OSError (the temporary file is
    removed and ``path`` is left as it was).
    """
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
    except OSError as error:
        with contextlib.suppress(OSError):  # never hides the error that matters
            tmp.unlink(missing_ok=True)
        if error.errno == errno.ENOSPC:
            raise DiskFull() from error
        raise StorageFailed(error.strerror or type(error).__name__) from error

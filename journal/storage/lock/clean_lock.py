"""A journal's database as the last clean lock left it, so an unlock may trust its pages.

Every unlock checks the HMAC of every page of ``journal.db`` before anything writes to
it (issue 16, `journal.storage.safekeeping.damage.keyed_problem`): about the cost of
reading and hashing the whole file, most of an unlock's own time at 10k and 100k
entries (issue 12). A file that nothing has touched since Solace locked it cleanly
(checkpointed, closed) holds exactly the pages that check or an earlier one passed,
plus what SQLCipher itself wrote under the key. So a clean lock records the file's
identity in a small note beside it (`NOTE_NAME`), and an unlock that finds the file
still the same skips the page walk.

"The same" is strict, and every doubt means the full check:

* the note is there, readable, and names the same device, inode, size, modification
  time and status-change time (``st_ctime``, which the kernel sets on every write,
  truncation, rename into place or change of mode, and which no program can set
  back); a copy, a sync tool, a restore, an editor or ``touch`` each change one;
* there is no WAL beside the file: a session that ends in a crash leaves one, or has
  written the file (a checkpoint), which changes its times; and the note is taken
  away once an unlock has opened the journal (`forget`), so none is there while it
  is open (an unlock that is refused, a database from a newer Solace, changes no
  file);
* a lock notes the file only when it is still the very file the unlock checked (same
  device and inode, `file_id`): a sync tool that put another file in its place during
  the session is not vouched for;
* the note is written in a later tick of the file system's clock than the file's last
  change (its own modification time is later than the file's ``st_ctime``): the kernel
  stamps files with a coarse clock (a few milliseconds; 2 s on FAT), so a change in
  the same tick as the lock's last write would leave every time as noted (git calls
  such an index entry "racily clean"). When the tick has not moved after a short wait
  (`TICK_WAIT_S`), nothing is noted.

What it cannot see is damage below the file system (a disk that flips a bit on its
own, with no write): SQLCipher still refuses such a page when it is read (its HMAC
fails), and the next backup's check (`check_pages`) finds it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from pathlib import Path

from journal.files import read_regular
from journal.storage.atomic import atomic_write_bytes

__all__ = ["NOTE_NAME", "file_id", "forget", "record", "untouched_since_lock"]

NOTE_NAME = ".clean-lock"
_FIELDS = ("st_dev", "st_ino", "st_size", "st_mtime_ns", "st_ctime_ns")
# Seconds to wait, once, for the file system's clock to pass the tick of the file's last
# change (Linux stamps files once per jiffy: 1-10 ms).
TICK_WAIT_S = 0.012

log = logging.getLogger(__name__)


def _identity(db_path: Path) -> dict[str, int]:
    """The fields of ``db_path``'s status that any change to the file changes. Raises
    OSError when it cannot be read."""
    status = os.stat(db_path, follow_symlinks=False)
    return {field: int(getattr(status, field)) for field in _FIELDS}


def file_id(db_path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``db_path``, or None when it cannot be read."""
    try:
        status = os.stat(db_path, follow_symlinks=False)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def record(db_path: Path, checked: tuple[int, int] | None) -> None:
    """Note ``db_path`` (a journal's database, just checkpointed and closed by a clean
    lock) as trusted as it is now, in `NOTE_NAME` beside it, when it is still the file
    whose `file_id` was ``checked`` at unlock (None: nothing is noted). Never raises:
    when nothing may be noted or the note cannot be written (a full disk) any old one
    is removed, and the next unlock checks every page, as it would anyway."""
    note = db_path.with_name(NOTE_NAME)
    try:
        if checked is None or file_id(db_path) != checked:
            raise FileNotFoundError("not the file checked at unlock")
        if db_path.with_name(db_path.name + "-wal").exists():
            raise FileExistsError("a WAL is left")  # not closed cleanly: nothing to note
        identity = _identity(db_path)
        if untouched_since_lock(db_path):
            return  # noted so already (an unlock that changed nothing): left as it is
        for _attempt in range(2):
            atomic_write_bytes(note, json.dumps(identity).encode("ascii"))
            if _written_later(note, identity):
                return
            time.sleep(TICK_WAIT_S)
        raise TimeoutError("the file system's clock did not move on")
    except Exception as error:
        log.info("no clean lock noted: %s", type(error).__name__)
        with contextlib.suppress(OSError):
            note.unlink(missing_ok=True)


def untouched_since_lock(db_path: Path) -> bool:
    """True when ``db_path`` is exactly as the last clean lock noted it (see the
    module's description); False on any doubt: no note, an unreadable one, a
    different identity, a WAL beside the file."""
    try:
        if db_path.with_name(db_path.name + "-wal").exists():
            return False
        note = db_path.with_name(NOTE_NAME)
        noted = json.loads(read_regular(note))
        return (
            isinstance(noted, dict) and noted == _identity(db_path) and _written_later(note, noted)
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _written_later(note: Path, identity: dict[str, int]) -> bool:
    """Whether ``note`` was written in a later tick of the file system's clock than the
    last change of the file whose ``identity`` it holds. Raises OSError, KeyError."""
    return os.stat(note, follow_symlinks=False).st_mtime_ns > identity["st_ctime_ns"]


def forget(db_path: Path) -> None:
    """Take away the note beside ``db_path`` (the journal is open: its file is no
    longer as the lock left it). Never raises: a note that cannot be removed vouches
    for nothing once the file has changed (`untouched_since_lock`)."""
    try:
        db_path.with_name(NOTE_NAME).unlink(missing_ok=True)
    except OSError as error:
        log.info("the clean lock's note stays: %s", type(error).__name__)

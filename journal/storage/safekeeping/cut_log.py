"""A journal's write-ahead log found cut short is kept aside before the journal opens.

A ``journal.db-wal`` of a length SQLite never leaves (`wal.cut_short`: a copy or a
sync that stopped early, a file-system repair) opens as a healthy journal without the
commits it lost, and the checkpoint at the next lock writes that journal into
``journal.db`` and deletes the log, the evidence with it (break test 16 of session 17,
finding 1). Before the unlock opens the database, `keep_cut_log` copies the log as it
is beside the journal, under a name SQLite never touches, so no checkpoint deletes
it; the journal then opens with what SQLite reads of the log, and the person is told
(`CUT_LOG_WORDS`).

The copy holds what the log holds: SQLCipher-encrypted pages and SQLite's frame
headers, never plaintext. It is written crash-safely (temp file, fsync, rename) with
the mode of a journal's own files.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from journal.files import NotAFile, open_regular
from journal.storage.atomic import atomic_write_bytes
from journal.storage.journal_files import wal_of
from journal.storage.safekeeping.wal import HEADER_BYTES, cut_short

__all__ = ["CUT_LOG_PREFIX", "cut_log_words", "keep_cut_log", "kept_cut_logs"]

#: The start of a kept log's name, in the journal's folder: the log's own name and the
#: moment it was kept (UTC), "journal.db-wal.cut-20261202T080500Z".
CUT_LOG_PREFIX = "journal.db-wal.cut-"


def keep_cut_log(db_path: Path, page_size: int) -> Path | None:
    """Copy the WAL beside the database ``db_path`` (pages of ``page_size`` bytes) to
    a file of its own in the same folder when it is cut short (`wal.cut_short`), and
    return that file; None when there is no WAL, it is of a shape SQLite leaves, or a
    copy byte for byte the same is kept already (returned then instead).

    Raises `DiskFull` or `StorageFailed` when the copy cannot be written: the journal
    is then not opened, so the log stays as it is."""
    wal = wal_of(db_path)
    try:
        with open_regular(wal) as handle:
            size = os.fstat(handle.fileno()).st_size
            if not cut_short(size, handle.read(HEADER_BYTES), page_size):
                return None
            handle.seek(0)
            data = handle.read()
    except (OSError, NotAFile):
        return None  # none, or not a file: `damage.file_problem` tells that one
    for kept in kept_cut_logs(db_path.parent):
        if kept.stat().st_size == len(data) and kept.read_bytes() == data:
            return kept  # kept at an earlier unlock that did not open it
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = db_path.with_name(f"{CUT_LOG_PREFIX}{stamp}")
    atomic_write_bytes(kept, data)
    return kept


def kept_cut_logs(folder: Path) -> list[Path]:
    """The cut logs kept in the journal ``folder`` (`keep_cut_log`), oldest first."""
    return sorted(p for p in folder.glob(f"{CUT_LOG_PREFIX}*") if p.is_file())


def cut_log_words(kept: Path, after_failed_save: bool = False) -> str:
    """What the person is told once the journal opened after its log ``kept`` was found
    cut short: calmly, what may be missing, that nothing is deleted, where it is kept,
    and what can help.

    ``after_failed_save``: words Solace could not save were sealed beside the journal
    at the last lock (a full disk) and came back at this unlock. A save that fails
    leaves its unfinished frames at the log's end, never acknowledged, so the log ends
    where that save stopped: nothing saved is missing, and advice to restore an older
    backup would only put back a journal without those words (break test 16c of
    session 26, finding 1)."""
    if after_failed_save:
        return (
            "Solace could not finish its last save into the journal (the disk was full "
            "or could not be written), so the journal's log of its latest changes "
            "(journal.db-wal) ends where that save stopped. Nothing that was saved is "
            "missing: what you were writing then was kept encrypted beside the journal, "
            "and it is back. The unfinished log is kept, encrypted as it was, beside the "
            f"journal as {kept.name}."
        )
    return (
        "The journal's log of its latest changes (journal.db-wal) was cut short, as a "
        "copy, a sync or a repair of the disk that stopped early leaves it, or as Solace "
        "leaves it when it is stopped while saving. So the latest changes you made may "
        "be missing. Solace opened everything the log still holds, and kept the cut log, "
        f"encrypted as it was, beside the journal as {kept.name}: nothing of it is "
        "deleted. If something you wrote lately is missing, a backup file you made "
        "since may hold it: Restore a backup… in Settings brings it back, and keeps "
        "this journal aside first."
    )

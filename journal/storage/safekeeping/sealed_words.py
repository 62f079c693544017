"""The words a damaged journal kept sealed at its last lock, carried into a rescue.

When the last save before a lock failed (a full disk, files that refuse writes, a
damaged database), the lock sealed the unsaved words with the journal's data key in
`drafts.sealed` beside its database (`journal.storage.lock.drafts`), or held them in
memory when not even that file could be written. A rescue reads the damaged
journal with that same key, so it opens them too and seals them again for the new
journal, whose first unlock puts them back where they were being written (the editor,
the body log, a dialog) and saves them there. Left behind, they were lost without a
word with the damaged journal (break test 16 of session 13, finding 3).
"""

from __future__ import annotations

import contextlib
import enum
from pathlib import Path

from journal.errors import JournalDamaged, JournalMissing
from journal.storage.lock import drafts
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.vault import kept_headers, read_header


class Carried(enum.Enum):
    """What became of the damaged journal's sealed words in a rescue."""

    NONE = "none"  # there were none
    CARRIED = "carried"  # sealed again for the new journal: back in place at its unlock
    UNREADABLE = "unreadable"  # there were some, but they did not open with the key
    NOT_WRITTEN = "not written"  # they opened, but the new journal's file was not written


def waiting(folder: Path, held: bytes | None = None) -> bool:
    """Whether words sealed at a lock wait for the journal in ``folder``: ``held`` bytes
    kept in memory for it, or its `drafts.sealed` file."""
    return held is not None or drafts.read_sealed(folder) is not None


def _journal_ids(folder: Path) -> list[str]:
    """The ids the journal in ``folder`` may have sealed its words under: its key
    file's, those of the key files kept with its backups, and its folder's name."""
    ids: list[str] = []
    with contextlib.suppress(JournalDamaged, JournalMissing):
        ids.append(read_header(folder).journal_id)
    ids += [header.journal_id for header in kept_headers(folder)]
    ids.append(folder.name)
    return list(dict.fromkeys(ids))


def carry(
    folder: Path, key: bytes | bytearray, into: OpenJournal, held: bytes | None = None
) -> Carried:
    """Open the words sealed for the damaged journal in ``folder`` (``held`` in memory,
    else its `drafts.sealed`) with its data ``key`` and seal them for the new journal
    ``into`` beside its database. Nothing in ``folder`` is written or removed. Never
    raises: what happened comes back as a `Carried`."""
    found = opened(folder, key, held)
    if found is None:
        return Carried.UNREADABLE
    if not found:
        return Carried.NONE
    if into.keep_drafts(found) is not None:  # the new journal's small file not written
        return Carried.NOT_WRITTEN
    return Carried.CARRIED


def opened(
    folder: Path, key: bytes | bytearray, held: bytes | None = None
) -> dict[str, str] | None:
    """The words sealed for the damaged journal in ``folder`` (``held`` in memory, else
    its `drafts.sealed`), opened with its data ``key`` ({area id: draft}); {} when there
    are none, None when there are some that do not open (their file is damaged too).
    Reads only; never raises for a damaged file."""
    sealed = held if held is not None else drafts.read_sealed(folder)
    if sealed is None:
        return {}
    for journal_id in _journal_ids(folder):
        found = drafts.unseal(key, journal_id, sealed)
        if found is not None:
            return found
    return None

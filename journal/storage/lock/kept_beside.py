"""A journal's file that Solace replaces is kept beside it under a name of its own.

A key file found damaged (or another journal's) at unlock is replaced by the copy kept
with the backups, and the file found is kept in the journal's folder as evidence of
what changed it. It was always kept as ``vault.json.damaged``, so a second damaged key
file silently replaced the first, while the note said "nothing else was changed" (break
test 16 of session 18, re-test R4): a repeat is exactly the failing disk or sync tool
the note warns about, where the earlier file matters. Each file is now kept under its
own name, stamped to the second in UTC as the backups are, and never over another file:
``vault.json.damaged-20261202T125558Z`` (``-2``, ``-3``… added within one second).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["ANOTHER_JOURNAL", "DAMAGED", "PutBack", "keep_beside", "kept_beside"]

#: Why a file was kept, the word after its own name.
DAMAGED = "damaged"
ANOTHER_JOURNAL = "another-journal"

_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True, slots=True)
class PutBack:
    """A journal's key file put back from a kept copy
    (`journal.storage.lock.journal.restore_header`): ``kept`` is where the file found in
    its place was kept (`keep_beside`), None when there was none (it was missing)."""

    kept: Path | None


def keep_beside(path: Path, why: str) -> Path:
    """Move the file ``path`` to a new name in its folder, ``<name>.<why>-<stamp>``
    (``why``: `DAMAGED` or `ANOTHER_JOURNAL`; the stamp: now, in UTC to the second),
    with ``-2``, ``-3``… added when that name is taken, so no file kept before is
    replaced. Returns the new path. Raises OSError when the file cannot be moved."""
    stamp = datetime.now(UTC).strftime(_STAMP)
    base = f"{path.name}.{why}-{stamp}"
    kept, number = path.with_name(base), 1
    while kept.exists() or kept.is_symlink():
        number += 1
        kept = path.with_name(f"{base}-{number}")
    path.rename(kept)
    return kept


def kept_beside(path: Path, why: str) -> list[Path]:
    """The files kept beside ``path`` by `keep_beside` for ``why`` (with
    ``<name>.damaged``, the one name Solace kept damaged ones under before), oldest
    first."""
    return sorted(
        p for p in path.parent.glob(f"{path.name}.{why}*") if p.is_file() and not p.is_symlink()
    )

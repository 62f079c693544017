"""What a person shares: their shared entries, making one private, the recovery switch,
the name they are shown by, and a one-journal couple's writers."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select, true, update

from journal.domain.entries.entry import EntrySummary
from journal.domain.together.writers import Writers, check_writers
from journal.storage.database import Database
from journal.storage.entries.models import EntryRow
from journal.storage.entries.repository import SUMMARY_COLUMNS, summary_from_row
from journal.storage.id_batches import id_batches
from journal.storage.together.models import EntryWriterRow
from journal.storage.together.settings import (
    MY_NAME,
    MY_NAME_MAX,
    SHARE_RECOVERY,
    SHARING_EXPLAINED,
    WRITERS,
    read_flag,
    write_flag,
)

__all__ = ["Sharing"]


class Sharing:
    """One open journal's sharing choices. Each call is one short transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # entries ---------------------------------------------------------------------
    def shared_entries(self) -> list[EntrySummary]:
        """Every shared entry, newest first ("What I share")."""
        query = (
            select(*SUMMARY_COLUMNS)
            .where(EntryRow.shared == true())
            .order_by(EntryRow.created_at.desc(), EntryRow.seq.desc())
        )
        with self._db.session() as session:
            return [summary_from_row(row) for row in session.execute(query).all()]

    def shared_among(self, entry_ids: Sequence[str]) -> set[str]:
        """Which of ``entry_ids`` are shared now (ids only: no text is read), asked
        a few hundred at a time (`id_batches`), within SQLite's limit of bound values.

        Each entry is found by its id and its flag read (one index lookup an id).
        Asked as "shared and among these ids", SQLite walked the index of every shared
        entry instead: 114 ms for the 200 rows of the journal's list at 100k entries
        (20k of them shared) against 3 ms, at every unlock and Ctrl+1 (issue 12)."""
        shared: set[str] = set()
        with self._db.session() as session:
            for ids in id_batches(entry_ids):
                query = select(EntryRow.id, EntryRow.shared).where(EntryRow.id.in_(ids))
                rows = session.execute(query)
                shared.update(entry_id for entry_id, is_shared in rows if is_shared)
        return shared

    def set_shared(self, entry_id: str, shared: bool) -> None:
        """Share an entry or make it private again (its text is not touched)."""
        with self._db.session() as session:
            session.execute(update(EntryRow).where(EntryRow.id == entry_id).values(shared=shared))

    def make_private(self, entry_id: str) -> None:
        self.set_shared(entry_id, False)

    # switches ----------------------------------------------------------------------
    @property
    def shares_recovery(self) -> bool:
        return read_flag(self._db, SHARE_RECOVERY)

    def set_shares_recovery(self, on: bool) -> None:
        write_flag(self._db, SHARE_RECOVERY, on)

    @property
    def sharing_explained(self) -> bool:
        return read_flag(self._db, SHARING_EXPLAINED)

    def set_sharing_explained(self) -> None:
        write_flag(self._db, SHARING_EXPLAINED, True)

    def my_name(self, default: str) -> str:
        """The name this journal's writer goes by in Together: the one set, else
        ``default`` (the journal's name) when it fits `MY_NAME_MAX`, else "". A longer
        journal name was offered cut to its first 40 characters ("…winter 2026,"),
        the name the partner reads (issue 10, break test of session 25, F4)."""
        return self._db.get_setting(MY_NAME, "") or (default if len(default) <= MY_NAME_MAX else "")

    def shown_name(self, journal_name: str) -> str:
        """The name this journal's writer is shown by in Together, never empty: the one
        set, else ``journal_name`` whole (a journal always has one). `my_name` leaves a
        journal name too long for "Your name" out of that field, to be typed anew; as
        the name shown, it was nothing at all ("Keep 's response", break test 39,
        finding 3)."""
        return self._db.get_setting(MY_NAME, "") or journal_name

    def set_my_name(self, name: str) -> None:
        """Keep ``name``, its runs of spaces made one, at most `MY_NAME_MAX` characters
        (the field takes no more)."""
        self._db.set_setting(MY_NAME, " ".join(name.split())[:MY_NAME_MAX])

    # one journal, two writers --------------------------------------------------------
    def writers(self) -> Writers | None:
        lines = self._db.get_setting(WRITERS, "").split("\n")
        if len(lines) != 2:
            return None
        return check_writers(*lines)[0]

    def set_writers(self, first: str, second: str) -> str:
        """Name the two writers; returns a kind problem (nothing stored) or ""."""
        writers, problem = check_writers(first, second)
        if writers is None:
            return problem
        self._db.set_setting(WRITERS, f"{writers.first}\n{writers.second}")
        return ""

    def stop_writers(self) -> None:
        """Back to a journal of one (each entry keeps its recorded writer)."""
        self._db.set_setting(WRITERS, "")

    def writer_of(self, entry_id: str) -> int | None:
        with self._db.session() as session:
            return session.scalar(
                select(EntryWriterRow.writer).where(EntryWriterRow.entry_id == entry_id)
            )

    def set_writer(self, entry_id: str, writer: int | None) -> None:
        """Record writer 1 or 2 for a saved entry (None: forget it)."""
        with self._db.session() as session:
            session.execute(delete(EntryWriterRow).where(EntryWriterRow.entry_id == entry_id))
            if writer is not None:
                session.add(EntryWriterRow(entry_id=entry_id, writer=writer))

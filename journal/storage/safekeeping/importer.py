"""Writing an import into the open journal: a backup first, then one transaction.

Entries go in through the entries' bulk insert (`insert_entries`), so the search
index and the tag and feeling tables are filled as for any entry; ids already in
the journal are skipped. Other tables from a Solace export are merged row by row:
a row whose key is already there is left as it is; rows of tables keyed by a
counter are added only when no identical row exists.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, Table, and_, insert, select
from sqlalchemy.orm import Session

from journal.domain.common.local_time import known_zone
from journal.domain.entries.entry import Entry
from journal.domain.entries.feelings import Mood
from journal.domain.entries.tags import extract_hashtags
from journal.domain.safekeeping.imported import ImportedEntry, ImportPlan
from journal.domain.safekeeping.rotation import Reason
from journal.storage.database import Database
from journal.storage.entries.repository import insert_entries
from journal.storage.lock.engine import open_engine
from journal.storage.lock.journal import OpenJournal
from journal.storage.lock.vault import DATABASE_NAME
from journal.storage.safekeeping.backups import take_backup
from journal.storage.safekeeping.export import SKIPPED_TABLES
from journal.storage.schema import metadata
from journal.storage.types import UtcDateTime


@dataclass(frozen=True, slots=True)
class ImportResult:
    """How many entries and other rows were added (duplicates are not counted)."""

    entries: int
    rows: int


def existing_ids(db: Database) -> set[str]:
    from journal.storage.entries.models import EntryRow

    with db.session() as session:
        return set(session.scalars(select(EntryRow.id)))


@contextmanager
def own_database(journal: OpenJournal) -> Iterator[Database]:
    """The open journal through a connection of its own, for a worker thread."""
    database = Database(open_engine(journal.folder / DATABASE_NAME, journal.data_key))
    try:
        yield database
    finally:
        database.close()


def apply(
    journal: OpenJournal, plan: ImportPlan, *, db: Database | None = None, backup: bool = True
) -> ImportResult:
    """Back up (``Reason.BEFORE_IMPORT``), then write ``plan`` in one transaction.

    ``db`` is the connection to write through (the journal's own by default; a
    worker thread passes `own_database`). Raises what a backup raises (then nothing
    is imported), `EntryTooLong`, or a storage error (then the transaction is rolled
    back and nothing is imported).
    """
    database = db or journal.db
    if backup:
        take_backup(database.engine, journal.folder, journal.data_key, Reason.BEFORE_IMPORT)
    with database.session() as session:
        added = insert_entries(session, [_entry(e) for e in plan.entries])
        rows = sum(_merge(session, name, rows) for name, rows in plan.tables.items())
    return ImportResult(len(added), rows)


def _with_hashtags(tags: tuple[str, ...], body: str) -> tuple[str, ...]:
    """The imported tags as they are (a Solace export comes back exactly), then the
    ``#tags`` of the text not among them: they count at once, as when typed."""
    return tags + tuple(tag for tag in sorted(extract_hashtags(body)) if tag not in tags)


def _entry(e: ImportedEntry) -> Entry:
    mood = Mood(e.mood) if e.mood is not None and e.mood in {m.value for m in Mood} else None
    return Entry(
        id=e.id,
        created_at=e.created_at,
        updated_at=e.updated_at,
        title=e.title,
        body=e.body,
        mood=mood,
        feelings=e.feelings,
        tags=_with_hashtags(e.tags, e.body),
        shared=e.shared,
        prompt_id=e.prompt_id,
        zone=known_zone(e.zone),  # where it was written (Day One's timeZone)
    )


def new_rows(db: Database, plan: ImportPlan) -> int:
    """How many rows of the plan's other tables are not in the journal yet (for the
    preview; nothing is written)."""
    with db.session() as session:
        return sum(_merge(session, name, rows, write=False) for name, rows in plan.tables.items())


def _merge(session: Session, name: str, rows: list[dict[str, Any]], *, write: bool = True) -> int:
    table = metadata().tables.get(name)
    if table is None or name in SKIPPED_TABLES:
        return 0
    added = 0
    keys = [c.name for c in table.primary_key.columns]
    counter = len(keys) == 1 and table.c[keys[0]].autoincrement is True
    for raw in rows:
        row = {c.name: _value(c, raw[c.name]) for c in table.columns if c.name in raw}
        if counter:
            row.pop(keys[0], None)
            if _row_exists(session, table, row):
                continue
        elif not all(k in row for k in keys) or _row_exists(
            session, table, {k: row[k] for k in keys}
        ):
            continue
        if write:
            session.execute(insert(table).values(**row))
        added += 1
    return added


def _row_exists(session: Session, table: Table, values: dict[str, Any]) -> bool:
    condition = and_(
        *(table.c[k] == v if v is not None else table.c[k].is_(None) for k, v in values.items())
    )
    return (
        session.execute(select(1).select_from(table).where(condition).limit(1)).first() is not None
    )


def _value(column: Any, value: Any) -> Any:
    if value is None or not isinstance(value, str):
        return value
    if isinstance(column.type, UtcDateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    return value

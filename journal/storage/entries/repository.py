"""Saving, loading, listing and deleting journal entries.

Every call opens one short session on the open journal. Callers get domain
dataclasses (`Entry`, `EntrySummary`), never ORM rows.

Times: stored as naive UTC, returned timezone-aware (UTC); "days" are the
person's local days (SQLite's ``localtime``, the same clock Python uses).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from journal.domain.entries.entry import Entry, EntrySummary, check_entry_size, make_headline
from journal.domain.entries.feelings import Mood, normalise_feeling
from journal.errors import SolaceError
from journal.storage.database import Database
from journal.storage.entries.models import EntryFeeling, EntryRow, EntryTag

JOIN = "\n"


class EntryTooLong(SolaceError):
    """An entry body over the limit: the message comes from `check_entry_size`."""


def to_db_time(value: datetime) -> datetime:
    """Naive UTC, the way times are stored."""
    return value.astimezone(UTC).replace(tzinfo=None)


def from_db_time(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC)


def local_day_start(day: date) -> datetime:
    """Midnight at the start of a local day, as stored (naive UTC)."""
    return to_db_time(datetime.combine(day, time()).astimezone())


def split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split(JOIN) if part)


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a page of the timeline ended (keyset paging, newest first)."""

    created_at: datetime
    seq: int


SUMMARY_COLUMNS = (
    EntryRow.id,
    EntryRow.created_at,
    EntryRow.headline,
    EntryRow.mood,
    EntryRow.feelings,
    EntryRow.tags,
    EntryRow.shared,
)


def summary_from_row(
    row: Row[tuple[str, datetime, str, int | None, str, str, bool]] | Sequence[object],
) -> EntrySummary:
    entry_id, created_at, headline, mood, feelings, tags, shared = tuple(row)[:7]
    assert isinstance(created_at, datetime)
    return EntrySummary(
        id=str(entry_id),
        created_at=from_db_time(created_at),
        headline=str(headline),
        mood=Mood(int(str(mood))) if mood is not None else None,
        feelings=split(str(feelings)),
        tags=split(str(tags)),
        shared=bool(shared),
    )


def clean_feelings(feelings: Sequence[str]) -> tuple[str, ...]:
    cleaned = (normalise_feeling(feeling) for feeling in feelings)
    return tuple(dict.fromkeys(feeling for feeling in cleaned if feeling))


class EntryRepository:
    """The entries of one open journal."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # writing --------------------------------------------------------------------
    def save(self, entry: Entry) -> None:
        """Insert or update one entry (a single short transaction).

        Only columns that changed are written, so saving a new mood does not
        re-index the text.
        """
        problem = check_entry_size(entry.body)
        if problem:
            raise EntryTooLong(problem)
        feelings = clean_feelings(entry.feelings)
        tags = tuple(dict.fromkeys(entry.tags))
        values = {
            "title": entry.title,
            "body": entry.body,
            "headline": make_headline(entry.title, entry.body),
            "mood": int(entry.mood) if entry.mood is not None else None,
            "shared": entry.shared,
            "prompt_id": entry.prompt_id,
            "tags": JOIN.join(tags),
            "feelings": JOIN.join(feelings),
            "updated_at": to_db_time(entry.updated_at),
        }
        with self.db.session() as session:
            columns = EntryRow.__table__.c
            current = session.execute(
                select(columns.seq, *(columns[key] for key in values)).where(
                    EntryRow.id == entry.id
                )
            ).one_or_none()
            if current is None:
                seq = session.execute(
                    insert(EntryRow)
                    .values(id=entry.id, created_at=to_db_time(entry.created_at), **values)
                    .returning(EntryRow.seq)
                ).scalar_one()
                self._write_links(session, seq, feelings, tags, replace=False)
                return
            seq = current.seq
            changed = {
                key: value for key, value in values.items() if getattr(current, key) != value
            }
            if not changed:
                return
            session.execute(update(EntryRow).where(EntryRow.seq == seq).values(**changed))
            if "feelings" in changed or "tags" in changed:
                self._write_links(session, seq, feelings, tags, replace=True)

    @staticmethod
    def _write_links(
        session: Session, seq: int, feelings: Sequence[str], tags: Sequence[str], *, replace: bool
    ) -> None:
        if replace:
            session.execute(delete(EntryFeeling).where(EntryFeeling.entry_seq == seq))
            session.execute(delete(EntryTag).where(EntryTag.entry_seq == seq))
        if feelings:
            session.execute(
                insert(EntryFeeling), [{"entry_seq": seq, "feeling": f} for f in feelings]
            )
        if tags:
            session.execute(insert(EntryTag), [{"entry_seq": seq, "tag": t} for t in tags])

    def delete(self, entry_id: str) -> bool:
        """Delete for good: the row, its feelings and tags (cascade) and its index
        entries (trigger). With secure_delete the freed space is zeroed."""
        with self.db.session() as session:
            result = session.execute(delete(EntryRow).where(EntryRow.id == entry_id))
            return bool(getattr(result, "rowcount", 0))

    # reading --------------------------------------------------------------------
    def get(self, entry_id: str) -> Entry | None:
        with self.db.session() as session:
            row = session.scalar(select(EntryRow).where(EntryRow.id == entry_id))
            if row is None:
                return None
            return Entry(
                id=row.id,
                created_at=from_db_time(row.created_at),
                updated_at=from_db_time(row.updated_at),
                title=row.title,
                body=row.body,
                mood=Mood(row.mood) if row.mood is not None else None,
                feelings=split(row.feelings),
                tags=split(row.tags),
                shared=row.shared,
                prompt_id=row.prompt_id,
            )

    def count(self) -> int:
        with self.db.session() as session:
            return int(session.scalar(select(func.count()).select_from(EntryRow)) or 0)

    def summaries(
        self, limit: int, after: Cursor | None = None
    ) -> tuple[list[EntrySummary], Cursor | None]:
        """One page of the timeline, newest first, and the cursor for the next page."""
        query = select(*SUMMARY_COLUMNS, EntryRow.seq).order_by(
            EntryRow.created_at.desc(), EntryRow.seq.desc()
        )
        if after is not None:
            stored = to_db_time(after.created_at)
            query = query.where(
                (EntryRow.created_at < stored)
                | ((EntryRow.created_at == stored) & (EntryRow.seq < after.seq))
            )
        with self.db.session() as session:
            rows = session.execute(query.limit(limit)).all()
        if not rows:
            return [], None
        last = rows[-1]
        return [summary_from_row(row) for row in rows], Cursor(
            from_db_time(last.created_at), last.seq
        )

    def summaries_page(self, offset: int, limit: int) -> list[EntrySummary]:
        """A page by position (for windowed views); `summaries` is cheaper deep down."""
        query = (
            select(*SUMMARY_COLUMNS)
            .order_by(EntryRow.created_at.desc(), EntryRow.seq.desc())
            .offset(offset)
            .limit(limit)
        )
        with self.db.session() as session:
            return [summary_from_row(row) for row in session.execute(query).all()]

    def days_with_entries(self, year: int, month: int) -> set[int]:
        """Local days of a month that have at least one entry."""
        first = date(year, month, 1)
        following = (first + timedelta(days=32)).replace(day=1)
        day = func.strftime("%d", EntryRow.created_at, "localtime")
        query = (
            select(day)
            .where(EntryRow.created_at >= local_day_start(first))
            .where(EntryRow.created_at < local_day_start(following))
            .distinct()
        )
        with self.db.session() as session:
            return {int(value) for value in session.scalars(query)}

    def entry_days(self, month: int, day: int) -> list[date]:
        """Local dates, in any year, with entries on this month and day (for looking back)."""
        local = func.date(EntryRow.created_at, "localtime")
        query = select(local).where(
            func.strftime("%m-%d", EntryRow.created_at, "localtime") == f"{month:02d}-{day:02d}"
        )
        with self.db.session() as session:
            return sorted({date.fromisoformat(str(v)) for v in session.scalars(query.distinct())})

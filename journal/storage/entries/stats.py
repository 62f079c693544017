"""Feelings over time: mood by day, week or month, and the feelings named most.

Periods are the person's local days; a week starts on Monday. These are
descriptions of what was written, never scores.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from journal.storage.database import Database
from journal.storage.entries.models import EntryFeeling, EntryRow
from journal.storage.entries.repository import local_day_start


class Bucket(enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class MoodPoint:
    period: date  # first local day of the day, week or month
    average: float  # 1.0 (very heavy) .. 5.0 (lighter)
    entries: int


def _period_expression(bucket: Bucket):  # type: ignore[no-untyped-def]
    if bucket is Bucket.DAY:
        return func.date(EntryRow.created_at, "localtime")
    if bucket is Bucket.WEEK:
        return func.date(EntryRow.created_at, "localtime", "weekday 0", "-6 days")
    return func.strftime("%Y-%m-01", EntryRow.created_at, "localtime")


def _in_range(query, start: date | None, end: date | None):  # type: ignore[no-untyped-def]
    if start is not None:
        query = query.where(EntryRow.created_at >= local_day_start(start))
    if end is not None:
        query = query.where(EntryRow.created_at < local_day_start(end + timedelta(days=1)))
    return query


def mood_series(
    db: Database, bucket: Bucket, start: date | None = None, end: date | None = None
) -> list[MoodPoint]:
    """Average mood per period, oldest first; periods with no mood are left out."""
    period = _period_expression(bucket).label("period")
    query = _in_range(
        select(period, func.avg(EntryRow.mood), func.count())
        .where(EntryRow.mood.is_not(None))
        .group_by(period)
        .order_by(period),
        start,
        end,
    )
    with db.session() as session:
        rows = session.execute(query).all()
    return [MoodPoint(date.fromisoformat(str(p)), float(a), int(n)) for p, a, n in rows]


def top_feelings(
    db: Database, start: date | None = None, end: date | None = None, limit: int = 5
) -> list[tuple[str, int]]:
    """The feelings named most often in the period, most first (ties by name)."""
    count = func.count().label("times")
    query = _in_range(
        select(EntryFeeling.feeling, count)
        .join(EntryRow, EntryRow.seq == EntryFeeling.entry_seq)
        .group_by(EntryFeeling.feeling)
        .order_by(count.desc(), EntryFeeling.feeling)
        .limit(limit),
        start,
        end,
    )
    with db.session() as session:
        return [(str(name), int(times)) for name, times in session.execute(query).all()]


def first_entry_day(db: Database) -> date | None:
    with db.session() as session:
        value = session.scalar(select(func.date(func.min(EntryRow.created_at), "localtime")))
    return date.fromisoformat(str(value)) if value else None

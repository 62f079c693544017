"""Feelings over time: mood by day, week or month, and the feelings named most.

Periods are the person's local days; a week starts on Monday. These are
descriptions of what was written, never scores.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from journal.domain.common.local_time import day_start, local_day
from journal.storage.database import Database
from journal.storage.entries.models import EntryFeeling, EntryRow
from journal.storage.entries.repository import ZONE_REACH


class Bucket(enum.Enum):
    """The period the mood chart averages over: a day, a week (from Monday) or a month."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class MoodPoint:
    """The average mood (1.0 very heavy to 5.0 lighter) of the entries of one period."""

    period: date  # first local day of the day, week or month
    average: float  # 1.0 (very heavy) .. 5.0 (lighter)
    entries: int


def period_of(day: date, bucket: Bucket) -> date:
    """The first local day of the day, week (Monday) or month holding ``day``."""
    if bucket is Bucket.DAY:
        return day
    if bucket is Bucket.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


def _in_range(query, start: date | None, end: date | None):  # type: ignore[no-untyped-def]
    """``query`` kept to entries whose own day (where each was written, `Entry.zone`) is
    within ``start`` .. ``end``: an indexed range widened by ``ZONE_REACH``, then each
    row by its day (``solace_local_day``)."""
    day = func.solace_local_day(EntryRow.created_at, EntryRow.zone)
    if start is not None:
        query = query.where(EntryRow.created_at >= day_start(start) - ZONE_REACH)
        query = query.where(day >= start.isoformat())
    if end is not None:
        query = query.where(EntryRow.created_at < day_start(end + timedelta(days=1)) + ZONE_REACH)
        query = query.where(day <= end.isoformat())
    return query


class MoodStats:
    """Mood and feelings over time in one open journal, by local day, week or month."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def mood_series(
        self, bucket: Bucket, start: date | None = None, end: date | None = None
    ) -> list[MoodPoint]:
        """Average mood per period, oldest first; periods with no mood are left out.

        Each entry falls on the day its own moment had where it was written (its own
        zone, or the computer's; the zone's rules at that moment), so grouping is done
        here rather than with SQLite's clock.
        """
        query = _in_range(
            select(EntryRow.created_at, EntryRow.mood, EntryRow.zone).where(
                EntryRow.mood.is_not(None)
            ),
            start,
            end,
        )
        totals: dict[date, list[int]] = {}
        with self._db.session() as session:
            for moment, mood, zone in session.execute(query):  # its day where it was written
                totals.setdefault(period_of(local_day(moment, zone), bucket), []).append(int(mood))
        return [
            MoodPoint(period, sum(moods) / len(moods), len(moods))
            for period, moods in sorted(totals.items())
        ]

    def top_feelings(
        self, start: date | None = None, end: date | None = None, limit: int = 5
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
        with self._db.session() as session:
            return [(str(name), int(times)) for name, times in session.execute(query).all()]

    def first_entry_day(self) -> date | None:
        """The local day of the oldest entry, or None in an empty journal."""
        with self._db.session() as session:
            oldest = session.execute(
                select(EntryRow.created_at, EntryRow.zone)
                .order_by(EntryRow.created_at, EntryRow.seq)
                .limit(1)
            ).first()
        return local_day(oldest[0], oldest[1]) if oldest is not None else None

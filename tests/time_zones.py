"""Time-zone helpers for tests: run code as if the computer were in another zone,
and moments that cluster around each zone's daylight-saving changes.

``in_zone`` sets ``TZ`` and calls ``time.tzset()`` (so Python, SQLite's C library
and Qt all see the zone), then restores both. The expected local values in the
tests come from ``zoneinfo`` directly, never from the code under test.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hypothesis import strategies as st

# Northern summer time, southern summer time, half-hour offset without DST, none at all.
ZONES = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC")
YEARS = (2024, 2025)


@contextmanager
def in_zone(name: str) -> Iterator[ZoneInfo | None]:
    """The process's local zone is ``name`` inside the block (its ZoneInfo, or None
    for a POSIX rule string that names no zone)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        try:
            zone: ZoneInfo | None = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            zone = None
        yield zone
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


@cache
def clock_changes(name: str, year: int) -> tuple[datetime, ...]:
    """The UTC moments in ``year`` when ``name``'s offset changes (to the minute)."""
    zone = ZoneInfo(name)
    changes: list[datetime] = []
    moment = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    step = timedelta(hours=6)
    while moment < end:
        after = moment + step
        if moment.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            low, high = moment, after
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if low.astimezone(zone).utcoffset() == middle.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            changes.append(high.replace(second=0, microsecond=0))
        moment = after
    return tuple(changes)


def _anchors(name: str) -> list[datetime]:
    """Each clock change of the years tested, or mid-year and new year where there are none."""
    found = [change for year in YEARS for change in clock_changes(name, year)]
    return found or [datetime(year, month, 1, tzinfo=UTC) for year in YEARS for month in (1, 7)]


@st.composite
def zone_and_moment(draw: st.DrawFn) -> tuple[str, datetime]:
    """A zone and an aware UTC moment to the millisecond, most of them within a few days
    of one of its clock changes and many of them near a local midnight."""
    name = draw(st.sampled_from(ZONES))
    anchor = draw(st.sampled_from(_anchors(name)))
    local_anchor = anchor.astimezone(ZoneInfo(name))
    day = local_anchor.date() + timedelta(days=draw(st.integers(-3, 3)))
    hour = draw(st.one_of(st.sampled_from([0, 1, 2, 3, 22, 23]), st.integers(0, 23)))
    wall = datetime(
        day.year,
        day.month,
        day.day,
        hour,
        draw(st.integers(0, 59)),
        draw(st.integers(0, 59)),
        draw(st.integers(0, 999)) * 1000,
        fold=draw(st.integers(0, 1)),
    )
    moment = wall.replace(tzinfo=ZoneInfo(name)).astimezone(UTC)
    near = draw(st.booleans())
    if not near:  # anywhere in the years tested, to the minute
        moment = datetime(YEARS[0], 1, 1, tzinfo=UTC) + timedelta(
            minutes=draw(st.integers(0, 2 * 366 * 24 * 60))
        )
    return name, moment


def local_date(moment: datetime, name: str) -> date:
    """The expected local day, from zoneinfo alone."""
    return moment.astimezone(ZoneInfo(name)).date()

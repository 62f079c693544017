"""The body log day by day: what the charts and the doctor's summary show.

One point per calendar day that has logs (in the person's time zone): the
heaviest bleeding, the strongest cramping and the highest temperature noted
that day. Mood, when the journal has it, is averaged per day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from journal.domain.body.log import BleedingLevel, BodyLog
from journal.domain.common.local_time import day_in

__all__ = ["DayPoint", "daily", "daily_moods"]


@dataclass(frozen=True, slots=True)
class DayPoint:
    """One calendar day of the body log, in the person's time zone.

    ``bleeding`` is the heaviest level logged that day, ``cramping`` the strongest (0 to 10),
    ``temperature_c`` the highest temperature in °C (None when none was taken), ``logs``
    how many logs the day has.
    """

    day: date
    bleeding: BleedingLevel
    cramping: int
    temperature_c: float | None
    logs: int


def daily(logs: Iterable[BodyLog], *, tz: tzinfo = UTC) -> list[DayPoint]:
    """One point per day with logs, in day order (the logs may come in any order)."""
    bleeding: dict[date, int] = {}
    cramping: dict[date, int] = {}
    temperature: dict[date, float] = {}
    count: dict[date, int] = {}
    for log in logs:
        day = day_in(log.logged_at, tz)
        bleeding[day] = max(bleeding.get(day, 0), int(log.bleeding))
        cramping[day] = max(cramping.get(day, 0), log.cramping)
        count[day] = count.get(day, 0) + 1
        if log.temperature is not None:
            celsius = log.temperature.celsius
            temperature[day] = max(temperature.get(day, celsius), celsius)
    return [
        DayPoint(day, BleedingLevel(bleeding[day]), cramping[day], temperature.get(day), count[day])
        for day in sorted(count)
    ]


def daily_moods(
    moods: Iterable[tuple[datetime, int]], *, tz: tzinfo = UTC
) -> list[tuple[date, float]]:
    """The average mood per day, in day order."""
    totals: dict[date, list[int]] = {}
    for moment, mood in moods:
        totals.setdefault(day_in(moment, tz), []).append(mood)
    return [(day, sum(values) / len(values)) for day, values in sorted(totals.items())]

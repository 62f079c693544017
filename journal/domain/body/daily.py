"""The body log day by day: what the charts and the doctor's summary show.

One point per calendar day that has logs (each log on its day where it was made, its
``zone``; the person's time zone for a log without one): the
heaviest bleeding, the strongest cramping, and the highest and lowest temperature
taken that day. Mood, when the journal has it, is averaged per day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from journal.domain.body.log import BleedingLevel, BodyLog
from journal.domain.common.local_time import recorded_day

__all__ = ["DayPoint", "daily", "daily_moods"]


@dataclass(frozen=True, slots=True)
class DayPoint:
    """One calendar day of the body log, in the person's time zone.

    ``bleeding`` is the heaviest level logged that day (None when no log of the day
    noted it), ``cramping`` the strongest (0 to 10; None when no log of the day noted it),
    ``temperature_c`` the highest temperature in °C (None when none was taken), ``logs``
    how many logs the day has, ``lowest_c`` the lowest temperature taken that day in °C
    (None when none was taken; the same as ``temperature_c`` with one reading).
    """

    day: date
    bleeding: BleedingLevel | None
    cramping: int | None
    temperature_c: float | None
    logs: int
    lowest_c: float | None = None


def daily(logs: Iterable[BodyLog], *, tz: tzinfo = UTC) -> list[DayPoint]:
    """One point per day with logs, in day order (the logs may come in any order)."""
    bleeding: dict[date, int] = {}
    cramping: dict[date, int] = {}
    temperature: dict[date, float] = {}
    lowest: dict[date, float] = {}
    count: dict[date, int] = {}
    for log in logs:
        day = recorded_day(log.logged_at, log.zone, tz)
        if log.bleeding is not None:  # a bleeding not noted is no "none"
            bleeding[day] = max(bleeding.get(day, 0), int(log.bleeding))
        if log.cramping is not None:  # a cramping not noted is no 0
            cramping[day] = max(cramping.get(day, 0), log.cramping)
        count[day] = count.get(day, 0) + 1
        if log.temperature is not None:
            celsius = log.temperature.celsius
            temperature[day] = max(temperature.get(day, celsius), celsius)
            lowest[day] = min(lowest.get(day, celsius), celsius)
    return [
        DayPoint(
            day,
            None if day not in bleeding else BleedingLevel(bleeding[day]),
            cramping.get(day),
            temperature.get(day),
            count[day],
            lowest.get(day),
        )
        for day in sorted(count)
    ]


def daily_moods(
    moods: Iterable[tuple[datetime, int, str | None]], *, tz: tzinfo = UTC
) -> list[tuple[date, float]]:
    """The average mood per day, in day order, from (moment aware UTC, mood 1-5, the
    entry's IANA zone or None) triples: each mood on the day its entry was written
    (`recorded_day`; ``tz``, the person's zone, for an entry without a zone), as the
    Journal's own mood chart puts it."""
    totals: dict[date, list[int]] = {}
    for moment, mood, zone in moods:
        totals.setdefault(recorded_day(moment, zone, tz), []).append(mood)
    return [(day, sum(values) / len(values)) for day, values in sorted(totals.items())]

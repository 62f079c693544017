"""Remembrance dates, and looking back at earlier entries on the same day.

Both are opt-in per date or off by default, and both stay quiet: an
acknowledgement is one line, it asks for nothing, and there is never a
countdown to a date.

Anniversaries fall on the same month and day. A date on 29 February is
remembered on 28 February in years without a 29th.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime


class RemembranceKind(enum.Enum):
    """What a remembrance date marks: the day of the loss, the due date, a name day or
    another day the person chose. Each has its own gentle acknowledgement.
    """

    LOSS_DATE = "loss_date"
    DUE_DATE = "due_date"
    NAME_DAY = "name_day"
    OTHER = "other"


_ACKNOWLEDGEMENT: dict[RemembranceKind, str] = {
    RemembranceKind.LOSS_DATE: (
        "Today may be a tender day. You don't need to do anything with it."
    ),
    RemembranceKind.DUE_DATE: (
        "This date may carry a lot. Be as gentle with yourself as you can today."
    ),
    RemembranceKind.NAME_DAY: (
        "A day to remember, in whatever way feels right to you, or quietly."
    ),
    RemembranceKind.OTHER: ("Today holds a date you chose to remember. Take it at your own pace."),
}


@dataclass(frozen=True, slots=True)
class RemembranceDate:
    """A date the person chose to keep. ``acknowledge`` is their opt-in, off by default."""

    id: str
    kind: RemembranceKind
    label: str
    day: date
    acknowledge: bool = False


def _valid_month_day(month_day: tuple[int, int]) -> bool:
    month, day = month_day
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]


@dataclass(frozen=True, slots=True)
class RemembrancePrefs:
    """``skip_on_this_day`` holds (month, day) pairs with no looking back."""

    acknowledge_days: bool = True
    on_this_day: bool = False
    skip_on_this_day: frozenset[tuple[int, int]] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        skipped = frozenset(self.skip_on_this_day)
        for month_day in skipped:
            if not _valid_month_day(month_day):
                raise ValueError(f"not a day of the year: {month_day!r}")
        object.__setattr__(self, "skip_on_this_day", skipped)


def anniversary_in(day: date, year: int) -> date:
    """``day``'s month and day in ``year``; 29 February becomes the 28th when needed."""
    if day.month == 2 and day.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return day.replace(year=year)


def acknowledgements(
    dates: Iterable[RemembranceDate], prefs: RemembrancePrefs, today: date
) -> list[str]:
    """One gentle line for each acknowledged date whose anniversary is ``today``.

    A date counts from the day itself onwards (a due date that has not come
    yet is not acknowledged early). Empty when ``prefs.acknowledge_days`` is off.
    """
    if not prefs.acknowledge_days:
        return []
    lines: list[str] = []
    for remembered in dates:
        if not remembered.acknowledge or remembered.day > today:
            continue
        if anniversary_in(remembered.day, today.year) != today:
            continue
        line = _ACKNOWLEDGEMENT[remembered.kind]
        label = " ".join(remembered.label.split())
        lines.append(f"{label}: {line}" if label else line)
    return list(dict.fromkeys(lines))


def on_this_day_years(
    today: date, entry_dates: Iterable[date], prefs: RemembrancePrefs
) -> list[date]:
    """Earlier-year dates with entries on today's month and day, newest first.

    Empty when looking back is off (the default), or when today, or the
    earlier date's own day, is one the person asked to skip.
    """
    if not prefs.on_this_day or (today.month, today.day) in prefs.skip_on_this_day:
        return []
    days = (value.date() if isinstance(value, datetime) else value for value in entry_dates)
    found = {
        day
        for day in days
        if day.year < today.year
        and (day.month, day.day) not in prefs.skip_on_this_day
        and anniversary_in(day, today.year) == today
    }
    return sorted(found, reverse=True)

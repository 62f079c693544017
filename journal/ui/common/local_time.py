"""Local time for every screen: Qt's date and time values <-> stored UTC, and plain wording.

Every conversion goes through ``journal.domain.common.local_time`` (zoneinfo,
the rules in force at each moment); this module only moves values in and out
of Qt and words them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone
from PySide6.QtWidgets import QDateTimeEdit

from journal.domain.common.local_time import (
    elsewhere,
    from_local,
    local_zone,
    now_utc,
    to_local,
    today_local,
    wall_clock,
    zone_abbreviation,
)

__all__ = [
    "from_qdate",
    "from_qdatetime",
    "local_tz",
    "next_minute_ms",
    "now_utc",
    "other_clock",
    "say_day",
    "say_moment",
    "say_time",
    "short_moment",
    "show_moment",
    "to_qdate",
    "to_qdatetime",
    "today_local",
    "words_locale",
]

local_tz = local_zone  # the person's zone, with all its rules (a ZoneInfo)


#: How long after the minute turns a time shown to the minute moves on (ms): a timer
#: may wake a few milliseconds early.
TICK_AFTER_MS = 20


def next_minute_ms(now: datetime) -> int:
    """Milliseconds from ``now`` (aware) to just after the next turn of the minute
    (`TICK_AFTER_MS` past it), 21 to 60,020: when a field showing now, to the minute,
    must move on so that it never shows the minute before (re-test 43, N6)."""
    return 60_000 - (now.second * 1000 + now.microsecond // 1000) + TICK_AFTER_MS


def to_qdatetime(moment: datetime, zone: str | None = None) -> QDateTime:
    """An aware moment as wall-clock time in the IANA ``zone`` (an entry's own) or the
    person's zone (None), to the millisecond.

    The QDateTime carries the UTC offset of that moment, so a time shown in an
    editor and read back unchanged is the same moment, even in the hour the
    clocks go back (when every wall time happens twice).
    """
    local = to_local(moment, zone)
    offset = local.utcoffset() or timedelta(0)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second, local.microsecond // 1000),
        QTimeZone.fromSecondsAheadOfUtc(int(offset.total_seconds())),
    )


def show_moment(edit: QDateTimeEdit, moment: datetime, zone: str | None = None) -> bool:
    """Show ``moment`` in a date-time field as wall-clock time in the IANA ``zone`` (an
    entry's own), or in the person's zone for None, and read what is typed there in
    that zone too: the field takes the zone (Qt's own copy of the IANA rules), else the
    offset ``zone`` has at that moment. Returns False when the field cannot show that
    day (before its first, Qt's 14 September 1752, or after its last): it then shows its
    nearest day, which is not the moment's, so the caller shows the moment otherwise."""
    shown = to_qdatetime(moment, zone)
    if hasattr(edit, "zone"):  # a TypedDateTimeEdit reads what is typed by zone's rules
        edit.zone = zone
    if zone is None:
        edit.setTimeZone(QTimeZone(QTimeZone.Initialization.LocalTime))
    else:
        rules = QTimeZone(zone.encode("ascii", "replace"))
        edit.setTimeZone(rules if rules.isValid() else shown.timeZone())
    edit.setDateTime(shown)
    return edit.minimumDate() <= shown.date() <= edit.maximumDate()


def from_qdatetime(value: QDateTime, zone: str | None = None) -> datetime:
    """A date and time from an editor (wall-clock time in the IANA ``zone``, an entry's
    own, or the person's zone for None), as aware UTC.

    The offset the value carries only says which of two equal wall times was
    meant; the zone's rules for that day decide the rest.
    """
    d, t = value.date(), value.time()
    wall = datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec() * 1000)
    return from_local(wall, offset=timedelta(seconds=value.offsetFromUtc()), zone=zone)


def to_qdate(day: date) -> QDate:
    """The same calendar day as a QDate (no time zone is involved)."""
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    """The same calendar day as a ``date``; raises ValueError for an invalid QDate."""
    return date(value.year(), value.month(), value.day())


@lru_cache(maxsize=4096)
def say_day(day: date) -> str:
    """Like "Friday 1 March 2024". Kept for the days asked again (a list's headings at
    each keystroke of a search): each ``strftime`` imports the ``time`` module anew."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def words_locale(person: QLocale | None = None) -> QLocale:
    """The locale that words a day or a month in Solace's sentences and calendars: the
    order of day and month of ``person`` (default QLocale's default, the system's),
    in Solace's language, English. A German system gives en_DE, "Saturday, 5 December 2026", not
    "Samstag, 5. Dezember 2026" inside an English sentence ("There is no day 1 in
    Dezember 2026": re-test of session 32, finding 2); en_US gives "Saturday, December
    5, 2026". The C locale and English ones are taken as they are. A date field's
    numbers (`dates.date_format`) still follow the person's locale itself."""
    person = person or QLocale()
    if person.language() in (QLocale.Language.C, QLocale.Language.English):
        return person
    return QLocale(QLocale.Language.English, person.territory())


def short_day(day: date) -> str:
    """Like "Fri 1 Mar 2024": `say_day` where its words do not fit (a narrow list)."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def say_moment(moment: datetime, *, seconds: bool = False, zone: str | None = None) -> str:
    """Like "Friday 1 March 2024, 09:05" (with ``seconds``, "…, 09:05:41"), in the IANA
    ``zone`` (an entry's own) or the person's time zone, at that moment; the time is
    worded by the one rule of every screen (`wall_clock`: "00:55 CET" when not the
    person's own wall time, "02:30 CEST (the first time)" in the hour that happens
    twice)."""
    local = to_local(moment, zone)
    return f"{say_day(local.date())}, {wall_clock(moment, zone, seconds=seconds)}"


def short_moment(moment: datetime, zone: str | None = None) -> str:
    """Like "Fri 1 Mar 2024, 09:05", in the IANA ``zone`` or the person's time zone at
    that moment (for lists; see `wall_clock`)."""
    local = to_local(moment, zone)
    return f"{local:%a} {local.day} {local:%b %Y}, {wall_clock(moment, zone)}"


def say_time(moment: datetime, zone: str | None = None) -> str:
    """Like "09:05", in the IANA ``zone`` (an entry's own) or the person's time zone
    (see `wall_clock`)."""
    return wall_clock(moment, zone)


def other_clock(moment: datetime, zone: str | None) -> str:
    """The clock a time field shows ``moment`` (aware) in, named for a person whose
    computer reads another time then: "CET (Europe/Berlin)" for a record made in Berlin
    (its IANA ``zone``) changed in New York; "" where both clocks read the same
    (`elsewhere`), and for ``zone`` None (the computer's own). A dialog changing such a
    record says it beside its time fields: a time typed by the person's own clock put
    a log six hours off (break test of issue 9, session 23, finding 4)."""
    if zone is None or not elsewhere(moment, zone):
        return ""
    return f"{zone_abbreviation(to_local(moment, zone))} ({zone.replace('_', ' ')})"

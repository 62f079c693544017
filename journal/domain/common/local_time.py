"""The one place where stored UTC and the person's local time meet.

Every moment is stored as UTC. Showing it, reading a time typed in, grouping by
day and turning a range of days into UTC bounds all go through here, and each
uses the time-zone rules in force *at that moment* (``zoneinfo``), never the
offset in force today: a log made in July is shown in summer time even in
January. An entry, a body log and a pad change keep the IANA zone they were made in
(``zone``, None for the computer's zone): their times and their day are those of that
zone (`zone_named`, `recorded_day`), so a day written in Tokyo stays that day on a
computer set to UTC.

One rule for every moment on every screen and in every export (break test 9 of
session 7, F1; break test 16 of session 8, finding 11): a moment is shown as the wall
time where it was recorded (an entry's, a body log's or a pad change's own zone; a
Together item or a backup records none, so the person's zone now), and when that
wall time differs from the person's own at that moment, it carries the zone's short
name ("00:55 CET", `wall_clock`), so a time without a name is always the person's
own. Lists are grouped by the day as shown and ordered newest day first, newest
moment first within a day (`newest_first`), so day headings never go backwards. The
person's zone comes from the operating system (``tzlocal``: the
``TZ`` variable, ``/etc/localtime``, the Windows or macOS setting); a ``TZ``
that names no IANA zone (a POSIX rule string) falls back to the C library's
own rules for each moment.

No conversion here raises for a moment a file or an old journal may hold at the very
ends of the calendar (break test 16, findings 6 and 7: 31 December 9999 UTC is already
year 10000 in Tokyo, and one such entry made every unlock east of UTC fail): a moment
whose conversion would leave years 1-9999 is held at the nearest end (`as_utc`,
`from_local`) or shown as UTC (`to_local`). Which moments an entry may be given is one
rule, `placeable` (years `EARLIEST_YEAR` to next year), applied to every import.

Pure Python: no Qt, no SQLAlchemy, so storage and every screen share it.
"""

from __future__ import annotations

import os
import time
from datetime import MAXYEAR, UTC, date, datetime, timedelta, tzinfo
from functools import lru_cache
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo, ZoneInfoNotFoundError, available_timezones

import tzlocal

__all__ = [
    "EARLIEST_YEAR",
    "as_utc",
    "day_in",
    "day_range",
    "day_start",
    "elsewhere",
    "from_local",
    "iana_key",
    "known_zone",
    "local_day",
    "local_zone",
    "local_zone_name",
    "newest_first",
    "now_utc",
    "occurrence",
    "placeable",
    "read_typed",
    "real_zone",
    "recorded_day",
    "repeats",
    "to_local",
    "today_local",
    "tz_database_names",
    "wall_clock",
    "zone_abbreviation",
    "zone_named",
]


class _SystemRules(tzinfo):
    """The C library's rules for the process's ``TZ``, moment by moment.

    Only used when the zone has no IANA name; ``datetime.fromtimestamp`` and a
    naive ``timestamp()`` ask the C library and honour ``fold`` (PEP 495).
    """

    def fromutc(self, dt: datetime) -> datetime:
        stamp = dt.replace(tzinfo=UTC).timestamp()
        return datetime.fromtimestamp(stamp).replace(tzinfo=self)

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(seconds=time.localtime().tm_gmtoff)
        naive = dt.replace(tzinfo=None)
        return naive - datetime.fromtimestamp(naive.timestamp(), UTC).replace(tzinfo=None)

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str:
        stamp = time.time() if dt is None else dt.replace(tzinfo=None).timestamp()
        return time.strftime("%Z", time.localtime(stamp))


_zone: tuple[str | None, tzinfo] | None = None

# The first and last moments a Python datetime holds, as UTC.
_FIRST = datetime.min.replace(tzinfo=UTC)
_LAST = datetime.max.replace(tzinfo=UTC)

# The first year an entry may be dated (`placeable`). Nobody keeping this journal wrote
# before it, and from it on the time-zone rules (tzdata) are the real ones rather than
# each town's own mean solar time; every date field, calendar and chart shows it.
EARLIEST_YEAR = 1900


def local_zone() -> tzinfo:
    """The person's time zone as a ``tzinfo`` with all its rules (a ``ZoneInfo``).

    Read once and again whenever the ``TZ`` environment variable changes.
    """
    global _zone
    key = os.environ.get("TZ")
    if _zone is None or _zone[0] != key:
        zone: tzinfo
        try:
            zone = tzlocal.reload_localzone()
        except (ZoneInfoNotFoundError, ValueError, OSError):
            # "Europe/berlin": tzdata's own spelling of it, else the C library's rules.
            named = iana_key(key)
            zone = _SystemRules() if named is None else ZoneInfo(named)
        _zone = (key, zone)
    return _zone[1]


def now_utc() -> datetime:
    """This moment, timezone-aware UTC, to the millisecond.

    Milliseconds are what Qt's date-time editors hold, so a moment shown in an
    editor and saved unchanged stays exactly the same moment.
    """
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def as_utc(moment: datetime) -> datetime:
    """An aware datetime as UTC. A moment whose UTC would fall before 1 January 1 or
    after 31 December 9999 (``0001-01-01T00:00+05:00``) is held at that end of the
    calendar. Raises ValueError on a naive one (our bug)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"expected a timezone-aware datetime, got {moment!r}")
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return _FIRST if moment.year == 1 else _LAST


#: The farthest any zone's clock is ahead of UTC (Kiribati, UTC+14) and behind it
#: (UTC-12): a day's first and last moments anywhere on Earth.
_FARTHEST_AHEAD = timedelta(hours=14)
_FARTHEST_BEHIND = timedelta(hours=12)


def placeable(moment: datetime, today: date | None = None) -> bool:
    """Whether an entry may be dated at ``moment`` (aware): from 1 January of
    `EARLIEST_YEAR` to 31 December of the year after ``today`` (the person's day now
    when None), on the clock of some zone (from 00:00 of that first day at UTC+14 to
    the end of that last day at UTC-12). Later than that is a typing slip or a
    computer's clock gone wrong (a diary is not written ahead by years); earlier is a
    placeholder such as year 1. Every importer's entries pass this rule
    (`safekeeping.fitting`). Judged by UTC's calendar alone, an entry dated 1 January
    1900 at 00:30 in Sydney (1899 in UTC), which the editor takes, was refused by the
    import of Solace's own export and dated anew (break test 45a, F1)."""
    last_year = (today or today_local()).year + 1
    first = datetime(EARLIEST_YEAR, 1, 1, tzinfo=UTC) - _FARTHEST_AHEAD
    if last_year >= MAXYEAR:
        return first <= as_utc(moment)
    return first <= as_utc(moment) < datetime(last_year + 1, 1, 1, tzinfo=UTC) + _FARTHEST_BEHIND


def zone_named(name: str | None) -> tzinfo:
    """The IANA zone ``name`` ("Asia/Tokyo") with all its rules (a ``ZoneInfo``), or the
    computer's zone (`local_zone`) when ``name`` is None, empty or names no zone of its
    own known here (`real_zone`: "Factory" and "localtime" are no such zone)."""
    if name:
        found = real_zone(name)
        if found is not None:
            return found
    return local_zone()


def known_zone(name: str | None) -> str | None:
    """The IANA zone key ``name`` stands for (`iana_key`), else None (the computer's
    zone): what an entry stores as its zone."""
    return iana_key(name)


# Files in a zoneinfo folder that are no zone of their own (break test 9, finding 10):
# "localtime" is whatever zone this computer is set to, "posixrules" the rules the C
# library lends to a POSIX ``TZ`` string; a name stored from them would mean
# something else on the computer that later opens the journal. The "posix/" and
# "right/" trees are copies (the latter counting leap seconds). Only used where the
# tz database's own list (`tz_database_names`) is not installed.
_NOT_ZONES = frozenset({"localtime", "posixrules"})
_COPIES = ("posix/", "right/")

# The tz database's abbreviation for "local time is unknown" (its ``factory`` source:
# "Users who run 'date' will get the time zone abbreviation '-00', indicating that the
# actual time zone is unknown"; theory.html, "Time zone abbreviations"). The zone
# "Factory", set on a computer installed with no zone chosen, has it for all time.
UNKNOWN_LOCAL_TIME = "-00"
# A moment after every zone's last listed change: the rules a zone keeps from now on
# (Antarctica/Troll was "-00" before its station opened in 2005, and is a zone now).
_LASTING_RULES = datetime(2100, 1, 1)


def _named_zone(name: str) -> bool:
    return name not in _NOT_ZONES and not name.startswith(_COPIES)


@lru_cache(maxsize=1)
def tz_database_names() -> frozenset[str]:
    """Every zone and link name the tz database lists ("Europe/Berlin", "US/Eastern",
    "UTC", and "Factory"), read from its ``tzdata.zi`` (the one-file form of its
    sources that zic reads, beside the compiled zones in a ``TZPATH`` folder): its
    "Z" (zone) and "L" (link) lines. The folder's other files ("localtime",
    "posixrules", the "posix/" and "right/" copies) are not in it. Where no
    ``tzdata.zi`` is installed, ``zoneinfo.available_timezones()`` without those files.
    Read once (about 5 ms)."""
    for root in TZPATH:
        try:
            lines = Path(root, "tzdata.zi").read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue
        names = set()
        for line in lines:
            fields = line.split()
            if len(fields) >= 2 and fields[0] == "Z":
                names.add(fields[1])
            elif len(fields) >= 3 and fields[0] == "L":
                names.add(fields[2])
        if names:
            return frozenset(names)
    return frozenset(key for key in available_timezones() if _named_zone(key))


@lru_cache(maxsize=64)
def real_zone(name: str) -> ZoneInfo | None:
    """The zone ``name`` names, with all its rules, when it is a real IANA zone: listed
    by the tz database (`tz_database_names`), found here, and keeping a local time (its
    rules from now on are not `UNKNOWN_LOCAL_TIME`, as "Factory"'s are); else None.
    Names outside tzdata ("Etc/Unknown", CLDR's word for an unknown zone) are None."""
    if name not in tz_database_names():
        return None
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None
    if zone.tzname(_LASTING_RULES.replace(tzinfo=zone)) == UNKNOWN_LOCAL_TIME:
        return None
    return zone


@lru_cache(maxsize=1)
def _keys_by_folded_name() -> dict[str, str]:
    """Every IANA key known here (tzdata), by its case-folded spelling."""
    return {key.casefold(): key for key in sorted(tz_database_names())}


def _link_target(name: str) -> str | None:
    """The IANA key a zoneinfo file such as "localtime" links to (/etc/localtime ->
    /usr/share/zoneinfo/Europe/Berlin gives "Europe/Berlin"), or None."""
    for root in TZPATH:
        path = Path(root, name)
        if not path.is_symlink():
            continue
        target = path.resolve()
        for base in TZPATH:
            try:
                key = target.relative_to(Path(base).resolve()).as_posix()
            except ValueError:
                continue
            if real_zone(key) is not None:
                return key
    return None


def iana_key(name: str | None) -> str | None:
    """The IANA zone key ("Europe/Berlin") that ``name`` stands for, or None when it
    names no zone of its own here (`real_zone`).

    ``name`` may come from ``TZ`` (a leading ":" is dropped, as the C library does),
    from tzlocal or from an imported file. A key in another case ("Europe/berlin") is
    tzdata's spelling of it; "localtime" is the zone its file links to (the
    computer's own, when it has a name); "posixrules", "Factory" (no local time), a
    POSIX rule string ("CET-1CEST") and anything the tz database does not list give
    None, which entries record as "the computer's zone" (NULL)."""
    if not name:
        return None
    name = name.removeprefix(":")
    if real_zone(name) is not None:
        return name
    if name == "localtime":
        return _link_target(name)
    key = _keys_by_folded_name().get(name.casefold())
    return key if key is not None and real_zone(key) is not None else None


def local_zone_name() -> str | None:
    """The computer's zone as an IANA name ("Europe/London"), what a new entry records
    as its zone; None where the system names no IANA zone (a POSIX ``TZ`` rule)."""
    key = getattr(local_zone(), "key", None)
    return known_zone(key) if isinstance(key, str) else None


def to_local(moment: datetime, zone: str | None = None) -> datetime:
    """An aware moment as wall-clock time (aware) in the IANA ``zone`` (an entry's own),
    or in the person's zone when ``zone`` is None (see `zone_named`). A moment whose
    wall-clock time there would leave years 1-9999 (31 December 9999, 20:00 UTC in
    Tokyo) is given as UTC, so an odd stored date never stops a screen from showing."""
    utc = as_utc(moment)
    try:
        return utc.astimezone(zone_named(zone))
    except (OverflowError, ValueError, OSError):  # OSError/ValueError: the C library's rules
        return utc


def day_in(moment: datetime, tz: tzinfo) -> date:
    """The calendar day at ``moment`` (aware) in the zone ``tz``; for a moment whose
    day there would leave years 1-9999, its day in UTC (see `to_local`)."""
    utc = as_utc(moment)
    try:
        return utc.astimezone(tz).date()
    except (OverflowError, ValueError, OSError):
        return utc.date()


def recorded_day(moment: datetime, zone: str | None, tz: tzinfo) -> date:
    """The day ``moment`` (aware) is shown and grouped on: its day in the IANA ``zone``
    where it was recorded (an entry's, a body log's or a pad change's own), or in ``tz``
    (the person's zone, as the caller has it) for None or a zone not known here (see
    `zone_named`). The one rule of `local_day` with the person's zone given."""
    found = real_zone(zone) if zone else None
    return day_in(moment, tz if found is None else found)


def local_day(moment: datetime, zone: str | None = None) -> date:
    """The calendar day at ``moment`` (aware) in ``zone``, or in the person's zone."""
    return to_local(moment, zone).date()


def today_local() -> date:
    """The person's calendar day now."""
    return local_day(now_utc())


def from_local(
    wall: datetime, *, offset: timedelta | None = None, zone: str | None = None
) -> datetime:
    """A naive wall-clock time in the IANA ``zone`` (an entry's own), or in the
    person's zone when ``zone`` is None, as aware UTC.

    A wall time that happens twice (the hour the clocks go back) is the first
    one, unless ``offset`` (the UTC offset it was shown with) says the second.
    A wall time that never happens (the hour the clocks go forward) is read
    with the offset in force just before the change, as PEP 495 does, so
    02:30 on the spring-forward day in Berlin is 03:30 summer time. A wall time
    within hours of the ends of the calendar whose UTC would leave years 1-9999 is held
    at that end (see `as_utc`).
    """
    if wall.tzinfo is not None:
        raise ValueError(f"expected a naive wall-clock time, got {wall!r}")
    try:
        return _from_local(wall, offset, zone)
    except (OverflowError, ValueError, OSError):
        return _FIRST if wall.year == 1 else _LAST


def _from_local(wall: datetime, offset: timedelta | None, zone: str | None) -> datetime:
    rules = zone_named(zone)
    first = wall.replace(tzinfo=rules, fold=0)
    if offset is not None:
        second = wall.replace(tzinfo=rules, fold=1)
        # Only a wall time that happens twice has a second one to choose; in the
        # skipped hour fold=1 names a moment whose own wall time is an hour earlier.
        happens = second.astimezone(UTC).astimezone(rules).replace(tzinfo=None) == wall
        if happens and second.utcoffset() == offset and first.utcoffset() != offset:
            return second.astimezone(UTC)
    return first.astimezone(UTC)


def day_start(day: date) -> datetime:
    """The first moment of the person's local ``day``, as aware UTC.

    Usually midnight; where midnight is skipped by a clock change, the first
    wall time that exists.
    """
    return from_local(datetime(day.year, day.month, day.day))


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """UTC bounds ``[start, end)`` of the local days ``first`` .. ``last`` (both included).

    A day is 23, 24 or 25 hours long, as the zone's rules make it. The end of 31
    December 9999 is the calendar's last moment.
    """
    end = day_start(last + timedelta(days=1)) if last < date.max else _LAST
    return day_start(first), end


FIRST_TIME = "the first time"
SECOND_TIME = "the second time"


def occurrence(local: datetime) -> str | None:
    """For an aware wall-clock time (from `to_local`): "the first time" or "the second
    time" when that wall time happens twice (the hour the clocks go back), else None.
    Which one it is follows zoneinfo's ``fold`` (PEP 495): fold 0 is the first."""
    offset = local.utcoffset()
    if offset is None or local.replace(fold=1 - local.fold).utcoffset() == offset:
        return None
    other = local.replace(fold=1 - local.fold)
    first = local if local.fold == 0 else other
    # Only a wall time that happens twice has two readings that both come back as it.
    for reading in (local, other):
        back = as_utc(reading).astimezone(local.tzinfo).replace(tzinfo=None)
        if back != local.replace(tzinfo=None):
            return None
    return FIRST_TIME if local.utcoffset() == first.utcoffset() else SECOND_TIME


def zone_abbreviation(local: datetime) -> str:
    """The short name of an aware wall time's zone at that moment ("CET", "EDT"), or
    its UTC offset ("UTC+14:00", "UTC-03:30") where tzdata has no letters for it
    (most zones outside Europe, North America and Australia are named "+14")."""
    name = local.tzname() or ""
    if name.isalpha():
        return name
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def elsewhere(moment: datetime, zone: str | None) -> bool:
    """Whether ``moment`` (aware) reads as another wall time in the IANA ``zone`` (an
    entry's own) than in the person's zone now: True for an entry written in Berlin
    read on a computer in Los Angeles, False for one written in Paris read in Berlin
    (the same offset at that moment) and always False for ``zone`` None."""
    if zone is None:
        return False
    return to_local(moment, zone).utcoffset() != to_local(moment).utcoffset()


def wall_clock(moment: datetime, zone: str | None = None, *, seconds: bool = False) -> str:
    """The one wording of a moment's time of day, for every screen and export: the wall
    time where it was recorded (the IANA ``zone``, an entry's own; None for the person's
    zone), "09:05" (with ``seconds``, "09:05:41").

    The zone's short name follows (`zone_abbreviation`) when that wall time is not
    the person's own at that moment (`elsewhere`: "00:55 CET" for an entry written in
    Berlin, read in Los Angeles), and in the hour the clocks go back, when every wall
    time happens twice, with which of the two it is ("02:30 CEST (the first time)",
    `occurrence`), so two moments never read alike and nobody has to know which name
    comes first."""
    local = to_local(moment, zone)
    shown = f"{local.hour:02}:{local.minute:02}"  # not strftime: it imports a module each time
    if seconds:
        shown += f":{local.second:02}"
    which = occurrence(local)
    if which is not None:
        return f"{shown} {zone_abbreviation(local)} ({which})"
    if elsewhere(moment, zone):
        return f"{shown} {zone_abbreviation(local)}"
    return shown


def newest_first(moment: datetime, zone: str | None = None) -> tuple[date, datetime]:
    """The key that orders a list newest first (sort with ``reverse=True``): the day
    as shown (`local_day` in the IANA ``zone``, an entry's own), then the moment (aware
    UTC). An entry written later in Los Angeles than one in Berlin on the day after
    (Berlin's) comes below it, so day headings never go backwards."""
    return local_day(moment, zone), as_utc(moment)


def read_typed(
    wall: datetime, zone: str | None = None, *, second: bool = False
) -> tuple[datetime, bool]:
    """A wall-clock time the person typed or picked (naive) in the IANA ``zone``, or in
    their own zone for None, as ``(aware UTC, moved)``: the one rule for every field.

    A wall time that happens twice (the clocks go back) is the first time it happens,
    whatever offset the field showed before, unless the person chose ``second`` (the
    field's "The second 02:30 (CET)"); `occurrence` then says which it is where it is
    shown ("01:30 (the first time)"). ``second`` means nothing for a wall time that
    happens once. A wall time that never happens (the clocks go forward) is moved
    forward by the length of the gap, as PEP 495 reads it (02:30 on the spring-forward
    night in Berlin is 03:30 summer time), and ``moved`` is True so the screen can say
    so. A moment read at the ends of the calendar is held there (see `from_local`).
    """
    offset = None
    if second:
        try:
            offset = wall.replace(tzinfo=zone_named(zone), fold=1).utcoffset()
        except (OverflowError, ValueError, OSError):
            offset = None
    moment = from_local(wall, offset=offset, zone=zone)
    shown = to_local(moment, zone).replace(tzinfo=None)
    return moment, shown != wall


def repeats(wall: datetime, zone: str | None = None) -> str | None:
    """For a naive wall-clock time in the IANA ``zone`` (None: the person's): the short
    name of the zone's offset the second time it happens ("CET" for 02:30 on 25 October
    2026 in Berlin), or None when it happens once (`occurrence`)."""
    moment, _moved = read_typed(wall, zone, second=True)
    local = to_local(moment, zone)
    if occurrence(local) != SECOND_TIME:
        return None
    return zone_abbreviation(local)

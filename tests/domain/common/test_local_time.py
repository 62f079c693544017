"""The one conversion between stored UTC and the person's local time, across the clock
changes of several zones (the expected values come from zoneinfo alone)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings

from journal.domain.common.local_time import (
    day_range,
    day_start,
    from_local,
    local_day,
    local_zone,
    to_local,
)
from tests.time_zones import in_zone, local_date, zone_and_moment

PROPERTY = settings(max_examples=200, deadline=None)


@PROPERTY
@given(zone_and_moment())
def test_a_moment_is_shown_with_the_rules_of_its_own_day(case):
    name, moment = case
    with in_zone(name):
        zone = ZoneInfo(name)
        shown = to_local(moment)
        assert shown.replace(tzinfo=None) == moment.astimezone(zone).replace(tzinfo=None)
        assert shown.utcoffset() == zone.utcoffset(moment.astimezone(zone).replace(tzinfo=None))
        assert local_zone().utcoffset(shown.replace(tzinfo=None)) == shown.utcoffset()
        assert local_day(moment) == local_date(moment, name)


@PROPERTY
@given(zone_and_moment())
def test_a_wall_time_read_back_with_its_offset_is_the_same_moment(case):
    name, moment = case
    with in_zone(name):
        shown = to_local(moment)
        wall = shown.replace(tzinfo=None)
        assert from_local(wall, offset=shown.utcoffset()) == moment
        if shown.fold == 0:  # the usual case: the wall time alone is enough
            assert from_local(wall) == moment


@PROPERTY
@given(zone_and_moment())
def test_a_day_range_holds_exactly_the_moments_of_those_local_days(case):
    name, moment = case
    with in_zone(name):
        zone = ZoneInfo(name)
        day = local_date(moment, name)
        start, end = day_range(day, day)
        assert start <= moment < end
        assert start.astimezone(zone).date() == day
        assert (start - timedelta(microseconds=1)).astimezone(zone).date() < day
        assert end.astimezone(zone).date() > day
        assert (end - timedelta(microseconds=1)).astimezone(zone).date() == day
        assert end - start in {timedelta(hours=h) for h in (23, 24, 25)}


def test_the_days_the_clocks_change_are_23_and_25_hours_long():
    with in_zone("Europe/Berlin"):
        spring = day_range(datetime(2024, 3, 31).date(), datetime(2024, 3, 31).date())
        autumn = day_range(datetime(2024, 10, 27).date(), datetime(2024, 10, 27).date())
    assert spring[1] - spring[0] == timedelta(hours=23)
    assert autumn[1] - autumn[0] == timedelta(hours=25)
    assert spring[0] == datetime(2024, 3, 30, 23, tzinfo=UTC)


def test_summer_is_shown_in_summer_time_in_winter():
    """Issue 9's example: a log made at 12:00 on 1 July (Berlin) is shown as 12:00."""
    with in_zone("Europe/Berlin"):
        july_noon = datetime(2024, 7, 1, 10, tzinfo=UTC)
        assert f"{to_local(july_noon):%H:%M}" == "12:00"
        assert day_start(july_noon.date()) == datetime(2024, 6, 30, 22, tzinfo=UTC)


def test_the_twice_happening_hour_reads_as_the_first_unless_the_offset_says_otherwise():
    with in_zone("Europe/Berlin"):
        wall = datetime(2024, 10, 27, 2, 30)
        assert from_local(wall) == datetime(2024, 10, 27, 0, 30, tzinfo=UTC)
        assert from_local(wall, offset=timedelta(hours=1)) == datetime(
            2024, 10, 27, 1, 30, tzinfo=UTC
        )
        # The hour that never happens reads with the offset before the change.
        assert from_local(datetime(2024, 3, 31, 2, 30)) == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)


def test_the_hour_that_never_happens_reads_the_same_whatever_offset_it_was_typed_with():
    """A field shows its wall time with the offset of the moment it held, which in
    summer is the offset after the change: that must not make 02:30 on the
    spring-forward night 01:30."""
    with in_zone("Europe/Berlin"):
        wall = datetime(2024, 3, 31, 2, 30)
        for hours in (1, 2):
            assert from_local(wall, offset=timedelta(hours=hours)) == datetime(
                2024, 3, 31, 1, 30, tzinfo=UTC
            )


def test_the_zone_follows_a_change_of_tz():
    with in_zone("Asia/Kolkata"):
        assert local_zone() == ZoneInfo("Asia/Kolkata")
        with in_zone("America/New_York"):
            assert local_zone() == ZoneInfo("America/New_York")
        assert local_zone() == ZoneInfo("Asia/Kolkata")


def test_a_tz_rule_string_without_a_zone_name_still_follows_summer_time():
    with in_zone("CET-1CEST,M3.5.0,M10.5.0/3"):
        summer = to_local(datetime(2024, 7, 1, 10, tzinfo=UTC))
        winter = to_local(datetime(2024, 1, 1, 10, tzinfo=UTC))
        back = from_local(datetime(2024, 10, 27, 2, 30), offset=timedelta(hours=1))
    assert (summer.hour, winter.hour) == (12, 11)
    assert back == datetime(2024, 10, 27, 1, 30, tzinfo=UTC)


def test_one_rule_for_a_typed_wall_time_at_a_clock_change() -> None:
    """Break test 7, F8: the repeated hour is the first time in every zone, and a
    skipped time moves forward by the gap and says it moved."""
    from datetime import UTC, datetime

    from journal.domain.common.local_time import occurrence, read_typed, to_local

    berlin, moved = read_typed(datetime(2026, 10, 25, 2, 30), "Europe/Berlin")
    assert (berlin, moved) == (datetime(2026, 10, 25, 0, 30, tzinfo=UTC), False)
    assert occurrence(to_local(berlin, "Europe/Berlin")) == "the first time"
    assert occurrence(to_local(berlin.replace(hour=1), "Europe/Berlin")) == "the second time"
    howe, moved = read_typed(datetime(2026, 4, 5, 1, 45), "Australia/Lord_Howe")
    assert (howe, moved) == (datetime(2026, 4, 4, 14, 45, tzinfo=UTC), False)
    gap, moved = read_typed(datetime(2026, 10, 4, 2, 15), "Australia/Lord_Howe")
    assert moved and to_local(gap, "Australia/Lord_Howe").strftime("%H:%M") == "02:45"
    assert occurrence(to_local(gap, "Australia/Lord_Howe")) is None


def _link_key() -> str | None:
    """What /etc/localtime names here, read from its link (None when it is no link)."""
    from pathlib import Path

    link = Path("/etc/localtime")
    if not link.is_symlink():
        return None
    target = str(link.resolve())
    return target.split("/zoneinfo/", 1)[1] if "/zoneinfo/" in target else None


def test_a_new_entry_records_only_a_real_iana_zone() -> None:
    """Break test 9, finding 10: "localtime" and "posixrules" are zoneinfo files, not
    zones; an entry stored with them would mean another zone on another computer.
    "Europe/berlin" is tzdata's Europe/Berlin, rules and name."""
    from journal.domain.entries.entry import new_entry

    now = datetime(2026, 7, 1, 10, tzinfo=UTC)
    with in_zone("localtime"):
        assert new_entry(now).zone == _link_key()
    with in_zone("posixrules"):
        assert new_entry(now).zone is None
    with in_zone("Europe/berlin"):
        assert new_entry(now).zone == "Europe/Berlin"
        assert to_local(now).hour == 12  # Berlin's summer time, not the C library's UTC
    with in_zone(":Asia/Kolkata"):
        assert new_entry(now).zone == "Asia/Kolkata"
    with in_zone("CET-1CEST,M3.5.0,M10.5.0/3"):
        assert new_entry(now).zone is None


def test_only_a_zone_with_a_local_time_is_recorded() -> None:
    """Issue 9: "Factory" is in the tz database (and in ``available_timezones()``) but
    names no local time (its abbreviation is "-00", "unknown"); "Etc/Unknown" (CLDR's
    unknown zone) is not in it. An entry made with ``TZ`` set to one of them records
    the computer's zone (None), and an imported entry's zone the same; a stored one is
    read as the computer's zone."""
    from zoneinfo import available_timezones

    from journal.domain.common.local_time import iana_key, known_zone, zone_named
    from journal.domain.entries.entry import new_entry

    assert "Factory" in available_timezones()
    now = datetime(2026, 7, 1, 10, tzinfo=UTC)
    for name in ("Factory", "factory", ":Factory", "Etc/Unknown", "posixrules", "zone.tab"):
        assert iana_key(name) is None, name
        assert known_zone(name) is None, name
        with in_zone(name):
            assert new_entry(now).zone is None, name
    with in_zone("Asia/Kolkata"):
        assert zone_named("Factory") == ZoneInfo("Asia/Kolkata")


def test_every_zone_of_the_tz_database_with_a_local_time_is_recorded() -> None:
    """The rule keeps every zone and link the tz database lists but "Factory": the
    geographic ones, UTC and the old names ("US/Eastern"), and Antarctica/Troll, whose
    "-00" lies in its past (before its station opened)."""
    from zoneinfo import available_timezones

    from journal.domain.common.local_time import iana_key

    names = available_timezones() - {"localtime", "posixrules"}
    assert {"UTC", "US/Eastern", "Antarctica/Troll", "Europe/Berlin"} <= names
    refused = sorted(name for name in names if iana_key(name) != name)
    assert refused == ["Factory"]

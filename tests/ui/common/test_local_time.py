"""Every screen shows a stored moment in the rules of its own day, and a time shown in an
editor and read back unchanged is the same moment (issue 9), in several zones."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings

from journal.domain.body.daily import daily
from journal.domain.body.log import BleedingLevel, BodyLog
from journal.ui.common.dates import time_edit
from journal.ui.common.local_time import (
    from_qdatetime,
    local_tz,
    say_moment,
    short_moment,
    to_qdatetime,
)
from tests.time_zones import in_zone, local_date, zone_and_moment

PROPERTY = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(zone_and_moment())
def test_a_moment_is_shown_in_the_rules_of_its_own_day(case):
    name, moment = case
    expected = moment.astimezone(ZoneInfo(name))
    with in_zone(name):
        shown = to_qdatetime(moment)
        said, short = say_moment(moment), short_moment(moment)
    assert (shown.date().year(), shown.date().month(), shown.date().day()) == (
        expected.year,
        expected.month,
        expected.day,
    )
    assert (shown.time().hour(), shown.time().minute()) == (expected.hour, expected.minute)
    # In a repeated hour the time says which it is ("02:30 AEDT (the first time)",
    # issue 9, 10c and F8), fold 0 being the first.
    label = ("", f" {expected:%Z} (the {'second' if expected.fold else 'first'} time)")
    stem = f"{expected.day} {expected:%B %Y}, {expected:%H:%M}"
    assert any(said.endswith(stem + end) for end in label), said
    assert any(short.endswith(f"{expected:%H:%M}" + end) for end in label), short


@PROPERTY
@given(zone_and_moment())
def test_the_zone_handed_to_day_rules_has_the_offset_of_each_moment(case):
    """local_tz() goes to the warning-sign day rules, the charts and the doctor's summary."""
    name, moment = case
    with in_zone(name):
        offset = local_tz().utcoffset(moment.astimezone(local_tz()).replace(tzinfo=None))
        converted = moment.astimezone(local_tz())
        days = daily([BodyLog(str(uuid.uuid4()), moment, BleedingLevel.LIGHT)], tz=local_tz())
    assert converted.replace(tzinfo=None) == moment.astimezone(ZoneInfo(name)).replace(tzinfo=None)
    assert offset == converted.utcoffset()
    assert [point.day for point in days] == [local_date(moment, name)]


@PROPERTY
@given(zone_and_moment())
def test_a_time_shown_in_a_time_editor_and_read_back_unchanged_is_the_same_moment(qtbot, case):
    name, moment = case
    with in_zone(name):
        edit = time_edit("When")
        qtbot.addWidget(edit)
        edit.setDateTime(to_qdatetime(moment))
        assert from_qdatetime(edit.dateTime()) == moment


def test_a_log_made_at_noon_in_july_shows_noon_in_winter(qtbot):
    """Issue 9's example, with the clock at winter time: 12:00 on 1 July stays 12:00."""
    with in_zone("Europe/Berlin"):
        edit = time_edit("When")
        qtbot.addWidget(edit)
        edit.setDateTime(to_qdatetime(datetime(2024, 7, 1, 10, tzinfo=UTC)))
        assert edit.text() == "2024-07-01 12:00"
        assert say_moment(datetime(2024, 7, 1, 10, tzinfo=UTC)).endswith("12:00")

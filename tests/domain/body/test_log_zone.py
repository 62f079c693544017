"""Each body log and pad change is on its day where it was noted (issue 9, break test
findings 2 and 9): a log made in Berlin is grouped, counted and charted on its Berlin
day when the computer is in New York, as an entry written there is. The expected days
come from ``zoneinfo`` alone (`tests.time_zones.local_date`), never from the code."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.domain.body.daily import daily, daily_moods
from journal.domain.body.log import (
    BleedingLevel,
    BodyLog,
    PadChange,
    PadKind,
    RecoveryDetails,
    Soaking,
)
from journal.domain.body.pads import pads_by_log
from journal.domain.body.recovery import timeline
from journal.domain.body.summary import build_summary
from journal.domain.body.warning_signs import SignId, SignInput, evaluate
from tests.time_zones import ZONES, local_date, zone_and_moment

# Generating a zone's clock changes is slow on a busy machine: not the code tested.
PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(zone_and_moment(), st.sampled_from(ZONES))
def test_a_log_is_grouped_counted_and_charted_on_its_own_day(case, computer):
    """Past logs' pad rule, the chart's day points, the bleeding-day count, the
    warning signs' day rule and the doctor summary all put a log and a pad change
    made in one zone on their day there, whatever the computer's zone (``tz``)."""
    name, moment = case
    day = local_date(moment, name)
    tz = ZoneInfo(computer)
    log = BodyLog("log", moment, BleedingLevel.HEAVY, cramping=4, zone=name)
    pad = PadChange("pad", moment, PadKind.THICK, Soaking.FULLY, name)

    assert [p.day for p in daily([log], tz=tz)] == [day]
    assert pads_by_log([log], [pad], tz=tz) == {"log": [pad]}
    assert SignInput((log,), (pad,), RecoveryDetails(), tz).day_of(log) == day
    # Counted up to its own day, not the computer's day before or after it.
    assert timeline(RecoveryDetails(loss_date=day), [log], day, tz=tz).bleeding_days == 1
    summary = build_summary(
        [log], [pad], RecoveryDetails(), [], day, day, moment + timedelta(hours=1), tz=tz
    )
    assert summary.logs == (log,)
    assert [row.day for row in summary.days] == [day]
    # A log from before zones were kept (NULL after migration 0012) reads as before.
    unzoned = BodyLog("old", moment, BleedingLevel.LIGHT)
    assert [p.day for p in daily([unzoned], tz=tz)] == [local_date(moment, computer)]


@PROPERTY
@given(zone_and_moment(), st.sampled_from(ZONES))
def test_an_entrys_mood_is_charted_on_the_day_it_was_written(case, computer):
    """Finding 9: the Body log chart and the doctor summary's chart put an entry's
    mood on its day where it was written, as the Journal's mood chart does."""
    name, moment = case
    assert daily_moods([(moment, 2, name)], tz=ZoneInfo(computer)) == [
        (local_date(moment, name), 2.0)
    ]
    # An entry from before zones were kept is on the computer's day, as before.
    assert daily_moods([(moment, 4, None)], tz=ZoneInfo(computer)) == [
        (local_date(moment, computer), 4.0)
    ]


def test_bleeding_not_stopped_counts_the_days_where_the_logs_were_made():
    """The warning-sign rule "bleeding has not stopped" counts days from the loss: a
    log made at 00:30 on 31 March in Berlin is 30 days after a loss on 1 March, and
    raises the sign read in New York too (where it is still 30 March, 18:30)."""
    berlin = ZoneInfo("Europe/Berlin")
    made = datetime(2026, 3, 31, 0, 30, tzinfo=berlin).astimezone(UTC)
    log = BodyLog("late", made, BleedingLevel.MEDIUM, zone="Europe/Berlin")
    raised = evaluate(
        [log],
        [],
        RecoveryDetails(loss_date=date(2026, 3, 1)),
        made + timedelta(hours=1),
        tz=ZoneInfo("America/New_York"),
    )
    assert [(s.sign, s.zone) for s in raised] == [(SignId.BLEEDING_NOT_STOPPED, "Europe/Berlin")]


def test_the_summary_keeps_an_appointment_on_its_own_day():
    """The doctor summary lists the appointments from its first day on, each on its day
    where it was set (issue 9, fid17 finding 1): 23:30 on 1 December in New York is
    2 December in Kolkata, and was listed in a summary from 2 December."""
    from datetime import date

    from journal.domain.body.log import Appointment, RecoveryDetails
    from journal.domain.body.summary import build_summary

    set_in_new_york = Appointment(
        "a1", datetime(2026, 12, 2, 4, 30, tzinfo=UTC), "Dr Weber", zone="America/New_York"
    )
    summary = build_summary(
        [],
        [],
        RecoveryDetails(),
        [set_in_new_york],
        date(2026, 12, 2),
        date(2026, 12, 9),
        datetime(2026, 12, 2, 6, tzinfo=UTC),
        tz=ZoneInfo("Asia/Kolkata"),
    )
    assert summary.appointments == ()

"""Each body log is shown in the zone it was made in (issue 9, break test finding 2):
after travelling, Past logs show a log made in Berlin at its Berlin day and time,
naming the zone when it differs from the computer's ("02:30 CET"), as the Journal
shows an entry; a past log opened and saved unchanged keeps its moment and its zone;
a new log and a new pad change record the computer's zone.

The expected wall times come from ``zoneinfo`` alone, never from the code."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel

from journal.domain.body.log import BleedingLevel, BodyLog, PadChange, PadKind, Soaking
from journal.ui.body.form import BodyLogForm
from journal.ui.body.past_logs import PadChangesModel, PastLogsModel
from tests.time_zones import ZONES, in_zone, zone_and_moment

PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _log(moment: datetime, zone: str | None) -> BodyLog:
    return BodyLog(
        str(uuid.uuid4()),
        moment,
        BleedingLevel.MEDIUM,
        pain_relief="paracetamol",
        pain_relief_at=moment - timedelta(minutes=45),
        zone=zone,
    )


@PROPERTY
@given(zone_and_moment(), st.sampled_from(ZONES))
def test_a_past_log_made_elsewhere_is_shown_and_saved_in_its_own_zone(qtbot, case, computer):
    """The change dialog's form shows the log's wall time where it was made, and saving
    it unchanged keeps the moment and the zone, with the computer in another zone."""
    name, moment = case
    log = _log(moment, name)
    wall = moment.astimezone(ZoneInfo(name))
    with in_zone(computer):
        form = BodyLogForm(with_pads=False)
        qtbot.addWidget(form)
        form.load(log)
        shown = form.time.dateTime()
        assert (shown.date().day(), shown.time().hour(), shown.time().minute()) == (
            wall.day,
            wall.hour,
            wall.minute,
        )
        assert form.build_log() == log


@PROPERTY
@given(zone_and_moment(), st.sampled_from(ZONES))
def test_past_logs_show_each_log_on_its_day_where_it_was_made(qtbot, case, computer):
    name, moment = case
    log = _log(moment, name)
    wall = moment.astimezone(ZoneInfo(name))
    own = moment.astimezone(ZoneInfo(computer))
    with in_zone(computer):
        model = PastLogsModel()
        model.set_logs([log], [])
        text = model.index(0, 0).data()
    assert text.startswith(f"{wall:%a} {wall.day} {wall:%b %Y}, {wall:%H:%M}")
    if wall.utcoffset() != own.utcoffset():  # the zone is named, as an entry's is
        assert text.split(", ")[1].split(" ")[1] in (wall.tzname(), "UTC" + wall.strftime("%:z"))


def test_the_break_tests_logs_made_in_berlin_stay_on_their_days_in_new_york(qtbot):
    """Finding 2's three logs, made in Berlin, read after travelling to New York."""
    berlin = ZoneInfo("Europe/Berlin")
    made = [
        datetime(2026, 3, 29, 1, 59, tzinfo=berlin),
        datetime(2026, 7, 1, 12, 0, tzinfo=berlin),
        datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=berlin),  # the second time (CET)
    ]
    logs = [BodyLog(f"l{n}", m.astimezone(UTC), zone="Europe/Berlin") for n, m in enumerate(made)]
    pads = [
        PadChange(f"p{n}", m.astimezone(UTC), PadKind.THICK, Soaking.FULLY, "Europe/Berlin")
        for n, m in enumerate(made)
    ]
    with in_zone("America/New_York"):
        model = PastLogsModel()
        model.set_logs(logs, pads)
        shown = [model.index(row, 0).data() for row in range(3)]
        pad_model = PadChangesModel()
        pad_model.set_pads(pads)
        pad_shown = [pad_model.index(row, 0).data().split("  ·  ")[0] for row in range(3)]
        assert [model.pads_of(row) for row in range(3)] == [[p] for p in reversed(pads)]
    assert shown == [
        "Sun 25 Oct 2026, 02:30 CET (the second time)",
        "Wed 1 Jul 2026, 12:00 CEST",
        "Sun 29 Mar 2026, 01:59 CET",
    ]
    assert pad_shown == shown


def test_a_new_log_and_pad_change_record_the_computers_zone(qtbot):
    with in_zone("Asia/Kolkata"):
        form = BodyLogForm()
        qtbot.addWidget(form)
        form.bleeding.setCurrentIndex(form.bleeding.findData(BleedingLevel.LIGHT))
        with qtbot.waitSignal(form.log_ready) as saved:
            form.submit()
        with qtbot.waitSignal(form.pad_change_ready) as changed:
            form.submit_pad_change()
    assert saved.args[0].zone == "Asia/Kolkata"
    assert changed.args[0].zone == "Asia/Kolkata"


def test_changing_a_log_from_another_zone_says_whose_clock_its_times_read(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test of issue 9, session 23, finding 4: back in New York, "Change this log"
    on a log made in Berlin showed its times in Berlin's clock with nothing saying so
    beside them, and a person typing her own clock's time put the log six hours off.
    The dialog says whose clock the times read, and each time field is read with it;
    a log made where the computer is says nothing of the kind."""
    from journal.domain.body.temperature import TemperatureUnit
    from journal.ui.body.past_logs import LogEditDialog, zone_words

    moment = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)  # 02:30 CET, the second time
    with in_zone("America/New_York"):
        dialog = LogEditDialog(_log(moment, "Europe/Berlin"), TemperatureUnit.CELSIUS)
        qtbot.addWidget(dialog)
        words = zone_words("CET (Europe/Berlin)")
        shown = [child.text() for child in dialog.findChildren(QLabel)]
        assert words in shown
        assert dialog.form.time.text().endswith("02:30")  # Berlin's clock, as said
        for field in (dialog.form.time, dialog.form.pain_relief_at):
            assert words in field.accessibleDescription()
        here = LogEditDialog(_log(moment, "America/New_York"), TemperatureUnit.CELSIUS)
        qtbot.addWidget(here)
        assert not [c for c in here.findChildren(QLabel) if "the clock where" in c.text()]


def test_changing_an_appointment_set_in_another_zone_says_whose_clock_it_reads(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The same for an appointment, which keeps the zone it was set in (its time is
    shown and read there)."""
    from journal.domain.body.log import Appointment
    from journal.ui.body.appointment_dialog import AppointmentDialog, zone_words

    when = datetime(2026, 3, 29, 8, 0, tzinfo=UTC)  # 10:00 CEST
    with in_zone("America/New_York"):
        appointment = Appointment(str(uuid.uuid4()), when, "Clinic", "", zone="Europe/Berlin")
        dialog = AppointmentDialog(None, appointment)
        qtbot.addWidget(dialog)
        words = zone_words("CEST (Europe/Berlin)")
        assert words in [child.text() for child in dialog.findChildren(QLabel)]
        assert dialog.when.text().endswith("10:00")
        assert words in dialog.when.accessibleDescription()

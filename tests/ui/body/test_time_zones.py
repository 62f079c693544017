"""The body log across daylight-saving changes: a past log opened and saved unchanged
keeps its moment, and an export holds exactly the logs of the local days chosen."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime

from journal.domain.body.log import Appointment, BleedingLevel, BodyLog
from journal.storage.body.export import read_logs_csv
from journal.storage.body.repository import BodyRepository
from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.body.export_dialog import export_csv
from journal.ui.body.form import BodyLogForm
from tests.time_zones import in_zone, local_date, zone_and_moment
from tests.ui.body import support

body_area = support.body_area

PROPERTY = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(zone_and_moment())
def test_a_past_log_opened_and_saved_unchanged_keeps_its_moment(qtbot, case):
    name, moment = case
    log = BodyLog(
        str(uuid.uuid4()),
        moment,
        BleedingLevel.MEDIUM,
        pain_relief="paracetamol",
        pain_relief_at=moment - timedelta(minutes=45),
    )
    with in_zone(name):
        form = BodyLogForm()
        qtbot.addWidget(form)
        form.load(log)
        saved = form.build_log()
    assert saved == log


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(zone_and_moment())
@example(("Pacific/Kiritimati", datetime(1901, 1, 1, 7, 0, tzinfo=UTC)))  # LMT -10:29:20
def test_enter_and_tab_through_a_past_logs_times_keep_its_moment(qtbot, case):
    """Break test 9 (session 7), F5: Qt reads a date field's text back on Enter and when
    it is left, which dropped the seconds the field does not show: a log made at
    07:00:25 moved to 07:00:00, and a 1901 log in a zone whose offset had seconds
    moved by 40 s, though nothing was changed."""
    name, moment = case
    log = BodyLog(
        str(uuid.uuid4()),
        moment,
        BleedingLevel.MEDIUM,
        pain_relief="paracetamol",
        pain_relief_at=moment - timedelta(minutes=45),
    )
    with in_zone(name):
        form = BodyLogForm()
        qtbot.addWidget(form)
        form.show()
        form.load(log)
        for field in (form.time, form.pain_relief_at):
            field.setFocus()
            qtbot.waitUntil(field.hasFocus)
            qtbot.keyClick(field, Qt.Key.Key_Return)
            qtbot.keyClick(field, Qt.Key.Key_Tab)
        saved = form.build_log()
    assert saved == log


@PROPERTY
@given(zone_and_moment())
def test_an_appointment_opened_and_saved_unchanged_keeps_its_moment(qtbot, case):
    name, moment = case
    appointment = Appointment(str(uuid.uuid4()), moment, "Clinic", "")
    with in_zone(name):
        dialog = AppointmentDialog(None, appointment)
        qtbot.addWidget(dialog)
        assert dialog.appointment().when == moment


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(zone_and_moment())
def test_a_csv_export_of_one_day_holds_exactly_the_logs_of_that_local_day(
    journal, tmp_path: Path, case
):
    name, moment = case
    day = local_date(moment, name)
    logs = [
        BodyLog(str(uuid.uuid4()), moment + timedelta(hours=hours), BleedingLevel.LIGHT)
        for hours in (-25, -24, -23, -2, -1, 0, 1, 2, 23, 24, 25)
    ]
    body = BodyRepository(journal.db)
    for stale in body.logs():
        body.delete_log(stale.id)
    body.save_logs(logs)
    path = tmp_path / f"{uuid.uuid4()}.csv"
    with in_zone(name):
        export_csv(body, path, day, day)
    exported = {log.id for log in read_logs_csv(path)}
    assert exported == {log.id for log in logs if local_date(log.logged_at, name) == day}


@pytest.mark.parametrize(
    ("name", "typed"),
    [
        ("Europe/Berlin", datetime(2026, 3, 29, 2, 30)),
        ("America/New_York", datetime(2026, 3, 8, 2, 30)),
        ("Australia/Sydney", datetime(2026, 10, 4, 2, 30)),
    ],
)
def test_a_wall_time_the_clocks_skip_is_taken_as_typed_and_read_by_the_zones_rules(
    qtbot, name, typed
):  # type: ignore[no-untyped-def]
    """02:30 on a spring-forward night never happens: Qt's local-time field refused the
    hour and kept the one it had, so the log was saved hours away. The field takes it,
    and the log is saved at the moment PEP 495 gives (03:30 summer time); the field
    shows that moment and says why under it (break test 9 of session 20, F2)."""
    QLocale.setDefault(QLocale.c())  # typed as "yyyy-MM-dd HH:mm"
    try:
        with in_zone(name) as zone:
            form = BodyLogForm()
            qtbot.addWidget(form)
            form.show()
            form.time.setFocus()
            form.time.lineEdit().selectAll()
            qtbot.keyClicks(form.time, typed.strftime("%Y-%m-%d %H:%M"))
            qtbot.keyClick(form.time, Qt.Key.Key_Tab)
            assert form.time.text() == typed.strftime("%Y-%m-%d 03:30")  # as saved
            assert "02:30 does not happen" in form.notes.note("logged_at").text()
            saved = form.build_log().logged_at
    finally:
        QLocale.setDefault(QLocale.system())
    expected = typed.replace(tzinfo=zone, fold=0).astimezone(UTC)
    assert saved.replace(second=0, microsecond=0) == expected
    assert saved.astimezone(zone).strftime("%H:%M") == "03:30"


def test_a_time_typed_over_now_is_kept_to_the_whole_minute(qtbot, body_area, journal):  # type: ignore[no-untyped-def]
    """Break test 10, 12e: "08:00" typed into Time and Time of change was stored as
    08:00:53, the seconds of the moment the field was set to; they decide whether a
    pad change counts with a log of the same minute."""
    from journal.domain.body.log import PadKind, Soaking
    from journal.storage.body.repository import BodyRepository
    from journal.ui.common.local_time import to_qdatetime

    QLocale.setDefault(QLocale.c())  # typed as "yyyy-MM-dd HH:mm"
    try:
        form = body_area.form
        typed = (datetime.now() - timedelta(days=1)).replace(hour=8, minute=0)
        with_seconds = datetime.now(UTC).replace(second=53, microsecond=250_000)
        for field in (form.time, form.pad_time):
            field.setDateTime(to_qdatetime(with_seconds - timedelta(minutes=5)))
            field.setFocus()
            field.lineEdit().selectAll()
            qtbot.keyClicks(field, typed.strftime("%Y-%m-%d %H:%M"))
            qtbot.keyClick(field, Qt.Key.Key_Tab)
        form.pad_kind.setCurrentIndex(form.pad_kind.findData(PadKind.REGULAR))
        form.pad_soaking.setCurrentIndex(form.pad_soaking.findData(Soaking.FULLY))
        form.submit_pad_change()
        form.note.setPlainText("typed time")
        form.submit()
    finally:
        QLocale.setDefault(QLocale.system())
    body = BodyRepository(journal.db)
    (log,) = body.logs()
    (pad,) = body.pad_changes()
    for moment in (log.logged_at, pad.changed_at):
        assert moment.astimezone().strftime("%H:%M:%S.%f") == "08:00:00.000000"


def test_a_form_kept_across_a_lock_keeps_its_moment(qtbot):  # type: ignore[no-untyped-def]
    """Break test 9 of session 12, finding 4: the form's draft kept the wall time only,
    so "the second 02:30 (CET)" came back as the first (an hour earlier), and a draft
    put back after travelling was read in the new zone. The moment comes back."""
    QLocale.setDefault(QLocale.c())  # typed as "yyyy-MM-dd HH:mm"
    try:
        with in_zone("Europe/Berlin"):
            form = BodyLogForm()
            qtbot.addWidget(form)
            form.show()
            form.bleeding.setCurrentIndex(2)
            form.time.setFocus()
            form.time.lineEdit().selectAll()
            qtbot.keyClicks(form.time, "2026-10-25 02:30")
            qtbot.keyClick(form.time, Qt.Key.Key_Tab)
            form.time.second.setChecked(True)  # "The second 02:30 (CET)"
            chosen = form.build_log()
            assert isinstance(chosen, BodyLog)
            assert chosen.logged_at == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
            draft = form.draft()
            assert draft is not None
            again = BodyLogForm()
            qtbot.addWidget(again)
            again.restore(draft)
            restored = again.build_log()
            assert isinstance(restored, BodyLog)
            assert restored.logged_at == chosen.logged_at
        with in_zone("America/New_York"):  # put back after travelling
            away = BodyLogForm()
            qtbot.addWidget(away)
            away.restore(draft)
            moved = away.build_log()
            assert isinstance(moved, BodyLog)
            assert moved.logged_at == chosen.logged_at
    finally:
        QLocale.setDefault(QLocale.system())


def test_a_form_put_back_after_travelling_keeps_the_zone_it_was_written_in(qtbot):  # type: ignore[no-untyped-def]
    """Break test 9 of session 12, finding 4 (second part): a log's draft put back in
    another zone was shown, read and saved in the new zone. The draft keeps the zone the
    log was written in; the log is shown there ("02:30" Berlin time, not 20:30 New York
    time), saved with it, and kept with it at the next lock too. The next new log is
    written where the person is now."""
    QLocale.setDefault(QLocale.c())  # typed as "yyyy-MM-dd HH:mm"
    try:
        with in_zone("Europe/Berlin"):
            form = BodyLogForm()
            qtbot.addWidget(form)
            form.show()
            form.bleeding.setCurrentIndex(2)
            form.time.setFocus()
            form.time.lineEdit().selectAll()
            qtbot.keyClicks(form.time, "2026-10-20 02:30")
            qtbot.keyClick(form.time, Qt.Key.Key_Tab)
            written = form.build_log()
            assert isinstance(written, BodyLog) and written.zone == "Europe/Berlin"
            draft = form.draft()
            assert draft is not None
        with in_zone("America/New_York"):
            away = BodyLogForm()
            qtbot.addWidget(away)
            away.show()
            away.restore(draft)
            assert away.time.dateTime().time().toString("HH:mm") == "02:30"
            moved = away.build_log()
            assert isinstance(moved, BodyLog)
            assert (moved.logged_at, moved.zone) == (written.logged_at, "Europe/Berlin")
            again = away.draft()  # locked again, still away
            assert again is not None
            back = BodyLogForm()
            qtbot.addWidget(back)
            back.restore(again)
            kept = back.build_log()
            assert isinstance(kept, BodyLog)
            assert (kept.logged_at, kept.zone) == (written.logged_at, "Europe/Berlin")
            back.reset()  # saved: the next log is a new one, written here
            back.bleeding.setCurrentIndex(1)
            fresh = back.build_log()
            assert isinstance(fresh, BodyLog) and fresh.zone == "America/New_York"
    finally:
        QLocale.setDefault(QLocale.system())


def test_an_appointment_keeps_the_clock_time_it_was_set_for_after_travel(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test 9 of session 14, finding 12: an appointment set for 10:00 in Berlin read
    "04:00" with no zone in New York, on the timeline and in the doctor's summary."""
    berlin = ZoneInfo("Europe/Berlin")
    with in_zone("Europe/Berlin"):
        dialog = AppointmentDialog()
        qtbot.addWidget(dialog)
        wall = QDateTime(QDate(2026, 12, 15), QTime(10, 0))
        dialog.when.setFocus()
        qtbot.keyClick(dialog.when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.when, wall.toString(dialog.when.displayFormat()))
        qtbot.keyClicks(dialog.place, "Dr Weber")
        made = dialog.appointment()
    assert made.when == datetime(2026, 12, 15, 10, tzinfo=berlin).astimezone(UTC)
    assert made.zone == "Europe/Berlin"
    BodyRepository(journal.db).save_appointment(made)
    with in_zone("America/New_York"):
        body_area.refresh()
        assert "15 December 2026, 10:00 CET, Dr Weber" in body_area.timeline.appointments.text()
        (stored,) = BodyRepository(journal.db).appointments()
        changed = AppointmentDialog(None, stored)
        qtbot.addWidget(changed)
        assert changed.when.dateTime().time() == QTime(10, 0)  # shown at its own clock
        assert changed.appointment() == stored  # and kept as it was when saved unchanged

"""One rule for a wall time typed at a clock change (break test 7, F8).

A time typed in the hour the clocks go back was read as the first time in Lord Howe
and as the second in Berlin: the field kept the offset of what it showed before (now,
summer time in Lord Howe's December, winter time in Berlin's). And a time the clocks
skip (02:15 in Lord Howe on 4 October 2026) stayed in "Written on" while 02:45 was
stored. Now: a repeated time is always the first time, and is said so; a skipped one
is moved forward by the gap, shown, and said. Expected moments come from zoneinfo.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from journal.ui.common.dates import time_edit
from journal.ui.common.local_time import from_qdatetime, short_moment, to_qdatetime
from tests.time_zones import clock_changes, in_zone

# Zones whose clocks change, by an hour or half an hour, north and south.
CHANGING = ("Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe")
YEAR = 2026


@pytest.fixture(autouse=True)
def c_locale() -> Iterator[None]:
    QLocale.setDefault(QLocale.c())  # typed as "yyyy-MM-dd HH:mm"
    yield
    QLocale.setDefault(QLocale.system())


@st.composite
def change_and_minute(draw: st.DrawFn) -> tuple[str, datetime, datetime]:
    """A zone, one of its clock changes (UTC), and a wall time (naive) inside the
    hour that change repeats or skips."""
    name = draw(st.sampled_from(CHANGING))
    change = draw(st.sampled_from(clock_changes(name, YEAR)))
    zone = ZoneInfo(name)
    before = (change - timedelta(minutes=1)).astimezone(zone)
    after = change.astimezone(zone)
    gap = abs(after.utcoffset() - before.utcoffset())  # type: ignore[operator]
    start = min(after.replace(tzinfo=None), (before + timedelta(minutes=1)).replace(tzinfo=None))
    minutes = draw(st.integers(0, int(gap.total_seconds() // 60) - 1))
    return name, change, start + timedelta(minutes=minutes)


def _field_in_a_form(qtbot):  # type: ignore[no-untyped-def]
    """A time field with another field after it, for Tab to leave it."""
    form = QWidget()
    column = QVBoxLayout(form)
    field = time_edit("Time")
    column.addWidget(field)
    column.addWidget(QLineEdit())
    qtbot.addWidget(form)
    form.show()
    return form, field  # the caller keeps the form: qtbot holds widgets weakly


PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@PROPERTY
@given(case=change_and_minute(), shown_before=st.sampled_from([-1, 1]), own_zone=st.booleans())
def test_a_typed_time_at_a_clock_change_is_read_by_one_rule(
    qtbot, case, shown_before: int, own_zone: bool
) -> None:  # type: ignore[no-untyped-def]
    name, change, wall = case
    zone = ZoneInfo(name)
    first = wall.replace(tzinfo=zone, fold=0)
    exists = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall
    repeated = exists and wall.replace(tzinfo=zone, fold=1).utcoffset() != first.utcoffset()
    # The field showed a moment a day before or after the change (either offset).
    before = change + timedelta(days=shown_before)
    # The person's zone (a body log), or an entry's own zone on a computer in UTC.
    with in_zone("UTC" if own_zone else name):
        _form, field = _field_in_a_form(qtbot)
        told: list[str] = []
        field.told.connect(told.append)
        entry_zone = name if own_zone else None
        field.zone = entry_zone
        field.setDateTime(to_qdatetime(before, entry_zone))
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        field.lineEdit().selectAll()
        qtbot.keyClicks(field, wall.strftime("%Y-%m-%d %H:%M"))
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        read = from_qdatetime(field.dateTime(), entry_zone)
        shown = short_moment(read, entry_zone)
    expected = first.astimezone(UTC)  # PEP 495: fold 0, the first; a gap moves forward
    assert read == expected
    if repeated:
        assert shown.endswith("(the first time)"), shown
        assert told and "this is the first time" in told[-1]
    elif not exists:
        moved_to = expected.astimezone(zone).replace(tzinfo=None)
        assert moved_to > wall
        assert field.text() == moved_to.strftime("%Y-%m-%d %H:%M")  # shown as stored
        assert told and f"{wall:%H:%M} does not happen" in told[-1], told
        assert f"this is {moved_to:%H:%M}" in told[-1]
    else:  # the first or last minute of a change: it happens once
        assert "(the" not in shown


def test_the_break_tests_two_zones_agree(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Berlin's 02:30 on 25 October 2026 and Lord Howe's 01:45 on 5 April 2026, each
    typed into a field showing now (December): both are the first time."""
    for name, wall in (
        ("Europe/Berlin", datetime(2026, 10, 25, 2, 30)),
        ("Australia/Lord_Howe", datetime(2026, 4, 5, 1, 45)),
    ):
        with in_zone(name):
            _form, field = _field_in_a_form(qtbot)
            field.setDateTime(to_qdatetime(datetime(2026, 12, 1, 10, tzinfo=UTC)))
            field.setFocus()
            qtbot.waitUntil(field.hasFocus)
            field.lineEdit().selectAll()
            qtbot.keyClicks(field, wall.strftime("%Y-%m-%d %H:%M"))
            qtbot.keyClick(field, Qt.Key.Key_Tab)
            read = from_qdatetime(field.dateTime())
        assert read == wall.replace(tzinfo=ZoneInfo(name), fold=0).astimezone(UTC), name

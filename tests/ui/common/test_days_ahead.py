"""A day field that takes no day after today says so as soon as one is there (break
test 45a, F7): Page Up in "Day you did this", which takes days up to today, stepped
ten years ahead without a word, and "Day of the loss" took 29 December 2028 typed,
refused only by Save."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDateTime, Qt, QTime

from journal.domain.common.local_time import today_local
from journal.ui.common.dates import date_edit
from journal.ui.common.day_picker import no_days_ahead
from journal.ui.common.local_time import to_qdate
from tests.ui.common.test_typed_whole import _form, _type


def test_page_up_stops_at_the_last_day_a_field_takes(qtbot) -> None:  # type: ignore[no-untyped-def]
    today = to_qdate(today_local())
    field = date_edit("Day you did this")
    field.setMaximumDate(today)
    form = _form(qtbot, field, QDateTime(today.addDays(-3), QTime(0, 0)))
    qtbot.keyClick(field, Qt.Key.Key_End)  # the day's section, in every order of day and month
    for key in (Qt.Key.Key_PageUp, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
        qtbot.keyClick(field, key)
        assert field.date() <= today
    field.setCurrentSection(field.sectionAt(0))  # the first section, a year or a day
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    assert field.date() <= today
    assert form.said == []


def test_a_day_typed_after_today_is_refused_as_the_field_is_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    field = date_edit("Day of the loss")
    no_days_ahead(field)
    today = today_local()
    form = _form(qtbot, field, QDateTime(to_qdate(today - timedelta(days=10)), QTime(0, 0)))
    ahead = to_qdate(today.replace(year=today.year + 2, month=12, day=29))
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, field, ahead.toString(field.displayFormat()))
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert len(form.said) == 1 and "is after today, so it cannot be chosen here" in form.said[0]

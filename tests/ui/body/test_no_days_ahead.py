"""The body log's calendars offer no day after today (break test 15 of session 24, F2):
Body log > Time, Alt+Down, Page Down, Enter took 30 December on 4 December as an
ordinary day, whose cell was named like any other, and only Ctrl+Enter then said "That
time is still ahead of now". Now the days after today are named "not available" and
the keys stop at today, in the Time, "Pain relief taken at" and pad change fields and
in Recovery details' days. Real window, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.body.recovery_dialog import RecoveryDialog
from journal.ui.common.dates import day_picker
from journal.ui.common.day_grid import DATE_ROLE
from journal.ui.common.local_time import to_qdate, today_local
from tests.ui.body import support as support

body_area = support.body_area
ALT = Qt.KeyboardModifier.AltModifier


def _tomorrow_named(picker) -> str:  # type: ignore[no-untyped-def]
    """What the cell of tomorrow is called, when this month shows it ("" otherwise)."""
    tomorrow = to_qdate(today_local()).addDays(1)
    for row in range(picker.grid.rowCount()):
        for column in range(picker.grid.columnCount()):
            item = picker.grid.item(row, column)
            if item is not None and item.data(DATE_ROLE) == tomorrow:
                return str(item.data(Qt.ItemDataRole.AccessibleTextRole))
    return ""


def _picks_today_at_most(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    """Open ``field``'s calendar by keys, try to go a month and a day ahead, pick."""
    today = to_qdate(today_local())
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Down, ALT)
    picker = day_picker(field)
    qtbot.waitUntil(picker.isVisible)
    grid = picker.grid
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert picker.selected == today
    assert not picker.next_button.isEnabled()  # no month ahead to go to
    named = _tomorrow_named(picker)
    assert named == "" or named.endswith("not available")
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert field.date() <= today


def test_the_log_s_time_fields_offer_no_day_ahead(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    for field in (form.time, form.pain_relief_at, form.pad_time):
        if not field.isVisible():
            continue
        _picks_today_at_most(qtbot, field)
    assert form.time.date() == to_qdate(today_local())


def test_recovery_days_offer_no_day_ahead(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    dialog = RecoveryDialog(body_area.recovery, body_area)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _picks_today_at_most(qtbot, dialog.loss_date.edit)
    assert dialog.loss_date.edit.date() == to_qdate(today_local())
    assert QApplication.activeWindow() is dialog
    dialog.reject()


def test_a_field_with_no_such_rule_still_offers_days_ahead(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """An appointment is ahead: its calendar goes on past today."""
    from journal.ui.body.appointment_dialog import AppointmentDialog

    dialog = AppointmentDialog(parent=body_area)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    field = dialog.when
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, ALT)
    picker = day_picker(field)
    qtbot.waitUntil(picker.isVisible)
    qtbot.keyClick(picker.grid, Qt.Key.Key_PageDown)
    assert picker.selected > to_qdate(today_local())
    qtbot.keyClick(picker.grid, Qt.Key.Key_Escape)
    dialog.reject()

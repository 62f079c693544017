"""An Up or Down step in any date or date-time field is
one undo step: Ctrl+Z takes it back and says the day shown again, as every undo in a
date field is said (issue 15: Qt's step set the field's text, which emptied its undo
history, so Ctrl+Z after a step did nothing). Real fields in the real window and its
dialogs, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QWidget

from journal.domain.body.log import RecoveryDetails
from journal.domain.body.temperature import TemperatureUnit
from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.body.export_dialog import ExportDialog
from journal.ui.body.recovery_dialog import RecoveryDialog
from journal.ui.common.dates import TypedDateEdit, TypedDateTimeEdit
from journal.ui.common.local_time import today_local
from journal.ui.common.undo_said import say_value
from tests.ui.entries.test_editor import journal_area


def _fields(top: QWidget) -> list[QDateTimeEdit]:
    """Every date and date-time field shown in ``top``."""
    found = top.findChildren(QDateTimeEdit)
    return [f for f in found if isinstance(f, TypedDateEdit | TypedDateTimeEdit) and f.isVisible()]


def _focus(qtbot, field: QDateTimeEdit) -> None:  # type: ignore[no-untyped-def]
    field.window().activateWindow()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus, timeout=5_000)


def _step_then_undo(qtbot, field: QDateTimeEdit, a11y_events, step) -> None:  # type: ignore[no-untyped-def]
    _focus(qtbot, field)
    # On the year, which always has room below: after an undo the cursor is on the
    # last section, and Qt steps one section without carrying into the next, so a
    # minute at :00 does not step down (this failed at 21:00), nor a day on the 1st
    # (the first section where the locale writes the day first, as in Britain).
    field.setCurrentSection(QDateTimeEdit.Section.YearSection)
    before_text, before = field.text(), QDateTimeEdit.dateTime(field)
    step(field)
    assert field.text() != before_text, field.accessibleName()
    a11y_events.clear()
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == before_text, field.accessibleName()
    assert QDateTimeEdit.dateTime(field) == before, field.accessibleName()
    assert say_value(True, before_text) in a11y_events.announcements(), field.accessibleName()


def _down(qtbot):  # type: ignore[no-untyped-def]
    return lambda field: qtbot.keyClick(field, Qt.Key.Key_Down)


def test_a_step_in_every_date_field_is_undone_by_ctrl_z_and_said(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    area.new_entry()
    tried: list[str] = []
    # The entry's "Written on" (a step back: a later moment would be refused).
    _step_then_undo(qtbot, area.editor.when, a11y_events, _down(qtbot))
    tried.append(area.editor.when.accessibleName())

    # The body log: the log's date and time and every other date field on its page.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    body = next(each for each in window.areas if each.area_id == "body")
    qtbot.waitUntil(body.isVisible)
    for field in _fields(body):
        _step_then_undo(qtbot, field, a11y_events, _down(qtbot))
        tried.append(field.accessibleName())

    # The dialogs: recovery details (each day noted), an appointment, the doctor summary.
    today = today_local()
    details = RecoveryDetails(loss_date=today, bleeding_stopped_on=today, first_period_on=today)
    repository = body.repository
    dialogs = [
        RecoveryDialog(details, window),
        AppointmentDialog(window),
        ExportDialog(repository, lambda _p: True, TemperatureUnit.CELSIUS, today, window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        fields = _fields(dialog)
        assert fields, type(dialog).__name__
        for field in fields:
            _step_then_undo(qtbot, field, a11y_events, _down(qtbot))
            tried.append(field.accessibleName())
        dialog.reject()
    assert len(tried) == len(set(tried)) >= 10  # the entry's, four in the body log, five in dialogs

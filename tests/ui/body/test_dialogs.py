"""Recovery details and appointments: checked kindly, and shown on the timeline."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from journal.domain.body.log import LossKind, RecoveryDetails, Treatment
from journal.storage.body.repository import BodyRepository
from journal.ui.body.appointment_dialog import AppointmentDialog
from journal.ui.body.recovery_dialog import RecoveryDialog
from journal.ui.common.local_time import to_qdate, today_local
from tests.ui.body import support as support

body_area = support.body_area


def test_recovery_details_refuse_a_day_ahead_and_keep_the_rest(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = RecoveryDialog(RecoveryDetails())
    qtbot.addWidget(dialog)
    assert dialog.loss_date.not_noted.isChecked() and dialog.loss_date.value() is None
    dialog.kind.setCurrentIndex(dialog.kind.findData(LossKind.MISSED))
    dialog.treatment.setCurrentIndex(dialog.treatment.findData(Treatment.PROCEDURE))
    dialog.loss_date.not_noted.click()  # a day set by the program alone notes nothing
    dialog.loss_date.edit.setDate(to_qdate(today_local() + timedelta(days=2)))
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.problem_text() == "That day is still ahead. Please choose the day of the loss."
    assert dialog.kind.currentData() is LossKind.MISSED

    dialog.loss_date.edit.setDate(to_qdate(today_local() - timedelta(days=3)))
    dialog.accept()
    details = dialog.details()
    assert dialog.result() == 1
    assert details.loss_date == today_local() - timedelta(days=3)
    assert details.treatment is Treatment.PROCEDURE and details.first_period_on is None


def test_appointment_questions_show_on_the_timeline(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    dialog = AppointmentDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.place, "Dr Rivera")
    qtbot.keyClicks(dialog.questions, "When can we try again?")
    BodyRepository(journal.db).save_appointment(dialog.appointment())
    body_area.refresh()
    text = body_area.timeline.appointments.text()
    assert "Dr Rivera" in text and "Questions: When can we try again?" in text


def test_ctrl_enter_on_a_tick_box_presses_the_dialogs_main_button(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Break test 39, finding 5: Ctrl+Enter, which presses the main button "from any
    field", did nothing with the focus on a tick box ("The second 02:30" in Change
    this log, "Not noted" in Recovery details); only a click on Save saved."""
    dialog = RecoveryDialog(RecoveryDetails(), body_area)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(LossKind.MISSED))
    box = dialog.loss_date.not_noted
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == 1 and dialog.details().loss_kind is LossKind.MISSED
    assert box.isChecked()  # the tick box itself unchanged

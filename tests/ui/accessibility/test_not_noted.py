"""A day left "Not noted" is heard as "Not noted", never as the day the field keeps
on screen for its calendar (issue 15, finding 30)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QAccessible

from journal.domain.body.log import RecoveryDetails
from journal.ui.body.recovery_dialog import RecoveryDialog
from tests.ui.accessibility.conftest import Recorder

Text = QAccessible.Text


def test_a_day_not_noted_is_heard_as_not_noted_and_a_noted_day_as_itself(  # type: ignore[no-untyped-def]
    qtbot, a11y_events: Recorder
):
    dialog = RecoveryDialog(RecoveryDetails(loss_date=date(2026, 10, 3)))
    qtbot.addWidget(dialog)
    dialog.show()
    for field in (dialog.stopped, dialog.first_period):  # nothing noted
        interface = QAccessible.queryAccessibleInterface(field.edit)
        assert interface.text(Text.Value) == "Not noted"
        assert interface.text(Text.Name).endswith(", Not noted")
        assert interface.textInterface() is None  # no day to read
        assert field.edit.text() not in interface.text(Text.Name)
    loss = QAccessible.queryAccessibleInterface(dialog.loss_date.edit)
    assert loss.text(Text.Value) == dialog.loss_date.edit.text()  # a day noted: itself
    # Ticking "Not noted" says so; unticking gives the day back.
    dialog.loss_date.not_noted.setChecked(True)
    loss = QAccessible.queryAccessibleInterface(dialog.loss_date.edit)
    assert loss.text(Text.Value) == "Not noted"
    dialog.stopped.not_noted.setChecked(False)
    stopped = QAccessible.queryAccessibleInterface(dialog.stopped.edit)
    assert stopped.text(Text.Value) == dialog.stopped.edit.text()
    assert stopped.text(Text.Name) == "Day the bleeding stopped"

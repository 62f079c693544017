"""Saving an appointment says so, and focus goes to the appointment saved, not back
to wherever its key was pressed (break test 14 of issue 15, finding 11)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage.body.repository import BodyRepository
from tests.ui.body import support as support

body_area = support.body_area


def test_saving_an_appointment_is_said_and_focus_lands_on_it(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal, a11y_events
):
    body_area.tabs.setCurrentWidget(body_area.timeline)
    body_area.doctor_button.setFocus()  # where the shortcut is pressed from
    dialog = body_area.add_appointment()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.place, "Dr Rivera")
    a11y_events.clear()
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return)  # Save
    qtbot.waitUntil(lambda: not dialog.isVisible())
    (kept,) = BodyRepository(journal.db).appointments()
    timeline = body_area.timeline
    qtbot.waitUntil(lambda: QApplication.focusWidget() is timeline.change_button)
    heard = a11y_events.announcements(assertive=False)
    assert [words for words in heard if words.startswith("Appointment saved: ")], heard
    assert any(words.endswith(", Dr Rivera.") for words in heard), heard
    assert kept.place == "Dr Rivera"

"""Enter among the pads notes a pad change, not the log above: with "Very heavy"
chosen and no temperature, Enter there saved no log and the line beside "Save this
log" stayed empty, so the log seemed kept (a helper's report, issue 15). The pad change
is said with the words that the log is not saved yet, and the line beside the log's
Save shows them; nothing chosen is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.domain.body.log import BleedingLevel
from journal.storage.body.repository import BodyRepository
from journal.ui.body.form import LOG_NOT_SAVED
from tests.ui.body import support as support
from tests.ui.body.support import saved_logs, tab_to

body_area = support.body_area


def test_enter_among_the_pads_says_the_log_is_not_saved_yet(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal, a11y_events
) -> None:
    form = body_area.form
    form.bleeding.setFocus()
    qtbot.waitUntil(form.bleeding.hasFocus)
    qtbot.keyClick(form.bleeding, Qt.Key.Key_End)  # "Very heavy"
    assert form.hint.isVisible()
    form.pad_kind.setFocus()  # as the hint says: "Changed a pad"
    tab_to(qtbot, form.pad_soaking)
    a11y_events.clear()
    qtbot.keyClick(form.pad_soaking, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert len(BodyRepository(journal.db).pad_changes()) == 1
    assert saved_logs(journal) == []
    assert form.bleeding.currentData() is BleedingLevel.VERY_HEAVY  # kept, not lost
    assert form.status.text() == LOG_NOT_SAVED and form.status.isVisible()
    heard = " ".join(a11y_events.announcements())
    assert "Noted: " in heard and LOG_NOT_SAVED in heard

    # Saved from the log's part: the line says so, and another pad says nothing more.
    form.temperature.setFocus()
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return)
    (log,) = saved_logs(journal)
    assert log.bleeding is BleedingLevel.VERY_HEAVY
    assert "Saved the log" in form.status.text()
    form.pad_soaking.setFocus()
    qtbot.keyClick(form.pad_soaking, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert LOG_NOT_SAVED not in form.pad_status.text()

"""A refused "Written on" (a moment still to come) goes once the form is left: after
another area and back, no stale refusal shows or is heard again (issue 15)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.domain.common.local_time import local_day, now_utc
from tests.ui.entries.test_editor import journal_area, write
from tests.ui.entries.test_entry_date import _type_moment


def test_a_refused_written_on_does_not_come_back_after_another_area(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    area.new_entry()
    write(qtbot, area, "Words first")
    tomorrow = local_day(now_utc()) + timedelta(days=1)
    _type_moment(qtbot, area.editor, tomorrow, 21, 0)
    note = area.editor.notes.note("created_at")
    assert note.isVisible() and "has not come yet" in note.text()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    body = next(each for each in window.areas if each.area_id == "body")
    qtbot.waitUntil(body.isVisible)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(area.isVisible)
    for _ in range(3):
        QApplication.processEvents()
    assert not note.isVisible()
    assert "has not come yet" not in area.editor.when.accessibleDescription()
    assert area.editor.written_at() is not None  # the field shows the date the entry keeps

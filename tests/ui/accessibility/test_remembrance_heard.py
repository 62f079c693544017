"""Remembrance dates, heard: keeping or removing a date says what was kept or removed
(it changed only the list, silently), and "Remove the chosen date" is on only while a
date is chosen (it was a Tab stop that did nothing, silently)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.entries.remembrance import RemembranceDialog
from tests.ui.accessibility.screens import made_dialogs


def test_keeping_and_removing_a_date_is_said(qtbot, unlocked_window, store, a11y_events):  # type: ignore[no-untyped-def]
    dialog = made_dialogs(unlocked_window, store)["Remembrance dates"]()
    assert isinstance(dialog, RemembranceDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.list.count() == 0 and not dialog.remove.isEnabled()
    dialog.kind.setFocus()
    qtbot.keyClick(dialog.kind, Qt.Key.Key_End)  # "Another date", which opens at today
    dialog.add.setFocus()
    qtbot.waitUntil(dialog.add.hasFocus)
    a11y_events.clear()
    qtbot.keyClick(dialog.add, Qt.Key.Key_Space)
    (kept,) = a11y_events.announcements()
    assert kept.startswith("Kept: ") and dialog.list.item(0).text() in kept
    assert dialog.status.text() == kept
    dialog.list.setFocus()
    dialog.list.setCurrentRow(0)
    assert dialog.remove.isEnabled()
    dialog.remove.setFocus()
    a11y_events.clear()
    qtbot.keyClick(dialog.remove, Qt.Key.Key_Space)
    assert dialog.list.count() == 0
    assert a11y_events.announcements() == [kept.replace("Kept: ", "Removed: ")]
    assert not dialog.remove.isEnabled()
    focus = QApplication.focusWidget()
    assert focus is not None and focus.isEnabled() and focus.isVisible(), focus
    assert focus is dialog.kind, focus.text() if hasattr(focus, "text") else focus
    dialog.reject()

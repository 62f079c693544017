"""Settings (Ctrl+,) > a change > Save was silent (issue 15 break test): what happened
is said politely once the dialog has closed and the focus is back in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.settings import IDLE_LOCK_MINUTES
from journal.ui.shell.settings_dialog import SettingsDialog

Event = QAccessible.Event
CTRL = Qt.KeyboardModifier.ControlModifier


def _open_settings(qtbot, window) -> SettingsDialog:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    qtbot.waitUntil(lambda: isinstance(window.settings_dialog, SettingsDialog))
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # the window manager's part; the offscreen platform has none
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_saving_settings_is_said_after_the_focus_is_back_in_the_window(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    dialog = _open_settings(qtbot, unlocked_window)
    a11y_events.listen()
    with qtbot.waitSignal(dialog.finished):  # Cancel first: nothing saved, nothing said
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    assert "Settings saved." not in a11y_events.announcements()
    qtbot.waitUntil(lambda: unlocked_window.settings_dialog is None)
    dialog = _open_settings(qtbot, unlocked_window)
    minutes = dialog.idle.value() + 1
    dialog.idle.setFocus()
    qtbot.waitUntil(dialog.idle.hasFocus)
    qtbot.keyClick(dialog.idle, Qt.Key.Key_Up)
    a11y_events.listen()
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.idle, Qt.Key.Key_Return, CTRL)
    unlocked_window.activateWindow()  # as the window manager does when a dialog closes
    qtbot.waitUntil(unlocked_window.isActiveWindow)
    assert unlocked_window.settings.get(IDLE_LOCK_MINUTES) == minutes
    assert a11y_events.announcements(assertive=False) == ["Settings saved."]
    kinds = [e.kind for e in a11y_events.events]
    said = kinds.index(Event.Announcement)
    assert Event.Focus in kinds[:said]  # the window's control was heard first
    assert Event.Focus not in kinds[said:]
    focus = QApplication.focusWidget()
    assert focus is not None and focus.window() is unlocked_window and focus.isVisible()

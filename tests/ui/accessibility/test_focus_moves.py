"""Focus goes straight where the person looks next: when a page gives way to another
(Ctrl+1/2/3, the lock screen), a screen reader hears one focus, on the control the
app chose, never first the control that comes next in the window ("Areas", "Open
Together on this journal") as Qt moved the focus out of the page being hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from tests.ui.entries.test_editor import journal_area, write

Focus = QAccessible.Event.Focus


def named(widget) -> str:  # type: ignore[no-untyped-def]
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_changing_area_and_locking_focus_only_the_control_chosen(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    window.activateWindow()
    area = journal_area(window)
    area.new_entry()
    write(qtbot, area, "A quiet evening")
    assert area.editor.body.hasFocus()
    a11y_events.record_names = True
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_4, Qt.Key.Key_2):
        a11y_events.clear()
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.ControlModifier)
        focused = QApplication.focusWidget()
        assert focused is not None and window.pages.currentWidget().isAncestorOf(focused)
        heard = a11y_events.names(Focus)
        assert heard == [named(focused)], (key, heard)
        assert "Areas" not in heard
    a11y_events.clear()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.is_locked)
    qtbot.waitUntil(lambda: window.lock_screen.isAncestorOf(QApplication.focusWidget()))
    heard = a11y_events.names(Focus)
    assert heard == [named(QApplication.focusWidget())], heard

"""The list's tabs answer their Alt+letters while the list is folded away (issue 15,
break test of session 24): at 200 % text the list is folded by itself, and Alt+A
(Calendar) and Alt+L (List) did nothing and said nothing. Real window, real keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.entries.test_editor import journal_area

ALT = Qt.KeyboardModifier.AltModifier


def test_alt_a_and_alt_l_open_the_folded_list_at_their_tab(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    area = journal_area(unlocked_window)
    qtbot.keyClick(unlocked_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(area.editor.body.hasFocus)
    qtbot.mouseClick(area.list_button, Qt.MouseButton.LeftButton)  # "Hide the list"
    assert area.side.isHidden()
    area.editor.body.setFocus()
    qtbot.keyClick(area.editor.body, Qt.Key.Key_A, ALT)
    assert area.side.isVisible()
    assert area.browse_tabs.currentWidget() is area.calendar
    assert QApplication.focusWidget() is area.browse_tabs.tabBar()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, ALT)  # the tab bar's own now
    assert area.browse_tabs.currentWidget() is area.timeline
    qtbot.mouseClick(area.list_button, Qt.MouseButton.LeftButton)  # folded again
    area.editor.body.setFocus()
    qtbot.keyClick(area.editor.body, Qt.Key.Key_L, ALT)
    assert area.side.isVisible() and area.browse_tabs.currentWidget() is area.timeline

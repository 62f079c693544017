"""The chart's table of values is reached by Tab from its toggle every time it is
shown (break test 15 of session 11, finding 4): shown, it took the focus, unheard on
the accessibility bus, so Tab from what the person took for the toggle went on to the
sidebar ("Areas") and skipped the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.common.chart_text import ChartText
from tests.ui.accessibility.screens import area, settle


def test_tab_from_the_toggle_reaches_the_table_shown_again(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    body = area(unlocked_window, "body")
    unlocked_window.show_area(body)
    body.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
    text: ChartText = body.chart_text  # type: ignore[attr-defined]
    unlocked_window.activateWindow()
    qtbot.waitUntil(unlocked_window.isActiveWindow, timeout=2000)
    text.toggle.setFocus()
    qtbot.waitUntil(text.toggle.hasFocus, timeout=2000)
    for _ in range(3):  # shown, hidden, shown again
        qtbot.keyClick(text.toggle, Qt.Key.Key_Space)
        settle()
        assert QApplication.focusWidget() is text.toggle
    assert text.table.isVisible()
    qtbot.keyClick(text.toggle, Qt.Key.Key_Tab)
    settle()
    assert QApplication.focusWidget() is text.table

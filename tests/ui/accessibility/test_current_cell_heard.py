"""A table or list reached by Tab says its current cell, the one the arrows move from
(break test 15 of session 12, finding 5): the chart's table was heard as "table"
alone, its first row (the newest day, the day of a fever) already current, and the
first Down went to the second row, so the newest day was never heard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from journal.storage.body.repository import BodyRepository
from journal.ui.common.chart_text import ChartText
from tests.ui.accessibility.screens import area, fever_log, settle


def test_tab_into_the_chart_table_says_its_newest_row_then_down_the_next(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events
):
    window = unlocked_window
    journal = window.journal
    assert journal is not None
    repository = BodyRepository(journal.db)
    repository.save_log(fever_log(hours_ago=1.0))
    repository.save_log(fever_log(hours_ago=30.0))  # the day before
    body = area(window, "body")
    window.show_area(body)
    body.refresh()  # type: ignore[attr-defined]
    body.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
    text: ChartText = body.chart_text  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    text.toggle.setFocus()
    qtbot.keyClick(text.toggle, Qt.Key.Key_Space)
    settle()
    newest = text.table.item(0, 0).text()
    second = text.table.item(1, 0).text()
    a11y_events.record_names = True
    a11y_events.clear()
    qtbot.keyClick(text.toggle, Qt.Key.Key_Tab)
    settle()
    assert QApplication.focusWidget() is text.table
    heard = a11y_events.names(QAccessible.Event.Focus)
    assert heard[-1] == newest  # after the table's own name
    a11y_events.clear()
    qtbot.keyClick(text.table, Qt.Key.Key_Down)
    assert a11y_events.names(QAccessible.Event.Focus) == [second]

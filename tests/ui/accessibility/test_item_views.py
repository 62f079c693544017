"""Every list, table, tree and calendar is one Tab stop: Tab and Shift+Tab leave it
(no keyboard trap, WCAG 2.1.2), the arrows move inside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from journal.ui.common.chart_text import ChartText
from tests.ui.accessibility.reader import numbered_headers
from tests.ui.accessibility.screens import area, each_screen, settle


def left(view: QAbstractItemView) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and focus is not view and not view.isAncestorOf(focus)


def views_shown(root: QWidget) -> list[QAbstractItemView]:
    return [
        v
        for v in root.findChildren(QAbstractItemView)
        if v.isVisible()
        and v.window() is root.window()
        and v.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]


def test_tab_and_shift_tab_leave_every_list_table_tree_and_calendar(qtbot, window, store):  # type: ignore[no-untyped-def]
    trapped = []
    numbered = []  # headers read as Qt's bare numbers (the chart tables' rows among them)
    seen = 0
    for title, root in each_screen(qtbot, window, store):
        for text in root.findChildren(ChartText):
            if text.isVisible():
                text.toggle.click()  # the chart's table of values, as "Show the values" shows it
        settle()
        root.window().activateWindow()
        qtbot.waitUntil(root.window().isActiveWindow, timeout=2000)
        numbered += [f"{title}: {header}" for header in numbered_headers(root)]
        for view in views_shown(root):
            seen += 1
            for key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                view.setFocus(Qt.FocusReason.TabFocusReason)
                model = view.model()
                if not view.currentIndex().isValid() and model is not None and model.rowCount():
                    view.setCurrentIndex(model.index(0, 0))  # in a cell, as arrowing in leaves it
                qtbot.keyClick(view, key)
                if not left(view):
                    trapped.append(
                        f"{title}: {type(view).__name__} {view.accessibleName()!r} {key.name}"
                    )
        for text in root.findChildren(ChartText):
            text.toggle.setChecked(False)
    assert seen >= 8  # the area list, the entry list, the calendar, both chart tables...
    assert trapped == [], "\n".join(trapped)
    assert numbered == [], "\n".join(numbered)


def test_the_chart_tables_toggle_is_a_check_box_ticked_while_the_table_shows(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    body = area(unlocked_window, "body")
    unlocked_window.show_area(body)
    body.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
    text: ChartText = body.chart_text  # type: ignore[attr-defined]
    text.toggle.setFocus()
    qtbot.keyClick(text.toggle, Qt.Key.Key_Space)
    assert text.table.isVisible() and text.toggle.isChecked()
    # Ticked while the table shows (issue 10, F2: a button "Show the values as a table"
    # stayed so while the table was open), its name the same and its state saying it
    # (break test 15 of session 29, F6: "Hide the values table, check box, checked").
    face = QAccessible.queryAccessibleInterface(text.toggle)
    assert face.role() == QAccessible.Role.CheckBox and face.state().checked
    assert face.text(QAccessible.Text.Name).replace("&", "") == "Show the values as a table"
    qtbot.keyClick(text.toggle, Qt.Key.Key_Tab)  # the focus stays on the toggle: Tab to the table
    assert QApplication.focusWidget() is text.table
    qtbot.keyClick(text.table, Qt.Key.Key_Tab)
    assert left(text.table)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_chart_tables_toggle_is_seen_pressed_while_the_table_shows(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, theme
):
    """Issue 15, break test of session 23, finding 1: pressed, the toggle looked as it
    did before, so nothing but the table below told that it was shown. Its words change
    (above), and its look, in both themes."""
    from journal.settings import THEME

    unlocked_window.settings.set(THEME, theme)
    body = area(unlocked_window, "body")
    unlocked_window.show_area(body)
    body.tabs.setCurrentIndex(2)  # type: ignore[attr-defined]
    text: ChartText = body.chart_text  # type: ignore[attr-defined]
    settle()
    toggle = text.toggle
    inside = QPoint(6, toggle.height() // 2)  # the button's face, left of its words
    before = toggle.grab().toImage().pixelColor(inside)
    toggle.setChecked(True)
    settle()
    after = toggle.grab().toImage().pixelColor(inside)
    assert text.table.isVisible()
    assert abs(after.lightness() - before.lightness()) > 30, (before.name(), after.name())

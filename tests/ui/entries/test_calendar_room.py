"""The month calendar gives each week's row the height its day numbers need, at any text
size and screen, and scrolls when the page has less room: at 1024x600 and 200 % text it
had about 20 px a row for 30 px digits, and drew 7/14/21/28 on top of each other (break
test 10 of session 17, finding 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication

from journal.settings import FONT_SCALE
from journal.ui.common.day_grid import ROWS
from tests.ui.entries.test_editor import journal_area

SCREENS = [QSize(1366, 768), QSize(1024, 600)]


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_week_of_the_month_has_room_for_its_numbers(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, screen, scale
) -> None:
    from tests.ui.accessibility.screens import settle

    window = unlocked_window
    window.settings.set(FONT_SCALE, scale)
    window.resize(screen)
    settle()
    area = journal_area(window)
    if not area.side.isVisible():  # the list gives way to the words on a small screen
        qtbot.mouseClick(area.list_button, Qt.MouseButton.LeftButton)
        settle()
    bar = area.browse_tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    settle()
    calendar = area.calendar
    assert area.browse_tabs.currentWidget() is calendar and calendar.isVisible()
    grid = calendar.grid
    digits = grid.fontMetrics().height()
    heights = [grid.rowHeight(row) for row in range(ROWS)]
    assert min(heights) >= digits, f"rows {heights} px for {digits} px numbers"
    # Each week whole in the grid, and the grid reachable by scrolling its page.
    bottom = grid.rowViewportPosition(ROWS - 1) + heights[-1]
    assert bottom <= grid.viewport().height()
    scroll = calendar.month_scroll
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    QApplication.processEvents()
    last = grid.viewport().mapTo(scroll.viewport(), QPoint(0, bottom - 1))
    assert scroll.viewport().rect().contains(last), "the last week cannot be scrolled to"

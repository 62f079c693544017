"""Body log > Charts > "Show the values as a table" (issue 10, F2): the table opened
below the page's fold with only its top edge in sight, the button still said "Show the
values as a table" while it was open, its last columns ran past its right edge behind a
sideways scroll bar at 100 % text on a 1366x768 screen, and one day of values sat in
ten lines of empty room."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QFontMetrics
from PySide6.QtWidgets import QScrollArea, QWidget

from journal.domain.body.log import BleedingLevel, BodyLog
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.ui.common.chart_text import ChartText
from tests.ui.body.support import charts_shown, now
from tests.ui.shell.test_fits_any_screen import settle_layouts


def _opened(qtbot, window, scale: int, screen: QSize) -> ChartText:  # type: ignore[no-untyped-def]
    """The body log's chart table opened with Space on its toggle, as a person would,
    one day logged, at ``scale`` % text in a window of ``screen``'s size."""
    fever = Temperature(38.6, TemperatureUnit.CELSIUS)
    logs = [BodyLog("d0", now() - timedelta(hours=1), BleedingLevel.LIGHT, temperature=fever)]
    area = charts_shown(qtbot, window, scale, logs)
    window.resize(screen)
    settle_layouts(window)
    text: ChartText = area.chart_text
    text.toggle.setFocus()
    qtbot.keyClick(text.toggle, Qt.Key.Key_Space)
    settle_layouts(window)
    assert text.table.isVisible()
    return text


def _seen_part(widget: QWidget) -> QRect:
    """The part of ``widget`` (in its own coordinates) that the scroll areas around it show."""
    seen = widget.rect()
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            viewport = parent.viewport()
            at = widget.mapTo(viewport, QPoint(0, 0))
            seen = seen.intersected(viewport.rect().translated(-at))
        parent = parent.parentWidget()
    return seen


def _name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    return face.text(QAccessible.Text.Name)


@pytest.mark.parametrize("screen", [QSize(1366, 768), QSize(1024, 600)])
def test_the_table_opens_in_view_fits_its_width_and_is_as_tall_as_its_rows(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, screen
):
    text = _opened(qtbot, unlocked_window, 100, screen)
    table = text.table
    # In view, whole, with the toggle above it.
    assert _seen_part(table) == table.rect(), (_seen_part(table), table.rect())
    assert _seen_part(text.toggle) == text.toggle.rect()
    # Ticked while the table shows, and heard so (its name stays).
    assert text.toggle.isChecked()
    assert _name(text.toggle) == "Show the values as a table"
    # Every column fits: no sideways scrolling, no column past the right edge.
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible()
    last = table.columnCount() - 1
    right = header.sectionViewportPosition(last) + header.sectionSize(last)
    assert right <= table.viewport().width()
    for c in range(table.columnCount()):
        words = table.item(0, c).text()
        # On one line where the window is wide; wrapped between words, never cut, where not.
        for part in [words] if screen.width() >= 1366 else words.split():
            assert table.fontMetrics().horizontalAdvance(part) < header.sectionSize(c), part
    # As tall as its header and its one row, no empty room below.
    rows = table.rowViewportPosition(0) + table.rowHeight(0)
    assert table.viewport().height() == rows, (table.viewport().height(), rows)
    # Unticked, it hides.
    qtbot.keyClick(text.toggle, Qt.Key.Key_Space)
    assert not table.isVisible() and not text.toggle.isChecked()


def test_at_200_percent_the_headers_wrap_and_no_word_is_cut(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    text = _opened(qtbot, unlocked_window, 200, QSize(1366, 768))
    table = text.table
    header = table.horizontalHeader()
    assert _seen_part(text.toggle) == text.toggle.rect()
    assert _seen_part(table) == table.rect()
    bold = header.font()
    bold.setBold(True)  # as drawn over the current row
    heads = QFontMetrics(bold)
    names = []
    for c in range(table.columnCount()):
        item = table.horizontalHeaderItem(c)
        names.append(item.data(Qt.ItemDataRole.AccessibleTextRole))
        for line in item.text().split("\n"):
            assert heads.horizontalAdvance(line) < header.sectionSize(c), line
        for word in table.item(0, c).text().split():
            assert table.fontMetrics().horizontalAdvance(word) < header.sectionSize(c), word
    assert "Highest temperature" in names  # heard on one line, however it wraps
    assert not table.horizontalScrollBar().isVisible()

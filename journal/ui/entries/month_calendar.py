"""A month calendar that marks the days with entries; choosing a day shows them.

For a screen reader: Qt names each day cell by its number alone ("22", from its
private model), so the grid is named with its month and the days that have
entries, and each day the person moves to is announced with its weekday, month
and whether entries were written that day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QTableView, QToolButton, QWidget

from journal.ui.common.accessibility import announce
from journal.ui.common.local_time import from_qdate, to_qdate, today_local

DaysLookup = Callable[[int, int], set[int]]


class EntryCalendar(QCalendarWidget):
    day_chosen = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Calendar of entries")
        self.setGridVisible(False)
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self._lookup: DaysLookup | None = None
        self._marked: list[QDate] = []
        self.marked_days: set[int] = set()
        self.currentPageChanged.connect(self._page_changed)
        self.activated.connect(self._chosen)
        self.clicked.connect(self._chosen)
        self.selectionChanged.connect(self._say_day)
        for name, words in (
            ("qt_calendar_prevmonth", "Previous month"),
            ("qt_calendar_nextmonth", "Next month"),
        ):
            button = self.findChild(QToolButton, name)
            if button is not None:
                button.setAccessibleName(words)
        self.grid = self.findChild(QTableView, "qt_calendar_calendarview")
        self._name_grid()

    def _name_grid(self) -> None:
        """The grid says its month and which days have entries."""
        if self.grid is None:
            return
        month = date(self.yearShown(), self.monthShown(), 1)
        self.grid.setAccessibleName(f"Days of {month:%B %Y}")
        days = sorted(self.marked_days)
        self.grid.setAccessibleDescription(
            "Days with entries: " + ", ".join(str(day) for day in days)
            if days
            else "No entries this month"
        )

    def day_words(self, qdate: QDate) -> str:
        """E.g. "Sunday 22 November 2026, entries written"."""
        day = from_qdate(qdate)
        marked = (
            qdate.year() == self.yearShown()
            and qdate.month() == self.monthShown()
            and qdate.day() in self.marked_days
        )
        return f"{day:%A} {day.day} {day:%B %Y}, " + ("entries written" if marked else "no entries")

    def _say_day(self) -> None:
        if self.grid is not None and self.grid.hasFocus():
            announce(self.grid, self.day_words(self.selectedDate()))

    def attach(self, lookup: DaysLookup) -> None:
        self._lookup = lookup
        self.refresh()

    def _page_changed(self, _year: int, _month: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Mark the shown month's days with entries (one small query)."""
        self._unmark()
        if self._lookup is None:
            return
        year, month = self.yearShown(), self.monthShown()
        self.marked_days = self._lookup(year, month)
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontUnderline(True)
        fmt.setBackground(self.palette().color(QPalette.ColorRole.AlternateBase))
        fmt.setToolTip("Entries written this day")
        for day in sorted(self.marked_days):
            qdate = QDate(year, month, day)
            self.setDateTextFormat(qdate, fmt)
            self._marked.append(qdate)
        self._name_grid()

    def _unmark(self) -> None:
        for qdate in self._marked:
            self.setDateTextFormat(qdate, QTextCharFormat())
        self._marked = []
        self.marked_days = set()
        self._name_grid()

    def _chosen(self, qdate: QDate) -> None:
        self.day_chosen.emit(from_qdate(qdate))

    def clear(self) -> None:
        self._lookup = None
        self._unmark()
        self.setSelectedDate(to_qdate(today_local()))

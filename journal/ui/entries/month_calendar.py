"""A month calendar that marks the days with entries; choosing a day shows them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFont, QPalette, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget, QWidget

from journal.ui.common.local_time import from_qdate

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

    def _unmark(self) -> None:
        for qdate in self._marked:
            self.setDateTextFormat(qdate, QTextCharFormat())
        self._marked = []
        self.marked_days = set()

    def _chosen(self, qdate: QDate) -> None:
        self.day_chosen.emit(from_qdate(qdate))

    def clear(self) -> None:
        self._lookup = None
        self._unmark()
        self.setSelectedDate(QDate.currentDate())

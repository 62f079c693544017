"""A month calendar that marks the days with entries; choosing a day shows them.

Our own grid rather than QCalendarWidget: Qt's calendar names each day cell by its
number alone ("22", from a private model that cannot be taught otherwise), so a
screen reader moving through it heard neither the month nor whether anything was
written. Here each day cell is a table item whose accessible text (Qt's
``AccessibleTextRole``, which the AT-SPI bridge reads as the cell's name) is the
whole date, in the person's order and in English (`words_locale`), and how many
entries it has: "Sunday, 22 November 2026, 2 entries", told anew whenever the
month turns (`DayGrid.rewrite`): the day the person moves to is heard by its
focus, once, and never a second time by an announcement.

Keys, as in Qt's calendar: arrows move a day or a week (into the next or previous
month as needed), Page Up / Page Down a month, Home / End the first and last day
of the month, Enter or Space shows the day's entries.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.common import words
from journal.ui.common.day_grid import COLUMNS, DATE_ROLE, ROWS, DayGrid, MonthHeader
from journal.ui.common.local_time import from_qdate, to_qdate, today_local, words_locale
from journal.ui.common.widgets import scrolling

#: Entries per local day (1..31) of a month: ``lookup(year, month) -> {day: count}``.
DaysLookup = Callable[[int, int], Mapping[int, int]]


def entries_words(count: int) -> str:
    """ "no entries", "1 entry", "2 entries"."""
    return "no entries" if count == 0 else words.count(count, "entry", "entries")


def day_words(qdate: QDate, count: int, locale: QLocale | None = None) -> str:
    """The day in full, in ``locale``'s order (default the person's) and in English
    (`words_locale`), and its entries: "Sunday, 22 November 2026, 2 entries" (en_GB)."""
    locale = words_locale(locale)
    return f"{locale.toString(qdate, QLocale.FormatType.LongFormat)}, {entries_words(count)}"


class EntryCalendar(QWidget):
    """A month of days with the days that have entries marked; emits ``day_chosen``
    (a `datetime.date`) when a day is clicked or chosen with Enter or Space."""

    day_chosen = Signal(object)  # datetime.date
    clicked = Signal(QDate)  # a day clicked (or chosen with the keyboard)
    currentPageChanged = Signal(int, int)
    selectionChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Calendar of entries")
        self._lookup: DaysLookup | None = None
        self.counts: dict[int, int] = {}
        self._selected = to_qdate(today_local())
        self._year, self._month = self._selected.year(), self._selected.month()
        self._shown: tuple[object, ...] = ()  # what the grid shows (month, entries, locale)

        header = MonthHeader()
        self.previous_button = header.previous_button
        self.next_button = header.next_button
        self.month_label = header.month_label
        self.grid = DayGrid()
        locale = words_locale()
        self._first_weekday = int(QLocale().firstDayOfWeek().value)  # 1 = Monday … 7 = Sunday
        self.grid.set_weekdays(locale, self._first_weekday)
        # The month in a scroll area: the grid needs its rows' height (`DayGrid`), which
        # a short screen at a large text size may not have beside the list's search.
        month = QWidget()
        inside = QVBoxLayout(month)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addLayout(header)
        inside.addWidget(self.grid, 1)
        self.month_scroll = scrolling(month)
        self.month_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month_scroll, 1)

        self.previous_button.clicked.connect(lambda: self._move(0, -1))
        self.next_button.clicked.connect(lambda: self._move(0, 1))
        self.grid.moved.connect(self._move)
        self.grid.chosen.connect(lambda: self.clicked.emit(self._selected))
        self.grid.itemClicked.connect(self._item_clicked)
        self.clicked.connect(lambda qdate: self.day_chosen.emit(from_qdate(qdate)))
        self._fill()

    # what QCalendarWidget offered, and the area uses -----------------------------------------
    @property
    def marked_days(self) -> set[int]:
        """The days (1..31) of the shown month that have entries."""
        return set(self.counts)

    def yearShown(self) -> int:
        return self._year

    def monthShown(self) -> int:
        return self._month

    def selectedDate(self) -> QDate:
        return QDate(self._selected)

    def setSelectedDate(self, qdate: QDate) -> None:
        """Select ``qdate``, showing its month."""
        if not qdate.isValid():
            return
        self._selected = QDate(qdate)
        if (qdate.year(), qdate.month()) != (self._year, self._month):
            self.setCurrentPage(qdate.year(), qdate.month())
        else:
            self._select_cell()
        self.selectionChanged.emit()

    def setCurrentPage(self, year: int, month: int) -> None:
        """Show ``month`` of ``year`` (the entries are looked up afresh)."""
        self._year, self._month = year, month
        self.refresh()
        self.currentPageChanged.emit(year, month)

    # entries ----------------------------------------------------------------------------------
    def attach(self, lookup: DaysLookup) -> None:
        self._lookup = lookup
        self.refresh()

    def refresh(self) -> None:
        """Mark the shown month's days with entries (one small query) and name them."""
        self.counts = dict(self._lookup(self._year, self._month)) if self._lookup else {}
        self._fill()

    def clear(self) -> None:
        self._lookup = None
        self.counts = {}
        self._selected = to_qdate(today_local())
        self._year, self._month = self._selected.year(), self._selected.month()
        self._fill()

    def day_words(self, qdate: QDate) -> str:
        """E.g. "Sunday, 22 November 2026, 2 entries" (in the person's locale)."""
        shown = (qdate.year(), qdate.month()) == (self._year, self._month)
        return day_words(qdate, self.counts.get(qdate.day(), 0) if shown else 0)

    # drawing ----------------------------------------------------------------------------------
    def _fill(self) -> None:
        first = QDate(self._year, self._month, 1)
        locale = words_locale()
        shown = (self._year, self._month, tuple(sorted(self.counts.items())), locale.name())
        if shown == self._shown:  # each autosave refreshes: nothing to redraw
            self._select_cell()
            return
        self._shown = shown
        title = locale.toString(first, "MMMM yyyy")
        self.month_label.setText(title)
        self.grid.setAccessibleName(f"Days of {title}")
        # Each day with its month ("4 December"): a bare "Days with entries: 4" was
        # heard as a count (break test 15 of session 25, F16).
        days = [locale.toString(first.addDays(day - 1), "d MMMM") for day in sorted(self.counts)]
        self.grid.setAccessibleDescription(
            "Days with entries: " + ", ".join(days) if days else "No entries this month"
        )
        plain_font = self.grid.font()
        marked_font = self.grid.font()
        marked_font.setBold(True)
        marked_font.setUnderline(True)
        marked_background = self.palette().color(QPalette.ColorRole.AlternateBase)
        # The 42 items are kept and rewritten, never deleted, and every day renamed is
        # told by its new name (see day_grid: a caching screen reader kept the old ones).
        self.grid.rewrite(
            lambda: self._write_cells(first, locale, marked_font, plain_font, marked_background)
        )
        if (self._selected.year(), self._selected.month()) != (self._year, self._month):
            day = min(self._selected.day(), first.daysInMonth())
            self._selected = QDate(self._year, self._month, day)
        self._select_cell()

    def _write_cells(
        self,
        first: QDate,
        locale: QLocale,
        marked_font: QFont,
        plain_font: QFont,
        marked_background: QColor,
    ) -> None:
        """Write the 42 day cells of the month starting at ``first``."""
        offset = (first.dayOfWeek() - self._first_weekday) % 7
        for cell in range(ROWS * COLUMNS):
            item = self.grid.item(cell // COLUMNS, cell % COLUMNS)
            if item is None:
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(cell // COLUMNS, cell % COLUMNS, item)
            day = cell - offset + 1
            if not 1 <= day <= first.daysInMonth():
                item.setText("")
                item.setData(DATE_ROLE, None)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, None)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setFont(plain_font)
                item.setBackground(QBrush())
                item.setToolTip("")
                continue
            qdate = QDate(self._year, self._month, day)
            count = self.counts.get(day, 0)
            item.setText(str(day))
            item.setData(DATE_ROLE, qdate)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, day_words(qdate, count, locale))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setFont(marked_font if count else plain_font)
            item.setBackground(marked_background if count else QBrush())
            item.setToolTip(f"Entries written this day: {count}" if count else "")

    def _cell_of(self, qdate: QDate) -> tuple[int, int]:
        first = QDate(qdate.year(), qdate.month(), 1)
        cell = (first.dayOfWeek() - self._first_weekday) % 7 + qdate.day() - 1
        return cell // COLUMNS, cell % COLUMNS

    def _select_cell(self) -> None:
        """The selected day's cell made current, told afresh when it holds another day."""
        self.grid.make_current(*self._cell_of(self._selected))

    # moving and choosing ----------------------------------------------------------------------
    def _move(self, days: int, months: int) -> None:
        current = self._selected
        if days == -40:
            target = QDate(current.year(), current.month(), 1)
        elif days == 40:
            target = QDate(current.year(), current.month(), current.daysInMonth())
        else:
            target = current.addDays(days).addMonths(months)
        self.setSelectedDate(target)

    def _item_clicked(self, item: QTableWidgetItem) -> None:
        qdate = item.data(DATE_ROLE)
        if isinstance(qdate, QDate) and qdate.isValid():
            self.setSelectedDate(qdate)
            self.clicked.emit(qdate)

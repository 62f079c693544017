"""A month's days as a grid of 6 weeks by 7 days, moved through with the keys of
Qt's calendar: the arrows a day or a week (into the next or previous month as
needed), Page Up / Page Down a month, Home / End the first and last day of the
month, Enter or Space choose the day. It only reports the keys (``moved``,
``chosen``); the calendar that owns it fills the cells, naming each day cell in
full through Qt's ``AccessibleTextRole`` (which the AT-SPI bridge reads as the
cell's name), as Qt's own calendar cannot ("22", from a private model).

Used by the Journal's calendar of entries and by every date field's drop-down
calendar (``day_picker``).

Turning the month rewrites the same 42 cells (deleting items under a screen reader
that holds one crashes Qt's table bridge), and Qt tells assistive technology
nothing of a cell whose name changed: a screen reader that caches names (Orca)
kept the old month's name for the cell focused next, and heard "Thursday, 2 July
2026, no entries" on 1 January (break test 15 of session 7, finding 8). So both
calendars write their cells through `DayGrid.rewrite`, which tells every day cell
renamed by its new name, and make a cell current with `DayGrid.make_current`, which
tells the focus afresh when the cell holds another day than when it was focused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from journal.ui.common.accessibility import announce

__all__ = ["COLUMNS", "DATE_ROLE", "ROWS", "DayGrid", "MonthHeader"]

ROWS, COLUMNS = 6, 7
ROW_PADDING = 4  # pixels above and below a day's number, with the selection around it
DATE_ROLE = Qt.ItemDataRole.UserRole


class DayGrid(QTableWidget):
    """The days of one month, a week a row; keys move by day, week and month."""

    moved = Signal(int, int)  # days, months (from the selected day)
    chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ROWS, COLUMNS, parent)
        self.verticalHeader().hide()
        # Hidden on screen, a row's header is still read on the bus: "Week 2", never
        # Qt's bare row number "2" (break test 15 of session 29, N8).
        self.setVerticalHeaderLabels([f"Week {row}" for row in range(1, ROWS + 1)])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the grid; the arrows move in it
        self.setShowGrid(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setMinimumSectionSize(1)  # seven columns fit any width, at any text size
        self._weekdays: list[tuple[str, str, str]] = []  # (long, short, narrow) names
        self._current_renamed = False  # the current cell holds another day than when made so

    # room for the days ----------------------------------------------------------------------
    def row_height(self) -> int:
        """The height a week's row needs (pixels): a line of the day numbers in the text
        size in use, and a few pixels around it for the selection."""
        return self.fontMetrics().height() + ROW_PADDING

    def minimumSizeHint(self) -> QSize:
        """Room for the weekday names and six weeks of day numbers at the text size in
        use: the rows stretch to the room given, and with less than this (200 % text on a
        1024x600 screen) their numbers were drawn over each other (break test 10 of
        session 17, finding 3). The calendar that holds it scrolls instead."""
        hint = super().minimumSizeHint()
        frame = 2 * self.frameWidth()
        header = self.horizontalHeader().sizeHint().height()
        return QSize(hint.width(), header + ROWS * self.row_height() + frame)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return hint.expandedTo(self.minimumSizeHint())

    # naming the days ------------------------------------------------------------------------
    def _names(self) -> list[object]:
        names: list[object] = []
        for cell in range(ROWS * COLUMNS):
            item = self.item(*divmod(cell, COLUMNS))
            names.append(item.data(Qt.ItemDataRole.AccessibleTextRole) if item else None)
        return names

    def rewrite(self, write: Callable[[], None]) -> None:
        """Let ``write`` rewrite the cells (their text, `DATE_ROLE` and
        ``AccessibleTextRole``), silently, then tell it as one change, and tell
        assistive technology the new name of every day cell renamed (see the module's
        docstring). Item by item, the focused cell would be renamed on the way (blank,
        or its number), which a caching screen reader kept."""
        before = self._names()
        model = self.model()
        was_blocked = model.blockSignals(True)
        try:
            write()
        finally:
            model.blockSignals(was_blocked)
        model.dataChanged.emit(model.index(0, 0), model.index(ROWS - 1, COLUMNS - 1))
        after = self._names()
        renamed = [cell for cell in range(ROWS * COLUMNS) if after[cell] != before[cell]]
        current = self.currentRow() * COLUMNS + self.currentColumn()
        self._current_renamed = self._current_renamed or current in renamed
        if not QAccessible.isActive():
            return
        for cell in renamed:
            if after[cell]:  # a day (a cell outside the month is never focused)
                event = QAccessibleEvent(self, QAccessible.Event.NameChanged)
                event.setChild(self._accessible_child(*divmod(cell, COLUMNS)))
                QAccessible.updateAccessibility(event)

    def _accessible_child(self, row: int, column: int) -> int:
        """The index of cell (``row``, ``column``) among the table's accessible children:
        Qt's table interface counts a row of column headers and a column of row headers
        first, shown or hidden (QAccessibleTable::child)."""
        return (row + 1) * (COLUMNS + 1) + column + 1

    def make_current(self, row: int, column: int, *, again: bool = False) -> None:
        """Make cell (``row``, ``column``) the current one. Qt tells a focused view's new
        current cell, and only a new one: when it is the same cell but holds another
        day (a month turned), or with ``again`` (a key that could not move further, so
        the day is said again), it is made current afresh, so that it is told."""
        moved = (self.currentRow(), self.currentColumn()) != (row, column)
        if moved or again or self._current_renamed:
            self.setCurrentIndex(QModelIndex())
            self.setCurrentCell(row, column)
        self._current_renamed = False

    def set_weekdays(self, locale: QLocale, first: int) -> None:
        """Column headers from ``first`` (1 Monday … 7 Sunday), named in full for a screen
        reader and shown short, or narrow where short names do not fit."""
        formats = (
            QLocale.FormatType.LongFormat,
            QLocale.FormatType.ShortFormat,
            QLocale.FormatType.NarrowFormat,
        )
        self._weekdays = []
        for i in range(COLUMNS):
            long, short, narrow = (locale.dayName((first - 1 + i) % 7 + 1, f) for f in formats)
            if narrow.isdigit():  # the C locale numbers its days
                narrow = short[:2]
            self._weekdays.append((long, short, narrow))
        for column, (long, short, _narrow) in enumerate(self._weekdays):
            item = QTableWidgetItem(short)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, long)
            self.setHorizontalHeaderItem(column, item)
        self._fit_weekdays()

    def _fit_weekdays(self) -> None:
        if not self._weekdays:
            return
        metrics = self.horizontalHeader().fontMetrics()
        room = self.viewport().width() / COLUMNS - metrics.averageCharWidth()
        shorts = [short for _long, short, _narrow in self._weekdays]
        short_fits = all(metrics.horizontalAdvance(short) <= room for short in shorts)
        for column, (_long, short, narrow) in enumerate(self._weekdays):
            item = self.horizontalHeaderItem(column)
            if item is not None:
                item.setText(short if short_fits else narrow)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_weekdays()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (-7, 0),
            Qt.Key.Key_Down: (7, 0),
            Qt.Key.Key_PageUp: (0, -1),
            Qt.Key.Key_PageDown: (0, 1),
        }
        key = Qt.Key(event.key())
        if key in moves:
            self.moved.emit(*moves[key])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.moved.emit(-40 if key == Qt.Key.Key_Home else 40, 0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit()
        else:
            super().keyPressEvent(event)


class MonthHeader(QHBoxLayout):
    """ "‹ December 2026 ›": the buttons to the previous and next month around the
    month's name (bold), above a `DayGrid` (the date fields' calendar and the
    Journal's share it)."""

    def __init__(self) -> None:
        super().__init__()
        self.previous_button = QToolButton()
        self.previous_button.setText("‹")
        self.previous_button.setAccessibleName("Previous month")
        self.next_button = QToolButton()
        self.next_button.setText("›")
        self.next_button.setAccessibleName("Next month")
        self.month_label = QLabel()
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.month_label.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.month_label.setFont(font)
        self.addWidget(self.previous_button)
        self.addWidget(self.month_label, 1)
        self.addWidget(self.next_button)
        for button in (self.previous_button, self.next_button):
            button.clicked.connect(lambda _checked=False, b=button: self._said_after(b))

    def _said_after(self, button: QToolButton) -> None:
        """The month a button turned to is said (politely) while it keeps the focus:
        only the grid's name changed, unheard (re-test of break test 15 of session 29,
        N4). Said once its owner has turned the month (its click handlers run after)."""
        QTimer.singleShot(0, button, lambda: self._say_month(button))

    def _say_month(self, button: QToolButton) -> None:
        if button.hasFocus():
            announce(button, self.month_label.text())

"""The calendar that drops down from every date field: Solace's own, not Qt's.

Qt's drop-down calendar names its day cells by their number alone ("22", from a
model Qt keeps private), so a screen reader moving through it heard "22… 21… 20"
with the month and weekday only in a later, queued announcement. Here each day
cell's own name is the whole date, in the person's order and in English
(`words_locale`), and what it is to the field: "Sunday, 22 November 2026, today,
chosen" ("chosen": the field's day; "not available": outside the days the field
takes, which cannot be picked). The focused cell is what a screen reader speaks
first, so the date is heard at once, and only once.

Keys (as in Qt's calendar and any drop-down): arrows move a day or a week, into
the next or previous month as needed, and stop at the first and last day the
field takes; Page Up / Page Down a month; Home / End the first and last day of the
month; Enter or Space picks the day; Escape, F4, Alt+Up or Alt+Down close it
leaving the field as it was. A key that would go past the days the field takes says
why ("Days after today cannot be chosen here.") and the day stays, its focus not sent
again: the same day was re-announced at each such key, with no reason given (break
test 15 of session 25, F10). The grid's description names the limits too. Tab moves
between the day grid and the "Previous month" and "Next month" buttons. The field
changes only when a day is picked.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFrame,
    QTableWidgetItem,
    QVBoxLayout,
)

from journal.domain.common.local_time import EARLIEST_YEAR
from journal.ui.common.accessibility import announce
from journal.ui.common.borrowed import screen_of
from journal.ui.common.day_grid import COLUMNS, DATE_ROLE, ROWS, DayGrid, MonthHeader
from journal.ui.common.local_time import to_qdate, today_local, words_locale

__all__ = ["KEYS_HELP", "DayPicker", "day_name", "latest_day", "no_days_ahead"]

_NO_DAYS_AHEAD = "solaceNoDaysAhead"

#: The grid's description: what the keys do (nothing on screen says it).
KEYS_HELP = (
    "Arrow keys move a day or a week, Page Up and Page Down a month, Home and End "
    "the first and last day of the month. Enter picks the day, Escape closes."
)


def day_name(
    day: QDate,
    *,
    today: QDate,
    chosen: QDate,
    available: bool,
    locale: QLocale | None = None,
) -> str:
    """What a day cell is called: ``day`` in full, in English in the order of
    ``locale`` (default the person's: `words_locale`) and, as they apply, "today",
    "chosen" (the field's day) and "not available" (outside the days the field
    takes): "Monday, 30 November 2026, today, chosen"."""
    words = [words_locale(locale).toString(day, QLocale.FormatType.LongFormat)]
    if day == today:
        words.append("today")
    if day == chosen:
        words.append("chosen")
    if not available:
        words.append("not available")
    return ", ".join(words)


def no_days_ahead(edit: QDateTimeEdit) -> None:
    """Mark ``edit`` as a field whose value may not be a day after today (the time of a
    log, the day of the loss): its calendar shows the days after today as "not
    available" and stops at today, which is read anew each time it opens (a field
    made before midnight offers the new day after it). Qt's range is left as it is, so
    a day typed ahead is not silently moved: it is refused in words beside the field
    when the field is left (`dates._Range.range_refusal`), and a step (Page Up) stops
    at today (break test 45a, F7: "Day of the loss" took 29 December 2028 without a
    word until Save). Before, the calendar offered 30 December on 4 December as an
    ordinary day, refused only on saving (break test 15 of session 24, F2)."""
    edit.setProperty(_NO_DAYS_AHEAD, True)


def latest_day(edit: QDateTimeEdit) -> QDate:
    """The last day ``edit``'s calendar offers: its range's last day, and no later than
    today for a field marked `no_days_ahead`."""
    high = edit.maximumDate()
    if edit.property(_NO_DAYS_AHEAD):
        return min(high, to_qdate(today_local()))
    return high


def beyond_words(limit: QDate, *, later: bool) -> str:
    """What cannot be picked past ``limit``, the field's last day (``later``) or its
    first: "Days after today cannot be chosen here." (a day other than today named in
    full, in the person's order of day and month: `words_locale`)."""
    today = to_qdate(today_local())
    named = (
        "today" if limit == today else words_locale().toString(limit, QLocale.FormatType.LongFormat)
    )
    return f"Days {'after' if later else 'before'} {named} cannot be chosen here."


def _limits_said(low: QDate, high: QDate) -> str:
    """The grid's description: the keys, then the field's limits that are not Qt's own
    (its last day when before the year 9999, its first when after 1 January
    `EARLIEST_YEAR`)."""
    words = [KEYS_HELP]
    if low > QDate(EARLIEST_YEAR, 1, 1):
        words.append(beyond_words(low, later=False))
    if high < QDate(9999, 1, 1):
        words.append(beyond_words(high, later=True))
    return " ".join(words)


def _closes(event: QKeyEvent) -> bool:
    """Escape, F4, Alt+Up or Alt+Down: the keys that close any drop-down unchanged."""
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    return event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F4) or (
        alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
    )


class DayPicker(QFrame):
    """The drop-down calendar of one date field (``edit``, its parent and owner).

    `open` shows it below the field (above it near the bottom of the screen) at the
    field's day, with focus on that day's cell; picking a day (Enter, Space, a
    click) sets the field's day (its time of day stays) and closes it; closing it
    otherwise leaves the field as it was. Focus goes back to the field.
    """

    def __init__(self, edit: QDateTimeEdit) -> None:
        super().__init__(edit, Qt.WindowType.Popup)
        self._edit = edit
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(f"Calendar for {edit.accessibleName()}".strip())
        today = to_qdate(today_local())
        self._selected = today
        self._chosen = today
        self._year, self._month = today.year(), today.month()
        self._shown: tuple[object, ...] = ()

        header = MonthHeader()
        self.previous_button = header.previous_button
        self.next_button = header.next_button
        self.month_label = header.month_label
        for button in (self.previous_button, self.next_button):
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAutoRaise(True)
        self.grid = DayGrid()
        locale = words_locale()
        self._first_weekday = int(QLocale().firstDayOfWeek().value)  # 1 = Monday … 7 = Sunday
        self.grid.set_weekdays(locale, self._first_weekday)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(header)
        layout.addWidget(self.grid, 1)
        self.setTabOrder(self.grid, self.previous_button)
        self.setTabOrder(self.previous_button, self.next_button)

        self.previous_button.clicked.connect(lambda: self._move(0, -1))
        self.next_button.clicked.connect(lambda: self._move(0, 1))
        self.grid.moved.connect(self._move)
        self.grid.chosen.connect(lambda: self._pick(self._selected))
        self.grid.itemClicked.connect(self._clicked)
        self.grid.installEventFilter(self)

    # what the person sees and hears ---------------------------------------------------------
    @property
    def selected(self) -> QDate:
        """The day moved to (not yet picked)."""
        return QDate(self._selected)

    def open(self) -> None:
        """Show the calendar at the field's day, focused on that day's cell."""
        self._chosen = self._edit.date()
        self._selected = self._within(self._chosen)
        self._year, self._month = self._selected.year(), self._selected.month()
        self._shown = ()
        self._fill()
        self._fit()
        # The day's cell is made current before the grid takes the focus, so it is told
        # once, after the grid (`current_cell`): made current after, it was told twice.
        self.grid.make_current(*self._cell_of(self._selected))
        self.show()
        self.activateWindow()
        self.grid.setFocus(Qt.FocusReason.PopupFocusReason)

    def _within(self, day: QDate) -> QDate:
        low, high = self._edit.minimumDate(), latest_day(self._edit)
        return low if day < low else high if day > high else day

    def _fit(self) -> None:
        """Big enough for seven columns of the widest weekday name and six weeks, at
        any text size, and on the screen: below the field, or above it when the
        screen ends first."""
        metrics = self.grid.fontMetrics()
        short = [self.grid.horizontalHeaderItem(c) for c in range(COLUMNS)]
        widest = max(
            [metrics.horizontalAdvance("30")]
            + [metrics.horizontalAdvance(i.text()) for i in short if i is not None]
        )
        cell_w = widest + 2 * metrics.averageCharWidth() + 8
        header = self.grid.horizontalHeader().sizeHint().height()
        below = self._edit.mapToGlobal(QPoint(0, self._edit.height()))
        above = self._edit.mapToGlobal(QPoint(0, 0)).y()
        screen = screen_of(self._edit)
        room = screen.availableGeometry()
        space = max(room.bottom() - below.y(), above - room.top())
        # Roomy rows where the screen has room; on a small screen at a large text size,
        # rows as low as the text, so the whole month shows beside the field.
        self.grid.setMinimumSize(0, 0)
        self.adjustSize()
        chrome = self.sizeHint().height() - self.grid.sizeHint().height() + header + 4
        fitting = (space - chrome) // ROWS
        cell_h = max(metrics.height() + 6, min(int(metrics.height() * 1.6), fitting))
        self.grid.setMinimumSize(cell_w * COLUMNS + 4, header + cell_h * ROWS + 4)
        self.adjustSize()
        x = max(room.left(), min(below.x(), room.right() - self.width()))
        if below.y() + self.height() <= room.bottom() or room.bottom() - below.y() >= above:
            y = min(below.y(), room.bottom() - self.height())
        else:
            y = max(room.top(), above - self.height())
        self.move(x, y)

    def _fill(self) -> None:
        first = QDate(self._year, self._month, 1)
        locale = words_locale()
        today = to_qdate(today_local())
        low, high = self._edit.minimumDate(), latest_day(self._edit)
        shown = (self._year, self._month, self._chosen, today, low, high, locale.name())
        if shown == self._shown:
            return
        self._shown = shown
        title = locale.toString(first, "MMMM yyyy")
        self.month_label.setText(title)
        self.grid.setAccessibleName(f"Days of {title}")
        self.grid.setAccessibleDescription(_limits_said(low, high))
        self.previous_button.setEnabled(first > low)
        self.next_button.setEnabled(QDate(self._year, self._month, first.daysInMonth()) < high)
        # Rewritten silently, every day renamed told by its new name (see day_grid).
        self.grid.rewrite(lambda: self._write_cells(first, locale, today, low, high))

    def _write_cells(
        self, first: QDate, locale: QLocale, today: QDate, low: QDate, high: QDate
    ) -> None:
        offset = (first.dayOfWeek() - self._first_weekday) % 7
        plain = self.grid.font()
        chosen_font = QFont(plain)
        chosen_font.setBold(True)
        muted = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        for cell in range(ROWS * COLUMNS):
            row, column = divmod(cell, COLUMNS)
            item = self.grid.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.setItem(row, column, item)
            number = cell - offset + 1
            if not 1 <= number <= first.daysInMonth():
                item.setText("")
                item.setData(DATE_ROLE, None)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, None)
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                continue
            day = QDate(self._year, self._month, number)
            available = low <= day <= high
            item.setText(str(number))
            item.setData(DATE_ROLE, day)
            name = day_name(day, today=today, chosen=self._chosen, available=available)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            flags = Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if available else flags)
            font = QFont(chosen_font if day == self._chosen else plain)
            font.setUnderline(day == today)
            item.setFont(font)
            item.setForeground(QBrush() if available else muted)
            item.setToolTip("Today" if day == today else "")

    def _cell_of(self, day: QDate) -> tuple[int, int]:
        first = QDate(day.year(), day.month(), 1)
        cell = (first.dayOfWeek() - self._first_weekday) % 7 + day.day() - 1
        return divmod(cell, COLUMNS)

    def _focus_cell(self) -> None:
        """Make the selected day's cell the current one, so that a screen reader is
        told of it, also when a key could not move it (see `DayGrid.make_current`)."""
        self.grid.make_current(*self._cell_of(self._selected), again=True)

    # moving, picking, closing ---------------------------------------------------------------
    def _move(self, days: int, months: int) -> None:
        current = self._selected
        if days == -40:
            target = QDate(current.year(), current.month(), 1)
        elif days == 40:
            target = QDate(current.year(), current.month(), current.daysInMonth())
        else:
            target = current.addDays(days).addMonths(months)
        self._selected = self._within(target)
        stopped = self._selected != target
        why = beyond_words(self._selected, later=target > current) if stopped else ""
        if stopped and self._selected == current:  # the day stays: only why is said
            announce(self.grid, why)
            return
        self._year, self._month = self._selected.year(), self._selected.month()
        self._fill()
        self._focus_cell()
        if why:  # moved short of the key's day (End on a month past today)
            announce(self.grid, why, after_focus=True)

    def _clicked(self, item: QTableWidgetItem) -> None:
        day = item.data(DATE_ROLE)
        if isinstance(day, QDate) and day.isValid() and item.flags() & Qt.ItemFlag.ItemIsEnabled:
            self._pick(day)

    def _pick(self, day: QDate) -> None:
        """Set the field's day, then give the focus back. A day picked is the person's
        choice, as a day typed is: the field's ``taken`` says so (also for the day it
        held), so a refusal of what was typed there goes with it. Focused first, the
        field was heard with that old refusal as its description (break test 15 of
        session 29, F1)."""
        self._edit.setDate(day)  # a day kept as typed and refused goes (`dates`)
        taken = getattr(self._edit, "taken", None)
        if taken is not None:
            taken.emit()
        self._back_to_field()

    def _back_to_field(self) -> None:
        self.close()
        self._edit.window().activateWindow()
        self._edit.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _closes(event):
            self._back_to_field()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Closing keys reach the calendar before the grid (which takes Alt+arrows
        as arrows)."""
        if (
            watched is self.grid
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and _closes(event)
        ):
            self.keyPressEvent(event)
            return True
        return False

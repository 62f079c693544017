"""Date and time fields for every screen: a day, or a day and a time to the minute,
typed as the person's locale writes them (a whole day at once), with a calendar to
pick the day, and one Tab stop each (their sections are reached with the arrow keys).

The calendar that drops down is Qt's own (made and owned by Qt, inside the field);
Solace only adds to it what the keyboard and a screen reader need (``_SpokenCalendar``):
it opens with Alt+Down or F4 like any drop-down, its day grid is named by the month
shown ("Days of November 2026"), each day moved to is announced as a whole date in the
person's locale ("Monday, 30 November 2026": Qt names its day cells by number only),
Enter picks the day and Escape closes it leaving the field as it was.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    SIGNAL,
    SLOT,
    QDate,
    QDateTime,
    QEvent,
    QLocale,
    QObject,
    QPointF,
    Qt,
    QTimeZone,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDateEdit,
    QDateTimeEdit,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QWidget,
)

from journal.ui.common.accessibility import announce, one_tab_stop

__all__ = [
    "TypedDateEdit",
    "TypedDateTimeEdit",
    "calendar_grid",
    "date_edit",
    "date_format",
    "time_edit",
    "time_format",
]


def date_format(locale: QLocale | None = None) -> str:
    """How the person's locale writes a day, always with a four-digit year.

    ``locale`` defaults to ``QLocale()`` (the system's, unless a default was set).
    Qt's short format is used ("dd/MM/yyyy" in Britain, "M/d/yyyy" in the US,
    "dd.MM.yyyy" in Germany); a two-digit year becomes four, so "20/11/26" can
    never be read as 1926. The C locale (no language chosen) gets ISO 8601,
    "yyyy-MM-dd".
    """
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    shown = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in shown:
        shown = shown.replace("yy", "yyyy")
    return shown


def time_format(locale: QLocale | None = None) -> str:
    """A day and a time to the minute, as the person's locale writes them."""
    locale = locale or QLocale()
    clock = (
        "HH:mm"
        if locale.language() == QLocale.Language.C
        else locale.timeFormat(QLocale.FormatType.ShortFormat)
    )
    return f"{date_format(locale)} {clock}"


def time_edit(name: str) -> QDateTimeEdit:
    """A day and time to the minute, typed as the person's locale writes them, with a
    calendar to pick the day."""
    edit = TypedDateTimeEdit()
    edit.setDisplayFormat(time_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit


def _typed_as_a_whole(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """Let a date (and time) field take a whole day typed at once; True when ``event``
    was used up here.

    Qt's date fields fill a section at a time: with the whole text selected they
    refuse the first digit, and after a full section ("20") they have already
    moved past the "/", so the "/" typed next jumps over the month. Here a digit
    typed over the whole text starts at the first section, and a separator typed
    right after the one Qt skipped to is taken as already typed.
    """
    typed = event.text()
    line = edit.lineEdit()
    if len(typed) == 1 and typed.isdigit() and line.hasSelectedText():
        if line.selectedText() == line.text():
            edit.setSelectedSection(edit.sectionAt(0))
    elif len(typed) == 1 and not typed.isalnum() and typed.isprintable():
        position = line.selectionStart() if line.hasSelectedText() else line.cursorPosition()
        before = line.text()[position - 1 : position] if position > 0 else ""
        if before and not before.isalnum():
            event.accept()
            return True
    return False


_SPEECH = "solace_spoken_calendar"


def calendar_grid(edit: QDateTimeEdit) -> QTableView | None:
    """The day grid of ``edit``'s drop-down calendar (Qt's own table view inside
    Qt's own calendar), made now if Qt had not made it yet; None for a field without
    a calendar (no date shown, or no pop-up)."""
    calendar = edit.calendarWidget()
    if calendar is None:
        return None
    grid = calendar.findChild(QTableView)
    return grid if isinstance(grid, QTableView) else None


def _opens_drop_down(event: QKeyEvent) -> bool:
    """Alt+Down or F4: the keys that open any drop-down (a combo box's too)."""
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    return event.key() == Qt.Key.Key_F4 or (alt and event.key() == Qt.Key.Key_Down)


def _closes_drop_down(event: QKeyEvent) -> bool:
    """F4, Alt+Up or Alt+Down: the keys that close an open drop-down unchanged."""
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    return _opens_drop_down(event) or (alt and event.key() == Qt.Key.Key_Up)


class _SpokenCalendar(QObject):
    """What Solace adds to Qt's drop-down calendar of one date field.

    A child of Qt's pop-up (so Qt owns it, and it goes with the pop-up and its
    calendar, which the field owns): nothing of Qt's is replaced or reparented.
    It names the day grid by the month shown, describes it by the chosen day,
    announces each day moved to while the calendar is open, politely, in the
    locale's long format, and draws weekends like other days. While open, Escape
    (and F4, Alt+Up or Alt+Down, which close any drop-down) closes it and puts back
    the field's date and time as they were when it opened.

    Qt's pop-up sets the field at every day the arrows pass (each a dateChanged:
    an autosave, a form marked as changed); that link is cut, so the field changes
    only when a day is picked (Enter, a click), as a combo box's does. Should a
    later Qt make that link otherwise, Escape still puts the field back.
    """

    def __init__(self, edit: QDateTimeEdit, calendar: QCalendarWidget, grid: QTableView) -> None:
        popup = calendar.parentWidget()
        super().__init__(popup)
        self.setObjectName(_SPEECH)
        self._edit = edit
        self._calendar = calendar
        self._grid = grid
        self._opened_at = edit.dateTime()
        self._quiet = False
        calendar.setAccessibleName(f"Calendar for {edit.accessibleName()}".strip())
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            # Qt draws weekends in pure red: an alarm colour in a body log, and below
            # 4.5:1 on the dark theme. Every day takes the theme's text colour.
            calendar.setWeekdayTextFormat(weekend, QTextCharFormat())
        calendar.selectionChanged.connect(self._say_day)
        calendar.currentPageChanged.connect(self._name_grid)
        grid.installEventFilter(self)
        if popup is not None:
            popup.installEventFilter(self)
            passing = SIGNAL("newDateSelected(QDate)")
            QObject.disconnect(popup, passing, edit, SLOT("setDate(QDate)"))
        self._name_grid()

    def day_words(self, day: QDate) -> str:
        """``day`` in full as the person's locale writes it ("Monday, 30 November
        2026" in Britain, "Monday, November 30, 2026" in the US)."""
        return QLocale().toString(day, QLocale.FormatType.LongFormat)

    def _name_grid(self, *_page: int) -> None:
        calendar = self._calendar
        if not (shiboken6.isValid(calendar) and shiboken6.isValid(self._grid)):
            return  # Qt made the field a new calendar; this one's last signal is late
        shown = QDate(calendar.yearShown(), calendar.monthShown(), 1)
        self._grid.setAccessibleName(f"Days of {QLocale().toString(shown, 'MMMM yyyy')}")
        self._grid.setAccessibleDescription(self.day_words(calendar.selectedDate()))

    def _say_day(self) -> None:
        self._name_grid()
        # announce() says nothing while the calendar is closed
        if not self._quiet and shiboken6.isValid(self._grid):
            announce(self._grid, self.day_words(self._calendar.selectedDate()))

    def _put_back(self) -> None:
        self._quiet = True
        try:
            self._edit.setDateTime(self._opened_at)
        finally:
            self._quiet = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and watched is not self._grid:
            self._opened_at = self._edit.dateTime()
            self._name_grid()
            announce(self._grid, self.day_words(self._calendar.selectedDate()))
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self._grid and _closes_drop_down(event):
                self._put_back()
                popup = self._calendar.parentWidget()
                if popup is not None:
                    popup.close()
                return True
            if watched is not self._grid and event.matches(QKeySequence.StandardKey.Cancel):
                # Reaches the pop-up only when nothing inside used it (the calendar's
                # year box takes Escape back first); Qt then closes the pop-up.
                self._put_back()
        return False


def _spoken_calendar(edit: QDateTimeEdit) -> None:
    """Give ``edit``'s own drop-down calendar its `_SpokenCalendar` (once), making
    Qt's calendar now if Qt had not yet."""
    grid = calendar_grid(edit)
    calendar = edit.calendarWidget()
    popup = calendar.parentWidget() if calendar is not None else None
    if grid is None or calendar is None or popup is None:
        return
    if popup.findChild(_SpokenCalendar, _SPEECH) is None:
        _SpokenCalendar(edit, calendar, grid)


def _drop_down(edit: QDateTimeEdit) -> bool:
    """Open ``edit``'s calendar as a click on its arrow does (Qt places the pop-up
    below the field, or above it at the bottom of the screen, and starts it at the
    field's day). False when the field has no calendar to open."""
    if not edit.calendarPopup() or not edit.isEnabled() or edit.isReadOnly():
        return False
    _spoken_calendar(edit)
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    style = edit.style()
    arrow = style.subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, edit
    ).center()
    hit = style.hitTestComplexControl(QStyle.ComplexControl.CC_ComboBox, option, arrow, edit)
    if hit != QStyle.SubControl.SC_ComboBoxArrow:
        return False
    # Qt's date fields open their calendar only from this press (QDateTimeEdit's
    # mousePressEvent), which first brings the calendar up to the field's date.
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        QPointF(arrow),
        QPointF(edit.mapToGlobal(arrow)),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(edit, press)
    return True


def _handled_here(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """True when ``event`` was used up by Solace's own keys for a date field: Alt+Down
    or F4 opening the calendar (Qt's field took Alt+Down for Down and moved the date a
    year back), or a day typed whole (``_typed_as_a_whole``)."""
    if _opens_drop_down(event) and _drop_down(edit):
        event.accept()
        return True
    return _typed_as_a_whole(edit, event)


class TypedDateEdit(QDateEdit):
    """A day field that takes a whole day typed at once (see ``_typed_as_a_whole``)
    and opens its calendar with Alt+Down or F4."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _handled_here(self, event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        _spoken_calendar(self)  # before Qt shows its calendar for a click on the arrow
        super().mousePressEvent(event)


def _whole_minute(value: QDateTime) -> QDateTime:
    """``value`` without its seconds and milliseconds."""
    time = value.time()
    return value.addMSecs(-(time.second() * 1000 + time.msec()))


class TypedDateTimeEdit(QDateTimeEdit):
    """A day-and-time field that takes a whole moment typed at once, and any wall
    time, even one the clocks skip; it opens its calendar with Alt+Down or F4.

    It shows minutes, so it holds whole minutes: a moment the person types, picks or
    steps to has no seconds ("08:00" typed over now is 08:00:00, not 08:00:53). A
    moment set by the program (`setDateTime`, often now, or a saved log's time) is
    given back exactly by `dateTime` until the person changes the field, so a log
    or entry whose time was not touched keeps its seconds.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setting = False
        self._exact: QDateTime | None = None  # what the program set, until a change
        self.dateTimeChanged.connect(self._changed_by_person)

    def _changed_by_person(self, value: QDateTime) -> None:
        # Qt also says "changed" when it reads the text back unchanged (Enter in the
        # field, or leaving it): only another minute than the one shown is a change.
        exact = self._exact
        if not self._setting and exact is not None and value != _whole_minute(exact):
            self._exact = None

    def dateTime(self) -> QDateTime:
        """The moment shown: exactly the one set by the program while the person has
        not changed it, else the whole minute they chose."""
        return QDateTime(self._exact) if self._exact is not None else super().dateTime()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not _handled_here(self, event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        _spoken_calendar(self)
        super().mousePressEvent(event)

    def setDateTime(self, value: QDateTime) -> None:
        """Show ``value`` (from ``local_time.to_qdatetime``: a wall time with its UTC
        offset; or a local time) in its fixed UTC offset rather than in Qt's local
        zone.

        In the local zone Qt refuses a typed wall time the clocks skip (02:30 on the
        spring-forward night in Berlin) and keeps the hour it had, so a log typed
        for 02:30 was saved 16 hours away. In a fixed offset every wall time exists;
        ``local_time.from_qdatetime`` then applies the zone's rules of that day
        (02:30 is read as 03:30 summer time, as PEP 495 does).
        """
        self._setting = True
        try:
            if value.isValid():
                fixed = QTimeZone.fromSecondsAheadOfUtc(value.offsetFromUtc())
                self.setTimeZone(fixed)
                value = value.toTimeZone(fixed)
                self._exact = QDateTime(value)
                value = _whole_minute(value)
            else:
                self._exact = None
            super().setDateTime(value)
        finally:
            self._setting = False


def date_edit(name: str) -> QDateEdit:
    """A day, typed as the person's locale writes it (see ``date_format``), with a
    calendar to pick it."""
    edit = TypedDateEdit()
    edit.setDisplayFormat(date_format())
    edit.setCalendarPopup(True)
    edit.setAccessibleName(name)
    one_tab_stop(edit)
    return edit

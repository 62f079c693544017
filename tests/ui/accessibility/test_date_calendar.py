"""A date field's drop-down calendar by keyboard alone, as a screen reader hears it:
Alt+Down or F4 opens it, the arrow keys move through whole dates heard in full,
Enter picks the day, Escape leaves the field as it was, and the field stays one
Tab stop that takes a typed date."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QTextFormat
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDateTimeEdit,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.ui.common.dates import (
    TypedDateEdit,
    TypedDateTimeEdit,
    calendar_grid,
    date_edit,
    time_edit,
)
from tests.ui.accessibility.conftest import Recorder
from tests.ui.accessibility.screens import area, each_screen

LONG = QLocale.FormatType.LongFormat
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def locale_of(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Put the default locale back after a test that chose one."""
    was = QLocale()
    yield
    QLocale.setDefault(was)


def calendar_of(field: QDateTimeEdit) -> QCalendarWidget:
    calendar = field.calendarWidget()
    assert calendar is not None
    return calendar


def grid_of(field: QDateTimeEdit) -> QTableView:
    grid = calendar_grid(field)
    assert grid is not None
    return grid


def is_open(field: QDateTimeEdit) -> bool:
    return calendar_of(field).isVisible()


def open_with(qtbot, field: QDateTimeEdit, key: Qt.Key, modifier=NONE) -> QTableView:  # type: ignore[no-untyped-def]
    """Open ``field``'s calendar with ``key`` as the person does; its day grid, focused."""
    field.setFocus()
    qtbot.keyClick(field, key, modifier)
    qtbot.waitUntil(lambda: is_open(field))
    grid = grid_of(field)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is grid)
    return grid


def month_of(day: QDate) -> str:
    return QLocale().toString(QDate(day.year(), day.month(), 1), "MMMM yyyy")


def to_the_minute(field: QDateTimeEdit) -> str:
    return field.dateTime().toString("yyyy-MM-dd HH:mm")


def body_time_field(window) -> QDateTimeEdit:  # type: ignore[no-untyped-def]
    body = area(window, "body")
    window.show_area(body)
    field: QDateTimeEdit = body.form.time  # type: ignore[attr-defined]
    assert field.isVisible()
    return field


@pytest.mark.parametrize("locale_name", ["en_GB", "en_US"])
def test_alt_down_opens_the_calendar_and_each_day_moved_to_is_heard_in_full(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder, locale_of, locale_name
):
    QLocale.setDefault(QLocale(locale_name))
    field = body_time_field(unlocked_window)
    start = field.dateTime()
    a11y_events.clear()
    grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
    assert field.dateTime() == start  # Qt's field took Alt+Down for Down: a year back
    day = calendar_of(field).selectedDate()
    assert day == start.date()
    assert grid.accessibleName() == f"Days of {month_of(day)}"
    assert a11y_events.announcements(assertive=False)[-1:] == [QLocale().toString(day, LONG)]
    for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):  # not Qt's alarm red
        drawn = calendar_of(field).weekdayTextFormat(weekend)
        assert not drawn.hasProperty(QTextFormat.Property.ForegroundBrush)

    changes: list[QDateTime] = []
    field.dateTimeChanged.connect(changes.append)
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Up):  # a day back, then a week back
        qtbot.keyClick(grid, key)
        moved = calendar_of(field).selectedDate()
        assert moved == day.addDays(-1 if key == Qt.Key.Key_Left else -7)
        whole = QLocale().toString(moved, LONG)  # "Monday, 30 November 2026"
        assert a11y_events.announcements(assertive=False)[-1] == whole
        assert grid.accessibleName() == f"Days of {month_of(moved)}"
        assert grid.accessibleDescription() == whole
        day = moved
    assert changes == []  # the field changes when a day is picked, not on the way

    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_open(field))
    assert field.date() == day
    assert len(changes) == 1
    # Picking a day keeps the time of day, to the minute the field shows (a time the
    # person picks is a whole minute: break test 10, 12e).
    assert field.time() == QTime(start.time().hour(), start.time().minute())
    assert QApplication.focusWidget() is field


@pytest.mark.parametrize(
    ("closing", "modifier"),
    [
        (Qt.Key.Key_Escape, NONE),
        (Qt.Key.Key_F4, NONE),
        (Qt.Key.Key_Up, ALT),
    ],
    ids=["Escape", "F4", "Alt+Up"],
)
def test_escape_closes_the_calendar_leaving_the_field_as_it_was(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder, closing, modifier
):
    field = body_time_field(unlocked_window)
    start = field.dateTime()
    grid = open_with(qtbot, field, Qt.Key.Key_F4)
    changes: list[QDateTime] = []
    field.dateTimeChanged.connect(changes.append)
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
        qtbot.keyClick(grid, key)
    assert calendar_of(field).selectedDate() != start.date()
    a11y_events.clear()
    qtbot.keyClick(grid, closing, modifier)
    qtbot.waitUntil(lambda: not is_open(field))
    assert field.dateTime() == start
    assert changes == []  # never changed on the way either (no autosave, no "touched")
    assert QApplication.focusWidget() is field
    assert a11y_events.announcements() == []  # nothing said about the day put back
    # Opened again, it starts at the field's day, not at the one left behind.
    grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
    assert calendar_of(field).selectedDate() == start.date()
    assert grid.accessibleName() == f"Days of {month_of(start.date())}"
    qtbot.keyClick(grid, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_open(field))


def test_after_the_calendar_the_field_is_one_tab_stop_that_takes_a_typed_date(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    field = body_time_field(unlocked_window)
    grid = open_with(qtbot, field, Qt.Key.Key_F4)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_open(field))
    assert QApplication.focusWidget() is field
    typed = QDateTime(QDate(2026, 11, 20), QTime(7, 5))
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, QLocale().toString(typed, field.displayFormat()))
    assert to_the_minute(field) == "2026-11-20 07:05"
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not None and after is not field and not field.isAncestorOf(after)
    assert to_the_minute(field) == "2026-11-20 07:05"


def test_a_click_on_the_arrow_opens_the_same_spoken_calendar(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    field = body_time_field(unlocked_window)
    option = QStyleOptionComboBox()
    option.initFrom(field)
    option.editable = True
    arrow = field.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, field
    )
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow.center())
    qtbot.waitUntil(lambda: is_open(field))
    grid = grid_of(field)
    day = field.date()
    assert grid.accessibleName() == f"Days of {month_of(day)}"
    a11y_events.clear()
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert a11y_events.announcements() == [QLocale().toString(day.addDays(-1), LONG)]
    qtbot.keyClick(grid, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_open(field))
    assert field.date() == day


def test_every_date_field_of_every_screen_opens_a_spoken_calendar_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, window, store, a11y_events: Recorder
):
    """Every date field of the app, the idea card's and Together's filters too, is made
    by the shared factory: one Tab stop, Alt+Down opens a named calendar, a day moved
    to is heard in full, Escape leaves the field as it was."""
    seen: dict[int, str] = {}
    for title, root in each_screen(qtbot, window, store):
        fields = [
            f
            for f in root.findChildren(QDateTimeEdit)
            if f.isVisible() and f.calendarPopup() and id(f) not in seen
        ]
        for field in fields:
            name = f"{title}: {field.accessibleName()}"
            seen[id(field)] = name
            assert isinstance(field, TypedDateEdit | TypedDateTimeEdit), name
            was_enabled = field.isEnabled()
            field.setEnabled(True)  # as ticking its "From" or "Between" box does
            start = field.dateTime()
            grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
            assert grid.accessibleName() == f"Days of {month_of(field.date())}", name
            a11y_events.clear()
            step = Qt.Key.Key_Left if field.date() > field.minimumDate() else Qt.Key.Key_Right
            qtbot.keyClick(grid, step)
            heard = QLocale().toString(calendar_of(field).selectedDate(), LONG)
            assert a11y_events.announcements() == [heard], name
            qtbot.keyClick(grid, Qt.Key.Key_Escape)
            qtbot.waitUntil(lambda f=field: not is_open(f))  # type: ignore[misc]
            assert field.dateTime() == start, name
            field.setEnabled(was_enabled)
    names = " | ".join(seen.values())
    for expected in (
        "Journal: search filters: From date",
        "Journal: new entry: Date and time of this entry",
        "Body log: Log: Time of this log",
        "Library: closeness ideas: Day you did",
        "Dialog: Recovery details: Day of the loss",
        "Dialog: Remembrance dates: Date",
        "Together: Read together: From date",
        "Together: Read together: To date",
    ):
        assert expected in names, names


def test_the_calendar_and_what_speaks_for_it_live_and_go_with_their_field(  # type: ignore[no-untyped-def]
    qtbot, a11y_events: Recorder
):
    """Qt makes, owns and deletes the calendar; Python's collector running between
    uses (as ui/common/collector.py runs it) never frees any of it under the field."""
    holder = QWidget()
    qtbot.addWidget(holder)
    fields = [time_edit("When"), date_edit("Day")]
    layout = QVBoxLayout(holder)
    for field in fields:
        layout.addWidget(field)
    holder.show()
    qtbot.waitExposed(holder)
    for field in fields:
        for _ in range(3):
            grid = open_with(qtbot, field, Qt.Key.Key_F4)
            qtbot.keyClick(grid, Qt.Key.Key_Left)
            qtbot.keyClick(grid, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda f=field: not is_open(f))  # type: ignore[misc]
            del grid
            gc.collect()
            field.setDateTime(QDateTime.currentDateTime())  # the body form's _set_now
            field.setMinimumDate(QDate(2020, 1, 1))
            assert calendar_of(field).selectedDate() == field.date()
    gone = [calendar_of(f).destroyed for f in fields]
    with qtbot.waitSignals(gone):
        for field in fields:
            field.deleteLater()
        del field
        fields.clear()
    gc.collect()
    assert holder.findChildren(QCalendarWidget) == []


def test_every_date_field_of_every_screen_shows_one_format_and_opens_near_today(  # type: ignore[no-untyped-def]
    qtbot, window, store
):
    """Break test 10, finding 10: Together's "Between" opened at "1 Jan 2000", and date
    fields showed "1 Jan 2000" in Together and the journal's filters beside
    "2026-11-30" in the body log. Every day field shows the locale's short date with
    a four-digit year (`date_format`, typed as it is shown; with a time, `time_format`),
    and none opens at Qt's 1 January 2000 or the 1900 of an unset day."""
    from journal.ui.common.dates import date_format, time_format

    seen: dict[int, str] = {}
    for title, root in each_screen(qtbot, window, store):
        for field in root.findChildren(QDateTimeEdit):
            if not field.isVisible() or id(field) in seen:
                continue
            name = seen[id(field)] = f"{title}: {field.accessibleName()}"
            shows_time = isinstance(field, TypedDateTimeEdit)
            assert field.displayFormat() == (time_format() if shows_time else date_format()), name
            assert field.date().year() not in (1900, 2000), (name, field.date())
    names = " | ".join(seen.values())
    for expected in ("Together", "Journal: search filters: From date", "Body log"):
        assert expected in names, names


def test_together_s_between_opens_at_a_month_ago_and_today_when_nothing_is_shared(qtbot):  # type: ignore[no-untyped-def]
    """Break test 10, finding 10: with nothing shared yet, ticking "Between" showed
    "1 Jan 2000 and 1 Jan 2000"."""
    from journal.ui.common.local_time import to_qdate, today_local
    from journal.ui.together.reader import ReadTogether

    reader = ReadTogether()
    qtbot.addWidget(reader)
    reader.show()
    reader.set_items([])
    qtbot.mouseClick(reader.between, Qt.MouseButton.LeftButton)
    assert reader.between.isChecked() and reader.first.isEnabled()
    today = to_qdate(today_local())
    assert (reader.first.date(), reader.last.date()) == (today.addMonths(-1), today)

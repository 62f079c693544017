"""A date field's drop-down calendar by keyboard alone, as a screen reader hears it:
Alt+Down, F4 or a click on the arrow opens it with focus on the field's day; each
day cell is named by its whole date and what it is to the field ("Monday, 30
November 2026, today, chosen"), never a bare "22" (Qt's own calendar, which named
them so, never opens); the arrows, Page Up/Down and Home/End move and stop at the
days the field takes; Enter picks the day; Escape leaves the field as it was; Tab
reaches the month buttons; the field stays one Tab stop that takes a typed date."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QDateTimeEdit,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

from journal.ui.common.dates import TypedDateEdit, TypedDateTimeEdit, date_edit, time_edit
from journal.ui.common.local_time import to_qdate, today_local
from tests.ui.accessibility.conftest import Recorder
from tests.ui.accessibility.screens import area, each_screen

LONG = QLocale.FormatType.LongFormat
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier
FOCUS = QAccessible.Event.Focus


@pytest.fixture
def locale_of(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Put the default locale back after a test that chose one."""
    was = QLocale()
    yield
    QLocale.setDefault(was)


@pytest.fixture
def heard(a11y_events: Recorder) -> Recorder:
    """The events a screen reader gets, with the name of each focused object."""
    a11y_events.record_names = True
    return a11y_events


def popup_grid() -> QAbstractItemView | None:
    """The day grid of an open drop-down calendar, when it has focus (whoever made it)."""
    focused = QApplication.focusWidget()
    window = focused.window() if focused is not None else None
    popup = window is not None and window.windowType() == Qt.WindowType.Popup
    if isinstance(focused, QAbstractItemView) and popup and window.isVisible():
        return focused
    return None


def is_open(field: QDateTimeEdit) -> bool:
    return any(
        w.isVisible() and w.windowType() == Qt.WindowType.Popup
        for w in QApplication.topLevelWidgets()
    )


def open_with(qtbot, field: QDateTimeEdit, key: Qt.Key, modifier=NONE) -> QAbstractItemView:  # type: ignore[no-untyped-def]
    """Open ``field``'s calendar with ``key`` as the person does; its day grid, focused."""
    field.setFocus()
    qtbot.keyClick(field, key, modifier)
    qtbot.waitUntil(lambda: popup_grid() is not None)
    grid = popup_grid()
    assert grid is not None
    qtbot.wait(10)  # its day is told after it, at the next turn (current_cell)
    return grid


def focused_names(heard: Recorder) -> list[str]:
    return [name or "" for name in heard.names(FOCUS)]


def whole(day: QDate, *also: str) -> str:
    return ", ".join([QLocale().toString(day, LONG), *also])


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


def close(qtbot, grid: QAbstractItemView, field: QDateTimeEdit) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(grid, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_open(field))


@pytest.mark.parametrize("locale_name", ["en_GB", "en_US"])
def test_each_day_cell_focused_is_named_by_its_whole_date_never_a_bare_number(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, heard: Recorder, locale_of, locale_name
):
    """Break test 15, finding 5: Qt's calendar focused cells named "22" and gave the
    date only in a later, queued announcement."""
    QLocale.setDefault(QLocale(locale_name))
    field = body_time_field(unlocked_window)
    start = field.dateTime()
    today = to_qdate(today_local())
    assert start.date() == today
    heard.clear()
    grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
    assert field.dateTime() == start  # Qt's field took Alt+Down for Down: a year back
    qtbot.waitUntil(lambda: bool(focused_names(heard)))
    assert focused_names(heard)[-1] == whole(today, "today", "chosen")
    assert grid.accessibleName() == f"Days of {month_of(today)}"

    changes: list[QDateTime] = []
    field.dateTimeChanged.connect(changes.append)
    day = today
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):  # a day, a week, a month
        heard.clear()
        qtbot.keyClick(grid, key)
        day = day.addDays(-1) if key == Qt.Key.Key_Left else day
        day = day.addDays(-7) if key == Qt.Key.Key_Up else day
        day = day.addMonths(-1) if key == Qt.Key.Key_PageUp else day
        assert focused_names(heard) == [whole(day)], key  # at once, and once
        assert not any(name.isdigit() for name in focused_names(heard))
        assert heard.announcements() == []  # not said a second time, late
        assert grid.accessibleName() == f"Days of {month_of(day)}"
    assert changes == []  # the field changes when a day is picked, not on the way

    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_open(field))
    assert field.date() == day
    assert len(changes) == 1
    # Picking a day keeps the time of day, to the minute the field shows (a time the
    # person picks is a whole minute: break test 10, 12e).
    assert field.time() == QTime(start.time().hour(), start.time().minute())
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    assert unlocked_window.findChildren(QCalendarWidget) == []  # Qt's never made


@pytest.mark.parametrize(
    ("closing", "modifier"),
    [
        (Qt.Key.Key_Escape, NONE),
        (Qt.Key.Key_F4, NONE),
        (Qt.Key.Key_Up, ALT),
        (Qt.Key.Key_Down, ALT),
    ],
    ids=["Escape", "F4", "Alt+Up", "Alt+Down"],
)
def test_escape_closes_the_calendar_leaving_the_field_as_it_was(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, heard: Recorder, closing, modifier
):
    field = body_time_field(unlocked_window)
    start = field.dateTime()
    grid = open_with(qtbot, field, Qt.Key.Key_F4)
    changes: list[QDateTime] = []
    field.dateTimeChanged.connect(changes.append)
    for key in (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp):
        qtbot.keyClick(grid, key)
    heard.clear()
    qtbot.keyClick(grid, closing, modifier)
    qtbot.waitUntil(lambda: not is_open(field))
    assert field.dateTime() == start
    assert changes == []  # never changed on the way either (no autosave, no "touched")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    assert heard.announcements() == []  # nothing said about the day put back
    # Opened again, it starts at the field's day, not at the one left behind.
    heard.clear()
    grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(lambda: bool(focused_names(heard)))
    assert focused_names(heard)[-1] == whole(start.date(), "today", "chosen")
    assert grid.accessibleName() == f"Days of {month_of(start.date())}"
    close(qtbot, grid, field)


def test_the_keys_stop_at_the_days_the_field_takes_and_say_which_cannot_be_picked(  # type: ignore[no-untyped-def]
    qtbot, heard: Recorder
):
    """Home/End, Page Up/Down and the arrows; a day outside the field's range is
    named "not available" and cannot be reached or picked."""
    holder = QWidget()
    qtbot.addWidget(holder)
    field = date_edit("Day of the loss")
    QVBoxLayout(holder).addWidget(field)
    field.setDateRange(QDate(2026, 11, 3), QDate(2026, 11, 26))
    field.setDate(QDate(2026, 11, 20))
    holder.show()
    qtbot.waitExposed(holder)
    grid = open_with(qtbot, field, Qt.Key.Key_F4)
    model = grid.model()
    names = [
        str(model.index(r, c).data(Qt.ItemDataRole.AccessibleTextRole) or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    named = [n for n in names if n]
    assert len(named) == 30 and not any(n.isdigit() for n in named)
    assert whole(QDate(2026, 11, 20), "chosen") in named
    assert whole(QDate(2026, 11, 27), "not available") in named
    assert whole(QDate(2026, 11, 2), "not available") in named
    after = "Days after Thursday, 26 November 2026 cannot be chosen here."
    before = "Days before Tuesday, 3 November 2026 cannot be chosen here."
    assert grid.accessibleDescription().endswith(f"Escape closes. {before} {after}")
    # (key, the day focused, or None: the day stays and is not told again; what is said)
    steps = [
        ((Qt.Key.Key_End, NONE), QDate(2026, 11, 26), [after]),  # the month's end is past it
        ((Qt.Key.Key_Right, NONE), None, [after]),
        ((Qt.Key.Key_PageDown, NONE), None, [after]),
        ((Qt.Key.Key_Home, NONE), QDate(2026, 11, 3), [before]),  # so is its start
        ((Qt.Key.Key_Up, NONE), None, [before]),
        ((Qt.Key.Key_Down, NONE), QDate(2026, 11, 10), []),
    ]
    for (key, modifier), day, said in steps:
        heard.clear()
        qtbot.keyClick(grid, key, modifier)
        assert focused_names(heard) == ([] if day is None else [whole(day)]), key
        assert heard.announcements() == said, key
    # Tab reaches the month buttons (disabled here: no day of another month is open).
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is grid  # nothing else to reach: the buttons are off
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_open(field))
    assert field.date() == QDate(2026, 11, 10)


def test_keys_past_today_in_a_log_s_time_say_why_and_the_day_stays(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, heard: Recorder
):
    """Break test 15 of session 25, F10: Right, Down and Page Down on today each
    re-announced "today, chosen", never why the calendar did not move, and opening
    it told the day twice."""
    field = body_time_field(unlocked_window)
    today = to_qdate(today_local())
    heard.clear()
    grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
    # opened: the grid, then its day, each once (the day was told twice)
    assert focused_names(heard) == [f"Days of {month_of(today)}", whole(today, "today", "chosen")]
    assert grid.accessibleDescription().endswith("Days after today cannot be chosen here.")
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
        heard.clear()
        qtbot.keyClick(grid, key)
        assert focused_names(heard) == [], key  # the same day is not told again
        assert heard.announcements() == ["Days after today cannot be chosen here."], key
    close(qtbot, grid, field)
    assert field.date() == today


@pytest.mark.parametrize("picked", [-1, 0], ids=["another day", "the day it held"])
def test_a_day_picked_over_a_refused_one_is_heard_without_the_refusal(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, picked
):
    """Break test 15 of session 29, F1: "There is no month 20…" under Taken at, then a
    day picked from its calendar: the focus came back to the field still described by
    the refusal, which was taken back only after it was heard."""
    body = area(unlocked_window, "body")
    unlocked_window.show_area(body)
    form = body.form  # type: ignore[attr-defined]
    field = form.pain_relief_at
    field.setDisplayFormat("yyyy-MM-dd HH:mm")
    held = field.date()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.lineEdit().setCursorPosition(5)  # "2026-|12-04 …"
    qtbot.keyClicks(field, "20")
    assert field.accessibleDescription().startswith("There is no month 20")
    described: list[str] = []
    QApplication.instance().focusChanged.connect(
        lambda _old, new: described.append(new.accessibleDescription()) if new is field else None
    )
    grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
    if picked:
        qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(field.hasFocus)
    assert described and not any("no month" in words for words in described), described
    assert field.date() == held.addDays(picked)
    assert not form.notes.note("pain_relief_at").isVisible()
    assert "20-" not in field.lineEdit().text()


def test_tab_reaches_the_month_buttons_and_they_turn_the_month(  # type: ignore[no-untyped-def]
    qtbot, heard: Recorder
):
    holder = QWidget()
    qtbot.addWidget(holder)
    field = date_edit("Date")
    QVBoxLayout(holder).addWidget(field)
    field.setDate(QDate(2026, 11, 20))
    holder.show()
    qtbot.waitExposed(holder)
    grid = open_with(qtbot, field, Qt.Key.Key_F4)
    assert "Page Up" in grid.accessibleDescription()  # the keys are told
    seen = []
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget().accessibleName())
    assert seen == ["Previous month", "Next month", "Days of November 2026"]
    qtbot.keyClick(grid, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # Previous month
    assert grid.accessibleName() == "Days of October 2026"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not is_open(field))
    assert field.date() == QDate(2026, 11, 20)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)


def test_after_the_calendar_the_field_is_one_tab_stop_that_takes_a_typed_date(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    field = body_time_field(unlocked_window)
    grid = open_with(qtbot, field, Qt.Key.Key_F4)
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not is_open(field))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    typed = QDateTime(QDate(2026, 11, 20), QTime(7, 5))
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, QLocale().toString(typed, field.displayFormat()))
    assert to_the_minute(field) == "2026-11-20 07:05"
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    after = QApplication.focusWidget()
    assert after is not None and after is not field and not field.isAncestorOf(after)
    assert to_the_minute(field) == "2026-11-20 07:05"


def test_a_click_on_the_arrow_opens_the_same_named_calendar(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, heard: Recorder
):
    field = body_time_field(unlocked_window)
    option = QStyleOptionComboBox()
    option.initFrom(field)
    option.editable = True
    arrow = field.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, field
    )
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=arrow.center())
    qtbot.waitUntil(lambda: popup_grid() is not None)
    grid = popup_grid()
    assert grid is not None
    day = field.date()
    assert grid.accessibleName() == f"Days of {month_of(day)}"
    heard.clear()
    qtbot.keyClick(grid, Qt.Key.Key_Left)
    assert focused_names(heard) == [whole(day.addDays(-1))]
    close(qtbot, grid, field)
    assert field.date() == day
    assert unlocked_window.findChildren(QCalendarWidget) == []


def test_every_date_field_of_every_screen_opens_a_named_calendar_from_the_keyboard(  # type: ignore[no-untyped-def]
    qtbot, window, store, heard: Recorder
):
    """Every date field of the app, the idea card's and Together's filters too, is made
    by the shared factory: one Tab stop, Alt+Down opens a calendar whose focused day
    is named in full, Escape leaves the field as it was."""
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
            heard.clear()
            grid = open_with(qtbot, field, Qt.Key.Key_Down, ALT)
            assert grid.accessibleName() == f"Days of {month_of(field.date())}", name
            qtbot.waitUntil(lambda: bool(focused_names(heard)))
            assert focused_names(heard)[-1].startswith(whole(field.date())), name
            heard.clear()
            back = field.date() > field.minimumDate()
            qtbot.keyClick(grid, Qt.Key.Key_Left if back else Qt.Key.Key_Right)
            moved = field.date().addDays(-1 if back else 1)
            assert [n.split(", today")[0] for n in focused_names(heard)] == [whole(moved)], name
            close(qtbot, grid, field)
            assert field.dateTime() == start, name
            qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f)  # type: ignore[misc]
            field.setEnabled(was_enabled)
    names = " | ".join(seen.values())
    for expected in (
        "Journal: search filters: From date",
        # The Journal opens on an entry (a new one when none was open): its date is met
        # on the Journal's first screen, with the list.
        "Journal: list: Written on: date and time of this entry",
        "Body log: Log: Time of this log",
        "Library: closeness ideas: Day you did",
        "Dialog: Recovery details: Day of the loss",
        "Dialog: Remembrance dates: Date",
        "Together: Read together: From date",
        "Together: Read together: To date",
    ):
        assert expected in names, names
    assert window.findChildren(QCalendarWidget) == []


def test_the_calendar_lives_and_goes_with_its_field(qtbot):  # type: ignore[no-untyped-def]
    """Python's collector running between uses (as ui/common/collector.py runs it)
    never frees any of it under the field; it goes with its field."""
    from journal.ui.common.day_picker import DayPicker

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
    pickers = holder.findChildren(DayPicker)
    assert len(pickers) == 2
    with qtbot.waitSignals([p.destroyed for p in pickers]):
        for field in fields:
            field.deleteLater()
        del field
        fields.clear()
    del pickers
    gc.collect()
    assert holder.findChildren(DayPicker) == []


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

"""A part of a date clicked into is typed whole, and a refusal said again quotes what
was typed (issue 10, break test of session 23, F1). Body log > Time "2026-12-04 04:50":
a click between the "20" and the "26" of the year, then "2027", made the year 2020 and
the month 27 (the digits before the caret counted as typed), and Ctrl+Enter then said
"“” stays here as you typed it"."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, QPoint, Qt, QTime
from PySide6.QtWidgets import QApplication

from journal.ui.common.dates import time_format
from tests.ui.body import support as support

body_area = support.body_area
ISO = QLocale.c()  # "yyyy-MM-dd HH:mm", whatever the machine's locale


def click_inside(qtbot, field, index: int) -> None:  # type: ignore[no-untyped-def]
    """A mouse click on the line of ``field`` between its characters ``index`` - 1 and
    ``index``."""
    line = field.lineEdit()
    line.setCursorPosition(index)
    x = line.cursorRect().center().x()
    line.setCursorPosition(0)
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(x, line.height() // 2))
    assert line.cursorPosition() == index


def focused_time(qtbot, form):  # type: ignore[no-untyped-def]
    """The form's Time field, "2025-12-04 04:50" in the ISO format, with the focus."""
    field = form.time
    field.setDisplayFormat(time_format(ISO))
    field.setDateTime(QDateTime(QDate(2025, 12, 4), QTime(4, 50)))
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return field


def test_a_year_clicked_into_and_typed_is_that_year(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    field = focused_time(qtbot, body_area.form)
    click_inside(qtbot, field, 2)  # "20|25"
    qtbot.keyClicks(field, "2024")
    assert field.lineEdit().text().startswith("2024-12-04 04:50")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime().date() == QDate(2024, 12, 4)


def test_a_refusal_said_again_quotes_what_was_typed(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    field = focused_time(qtbot, form)
    click_inside(qtbot, field, 6)  # "2025-1|2"
    qtbot.keyClicks(field, "13")
    note = form.notes.note("logged_at")
    assert note.text().startswith("There is no month 13")
    assert "\u201c13\u201d stays here" in note.text()
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save
    assert "\u201c13\u201d stays here" in note.text()
    assert "\u201c\u201d" not in note.text()
    assert field.lineEdit().text() == "2025-13-04 04:50"


def test_a_refusal_said_at_save_goes_once_a_real_day_is_typed_over_it(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 break test of session 24: the year 1 typed, refused at Ctrl+Enter, then
    2026 typed over it and Tab: the words and the red edge stayed under a field that
    read 2026-12-04."""
    form = body_area.form
    field = focused_time(qtbot, form)
    click_inside(qtbot, field, 2)
    qtbot.keyClicks(field, "1")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # on to Bleeding, and Ctrl+Enter there
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    note = form.notes.note("logged_at")
    # Quoted as the field shows it, the "1" with what it did not reach (re-test of
    # session 32, finding 5: "1" alone was quoted beside "1-12-04 04:50").
    quoted = f"Solace cannot read \u201c{field.lineEdit().text()}\u201d"
    assert field.lineEdit().text().startswith("1-12-04 ")
    assert note.isVisible() and note.text().startswith(quoted)
    assert QApplication.focusWidget() is field
    click_inside(qtbot, field, 2)
    qtbot.keyClicks(field, "2025")  # the year it held: the same value as before
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime().date() == QDate(2025, 12, 4)
    assert not note.isVisible() and not field.property("refused")


def test_down_steps_the_day_clicked_into_again_and_again(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 break test of session 24 (serious): Down on the day of "Time" went
    2026-12-04, 12-03, 2025-12-03, 2025-12-02, 2024-12-02: every other step took a year
    off, and a log was saved two years back without a word. Each step is the day's."""
    field = focused_time(qtbot, body_area.form)
    click_inside(qtbot, field, 9)  # "2025-12-0|4"
    days = []
    for _ in range(4):
        qtbot.keyClick(field, Qt.Key.Key_Down)
        days.append(field.dateTime().date())
    assert days == [QDate(2025, 12, n) for n in (3, 2, 1, 1)]  # Qt's day stops at the 1st
    assert field.currentSection() == field.Section.DaySection


def test_pain_relief_taken_ahead_of_now_is_refused_with_advice_that_can_be_followed(
    qtbot, body_area
) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 break test of session 24: the refusal said "or leave the time empty",
    but "Taken at" cannot be emptied. The advice given now is followed with keys."""
    from journal.domain.body.log import FUTURE_PAIN_RELIEF_MESSAGE
    from journal.ui.common.local_time import today_local

    form = body_area.form
    form.pain_relief.setFocus()
    qtbot.keyClicks(form.pain_relief, "ibuprofen 400 mg")
    taken = form.pain_relief_at
    taken.setDisplayFormat(time_format(ISO))
    form.time.setDisplayFormat(time_format(ISO))
    logged = form.time.dateTime()
    taken.setFocus()
    qtbot.keyClick(taken, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(taken, f"{today_local().year + 1}-01-02 08:00")
    qtbot.keyClick(taken, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    note = form.notes.note("pain_relief_at")
    assert note.isVisible() and note.text() == FUTURE_PAIN_RELIEF_MESSAGE
    assert "empty" not in note.text()
    # "the time of this log": typed into the field, the log saves.
    qtbot.keyClick(taken, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(taken, logged.toString("yyyy-MM-dd HH:mm"))
    with qtbot.waitSignal(form.log_ready, timeout=5_000):
        qtbot.keyClick(taken, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_a_refusal_of_a_section_typed_before_quotes_that_section(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, F2: the month typed as "20" was refused and kept,
    then "26" typed in the day; the words said "There is no month 20" but quoted the
    "26", which is not what is wrong."""
    form = body_area.form
    field = focused_time(qtbot, form)
    click_inside(qtbot, field, 5)  # "2025-|12"
    qtbot.keyClicks(field, "20")
    note = form.notes.note("logged_at")
    assert note.text().startswith("There is no month 20")
    assert "\u201c20\u201d stays here" in note.text()
    qtbot.keyClicks(field, "26")
    assert field.lineEdit().text() == "2025-20-26 04:50"
    assert note.text().startswith("There is no month 20")
    assert "\u201c20\u201d stays here" in note.text()


def test_backspace_on_a_refused_year_takes_its_digits_back(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, F2: "60" typed as the year, refused at Ctrl+Enter;
    Backspace twice did nothing, and "2026" then went into the month and the day."""
    form = body_area.form
    field = focused_time(qtbot, form)
    line = field.lineEdit()
    line.setCursorPosition(0)
    qtbot.keyClicks(field, "60")
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert line.text() == "60-12-04 04:50"
    said = form.notes.note("logged_at").text()
    assert said.startswith("Solace cannot read \u201c60-12-04 04:50\u201d")  # as shown
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert (line.text(), line.cursorPosition()) == ("6-12-04 04:50", 1)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert (line.text(), line.cursorPosition()) == ("-12-04 04:50", 0)
    qtbot.keyClicks(field, "2024")
    assert line.text() == "2024-12-04 04:50"
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime() == QDateTime(QDate(2024, 12, 4), QTime(4, 50))
    assert not form.notes.note("logged_at").text()


def test_a_year_typed_then_taken_back_is_typed_again_as_the_year(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Re-test of break test 15 of session 29 (N2): "60" typed over the year, Backspace
    twice put the day held back with the caret after its year, and "2026" then went
    into the month and the day ("2026-20-26"), the month's refusal said twice."""
    form = body_area.form
    field = focused_time(qtbot, form)
    line = field.lineEdit()
    line.setCursorPosition(0)
    qtbot.keyClicks(field, "60")
    assert line.text().startswith("60-12-04")
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert (line.text(), line.cursorPosition()) == ("2025-12-04 04:50", 0)
    qtbot.keyClicks(field, "2024")
    assert line.text() == "2024-12-04 04:50"
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime() == QDateTime(QDate(2024, 12, 4), QTime(4, 50))


def test_a_new_log_long_ago_is_asked_about_once_before_it_is_saved(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test 10 of session 31, finding 1: the time of a log moved years back without
    her noticing (the wheel, then) was saved as "Tue 5 Dec 1995" without a word. A new
    log more than 90 days back is asked about once under Time; saving again keeps it."""
    form = body_area.form
    field = focused_time(qtbot, form)
    click_inside(qtbot, field, 2)
    qtbot.keyClicks(field, "2023")  # three years back, typed over the year
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    form.bleeding.setCurrentIndex(form.bleeding.findText("Light"))
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert support.saved_logs(journal) == []
    note = form.notes.note("logged_at").text()
    assert note.startswith("The time of this log is about ") and " years ago." in note
    assert QApplication.focusWidget() is field
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (log,) = support.saved_logs(journal)
    assert log.logged_at.year == 2023


def test_a_pad_change_long_ago_is_asked_about_once_before_it_is_noted(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """The same for "Changed a pad": a change two years back is asked about under its
    time; pressing again notes it."""
    from journal.storage.body.repository import BodyRepository

    form = body_area.form
    field = form.pad_time
    field.setDisplayFormat(time_format(ISO))
    two_years_back = QDateTime.currentDateTime().addDays(-800)
    field.setDateTime(two_years_back)
    qtbot.mouseClick(form.pad_button, Qt.MouseButton.LeftButton)
    assert BodyRepository(journal.db).pad_changes() == []
    assert form.notes.note("changed_at").text().startswith(
        "The time of this pad change is about 2 years ago."
    )
    qtbot.mouseClick(form.pad_button, Qt.MouseButton.LeftButton)
    (change,) = BodyRepository(journal.db).pad_changes()
    assert change.changed_at.year == two_years_back.date().year()

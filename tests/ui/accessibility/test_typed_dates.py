"""What a date field holds is what was typed, and what is heard is what it holds
(break test 15 of session 12, finding 7, 11d and 11i): real key events into the real
fields of the summary for the doctor (From, To), the body log (Time) and an entry
("Written on"). A whole valid day typed lands as typed; a day outside the field's
range is kept as typed and refused in words beside the field; a digit no day can
take is refused in words, never rewritten; the calendar does not offer a day the
field refuses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDateTimeEdit

from journal.domain.body.temperature import TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.body.export_dialog import ExportDialog
from journal.ui.common.dates import day_picker, time_format
from journal.ui.common.local_time import to_qdate, today_local
from tests.ui.body import support
from tests.ui.entries.test_editor import journal_area

body_area = support.body_area
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
ISO = QLocale.c()


@pytest.fixture
def iso_days(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Days written year first ("2026-12-01"), as the tester's machine wrote them."""
    was = QLocale()
    QLocale.setDefault(ISO)
    yield
    QLocale.setDefault(was)


def _retype(qtbot, field: QDateTimeEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, text)


def _dialog(qtbot, journal) -> ExportDialog:  # type: ignore[no-untyped-def]
    today = today_local()
    dialog = ExportDialog(
        BodyRepository(journal.db), journal.check_passphrase, TemperatureUnit.CELSIUS, today
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_whole_day_typed_into_to_lands_as_typed(qtbot, journal, iso_days) -> None:  # type: ignore[no-untyped-def]
    """ "2026-12-01" typed over a day later in its month than today's (Qt checked the
    month with the old day: 2026-12-10, after today, so it refused the 12 and the day
    became 2026-01-01)."""
    dialog = _dialog(qtbot, journal)
    today = to_qdate(today_local())
    if today.day() >= 28:
        pytest.skip("needs a day of an earlier month later in its month than today")
    earlier = QDate(today.addMonths(-1).year(), today.addMonths(-1).month(), 28)
    for field in (dialog.start, dialog.end):
        _retype(qtbot, field, earlier.toString("yyyy-MM-dd"))
        assert field.date() == earlier
        _retype(qtbot, field, today.toString("yyyy-MM-dd"))
        assert field.lineEdit().text() == today.toString("yyyy-MM-dd")
        assert field.date() == today
        qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert dialog.notes_on_fields.shown() is None


def test_a_day_after_today_stays_as_typed_and_is_refused_beside_the_field(
    qtbot, journal, iso_days, a11y_events
):  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, journal)
    tomorrow = to_qdate(today_local()).addDays(1)
    typed = tomorrow.toString("yyyy-MM-dd")
    _retype(qtbot, dialog.end, typed)
    assert dialog.end.lineEdit().text() == typed
    qtbot.keyClick(dialog.end, Qt.Key.Key_Tab)  # left: refused in words, heard at once
    note = dialog.notes_on_fields.note("end")
    assert "is after today" in dialog.end.accessibleDescription()  # heard with To
    assert not note.isVisible()  # its line waits: it would push the field now in use
    assert dialog.end.lineEdit().text() == typed  # kept until corrected
    assert any("is after today" in said for said in a11y_events.announcements(assertive=True))
    dialog.passphrase.setText("anything")
    dialog.pdf_button.click()  # refused again when committed, with the focus on To
    assert QApplication.focusWidget() is dialog.end
    assert "is after today" in note.text()
    assert dialog.status.text() == ""


def test_the_body_log_time_takes_digits_typed_over_it(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Home then "2025": each digit replaces the one under the caret (Qt inserted it,
    "22026", refused it, and the field kept its year while each digit was echoed)."""
    field = body_area.form.time
    field.setDisplayFormat(time_format(ISO))
    field.setDateTime(QDateTime(QDate(2026, 11, 20), QTime(8, 15)))
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClicks(field, "2025")
    assert field.lineEdit().text() == "2025-11-20 08:15"
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # the typing ends: read as a whole
    assert field.dateTime().date() == QDate(2025, 11, 20)


def test_a_day_no_month_has_is_refused_in_words_not_rewritten(qtbot, body_area, a11y_events):  # type: ignore[no-untyped-def]
    """Day 31 in November was silently made 30."""
    field = body_area.form.time
    field.setDisplayFormat(time_format(ISO))
    field.setDateTime(QDateTime(QDate(2025, 11, 20), QTime(8, 15)))
    _retype(qtbot, field, "2025-11-31")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # the typing ends (the time was not typed)
    assert field.dateTime().date().day() != 30
    assert "30" not in field.lineEdit().text()[8:10]
    assert any("no day 31" in said for said in a11y_events.announcements(assertive=True))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # back in Time
    note = body_area.form.notes.note("logged_at")
    assert "There is no day 31 in November 2025" in note.text()  # said under it now


def test_the_written_on_calendar_stops_at_today(qtbot, unlocked_window) -> None:  # type: ignore[no-untyped-def]
    """The arrows reached tomorrow, which was then refused while the field showed it."""
    area = journal_area(unlocked_window)
    area.new_entry()
    field = area.editor.when
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Down, ALT)
    picker = day_picker(field)
    qtbot.waitUntil(picker.isVisible)
    today = to_qdate(today_local())
    assert picker.selected == today
    qtbot.keyClick(picker.grid, Qt.Key.Key_Right)
    assert picker.selected == today
    qtbot.keyClick(picker.grid, Qt.Key.Key_Escape)


@pytest.fixture
def day_first(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Days written day first ("31/12/2025"), as in Britain; set before the screens are
    made (their fields take the format when made)."""
    was = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(was)


def test_day_first_whole_days_land_as_typed_in_the_summary_for_the_doctor(
    day_first, qtbot, journal
):  # type: ignore[no-untyped-def]
    """ "31/12/2025" typed over 20/11/2025 became 03/12/2025: Qt judged the 31 against
    November before the 12 came (issue 15)."""
    dialog = _dialog(qtbot, journal)
    for field in (dialog.start, dialog.end):
        field.setDate(QDate(2025, 11, 20))
        _retype(qtbot, field, "31/12/2025")
        assert field.lineEdit().text() == "31/12/2025"
        assert field.date() == QDate(2025, 12, 31)
        field.setDate(QDate(2025, 11, 20))
        _retype(qtbot, field, "29/02/2024")
        assert field.date() == QDate(2024, 2, 29)
    qtbot.keyClick(dialog.end, Qt.Key.Key_Tab)
    assert dialog.notes_on_fields.shown() is None


def test_day_first_whole_moment_lands_as_typed_in_the_body_log(
    day_first, qtbot, body_area, a11y_events
):  # type: ignore[no-untyped-def]
    field = body_area.form.time
    assert field.displayFormat().startswith("dd/MM/yyyy")
    field.setDateTime(QDateTime(QDate(2026, 4, 15), QTime(8, 15)))
    _retype(qtbot, field, "31/01/2026 21:40")
    assert field.lineEdit().text() == "31/01/2026 21:40"
    assert field.dateTime().date() == QDate(2026, 1, 31)
    assert field.dateTime().time() == QTime(21, 40)
    _retype(qtbot, field, "31/04/2026 07:00")  # no 31 April: refused, kept, said beside it
    assert field.dateTime().date() == QDate(2026, 1, 31)
    assert field.dateTime().time() == QTime(21, 40)
    note = body_area.form.notes.note("logged_at")
    assert note.isVisible() and "There is no day 31 in April 2026" in note.text()
    assert any("no day 31" in said for said in a11y_events.announcements(assertive=True))


def test_a_part_typed_after_arrowing_to_it_is_judged_whole(qtbot, body_area, a11y_events):  # type: ignore[no-untyped-def]
    """Arrowed to the month, "13" was refused as "There is no month 3"; arrowed to the
    day of 2026-11-03, "31" was refused as "no day 3" and the 1 then made it the 13th,
    unsaid (break test 15 of session 14, finding 3)."""
    field = body_area.form.time
    field.setDisplayFormat(time_format(ISO))
    note = body_area.form.notes.note("logged_at")

    def arrowed(steps: int, typed: str) -> None:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(field, Qt.Key.Key_Home)
        for _step in range(steps):
            qtbot.keyClick(field, Qt.Key.Key_Right)
        qtbot.keyClicks(field, typed)

    field.setDateTime(QDateTime(QDate(2026, 11, 30), QTime(8, 15)))
    arrowed(5, "13")
    assert note.text().startswith("There is no month 13:")
    assert field.dateTime().date() == QDate(2026, 11, 30)
    assert field.lineEdit().text() == "2026-13-30 08:15"  # kept as typed (issue 10)
    field.setDateTime(QDateTime(QDate(2026, 11, 3), QTime(8, 15)))
    arrowed(8, "31")
    assert note.text().startswith("There is no day 31 in November 2026:")
    assert field.dateTime().date() == QDate(2026, 11, 3)
    assert any("no day 31" in said for said in a11y_events.announcements(assertive=True))
    arrowed(8, "25")  # typed over the day kept as typed
    assert field.dateTime().date() == QDate(2026, 11, 25)
    assert field.lineEdit().text() == "2026-11-25 08:15"


def test_one_undo_brings_back_the_written_on_day_before_the_edit(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, iso_days, a11y_events
) -> None:
    """Break test 15 of session 14, finding 14: Ctrl+Z in "Written on" stepped through a
    day never chosen. Arrowed to the day, its digits taken away with Backspace and "15"
    typed: the field holds the 15th, and one Ctrl+Z brings back the day it held
    before, said once (it went back to the half-emptied "2025-11-1 22:31")."""
    area = journal_area(unlocked_window)
    area.new_entry()
    field = area.editor.when
    field.setDateTime(QDateTime(QDate(2025, 11, 20), QTime(22, 31)))
    before = field.lineEdit().text()
    assert before == "2025-11-20 22:31"
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    for _ in range(10):  # to the end of the day, "20"
        qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, "15")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.lineEdit().text() == "2025-11-15 22:31"
    assert field.dateTime().date() == QDate(2025, 11, 15)
    a11y_events.listen()
    qtbot.keyClick(field, Qt.Key.Key_Z, CTRL)
    assert field.lineEdit().text() == before
    assert field.dateTime().date() == QDate(2025, 11, 20)
    assert a11y_events.announcements(assertive=False) == [f"Undone: back to {before}"]


def _read_aloud(field: QDateTimeEdit) -> tuple[str, str]:
    """What a screen reader reads of ``field``: its value, and its text (AT-SPI's
    Text interface, read on focus and by say-line)."""
    interface = QAccessible.queryAccessibleInterface(field)
    text = interface.textInterface()
    assert text is not None
    return interface.text(QAccessible.Text.Value), text.text(0, text.characterCount())


def test_a_refused_written_on_day_stays_as_typed_when_the_person_comes_back(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, iso_days, a11y_events
) -> None:
    """Break test 15 of session 18, re-test R1: "2026-02-31 10:00" typed into "Written
    on" was refused and said to stay as typed, but Shift+Tab back to it showed the day
    held before (and a screen reader read that day on focus) while the note under it
    still said the typed day stays. It stays, shown and read, through Tab and Shift+Tab
    and through leaving the Journal and coming back, and nothing is saved from it."""
    area = journal_area(unlocked_window)
    area.new_entry()
    qtbot.keyClicks(area.editor.body, "Some words")
    field = area.editor.when
    held = field.dateTime()
    typed = "2026-02-31 10:00"
    _retype(qtbot, field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # left: refused beside the field
    assert QApplication.focusWidget() is not field
    assert any("no day 31 in February" in said for said in a11y_events.announcements())
    assert _read_aloud(field) == (typed, typed)

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)  # back to correct it
    assert QApplication.focusWidget() is field
    assert field.lineEdit().text() == typed
    assert _read_aloud(field) == (typed, typed)
    assert "no day 31 in February" in area.editor.notes.note("created_at").text()

    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2, CTRL)  # the Body log, and back
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, CTRL)
    qtbot.waitUntil(field.isVisible)
    assert field.lineEdit().text() == typed
    assert _read_aloud(field) == (typed, typed)
    assert field.dateTime() == held  # nothing taken from it


@pytest.mark.parametrize("back", [False, True], ids=["Tab", "Shift+Tab"])
def test_a_whole_moment_typed_lands_as_typed_whichever_way_the_field_was_reached(  # type: ignore[no-untyped-def]
    qtbot, body_area, a11y_events, back
):
    """Break test 15 of session 29, F3: reached with Shift+Tab, a date field had its
    last section selected, and "2026-11-20" typed went digit by digit into the day,
    six refusals said aloud, the field left on 20 December."""
    form = body_area.form
    field = form.time
    field.setDisplayFormat(time_format(ISO))
    field.setDateTime(QDateTime(QDate(2026, 11, 30), QTime(8, 15)))
    if back:  # from the answer under it, with a real Shift+Tab
        form.bleeding.setFocus()
        qtbot.waitUntil(form.bleeding.hasFocus)
        qtbot.keyClick(form.bleeding, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    else:
        field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.hasFocus)
    a11y_events.clear()
    qtbot.keyClicks(field, "2026-11-20 07:05")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime() == QDateTime(QDate(2026, 11, 20), QTime(7, 5))
    assert a11y_events.announcements(assertive=True) == []

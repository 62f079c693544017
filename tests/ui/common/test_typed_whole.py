"""What is typed over a date field is read as a whole when the typing ends, never
judged against a passing state (break test 15 of session 15, findings 3 and 5).

"31/11/2026 08:15" typed over "02/12/2026 01:37" was refused as soon as the year was
typed ("the field keeps 02/12/2026 01:37"), and the " 08:15" still coming then edited
the day kept: the field ended at 15/12/2026 01:37, saved as such. Every key's passing
day was given to whoever listens to the field (Together's "Between" filter applied
31/12 for an instant: "No shared entry matches these filters"). Real fields from the
app's factories, in the day-first British format, typed one key at a time as a person
types them (Shift pressed for the ":").
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QPoint, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QPushButton, QVBoxLayout

from journal.ui.common.dates import date_edit, time_edit

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
#: Characters typed with Shift held on a British or American keyboard.
_SHIFTED = set(':?"')


def _default_locale(name: str) -> Iterator[None]:
    """QLocale's default is ``name`` while the test runs, then what it was."""
    was = QLocale()
    QLocale.setDefault(QLocale(name))
    yield
    QLocale.setDefault(was)


@pytest.fixture
def day_first(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Days written day first ("31/12/2026"), as in Britain."""
    yield from _default_locale("en_GB")


class _Form(QDialog):
    """A dialog holding one field and a main button (Enter presses it), with Ctrl+S."""

    def __init__(self, field: QDateTimeEdit) -> None:
        super().__init__()
        self.field = field
        self.main = QPushButton("Save")
        self.main.setDefault(True)
        self.pressed: list[QDateTime] = []
        self.main.clicked.connect(lambda: self.pressed.append(field.dateTime()))
        self.saved: list[QDateTime] = []
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(
            lambda: self.saved.append(field.dateTime())
        )
        layout = QVBoxLayout(self)
        layout.addWidget(field)
        layout.addWidget(field.note)  # type: ignore[attr-defined]
        layout.addWidget(self.main)
        self.heard: list[QDateTime] = []
        field.dateTimeChanged.connect(self.heard.append)
        self.said: list[str] = []
        field.refused.connect(self.said.append)  # type: ignore[attr-defined]


def _form(qtbot, field: QDateTimeEdit, value: QDateTime) -> _Form:  # type: ignore[no-untyped-def]
    field.setDateTime(value)
    form = _Form(field)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    form.heard.clear()
    return form


def _type(qtbot, field: QDateTimeEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    """Home, then ``text`` one key at a time, Shift pressed and released around a
    character typed with it."""
    qtbot.keyClick(field, Qt.Key.Key_Home)
    for char in text:
        if char in _SHIFTED:
            qtbot.keyPress(field, Qt.Key.Key_Shift, SHIFT)
            qtbot.keyClick(field, char, SHIFT)
            qtbot.keyRelease(field, Qt.Key.Key_Shift)
        else:
            qtbot.keyClick(field, char)


def test_a_moment_with_no_such_day_is_refused_whole_and_kept_as_typed(qtbot, day_first) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, time_edit("Time of this log"), QDateTime(QDate(2026, 12, 2), QTime(1, 37)))
    field = form.field
    _type(qtbot, field, "31/11/2026 08:15")
    assert field.lineEdit().text() == "31/11/2026 08:15"  # as typed (issue 10)
    assert field.dateTime() == QDateTime(QDate(2026, 12, 2), QTime(1, 37))  # nothing taken
    assert form.said == [
        "There is no day 31 in November 2026: November 2026 has 30 days. “31/11/2026 08:15” "
        "stays here as you typed it, and nothing is saved from this field until it is a "
        "real date. Please check the day."
    ]
    assert form.heard == []  # no passing day reached whoever listens
    qtbot.keyClick(field, Qt.Key.Key_Return)  # said again; the form does not act on it
    assert form.pressed == [] and len(form.said) == 2


def test_hours_typed_with_leading_zeros_are_never_read_as_a_day(qtbot, day_first) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, time_edit("Time of this log"), QDateTime(QDate(2026, 11, 30), QTime(9, 0)))
    _type(qtbot, form.field, "31/11/2026 09:00")
    assert len(form.said) == 1 and form.said[0].startswith("There is no day 31 in November")
    assert form.field.lineEdit().text() == "31/11/2026 09:00"


def test_a_good_moment_typed_whole_is_heard_once_as_typed(qtbot, day_first) -> None:  # type: ignore[no-untyped-def]
    form = _form(qtbot, time_edit("When"), QDateTime(QDate(2026, 12, 2), QTime(1, 37)))
    _type(qtbot, form.field, "31/12/2026 08:15")
    assert form.field.lineEdit().text() == "31/12/2026 08:15"
    assert [v.toString("dd/MM/yyyy HH:mm") for v in form.heard] == ["31/12/2026 08:15"]
    assert form.said == []


def test_a_day_field_tells_its_listeners_only_the_day_taken(qtbot, day_first) -> None:  # type: ignore[no-untyped-def]
    """Together's "From date": "31/11/2026" typed over 02/12/2026 made 31/12/2026 for an
    instant, and the filter acted on it."""
    form = _form(qtbot, date_edit("From date"), QDateTime(QDate(2026, 12, 2), QTime(0, 0)))
    _type(qtbot, form.field, "31/11/2026")
    assert form.heard == []
    assert form.field.lineEdit().text() == "31/11/2026"  # kept as typed, nothing taken
    assert len(form.said) == 1
    _type(qtbot, form.field, "15/11/2026")
    assert [v.date() for v in form.heard] == [QDate(2026, 11, 15)]
    # Kept from before: a day a shorter month has not, typed before its month, is taken.
    form.field.setDate(QDate(2025, 11, 20))
    form.heard.clear()
    _type(qtbot, form.field, "31/12/2025")
    assert [v.date() for v in form.heard] == [QDate(2025, 12, 31)]
    _type(qtbot, form.field, "29/02/2024")
    assert form.field.date() == QDate(2024, 2, 29)


def test_enter_and_a_shortcut_end_the_typing_and_act_only_on_what_was_taken(
    qtbot, day_first
) -> None:  # type: ignore[no-untyped-def]
    """The day typed without its time is read when Enter or Ctrl+S ends the typing:
    refused, the key is used up (the main button does not act on the day kept);
    taken, it acts on the day typed, never on the one held while it was shown."""
    held = QDateTime(QDate(2026, 12, 2), QTime(1, 37))
    form = _form(qtbot, time_edit("When"), held)
    _type(qtbot, form.field, "31/11/2026")
    assert form.said == []  # the time may still come: nothing judged yet
    qtbot.keyClick(form.field, Qt.Key.Key_Return)
    assert len(form.said) == 1 and form.pressed == []
    assert form.field.dateTime() == held
    _type(qtbot, form.field, "30/11/2026")
    qtbot.keyClick(form.field, Qt.Key.Key_S, CTRL)
    assert form.saved == [QDateTime(QDate(2026, 11, 30), QTime(1, 37))]
    _type(qtbot, form.field, "31/11/2026")
    qtbot.keyClick(form.field, Qt.Key.Key_S, CTRL)
    assert len(form.said) == 2 and len(form.saved) == 1
    _type(qtbot, form.field, "29/11/2026")
    qtbot.keyClick(form.field, Qt.Key.Key_Return)
    assert form.pressed == [QDateTime(QDate(2026, 11, 29), QTime(1, 37))]


@pytest.mark.parametrize("locale", ["C", "en_GB", "en_US"])
def test_a_refusal_quotes_exactly_what_was_typed(qtbot, locale: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 10, item 2: "1 Nov 2026" typed in a date field was refused as "1-20-26", a
    date she never typed: the letters were dropped and the digits put in the sections of
    the field's format. What is typed shows as typed, and a refusal quotes it exactly;
    it stays as typed until corrected, and the field's day is unchanged meanwhile. Digits
    alone in no day are quoted as typed too."""
    was = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        field = date_edit("From: the first day of the summary")
        form = _form(qtbot, field, QDateTime(QDate(2026, 12, 2), QTime(0, 0)))
        _type(qtbot, field, "1 Nov 2026")
        assert field.lineEdit().text() == "1 Nov 2026"  # shown as typed while typed
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        example = QDateTime.currentDateTime().toString(field.displayFormat())
        assert form.said == [
            "Solace cannot read “1 Nov 2026” as a day here. It stays here as you typed it, "
            "and nothing is saved from this field until it is a real date. Please type it "
            f"in numbers, in the order the field shows, like {example}."
        ]
        assert field.date() == QDate(2026, 12, 2)  # nothing taken from it
        assert field.lineEdit().text() == "1 Nov 2026"  # kept as typed until corrected
        assert field.accessibleDescription() == form.said[0]  # heard with the field
        assert not field.note.text()  # its line waits while Save, below, has the focus
        field.setFocus()
        assert field.note.text() == form.said[0]  # back in the field: said beside it
        form.said.clear()
        field.setFocus()
        typed = {"C": "2026-13-01", "en_GB": "01/13/2026", "en_US": "13/01/2026"}[locale]
        _type(qtbot, field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert len(form.said) == 1 and f"“{typed}” stays here as you typed it" in form.said[0]
        assert "There is no month 13" in form.said[0]
    finally:
        QLocale.setDefault(was)


@pytest.mark.parametrize(
    ("locale", "typed"),
    [("C", "1/12/2026"), ("C", "26-12-1"), ("en_GB", "1/12/26"), ("en_US", "12/1/26")],
)
def test_a_year_typed_short_is_never_read_as_a_year_of_the_first_century(  # type: ignore[no-untyped-def]
    qtbot, locale: str, typed: str
) -> None:
    """Break test 10 of session 31, finding 5: "1/12/2026" typed where the field shows
    "yyyy-MM-dd" became "1-12-20", read as 20 December of the year 1, the "26" dropped.
    A year of fewer than four digits is no year Solace guesses: what was typed stays as
    typed, whole, and the refusal shows the order the field wants with today's day."""
    was = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        field = date_edit("Bleeding stopped on")
        form = _form(qtbot, field, QDateTime(QDate(2026, 12, 2), QTime(0, 0)))
        _type(qtbot, field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert field.lineEdit().text() == typed
        assert field.date() == QDate(2026, 12, 2)
        example = QDateTime.currentDateTime().toString(field.displayFormat())
        assert len(form.said) == 1
        assert form.said[0].startswith(f"Solace cannot read “{typed}” as a day here.")
        assert form.said[0].endswith(f"in the order the field shows, like {example}.")
    finally:
        QLocale.setDefault(was)


@pytest.mark.parametrize("make", [time_edit, date_edit], ids=["day and time", "day"])
def test_ctrl_with_a_digit_types_nothing_into_a_date_field(qtbot, day_first, make) -> None:  # type: ignore[no-untyped-def]
    """In a dialog the window's Ctrl+1, Ctrl+2 and Ctrl+- do not run, so the keys reach
    the field: Ctrl+1 was read as a "1" typed and refused in false words, "There is
    no day 1 in November 2026" (re-test of session 32, finding 2). A key held with
    Ctrl or Alt types nothing, as in any text field: the field and its note stay."""
    form = _form(qtbot, make("Day"), QDateTime(QDate(2026, 11, 20), QTime(9, 30)))
    field = form.field
    shown = field.lineEdit().text()
    for start in (Qt.Key.Key_Home, Qt.Key.Key_Right):  # the whole text, then inside the day
        qtbot.keyClick(field, start)
        for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Minus, Qt.Key.Key_0):
            qtbot.keyClick(field, key, CTRL)
            qtbot.keyClick(field, key, Qt.KeyboardModifier.AltModifier)
    assert form.said == []
    assert field.lineEdit().text() == shown and form.heard == []
    _type(qtbot, field, "2")  # a digit alone is still typed
    assert field.lineEdit().text() != shown


@pytest.fixture
def german(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A German system: days written "30.06.2026", months named "Juni"."""
    yield from _default_locale("de_DE")


def test_a_german_system_hears_days_in_english_in_its_own_order(qtbot, german) -> None:  # type: ignore[no-untyped-def]
    """Solace speaks English: a month named in German inside its sentence read "There
    is no day 1 in Dezember 2026" (re-test of session 32, finding 2). The field still
    takes the German order, and the words keep it (day before month)."""
    from journal.ui.common.dates import day_picker, out_of_range

    form = _form(qtbot, date_edit("Day"), QDateTime(QDate(2026, 6, 2), QTime(9, 30)))
    field = form.field
    assert field.lineEdit().text() == "02.06.2026"
    _type(qtbot, field, "31.06.2026")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert form.said and form.said[0].startswith("There is no day 31 in June 2026"), form.said
    assert out_of_range(QDate(2030, 6, 1), None, QDate(2026, 6, 2)) == (
        "Saturday, 1 June 2030 is after Tuesday, 2 June 2026, so it cannot be chosen here. "
        "Please type Tuesday, 2 June 2026 or an earlier day."
    )
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # back to the day held
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    picker = day_picker(field)
    qtbot.waitUntil(picker.isVisible)
    assert picker.month_label.text() == "June 2026"
    focused = picker.grid.currentIndex()
    name = focused.data(Qt.ItemDataRole.AccessibleTextRole)
    assert name.startswith("Tuesday, 2 June 2026"), name
    qtbot.keyClick(picker.grid, Qt.Key.Key_Escape)


def test_a_refused_day_stays_as_typed_when_the_caret_moves_by_mouse_or_keys(
    qtbot, day_first
) -> None:  # type: ignore[no-untyped-def]
    """Re-test of session 32, round 2, problem 3: "1.12.26" refused in Summary's "From",
    the focus given back by the refusal at Save, then a click at the end of the field:
    Qt read the text again as the caret crossed into the year, put back the day held,
    and the refusal of "1.12.26" stayed beside a good day. What was typed stays until
    she types over it."""
    form = _form(qtbot, date_edit("From"), QDateTime(QDate(2026, 11, 5), QTime(9, 0)))
    elsewhere = QPushButton("Elsewhere", form)
    form.layout().addWidget(elsewhere)
    field, line = form.field, form.field.lineEdit()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    _type(qtbot, field, "1/12/26")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert line.text() == "1/12/26" and len(form.said) == 1
    elsewhere.setFocus()
    field.setFocus(Qt.FocusReason.OtherFocusReason)  # as a refusal at Save gives it
    qtbot.waitUntil(field.hasFocus)
    middle = line.height() // 2
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(line.width() - 4, middle))
    assert line.text() == "1/12/26"
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton, pos=QPoint(2, middle))
    assert line.text() == "1/12/26" and field.dateTime().date() == QDate(2026, 11, 5)
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    _type(qtbot, field, "20/11/2026")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.dateTime().date() == QDate(2026, 11, 20) and not field.property("refused")

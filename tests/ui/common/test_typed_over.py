"""A whole day typed over a date field in one go lands as typed, whatever order the
person's locale writes a day in (issue 15: with "dd/MM/yyyy", "31/12/2025" typed over
a November day became 03/12/2025, "29/02/2024" over 2025 became 28/02/2024: Qt judged
the 31 against November before the 12 came). A day that does not exist is refused in
words beside the field, and kept as typed until corrected; the field's value stays
what it held. Real fields from the app's
own factories (`date_edit`, `time_edit`), real key events."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QWidget

from journal.ui.common.dates import date_edit, time_edit
from journal.ui.common.typed_over import layout_of
from tests.ui.entries.test_fidelity import type_text

CTRL = Qt.KeyboardModifier.ControlModifier

#: Locales whose short formats put the day, the month or the year first, with
#: one- and two-digit sections, 12- and 24-hour clocks and several separators.
LOCALES = [
    *("C", "en_GB", "en_US", "de_DE", "nl_NL", "fi_FI", "hu_HU", "ja_JP", "fr_CA"),
    *("ko_KR", "bg_BG"),  # year first with a dot after the day; "г." (a letter) after the year
]


@pytest.fixture
def keep_locale(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    was = QLocale()
    yield
    QLocale.setDefault(was)


def _locale(name: str) -> QLocale:
    return QLocale.c() if name == "C" else QLocale(name)


def _written(field: QDateTimeEdit, day: tuple[int, int, int], time: tuple[int, int]) -> str:
    """``day`` (year, month, day: the day may not exist) and ``time`` written as the
    person types them in ``field``'s format (no character she could not type: a
    right-to-left mark is left out, a no-break space is typed)."""
    layout = layout_of(field.displayFormat())
    assert layout is not None
    year, month, number = day
    hour, minute = time
    values = {
        "day": number,
        "month": month,
        "year": year,
        "hour": hour,
        "hour12": hour % 12 or 12,
        "minute": minute,
    }
    text = ""
    for part in layout.parts:
        if not part.unit:
            text += "".join(c for c in part.text if c.isprintable() or c.isspace()) or " "
        elif part.unit == "ampm":
            text += "PM" if hour >= 12 else "AM"
        else:
            text += str(values[part.unit]).zfill(part.fewest)
    return text


HELD = QDate(2000, 1, 1).toPython()  # the day a field holds in the examples

_windows: list[QWidget] = []  # kept while each example runs


def _field(qtbot, kind: str) -> QDateTimeEdit:  # type: ignore[no-untyped-def]
    _windows.clear()
    window = QWidget()
    _windows.append(window)
    qtbot.addWidget(window)
    field = date_edit("Day") if kind == "date" else time_edit("Time")
    field.setParent(window)
    window.show()
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return field


def _type_over(qtbot, field: QDateTimeEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    type_text(qtbot, field, text)  # "г" and a no-break space as a keyboard layout sends them


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.sampled_from(LOCALES),
    kind=st.sampled_from(["date", "time"]),
    held=st.dates(min_value=QDate(1990, 1, 1).toPython(), max_value=QDate(2030, 12, 31).toPython()),
    day=st.tuples(st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 31)),
    time=st.tuples(st.integers(0, 23), st.integers(0, 59)),
)
# Hungarian "yyyy. MM. dd." ends in a separator: refused at its "29", "1990. 02. 29."
# then had its last "." begin a typing of its own, and showed "." alone.
@example(name="hu_HU", kind="date", held=HELD, day=(1990, 2, 29), time=(0, 0))
@example(name="hu_HU", kind="date", held=HELD, day=(1992, 2, 29), time=(0, 0))
@example(name="hu_HU", kind="time", held=HELD, day=(1990, 2, 29), time=(0, 0))
# Bulgarian "d.MM.yyyy\u202f'г'. H:mm": the no-break space ended the typing at the year.
@example(name="bg_BG", kind="time", held=HELD, day=(1990, 2, 28), time=(20, 45))
@example(name="bg_BG", kind="time", held=HELD, day=(1990, 2, 29), time=(20, 45))
def test_a_whole_day_typed_lands_as_typed_or_is_refused_in_words(
    qtbot, keep_locale, name, kind, held, day, time
) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(_locale(name))
    field = _field(qtbot, kind)
    said: list[str] = []
    field.refused.connect(said.append)  # type: ignore[attr-defined]
    field.setDateTime(QDateTime(QDate(held), QTime(8, 15)))
    before_text, before = field.lineEdit().text(), field.dateTime()
    _type_over(qtbot, field, _written(field, day, time))
    qtbot.keyClick(field, Qt.Key.Key_Enter)
    typed = QDate(*day)
    if typed.isValid():
        assert field.date() == typed, (name, field.displayFormat(), field.lineEdit().text())
        if kind == "time":
            assert field.time() == QTime(*time)
        assert said == []
    else:  # kept as typed, the value the field held unchanged (nothing taken from it)
        assert field.dateTime() == before
        assert field.lineEdit().text() == _written(field, day, time) != before_text
        assert said and said[0].startswith(f"There is no day {day[2]} in ")


@pytest.mark.parametrize(
    ("held", "typed", "expected"),
    [
        (QDate(2025, 11, 20), "31/12/2025", QDate(2025, 12, 31)),
        (QDate(2025, 11, 20), "29/02/2024", QDate(2024, 2, 29)),
        (QDate(2026, 4, 15), "31/01/2026", QDate(2026, 1, 31)),
    ],
)
def test_day_first_typed_over_a_shorter_month(qtbot, keep_locale, held, typed, expected) -> None:  # type: ignore[no-untyped-def]
    """The examples of the issue, in a British "dd/MM/yyyy" day field."""
    QLocale.setDefault(QLocale("en_GB"))
    field = _field(qtbot, "date")
    field.setDate(held)
    _type_over(qtbot, field, typed)
    assert field.lineEdit().text() == typed
    assert field.date() == expected


def test_a_day_no_month_has_stays_as_typed_and_marked_until_corrected(qtbot, keep_locale) -> None:  # type: ignore[no-untyped-def]
    """Issue 10: 31 February was said, and the field went back to the day it held, so
    what she typed was gone. It stays, marked, with what is possible said beside it,
    through leaving the field and coming back, and nothing is taken from it until it
    is a real date."""
    QLocale.setDefault(QLocale("en_GB"))
    field = _field(qtbot, "date")
    said: list[str] = []
    field.refused.connect(said.append)  # type: ignore[attr-defined]
    field.setDate(QDate(2025, 11, 20))
    _type_over(qtbot, field, "31/02/2026")
    assert field.lineEdit().text() == "31/02/2026"
    assert field.property("refused") is True
    assert field.date() == QDate(2025, 11, 20)  # nothing taken from it
    assert field.range_refusal() == said[0]  # type: ignore[attr-defined]
    assert said == [
        "There is no day 31 in February 2026: February 2026 has 28 days. “31/02/2026” "
        "stays here as you typed it, and nothing is saved from this field until it is a "
        "real date. Please check the day."
    ]

    other = QLineEdit(field.window())  # Tab on to the next field, and back
    other.show()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(other.hasFocus)
    field.hide()
    field.show()  # its page left and shown again
    assert field.lineEdit().text() == "31/02/2026"
    assert len(said) == 1  # said once
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)

    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClicks(field, "28")
    qtbot.keyClick(field, Qt.Key.Key_Enter)
    assert field.date() == QDate(2026, 2, 28)  # the month and year as she typed them
    assert field.lineEdit().text() == "28/02/2026"
    assert field.property("refused") is False
    assert field.range_refusal() is None  # type: ignore[attr-defined]


def test_a_month_no_year_has_says_what_a_month_can_be(qtbot, keep_locale) -> None:  # type: ignore[no-untyped-def]
    QLocale.setDefault(QLocale.c())  # "yyyy-MM-dd"
    field = _field(qtbot, "date")
    said: list[str] = []
    field.refused.connect(said.append)  # type: ignore[attr-defined]
    field.setDate(QDate(2025, 11, 20))
    _type_over(qtbot, field, "2026-13-40")
    assert field.lineEdit().text() == "2026-13-40"
    assert field.date() == QDate(2025, 11, 20)
    assert said and said[0].startswith("There is no month 13: a month is 1 to 12.")
    qtbot.keyClick(field, Qt.Key.Key_Enter)  # Enter on it: said again, nothing taken
    assert len(said) == 2 and field.lineEdit().text() == "2026-13-40"


def test_a_separator_typed_on_a_refused_day_moves_to_the_next_section(qtbot, keep_locale) -> None:  # type: ignore[no-untyped-def]
    """A separator typed on a day refused and kept as typed moves on, as in Qt's own
    field, and takes nothing from what was typed: the day is corrected by going to it
    with the separators (the "." once showed alone, everything typed gone)."""
    QLocale.setDefault(QLocale("hu_HU"))  # "yyyy. MM. dd."
    field = _field(qtbot, "date")
    field.setDate(QDate(2000, 1, 1))
    _type_over(qtbot, field, "1990. 02. 29.")
    assert field.lineEdit().text() == "1990. 02. 29."
    assert field.property("refused") is True
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClicks(field, "..")  # over the year, over the month: at the day
    qtbot.keyClicks(field, "28")
    assert field.lineEdit().text() == "1990. 02. 28."
    assert field.date() == QDate(1990, 2, 28)
    assert field.property("refused") is False

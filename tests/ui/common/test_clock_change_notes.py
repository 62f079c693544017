"""What a typed wall time at a clock change was read as is said right under its field,
and stays (break test 9 of session 20).

F2: 02:30 on the night the clocks go forward (Berlin, New York) typed into the body
log's Time or the journal's "Written on" became 03:30 on leaving the field, with a red
frame and no words: the words waited for the focus to come back and never showed. Now
they show as soon as the moment is taken, the focus still in the field, and are the
field's description for a screen reader. F4: leaving the field for the "second 02:30"
checkbox hid the "happens twice" note, and the checkbox jumped up under the click.
Expected moments come from ``zoneinfo``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication

from journal.ui.body.form import BodyLogForm
from journal.ui.common.local_time import from_qdatetime
from tests.time_zones import in_zone

SPRING = [
    ("Europe/Berlin", datetime(2026, 3, 29, 2, 30)),
    ("America/New_York", datetime(2026, 3, 8, 2, 30)),
]


@pytest.fixture(autouse=True)
def c_locale() -> Iterator[None]:
    QLocale.setDefault(QLocale.c())  # typed as "yyyy-MM-dd HH:mm"
    yield
    QLocale.setDefault(QLocale.system())


def _shown_form(qtbot) -> BodyLogForm:  # type: ignore[no-untyped-def]
    """A body-log form on screen, in the zone the test has set."""
    form = BodyLogForm()
    qtbot.addWidget(form)
    form.show()
    return form


def _type_and_tab(qtbot, field, wall: datetime) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClicks(field, wall.strftime("%Y%m%d%H%M"))
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    QApplication.processEvents()


def _moved_words(name: str, wall: datetime) -> str:
    moved = wall.replace(tzinfo=ZoneInfo(name)).astimezone(UTC).astimezone(ZoneInfo(name))
    return (
        f"The clocks go forward that night, so {wall:%H:%M} does not happen on "
        f"{wall:%A} {wall.day} {wall:%B %Y}: this is {moved:%H:%M}."
    )


@pytest.mark.parametrize(("name", "wall"), SPRING)
def test_a_skipped_time_in_a_body_log_is_said_under_it(qtbot, name, wall) -> None:  # type: ignore[no-untyped-def]
    with in_zone(name):
        form = _shown_form(qtbot)
        _type_and_tab(qtbot, form.time, wall)
        note = form.notes.note("logged_at")
        words = _moved_words(name, wall)
        assert not form.time.hasFocus()  # Tab went on
        assert note.isVisible() and note.text() == words
        assert form.time.accessibleDescription() == words  # read with the field
        assert from_qdatetime(form.time.dateTime()) == wall.replace(
            tzinfo=ZoneInfo(name)
        ).astimezone(UTC)


@pytest.mark.parametrize(("name", "wall"), SPRING)
def test_a_skipped_time_in_written_on_is_said_under_it(qtbot, unlocked_window, name, wall) -> None:  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.show_area(window.area("journal"))
    window.new_entry()
    editor = window.area("journal").editor
    qtbot.keyClicks(editor.body, "the night the clocks went forward")
    with in_zone(name):
        editor.when.zone = name
        _type_and_tab(qtbot, editor.when, wall)
        note = editor.notes.note("created_at")
        words = _moved_words(name, wall)
        assert note.isVisible() and note.text() == words
        assert editor.when.accessibleDescription() == words


def test_the_happens_twice_note_stays_and_its_checkbox_takes_the_click(qtbot) -> None:  # type: ignore[no-untyped-def]
    wall = datetime(2026, 10, 25, 2, 30)
    second = wall.replace(tzinfo=ZoneInfo("Europe/Berlin"), fold=1).astimezone(UTC)
    with in_zone("Europe/Berlin"):
        form = _shown_form(qtbot)
        field, choice = form.time, form.time.second
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(field, Qt.Key.Key_Home)
        qtbot.keyClicks(field, wall.strftime("%Y%m%d%H%M"))
        QApplication.processEvents()
        note = form.notes.note("logged_at")
        assert field.hasFocus()  # the moment is taken, still in the field
        assert note.isVisible() and "02:30 happens twice" in note.text()
        assert choice.isVisible()
        at = choice.mapTo(form, QPoint(0, 0))

        qtbot.mouseClick(choice, Qt.MouseButton.LeftButton, pos=QPoint(8, choice.height() // 2))
        QApplication.processEvents()

        assert choice.isChecked()
        assert choice.mapTo(form, QPoint(0, 0)) == at  # nothing moved under the mouse
        assert note.isVisible() and "this is the second time (CET)" in note.text()
        assert from_qdatetime(field.dateTime()) == second


def test_a_clock_change_note_is_information_not_a_refusal(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test 39, finding 6: "02:30 happens twice …: this is the first time" and
    "… does not happen …: this is 03:30" were drawn in the error colour, the field in
    the red frame of a refused value, though the log saves as it is. They are told in
    the text colour, the field unframed; a refusal under the same field still is red."""
    from journal.ui.common.field_notes import NOTED

    wall = datetime(2026, 10, 25, 2, 30)
    with in_zone("Europe/Berlin"):
        form = _shown_form(qtbot)
        _type_and_tab(qtbot, form.time, wall)
        note = form.notes.note("logged_at")
        assert note.isVisible() and "02:30 happens twice" in note.text()
        assert note.property("role") != "error"
        assert not form.time.property(NOTED)
        assert "happens twice" in form.time.accessibleDescription()  # still read with it
        form.notes.show("logged_at", "A refusal under the same field.", focus=False)
        assert note.text().startswith("A refusal") and note.property("role") == "error"
        assert form.time.property(NOTED)


def _type_by_sections(qtbot, field, wall: datetime) -> None:  # type: ignore[no-untyped-def]
    """The year, the month and the day each followed by Right, then the hour and the
    minutes: a section at a time, as a person corrects a date."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Home)
    for part in (f"{wall:%Y}", f"{wall:%m}", f"{wall:%d}"):
        qtbot.keyClicks(field, part)
        qtbot.keyClick(field, Qt.Key.Key_Right)
    qtbot.keyClicks(field, f"{wall:%H%M}")


@pytest.mark.parametrize(
    ("name", "wall"),
    [
        ("Europe/London", datetime(2026, 3, 29, 1, 30)),
        ("Australia/Lord_Howe", datetime(2026, 10, 4, 2, 15)),
    ],
)
def test_a_skipped_time_typed_a_section_at_a_time_is_said_too(qtbot, name, wall) -> None:  # type: ignore[no-untyped-def]
    """Typed a section at a time, the hour was moved as soon as it was typed: the
    minutes then went after the moved hour, and the words went with the value they were
    about, so 01:30 became 02:30 with nothing said (break test 43, F3)."""
    with in_zone(name):
        form = _shown_form(qtbot)
        _type_by_sections(qtbot, form.time, wall)
        note = form.notes.note("logged_at")
        words = _moved_words(name, wall)
        assert form.time.text().endswith(f"{wall:%H:%M}")  # as typed, while typing
        assert note.isVisible() and note.text() == words
        qtbot.keyClick(form.time, Qt.Key.Key_Tab)
        QApplication.processEvents()
        moved = wall.replace(tzinfo=ZoneInfo(name)).astimezone(UTC)
        assert form.time.text().endswith(f"{moved.astimezone(ZoneInfo(name)):%H:%M}")
        assert note.isVisible() and note.text() == words
        assert from_qdatetime(form.time.dateTime()) == moved


def test_a_zone_without_letters_is_named_one_way_under_the_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Lord Howe's zone has no letters: the note said "(+11)", the choice under it
    "UTC+10:30" and the list "UTC+11:00" for one moment (break test 43, F12)."""
    wall = datetime(2026, 4, 5, 1, 45)
    with in_zone("Australia/Lord_Howe"):
        form = _shown_form(qtbot)
        form.time.setFocus()
        qtbot.waitUntil(form.time.hasFocus)
        qtbot.keyClick(form.time, Qt.Key.Key_Home)
        qtbot.keyClicks(form.time, wall.strftime("%Y%m%d%H%M"))
        QApplication.processEvents()
        note = form.notes.note("logged_at").text()
    assert "this is the first time (UTC+11:00)." in note, note
    assert form.time.second.text() == "The second 01:45 (UTC+10:30), after the clocks went back"


def test_a_time_stepped_into_the_skipped_hour_is_said_before_tab(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Down on the hour of a log saved at 02:45 on the night the clocks go forward,
    then Tab: the field went back to 02:45 with no word on screen, the words waiting
    for the focus to come back (re-test 43, N2). A step is told at once, as typing is."""
    from journal.ui.common.local_time import to_qdatetime

    name = "Europe/London"
    saved = datetime(2026, 3, 29, 2, 45, tzinfo=ZoneInfo(name)).astimezone(UTC)
    with in_zone(name):
        form = _shown_form(qtbot)
        field = form.time
        field.setDateTime(to_qdatetime(saved))
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        field.setCurrentSection(field.Section.HourSection)
        qtbot.keyClick(field, Qt.Key.Key_Down)
        note = form.notes.note("logged_at")
        words = _moved_words(name, datetime(2026, 3, 29, 1, 45))
        assert note.isVisible() and note.text() == words
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        QApplication.processEvents()
        assert note.isVisible() and note.text() == words
        assert field.text().endswith("02:45")


def test_a_skipped_time_moved_past_now_says_it_has_not_come_yet(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Break test 45a, F4: 01:30 typed at 02:03 on the night the clocks go forward was
    read as 02:30, and the log was then refused as "still ahead of now", the note on
    the clocks replaced: the two seemed to disagree. The note says it at once."""
    wall = datetime(2027, 3, 28, 2, 30)  # Berlin's next spring night, still to come
    with in_zone("Europe/Berlin"):
        form = _shown_form(qtbot)
        _type_and_tab(qtbot, form.time, wall)
        words = form.notes.note("logged_at").text()
    assert words == _moved_words("Europe/Berlin", wall)[:-1] + ", which has not come yet."

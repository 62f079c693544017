"""The body log form, filled by keyboard only; bad values are refused kindly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from journal.domain.body.log import (
    FUTURE_TIME_MESSAGE,
    BleedingLevel,
    ClotSize,
    Discharge,
    PadKind,
    Soaking,
)
from journal.domain.body.temperature import Temperature, TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.body.form import FUTURE_PAD_MESSAGE
from journal.ui.common.local_time import to_qdatetime
from tests.ui.body import support as support
from tests.ui.body.support import midday, now, saved_logs, tab_to

body_area = support.body_area
body_page = support.body_page


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(widget, text)


def test_fill_the_whole_form_by_keyboard_only(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.time.setFocus()
    qtbot.waitUntil(form.time.hasFocus)
    before = now()
    tab_to(qtbot, form.bleeding)
    qtbot.keyClicks(form.bleeding, "Heavy")
    tab_to(qtbot, form.clots)
    qtbot.keyClicks(form.clots, "Small")
    tab_to(qtbot, form.tissue)
    tab_to(qtbot, form.cramping)
    qtbot.keyClick(form.cramping, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.cramping, "6")
    tab_to(qtbot, form.pain_relief)
    qtbot.keyClicks(form.pain_relief, "ibuprofen")
    tab_to(qtbot, form.temperature)
    qtbot.keyClicks(form.temperature, "37,6")
    tab_to(qtbot, form.chills)
    qtbot.keyClick(form.chills, Qt.Key.Key_Down)  # "Yes", after "Not noted"
    tab_to(qtbot, form.discharge)
    qtbot.keyClicks(form.discharge, "Usual")
    tab_to(qtbot, form.note)
    qtbot.keyClicks(form.note, "Tired after the walk")
    tab_to(qtbot, form.save_button)
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)

    (log,) = saved_logs(journal)
    assert before - timedelta(seconds=1) <= log.logged_at <= now()
    assert log.bleeding is BleedingLevel.HEAVY
    assert log.clots is ClotSize.SMALL
    assert log.cramping == 6
    assert log.pain_relief == "ibuprofen"
    assert log.pain_relief_at is not None
    assert log.temperature == Temperature(37.6, TemperatureUnit.CELSIUS)
    assert log.chills is True and log.tissue_passed is None
    assert log.discharge is Discharge.USUAL
    assert log.note == "Tired after the walk"
    assert "Saved the log" in form.status.text()
    assert form.note.toPlainText() == "" and form.bleeding.currentIndex() == 0
    # Chills is a warning sign: the banner says so straight away.
    assert body_area.banner.shown_signs() == ["chills"]


def _half_filled(qtbot, form) -> None:  # type: ignore[no-untyped-def]
    form.bleeding.setFocus()
    qtbot.keyClicks(form.bleeding, "Medium")
    form.cramping.setValue(4)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Keep this text")


def test_a_temperature_outside_34_to_43_is_refused_and_nothing_else_is_lost(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    _half_filled(qtbot, form)
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "44")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)

    assert form.notes.note("temperature").isVisible()
    assert "outside what a body thermometer reads" in form.problem_text()
    assert "!" not in form.problem_text()
    assert QApplication.focusWidget() is form.temperature
    assert saved_logs(journal) == []
    assert form.note.toPlainText() == "Keep this text"
    assert form.bleeding.currentData() is BleedingLevel.MEDIUM
    assert form.cramping.value() == 4
    assert form.temperature.text() == "44"

    form.temperature.selectAll()
    qtbot.keyClicks(form.temperature, "38.1")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert form.problem_text() == ""
    (log,) = saved_logs(journal)
    assert log.note == "Keep this text" and log.temperature == Temperature(
        38.1, TemperatureUnit.CELSIUS
    )


def test_a_refused_values_note_goes_once_the_value_is_changed(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """The note (and the field's description saying it) stayed under an emptied field
    until the next save; the note about a future time stayed while the time was fixed."""
    form = body_area.form
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return)
    assert form.notes.note("temperature").isVisible()
    assert "outside what a body thermometer" in form.temperature.accessibleDescription()
    qtbot.keyClick(form.temperature, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.temperature, Qt.Key.Key_Backspace)
    assert not form.notes.note("temperature").isVisible()
    assert form.problem_text() == ""
    assert "thermometer" not in form.temperature.accessibleDescription()

    described = form.time.accessibleDescription()
    # Minute 30: the step back below has room whatever the clock says (at 09:00 the
    # minutes cannot go below 00, and the key would change nothing).
    form.time.setDateTime(to_qdatetime((now() + timedelta(hours=2)).replace(minute=30)))
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert form.problem_text() == FUTURE_TIME_MESSAGE
    assert QApplication.focusWidget() is form.time
    qtbot.keyClick(form.time, Qt.Key.Key_Down)  # an hour (or the section's step) back
    assert form.problem_text() == ""
    assert form.time.accessibleDescription() == described


def test_a_fahrenheit_reading_in_celsius_is_explained(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "101.5")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert "If your thermometer shows °F, please choose °F." in form.problem_text()
    assert saved_logs(journal) == []


def test_a_time_in_the_future_is_refused_and_nothing_else_is_lost(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    _half_filled(qtbot, form)
    # Minute 30: the step back below has room whatever the clock says (at 09:00 the
    # minutes cannot go below 00, and the key would change nothing).
    form.time.setDateTime(to_qdatetime((now() + timedelta(hours=2)).replace(minute=30)))
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert form.problem_text() == FUTURE_TIME_MESSAGE
    assert QApplication.focusWidget() is form.time
    assert saved_logs(journal) == []
    assert form.note.toPlainText() == "Keep this text" and form.cramping.value() == 4

    earlier = now() - timedelta(hours=3)
    form.time.setDateTime(to_qdatetime(earlier))
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    (log,) = saved_logs(journal)
    assert log.logged_at.replace(second=0, microsecond=0) == earlier.replace(
        second=0, microsecond=0
    )


def test_changed_a_pad_records_each_change_with_time_kind_and_soaking(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.pad_kind.setFocus()
    qtbot.keyClicks(form.pad_kind, "Overnight")
    tab_to(qtbot, form.pad_soaking)
    qtbot.keyClicks(form.pad_soaking, "Soaked")
    tab_to(qtbot, form.pad_button)
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)

    changes = BodyRepository(journal.db).pad_changes()
    assert len(changes) == 2
    assert {(c.kind, c.soaking) for c in changes} == {(PadKind.OVERNIGHT, Soaking.FULLY)}
    assert "Pad changes noted today: 2" in form.pad_status.text()


def test_the_saved_line_goes_once_the_form_is_changed_again(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test of session 26, F5: "Saved the log for …" stood for ever beside a new,
    unsaved form, naming a log moved since."""
    form = body_area.form
    tab_to(qtbot, form.bleeding)
    qtbot.keyClicks(form.bleeding, "Light")
    tab_to(qtbot, form.save_button)
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert form.status.text().startswith("Saved the log for ")
    tab_to(qtbot, form.note)
    qtbot.keyClicks(form.note, "A")
    assert form.status.text() == ""
    assert len(saved_logs(journal)) == 1


def test_a_pad_change_noted_for_another_day_is_counted_on_that_day(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test 10 of session 25, F13: a change noted for yesterday said "Pad changes
    noted today: 1", today's count."""
    form = body_area.form
    tab_to(qtbot, form.pad_button)
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)
    assert "Pad changes noted today: 2" in form.pad_status.text()
    form.pad_time.setDateTime(to_qdatetime(midday(days_ago=1)))
    tab_to(qtbot, form.pad_button)
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)
    assert len(BodyRepository(journal.db).pad_changes()) == 3
    assert "Pad changes noted that day: 1." in form.pad_status.text()


def test_enter_in_a_field_saves_the_log_or_the_pad_change_it_belongs_to(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """A person logging a fever types 38.6 and presses Enter, as in any dialog: Enter
    did nothing, silently, and the log was never saved."""
    form = body_area.form
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "38.6")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return)
    (log,) = saved_logs(journal)
    assert log.temperature == Temperature(38.6, TemperatureUnit.CELSIUS)
    assert "Saved the log" in form.status.text()

    form.pad_soaking.setFocus()
    ctrl_keypad = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier
    qtbot.keyClick(form.pad_soaking, Qt.Key.Key_Enter, ctrl_keypad)  # Enter opens the list
    assert len(BodyRepository(journal.db).pad_changes()) == 1
    assert len(saved_logs(journal)) == 1  # Enter among the pads saved no log

    form.note.setFocus()
    qtbot.keyClicks(form.note, "first line")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)  # a new line in the note, not a save
    qtbot.keyClicks(form.note, "second line")
    assert form.note.toPlainText() == "first line\nsecond line"
    assert len(saved_logs(journal)) == 1


def test_very_heavy_bleeding_points_to_the_pad_button(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.bleeding.setFocus()
    qtbot.keyClicks(form.bleeding, "Very")
    assert form.hint.isVisible()
    assert "Changed a pad" in form.hint.text()


# -- a refused value is said next to its field, in view, with the focus there ------------------


def _form_scroll(body_area) -> QScrollArea:  # type: ignore[no-untyped-def]
    scroll = body_area.tabs.widget(0)
    assert isinstance(scroll, QScrollArea)
    return scroll


def _in_view(scroll: QScrollArea, widget) -> bool:  # type: ignore[no-untyped-def]
    top_left = widget.mapTo(scroll.viewport(), QPoint(0, 0))
    return widget.isVisible() and scroll.viewport().rect().contains(QRect(top_left, widget.size()))


def _just_under(field, note) -> bool:  # type: ignore[no-untyped-def]
    """The note starts right below the field (within a line), at the field's left edge."""
    field_box = QRect(field.mapTo(note.window(), QPoint(0, 0)), field.size())
    note_top_left = note.mapTo(note.window(), QPoint(0, 0))
    gap = note_top_left.y() - field_box.bottom()
    return (
        0 <= gap <= field.fontMetrics().lineSpacing()
        and abs(note_top_left.x() - field_box.x()) <= 4
    )


def _refused_beside(qtbot, page: QScrollArea, body_area, key: str, field, message: str) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    note = form.notes.note(key)
    assert note.text() == message
    assert _just_under(field, note), f"the note for {key} is not next to its field"
    assert _in_view(page, note) and _in_view(page, field)
    assert QApplication.focusWidget() is field
    assert field.accessibleDescription() == message
    assert note.buddy() is field
    assert "Saved the log" not in form.status.text() and "Noted:" not in form.pad_status.text()
    others = [k for k in ("logged_at", "cramping", "pain_relief_at", "temperature", "changed_at")]
    assert [k for k in others if form.notes.note(k).isVisible()] == [key]


@pytest.fixture
def page(qtbot, body_page, body_area) -> QScrollArea:  # type: ignore[no-untyped-def]
    """The Body log in a page 380 px high that scrolls, after one log was saved."""
    body_page.resize(900, 380)
    form = body_area.form
    form.bleeding.setCurrentIndex(form.bleeding.findData(BleedingLevel.LIGHT))
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert "Saved the log" in form.status.text()
    bar = body_page.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    return body_page


def test_a_temperature_of_50_is_said_beside_it(qtbot, page, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    page.verticalScrollBar().setValue(0)
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    form.save_button.setFocus()
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    message = form.problem_text()
    assert "outside what a body thermometer reads" in message
    _refused_beside(qtbot, page, body_area, "temperature", form.temperature, message)
    assert len(saved_logs(journal)) == 1

    form.temperature.selectAll()
    qtbot.keyClicks(form.temperature, "37.2")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert not form.notes.note("temperature").isVisible()
    assert form.temperature.accessibleDescription() == ""
    assert len(saved_logs(journal)) == 2


def test_a_time_ahead_is_said_beside_it_and_scrolled_to(qtbot, page, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    # Minute 30: the step back below has room whatever the clock says (at 09:00 the
    # minutes cannot go below 00, and the key would change nothing).
    form.time.setDateTime(to_qdatetime((now() + timedelta(hours=2)).replace(minute=30)))
    bar = page.verticalScrollBar()
    bar.setValue(bar.maximum())  # the person scrolled down to the Save button
    assert not _in_view(page, form.time)
    form.save_button.setFocus()
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    _refused_beside(qtbot, page, body_area, "logged_at", form.time, FUTURE_TIME_MESSAGE)
    assert len(saved_logs(journal)) == 1


def test_a_pad_change_ahead_is_said_beside_its_time(qtbot, page, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)
    assert "Noted:" in form.pad_status.text()
    form.pad_time.setDateTime(to_qdatetime(now() + timedelta(hours=1)))
    bar = page.verticalScrollBar()
    bar.setValue(bar.maximum())
    form.pad_button.setFocus()
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)
    _refused_beside(qtbot, page, body_area, "changed_at", form.pad_time, FUTURE_PAD_MESSAGE)
    assert len(BodyRepository(journal.db).state().pad_changes) == 1


def test_the_pads_move_below_the_form_when_the_columns_do_not_fit(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """At large text or in a narrow window nothing is cut off at the side: the pads go
    below the form, and come back beside it when there is room."""
    form = body_area.form
    scroll = _form_scroll(body_area)
    body_area.resize(1300, 700)
    qtbot.waitUntil(form.is_side_by_side)
    body_area.resize(560, 700)
    qtbot.waitUntil(lambda: not form.is_side_by_side())
    qtbot.waitUntil(lambda: form.width() <= scroll.viewport().width())
    for widget in (form.pad_button, form.pad_kind, form.save_button, form.bleeding):
        right = widget.mapTo(form, QPoint(widget.width(), 0)).x()
        assert right <= scroll.viewport().width(), widget.accessibleName() or widget.text()
    body_area.resize(1300, 700)
    qtbot.waitUntil(form.is_side_by_side)


def test_each_fields_labels_are_named_before_and_after_a_note(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """The Time field had a second label, the empty note under it (an unnamed object in
    its labelled-by relation, break test of issue 15, 16 e)."""
    from PySide6.QtGui import QAccessible

    form = body_area.form

    def labels(widget) -> list[str]:  # type: ignore[no-untyped-def]
        interface = QAccessible.queryAccessibleInterface(widget)
        relations = interface.relations(QAccessible.RelationFlag.Label)
        return [other.text(QAccessible.Text.Name) for other, _flag in relations]

    for field in (form.time, form.temperature, form.cramping):
        assert "" not in labels(field), labels(field)
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return)
    assert any("thermometer" in said for said in labels(form.temperature))
    form.temperature.selectAll()
    qtbot.keyClick(form.temperature, Qt.Key.Key_Backspace)
    assert "" not in labels(form.temperature)


def test_a_stray_enter_on_an_untouched_form_saves_nothing_and_says_so(  # type: ignore[no-untyped-def]
    qtbot, body_area, journal
) -> None:
    """Break test 10 (session 7), finding 2: Enter on the untouched Log tab filed "No
    bleeding", "No clots", cramping 0 as a whole log. Every field opens at "Not noted",
    no answer: nothing is saved, and the note under Bleeding, the first answer, says
    what to do (break test 10 of session 15, finding 6)."""
    form = body_area.form
    form.time.setFocus()
    qtbot.waitUntil(form.time.hasFocus)
    qtbot.keyClick(form.time, Qt.Key.Key_Return)
    qtbot.keyClick(form.time, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)

    assert saved_logs(journal) == []
    note = form.notes.note("bleeding")
    assert "Choose at least one thing to log first" in form.problem_text()
    assert note.isVisible() and not note.visibleRegion().isEmpty()  # scrolled into view
    assert form.bleeding.hasFocus()  # with the words, so the next key answers there


def test_no_bleeding_chosen_from_its_list_is_a_log(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    """ "No bleeding" picked from its list is an answer of its own; "Not noted", picked
    back, is none. The refusal said before gives way to "Saved"."""
    form = body_area.form
    form.bleeding.setFocus()
    qtbot.waitUntil(form.bleeding.hasFocus)
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Down)  # "No bleeding"
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Up)  # and back to "Not noted"
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved_logs(journal) == []
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Down)
    assert form.bleeding.currentData() is BleedingLevel.NONE
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    (log,) = saved_logs(journal)
    assert log.bleeding is BleedingLevel.NONE and log.clots is None and log.cramping is None
    assert "Saved the log" in form.status.text() and form.status.kind == "status"
    assert form.problem_text() == ""
    # The fresh form is untouched again: another Enter saves nothing more.
    qtbot.keyClick(form.time, Qt.Key.Key_Return)
    assert len(saved_logs(journal)) == 1
    assert "Choose at least one thing" in form.problem_text()


def test_a_note_comes_back_as_written_with_its_indent_and_empty_last_line(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Break test 9 of session 10, finding 10: a body-log note was stored trimmed, so an
    indent and an empty last line did not come back (issue 9)."""
    form = body_area.form
    form.note.setFocus()
    qtbot.keyClicks(form.note, "    dizzy")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    qtbot.keyClicks(form.note, "  at noon")
    qtbot.keyClick(form.note, Qt.Key.Key_Return)
    written = form.note.toPlainText()
    assert written == "    dizzy\n  at noon\n"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    (log,) = saved_logs(journal)
    assert log.note == written


def test_a_refused_time_keeps_its_words_when_a_pad_change_is_refused_too(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 break test of session 23, F2: a future Time refused, then a future pad
    change refused with Alt+C: Time's words went, though it still held 2027, with only
    a red frame. Each refusal stays under its field while the field holds it."""
    form = body_area.form
    future = to_qdatetime((now() + timedelta(days=30)).replace(minute=30))
    form.time.setDateTime(future)
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    time_note = form.notes.note("logged_at")
    assert time_note.isVisible() and time_note.text() == FUTURE_TIME_MESSAGE
    form.pad_time.setDateTime(future)
    qtbot.keyClick(form.pad_button, Qt.Key.Key_Space)
    pad_note = form.notes.note("changed_at")
    assert pad_note.isVisible() and pad_note.text() == FUTURE_PAD_MESSAGE
    assert QApplication.focusWidget() is form.pad_time  # the answer to what was pressed
    assert time_note.isVisible() and time_note.text() == FUTURE_TIME_MESSAGE
    assert saved_logs(journal) == [] and BodyRepository(journal.db).pad_changes() == []
    form.time.setDateTime(to_qdatetime(now() - timedelta(hours=1)))  # Time put right:
    assert not time_note.isVisible() and pad_note.isVisible()  # only its words go


def test_two_refusals_at_once_say_the_first_in_the_form_first(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 break test of session 24: a future Time and a temperature of 50, then
    Ctrl+Enter: only the temperature, below, was said, with the focus there; Time was
    said at the next Save. The first in the form's order comes first."""
    form = body_area.form
    form.time.setDateTime(to_qdatetime((now() + timedelta(days=30)).replace(minute=30)))
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.problem_text() == FUTURE_TIME_MESSAGE
    assert QApplication.focusWidget() is form.time
    assert saved_logs(journal) == []


def test_a_refused_temperature_is_framed_as_a_refused_time_is(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 break test of session 24: a refused Time had the red frame of errors, a
    refused Temperature only its words; both have it now, and it goes with the words."""
    from PySide6.QtGui import QColor

    from journal.ui.common.theme import ERROR_COLOUR

    form = body_area.form

    def framed() -> bool:
        picture = form.temperature.grab().toImage()
        edge = picture.pixelColor(1, picture.height() // 2)
        return edge == QColor(ERROR_COLOUR[False])

    assert not framed()
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "50")
    qtbot.keyClick(form.temperature, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.notes.note("temperature").isVisible()
    assert framed()
    qtbot.keyClick(form.temperature, Qt.Key.Key_Backspace)  # "5": the words go, the frame too
    assert not form.notes.note("temperature").isVisible()
    assert not framed()


def test_ctrl_enter_in_an_open_drop_down_list_chooses_and_saves(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    """Issue 10 break test of session 24: with Bleeding's list open, Ctrl+Enter only
    chose the item; the log was saved by a second Ctrl+Enter. Now one saves it, with
    the item under the cursor chosen."""
    from PySide6.QtWidgets import QAbstractItemView

    form = body_area.form
    combo = form.bleeding
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Space)  # opens the list
    qtbot.waitUntil(lambda: combo.view().isVisible())
    view = combo.view()
    assert isinstance(view, QAbstractItemView)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    chosen = view.currentIndex().row()
    control = Qt.KeyboardModifier.ControlModifier
    qtbot.keyPress(view, Qt.Key.Key_Control)  # held, as a person does, then Enter
    assert view.isVisible()
    with qtbot.waitSignal(form.log_ready, timeout=5_000) as saved:
        qtbot.keyPress(view, Qt.Key.Key_Return, control)
    qtbot.keyRelease(combo, Qt.Key.Key_Control)
    assert not view.isVisible()
    log = saved.args[0]
    assert log.bleeding == combo.itemData(chosen)

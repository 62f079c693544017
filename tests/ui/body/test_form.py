"""The body log form, filled by keyboard only; bad values are refused kindly."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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
from journal.ui.common.local_time import to_qdatetime
from tests.ui.body import support as support
from tests.ui.body.support import now, saved_logs, tab_to

body_area = support.body_area


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
    qtbot.keyClick(form.chills, Qt.Key.Key_Space)
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
    assert log.chills and not log.tissue_passed
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

    assert form.problem.isVisible()
    assert "outside what a body thermometer reads" in form.problem.text()
    assert "!" not in form.problem.text()
    assert QApplication.focusWidget() is form.temperature
    assert saved_logs(journal) == []
    assert form.note.toPlainText() == "Keep this text"
    assert form.bleeding.currentData() is BleedingLevel.MEDIUM
    assert form.cramping.value() == 4
    assert form.temperature.text() == "44"

    form.temperature.selectAll()
    qtbot.keyClicks(form.temperature, "38.1")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert not form.problem.isVisible()
    (log,) = saved_logs(journal)
    assert log.note == "Keep this text" and log.temperature == Temperature(
        38.1, TemperatureUnit.CELSIUS
    )


def test_a_fahrenheit_reading_in_celsius_is_explained(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.temperature.setFocus()
    qtbot.keyClicks(form.temperature, "101.5")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert "If your thermometer shows °F, please choose °F." in form.problem.text()
    assert saved_logs(journal) == []


def test_a_time_in_the_future_is_refused_and_nothing_else_is_lost(
    qtbot, body_area, journal
) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    _half_filled(qtbot, form)
    form.time.setDateTime(to_qdatetime(now() + timedelta(hours=2)))
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert form.problem.text() == FUTURE_TIME_MESSAGE
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


def test_very_heavy_bleeding_points_to_the_pad_button(qtbot, body_area) -> None:  # type: ignore[no-untyped-def]
    form = body_area.form
    form.bleeding.setFocus()
    qtbot.keyClicks(form.bleeding, "Very")
    assert form.hint.isVisible()
    assert "Changed a pad" in form.hint.text()

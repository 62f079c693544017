"""Saving a log leaves the pads' time as she set it (re-test 45b, P3): a pad change is
noted by its own button, and saving the log above cleared a pad time typed and
refused, its note with it, without a word. Real keys, the real Body log on a real
SQLCipher journal."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.body.area import BodyArea
from tests.ui.body.support import body_area, saved_logs

__all__ = ["body_area"]


def _type_time(qtbot, field, typed_iso: str) -> None:  # type: ignore[no-untyped-def]
    """``typed_iso`` ("2026-02-31 09:00") typed over ``field`` in its display order."""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if not field.displayFormat().startswith("yyyy"):
        day, clock = typed_iso.split(" ")
        year, month, date = day.split("-")
        typed_iso = f"{date}/{month}/{year} {clock}"
    qtbot.keyClicks(field, typed_iso)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def test_a_refused_pad_time_stays_with_its_note_when_the_log_is_saved(  # type: ignore[no-untyped-def]
    qtbot, body_area: BodyArea, journal
):
    form = body_area.form
    form.bleeding.setCurrentIndex(1)  # an answer: the log has content
    _type_time(qtbot, form.pad_time, "2026-02-31 09:00")
    typed = form.pad_time.lineEdit().text()
    assert form.pad_time.kept_refusal() is not None
    form.note.setFocus()
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(saved_logs(journal)) == 1)
    assert form.pad_time.lineEdit().text() == typed
    assert form.pad_time.kept_refusal() is not None
    assert form.notes.note("changed_at").isVisibleTo(form)


def test_a_pad_time_chosen_and_not_noted_stays_when_the_log_is_saved(  # type: ignore[no-untyped-def]
    qtbot, body_area: BodyArea, journal
):
    form = body_area.form
    form.bleeding.setCurrentIndex(1)
    chosen = form.pad_time.dateTime().addSecs(-2 * 3600)
    form.pad_time.setFocus()
    form.pad_time.setDateTime(chosen)  # as the arrows change it
    form.note.setFocus()
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(saved_logs(journal)) == 1)
    assert form.pad_time.dateTime() == chosen
    assert form.bleeding.currentIndex() == 0  # the log's own answers start afresh

"""A body log, an appointment or the recovery details whose save the journal refuses
(here: its file damaged while open, a disk that flips bits below the file system): the
reason in Solace's words where it was saved, never an error escaping to the general
"Something went wrong", and nothing typed is lost (issue 16). Real SQLCipher files,
damaged in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.ui.body.appointment_dialog import AppointmentDialog
from tests.storage.safekeeping.helpers import damage_while_open, write_entries
from tests.ui.body import support as support

body_area = support.body_area
DAMAGED = "This journal's file is damaged"


def damage(journal) -> None:  # type: ignore[no-untyped-def]
    """Give ``journal`` pages enough, then flip a bit in each but the first, in place."""
    write_entries(journal, 60, word="x" * 900)
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.db.engine.dispose()
    damage_while_open(journal.folder / "journal.db")


def test_a_log_refused_is_said_beside_save_and_stays_in_the_form(qtbot, body_area, journal):  # type: ignore[no-untyped-def]
    form = body_area.form
    damage(journal)
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Tired after the walk")
    with qtbot.capture_exceptions() as escaped:
        qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    assert not escaped
    assert form.status.text().startswith(DAMAGED)
    assert form.note.toPlainText() == "Tired after the walk"


def test_an_appointment_refused_opens_again_with_what_was_typed(qtbot, body_area, journal):  # type: ignore[no-untyped-def]
    dialog = body_area.add_appointment()
    qtbot.keyClicks(dialog.place, "Dr Okafor, ward 3")
    damage(journal)
    with qtbot.capture_exceptions() as escaped:
        dialog.accept()
    assert not escaped
    again = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, AppointmentDialog) and w.isVisible() and w is not dialog
    ]
    assert len(again) == 1
    assert again[0].place.text() == "Dr Okafor, ward 3"
    assert again[0].problem.text().startswith(DAMAGED)
    again[0].reject()

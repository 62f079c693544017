"""Date fields of the body log's forms with nothing refused are as compact as any
desktop form, and a day shown as typed and refused is never saved as another day
(issue 10).

Each date field of "Recovery details" and of an appointment kept some 100 px of blank
room under it for a refusal that might come, always; a refusal's line now takes room
only when it shows (`FieldNote.reveal`: at once when it moves nothing the person is
using, else once it no longer would). Save stored the last good day while a refused
one stayed shown in the field: it now says the refusal again under the field, with the
focus on it, and saves nothing. Real dialogs on a real journal, keys typed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from journal.domain.body.log import RecoveryDetails
from journal.storage.body.repository import BodyRepository
from journal.ui.body.area import BodyArea
from tests.ui.body import support as support

body_area = support.body_area

#: Typed where a day is asked for: a day November does not have.
NO_SUCH_DAY = "31/11/2026"


@pytest.fixture
def day_first(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Days written day first ("31/11/2026"), as in Britain; set before a form is made."""
    was = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(was)


def _focused() -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    return focused


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        qtbot.keyClick(_focused(), char)


def _opened(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _gap(above: QWidget, below: QWidget) -> int:
    """The blank pixels between the bottom of ``above`` and the top of ``below``."""
    window = above.window()
    bottom = above.mapTo(window, QPoint(0, above.height())).y()
    return below.mapTo(window, QPoint(0, 0)).y() - bottom


def test_no_blank_band_under_the_days_of_recovery_details_or_an_appointment(  # type: ignore[no-untyped-def]
    qtbot, body_area: BodyArea, journal
) -> None:
    support.store(journal, recovery=RecoveryDetails())
    body_area.refresh()
    recovery = _opened(qtbot, body_area.edit_recovery())
    line = recovery.fontMetrics().lineSpacing()
    rows = [
        (recovery.loss_date, recovery.kind),  # type: ignore[attr-defined]
        (recovery.treatment_note, recovery.stopped),  # type: ignore[attr-defined]
        (recovery.stopped, recovery.first_period),  # type: ignore[attr-defined]
    ]
    gaps = [_gap(above, below) for above, below in rows]
    # As between any two rows of the form (Kind and Treatment), never a line's room.
    between = _gap(recovery.kind, recovery.treatment)  # type: ignore[attr-defined]
    assert gaps == [between] * len(rows) and between < line
    recovery.reject()

    appointment = _opened(qtbot, body_area.add_appointment())
    assert _gap(appointment.when, appointment.place) < line  # type: ignore[attr-defined]
    appointment.reject()


def test_a_day_refused_in_recovery_details_is_said_again_on_save_and_nothing_is_saved(  # type: ignore[no-untyped-def]
    day_first, qtbot, body_area: BodyArea, journal
) -> None:
    support.store(journal, recovery=RecoveryDetails())
    body_area.refresh()
    dialog = _opened(qtbot, body_area.edit_recovery())
    field = dialog.stopped  # type: ignore[attr-defined]
    field.not_noted.click()  # she notes the day the bleeding stopped
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, NO_SUCH_DAY)
    note = dialog.notes.note("bleeding_stopped_on")  # type: ignore[attr-defined]
    assert "There is no day 31 in November 2026" in note.text()  # typed in it: shown at once
    dialog.kind.setFocus()  # type: ignore[attr-defined]  # on to another field
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible(), "saved with a day other than the one shown"
    assert field.edit.text() == NO_SUCH_DAY  # what she typed, still there
    assert _focused() is field.edit
    assert "There is no day 31 in November 2026" in note.text() and note.isVisible()
    assert field.edit.accessibleDescription() == note.text()  # read with the field
    assert BodyRepository(journal.db).recovery().bleeding_stopped_on is None
    dialog.reject()


def test_an_appointment_with_a_moment_refused_is_not_saved(  # type: ignore[no-untyped-def]
    day_first, qtbot, body_area: BodyArea, journal
) -> None:
    dialog = _opened(qtbot, body_area.add_appointment())
    when = dialog.when  # type: ignore[attr-defined]
    when.setFocus()
    qtbot.keyClick(when, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, f"{NO_SUCH_DAY} 10:00")
    qtbot.keyClicks(dialog.place, "Dr Okafor")  # type: ignore[attr-defined]
    dialog.place.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.place, Qt.Key.Key_Return)  # type: ignore[attr-defined]  # Save
    assert dialog.isVisible(), "saved with a moment other than the one shown"
    assert _focused() is when and when.lineEdit().text() == f"{NO_SUCH_DAY} 10:00"
    assert "There is no day 31 in November 2026" in when.note.text()
    assert when.note.isVisible()
    assert BodyRepository(journal.db).appointments() == []
    dialog.reject()


def test_a_log_whose_time_was_refused_is_not_saved_at_another_time(  # type: ignore[no-untyped-def]
    day_first, qtbot, body_area: BodyArea, journal
) -> None:
    form = body_area.form
    form.time.setFocus()
    qtbot.keyClick(form.time, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    _type(qtbot, f"{NO_SUCH_DAY} 10:00")
    form.note.setFocus()
    qtbot.keyClicks(form.note, "Tired after the walk")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert BodyRepository(journal.db).logs() == [], "saved at a time other than the one shown"
    assert _focused() is form.time and form.time.lineEdit().text() == f"{NO_SUCH_DAY} 10:00"
    note = form.notes.note("logged_at")
    assert "There is no day 31 in November 2026" in note.text() and note.isVisible()
    assert form.note.toPlainText() == "Tired after the walk"  # nothing typed is lost

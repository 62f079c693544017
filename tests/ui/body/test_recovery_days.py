"""Recovery-details days: they open at a sensible day, take a day typed as the person's
locale writes it, and "Not noted" is a separate, clear choice; a typed day is never lost."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QDateEdit

from journal.domain.body.log import RecoveryDetails
from journal.ui.body.recovery_dialog import RecoveryDialog
from journal.ui.common.dates import day_picker
from journal.ui.common.local_time import from_qdate, today_local

TYPED = date(2026, 11, 20)


@pytest.fixture
def locale_named() -> Iterator[object]:
    """Set the person's locale for one test (as the system would), then restore it."""
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


def _dialog(qtbot, details: RecoveryDetails) -> RecoveryDialog:  # type: ignore[no-untyped-def]
    dialog = RecoveryDialog(details)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_days_with_nothing_noted_open_at_today_not_1900(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, RecoveryDetails())
    for field in (dialog.loss_date, dialog.stopped, dialog.first_period):
        assert field.not_noted.isChecked() and field.not_noted.isVisible()
        assert from_qdate(field.edit.date()) == today_local()
        assert "Not noted" not in field.edit.text() and "1900" not in field.edit.text()
        picker = day_picker(field.edit)
        picker.open()  # the drop-down calendar opens at today too
        assert from_qdate(picker.selected) == today_local()
        picker.close()
    assert dialog.details() == RecoveryDetails()


def test_the_day_the_bleeding_stopped_opens_at_the_day_of_the_loss(qtbot) -> None:  # type: ignore[no-untyped-def]
    loss = today_local() - timedelta(days=12)
    dialog = _dialog(qtbot, RecoveryDetails(loss_date=loss))
    assert not dialog.loss_date.not_noted.isChecked()
    assert from_qdate(dialog.stopped.edit.date()) == loss
    assert dialog.stopped.not_noted.isChecked()


@pytest.mark.parametrize(
    ("locale", "typed"),
    [("en_GB", "20/11/2026"), ("de_DE", "20.11.2026"), ("en_US", "11/20/2026")],
)
def test_a_day_typed_in_the_locale_is_kept_on_save(qtbot, locale_named, locale, typed) -> None:  # type: ignore[no-untyped-def]
    locale_named(locale)
    dialog = _dialog(qtbot, RecoveryDetails())
    edit = dialog.loss_date.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, typed)
    assert edit.text() == typed
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter saves the dialog
    assert dialog.result() == 1, dialog.problem_text()
    assert dialog.details().loss_date == TYPED
    assert not dialog.loss_date.not_noted.isChecked()


def test_not_noted_is_its_own_choice_and_a_day_can_be_taken_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    # A fixed day with room below: Qt steps one section without carrying into the
    # month, so Down on the 1st changes nothing (five days before 6 December failed).
    loss = TYPED
    dialog = _dialog(qtbot, RecoveryDetails(loss_date=loss))
    box = dialog.loss_date.not_noted
    assert box.accessibleName() == "Day of the loss: not noted"
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()
    assert dialog.details().loss_date is None
    # Picking a day again unticks it: the day the person chose is what is saved.
    edit = dialog.loss_date.edit
    edit.setFocus()
    edit.setCurrentSection(QDateEdit.Section.DaySection)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert not box.isChecked()
    assert dialog.details().loss_date == loss - timedelta(days=1)


def test_a_refused_day_is_said_beside_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    loss = today_local() - timedelta(days=5)
    dialog = _dialog(qtbot, RecoveryDetails(loss_date=loss))
    dialog.stopped.not_noted.click()  # a day set by the program alone notes nothing
    dialog.stopped.edit.setDate(dialog.loss_date.edit.date().addDays(-2))
    dialog.accept()
    note = dialog.notes.note("bleeding_stopped_on")
    assert dialog.result() == 0 and note.isVisible()
    assert "before the day of the loss" in note.text()
    assert "Please check the day the bleeding stopped, or the day of the loss." in note.text()
    assert "the day of the day" not in note.text()  # break test 10 of session 12, finding 10
    assert dialog.focusWidget() is dialog.stopped.edit
    assert dialog.stopped.edit.accessibleDescription() == note.text()

""""The day of the loss" opens at the day the recovery details hold, and says so; with
none noted, at no day, asking for one, and "Keep this date" keeps nothing until a day is
chosen (break test 10 of session 17, finding 14: it opened at today, which kept as it
stood recorded today as the day of her loss)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from journal.domain.body.log import RecoveryDetails
from journal.domain.entries.remembrance import RemembranceKind
from journal.storage.body.repository import BodyRepository
from journal.storage.entries.remembrance import RemembranceStore
from journal.ui.entries.remembrance import LOSS_DAY_FROM, NO_DAY_YET, RemembranceDialog


def _dialog(qtbot, journal) -> RemembranceDialog:  # type: ignore[no-untyped-def]
    dialog = RemembranceDialog(RemembranceStore(journal.db))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _keep(qtbot, dialog: RemembranceDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.add.setFocus()
    qtbot.waitUntil(dialog.add.hasFocus)
    qtbot.keyClick(dialog.add, Qt.Key.Key_Space)


def test_the_day_of_the_loss_opens_at_the_day_noted(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    loss = date(2026, 11, 1)
    BodyRepository(journal.db).save_recovery(RecoveryDetails(loss_date=loss))
    dialog = _dialog(qtbot, journal)
    assert dialog.kind.currentData() is RemembranceKind.LOSS_DATE
    assert dialog.day.date() == QDate(2026, 11, 1)
    assert dialog.day_source.isVisible() and dialog.day_source.text() == LOSS_DAY_FROM
    _keep(qtbot, dialog)
    (kept,) = RemembranceStore(journal.db).dates()
    assert kept.day == loss and kept.kind is RemembranceKind.LOSS_DATE


def test_with_no_day_noted_it_asks_for_one_and_keeps_nothing_until_chosen(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, journal)
    assert dialog.day_source.isVisible() and dialog.day_source.text() == NO_DAY_YET
    _keep(qtbot, dialog)
    assert RemembranceStore(journal.db).dates() == []
    assert dialog.day.note.isVisible() and "no day is chosen yet" in dialog.day.note.text()
    assert dialog.day.hasFocus()
    qtbot.keyClick(dialog.day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed = QDate(2026, 10, 30).toString(dialog.day.displayFormat())
    qtbot.keyClicks(dialog.day, typed)
    qtbot.keyClick(dialog.day, Qt.Key.Key_Tab)
    assert not dialog.day_source.isVisible()
    _keep(qtbot, dialog)
    (kept,) = RemembranceStore(journal.db).dates()
    assert kept.day == date(2026, 10, 30)


def test_a_day_before_1900_is_refused_beside_the_field(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    """The earliest day every date field takes (`dates.EARLIEST_DAY`), here too."""
    dialog = _dialog(qtbot, journal)
    dialog.day.setFocus()
    qtbot.waitUntil(dialog.day.hasFocus)
    qtbot.keyClick(dialog.day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.day, QDate(1899, 12, 31).toString(dialog.day.displayFormat()))
    qtbot.keyClick(dialog.day, Qt.Key.Key_Tab)
    assert dialog.day.note.isVisible() and "cannot be right" in dialog.day.note.text()
    assert dialog.day.date() >= QDate(1900, 1, 1)


def test_a_day_typed_and_refused_is_not_kept_as_another_day(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    """"Keep this date" with a day shown as typed and refused (13 is no month) kept the
    day the field held before, not the one shown (issue 10): it says the refusal again
    under the field, the focus there, and keeps nothing."""
    loss = date(2026, 11, 1)
    BodyRepository(journal.db).save_recovery(RecoveryDetails(loss_date=loss))
    dialog = _dialog(qtbot, journal)
    dialog.day.setFocus()
    qtbot.waitUntil(dialog.day.hasFocus)
    qtbot.keyClick(dialog.day, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    typed = dialog.day.displayFormat().replace("yyyy", "2026").replace("MM", "13")
    typed = typed.replace("dd", "01")
    qtbot.keyClicks(dialog.day, typed)
    assert dialog.day.lineEdit().text() == typed
    _keep(qtbot, dialog)
    assert RemembranceStore(journal.db).dates() == []  # not 1 November, never shown
    assert dialog.day.hasFocus() and dialog.day.lineEdit().text() == typed
    assert "There is no month 13" in dialog.day.note.text() and dialog.day.note.isVisible()


def test_the_list_of_dates_is_a_tab_stop_only_once_it_holds_one(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    """Break test 15 of session 29, N15: with no date kept, Tab stopped on the empty
    "Dates you keep" and a screen reader said nothing more."""
    dialog = _dialog(qtbot, journal)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)

    def stops() -> list[object]:
        dialog.kind.setFocus()
        qtbot.waitUntil(dialog.kind.hasFocus)
        met = []
        for _ in range(20):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
            met.append(QApplication.focusWidget())
        return met

    assert dialog.list not in stops()
    dialog.kind.setCurrentIndex(dialog.kind.findData(RemembranceKind.DUE_DATE))  # opens at today
    _keep(qtbot, dialog)
    assert dialog.list.count() == 1
    assert dialog.list in stops()


def test_closing_with_a_name_typed_and_not_kept_asks_first(qtbot, journal) -> None:  # type: ignore[no-untyped-def]
    """A name typed for a date and Close pressed instead of "Keep this date" was gone,
    unasked (the same kind as "Change this log", session 40)."""
    from journal.ui.common.confirm import Question

    dialog = _dialog(qtbot, journal)
    dialog.on_this_day.click()  # a choice kept as the dialog closes: never asked about
    dialog.name.setFocus()
    qtbot.keyClicks(dialog.name, "Robin")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)

    def question() -> Question | None:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, Question)]
        return next((w for w in shown if w.isVisible()), None)

    qtbot.waitUntil(lambda: question() is not None)
    asked = question()
    assert asked is not None and asked.text() == "Close without keeping this date?"
    qtbot.keyClick(asked, Qt.Key.Key_Escape)  # go back
    qtbot.waitUntil(lambda: question() is None)
    assert dialog.isVisible() and dialog.name.text() == "Robin"

    dialog.day.setDate(QDate(2026, 10, 30))
    qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    assert dialog.name.text() == ""  # kept: nothing left to ask about
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert question() is None
    assert [d.label for d in RemembranceStore(journal.db).dates()] == ["Robin"]
    assert RemembranceStore(journal.db).prefs().on_this_day

"""A "Not noted" day is replaced only by a day the person typed or picked: opening
Recovery details and pressing Enter, or Tab through it with Enter, stores nothing new
(break test of session 14, finding 15: Enter stored today as the day of the loss)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from journal.domain.body.log import LossKind, RecoveryDetails
from journal.storage.body.repository import BodyRepository
from journal.ui.body.area import BodyArea
from journal.ui.common.dates import date_format, day_picker
from journal.ui.common.local_time import to_qdate, today_local
from tests.ui.body import support as support

body_area = support.body_area

NOTHING_NOTED = RecoveryDetails()
SOME_NOTED = RecoveryDetails(loss_kind=LossKind.MISSED, loss_date=None)


def _open(qtbot, area: BodyArea) -> QDialog:  # type: ignore[no-untyped-def]
    dialog = area.edit_recovery()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _focused() -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    return focused


def _stored(journal) -> RecoveryDetails:  # type: ignore[no-untyped-def]
    return BodyRepository(journal.db).recovery()


@pytest.mark.parametrize("before", [NOTHING_NOTED, SOME_NOTED])
def test_enter_on_opening_stores_no_day(qtbot, body_area, journal, before) -> None:  # type: ignore[no-untyped-def]
    support.store(journal, recovery=before)
    body_area.refresh()
    dialog = _open(qtbot, body_area)
    # Focus starts on what holds the value: "Not noted", not the unused day.
    assert _focused() is dialog.loss_date.not_noted, _focused().text()  # type: ignore[attr-defined]
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(journal) == before


def _stops(qtbot, dialog: QDialog) -> int:  # type: ignore[no-untyped-def]
    """How many Tab stops the dialog has (Tab until focus comes back)."""
    first = _focused()
    for count in range(1, 40):
        qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        if _focused() is first:
            return count
    raise AssertionError("Tab never came back to the first stop")


def test_tab_to_any_field_and_enter_stores_no_day(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    support.store(journal, recovery=NOTHING_NOTED)
    body_area.refresh()
    dialog = _open(qtbot, body_area)
    stops = _stops(qtbot, dialog)
    dialog.reject()
    assert stops >= 8  # three days and their boxes, kind, treatment, about it, buttons
    for tabs in range(stops):
        dialog = _open(qtbot, body_area)
        for _ in range(tabs):
            qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
        where = _focused().accessibleName() or _focused().objectName()
        qtbot.keyClick(_focused(), Qt.Key.Key_Return)
        if dialog.isVisible():  # Enter on Cancel, or in the calendar: leave unsaved
            dialog.reject()
        assert _stored(journal) == NOTHING_NOTED, f"Enter after {tabs} Tabs ({where})"


def test_a_typed_day_is_stored(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    support.store(journal, recovery=NOTHING_NOTED)
    body_area.refresh()
    dialog = _open(qtbot, body_area)
    loss = today_local() - timedelta(days=9)
    edit = dialog.loss_date.edit  # type: ignore[attr-defined]
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)  # from "Not noted" on to its day
    assert _focused() is edit
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, to_qdate(loss).toString(date_format()))
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(journal) == RecoveryDetails(loss_date=loss)


def test_a_day_picked_in_the_calendar_is_stored_even_today(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    support.store(journal, recovery=NOTHING_NOTED)
    body_area.refresh()
    dialog = _open(qtbot, body_area)
    edit = dialog.loss_date.edit  # type: ignore[attr-defined]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F4)
    picker = day_picker(edit)
    qtbot.waitUntil(picker.isVisible)
    qtbot.keyClick(picker.grid, Qt.Key.Key_Return)  # today, the day the calendar opened at
    assert not picker.isVisible()
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(journal) == RecoveryDetails(loss_date=today_local())


def test_a_wheel_or_a_day_set_by_the_program_notes_nothing(qtbot, body_area, journal) -> None:  # type: ignore[no-untyped-def]
    support.store(journal, recovery=NOTHING_NOTED)
    body_area.refresh()
    dialog = _open(qtbot, body_area)
    stopped = dialog.stopped  # type: ignore[attr-defined]
    stopped.edit.setDate(to_qdate(date(2026, 1, 5)))
    stopped.edit.setFocus()
    centre = stopped.edit.rect().center()
    wheel = QWheelEvent(
        QPointF(centre),
        QPointF(stopped.edit.mapToGlobal(centre)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(stopped.edit, wheel)
    assert stopped.not_noted.isChecked()
    dialog.accept()
    assert _stored(journal) == NOTHING_NOTED

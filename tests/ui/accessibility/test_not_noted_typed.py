"""A "Not noted" day stays not noted unless a day typed there is taken, and saving the
recovery details says what was stored (break test 15 of session 15, finding 2).

In day-first Britain, "31/11/2026" typed into "Day of the loss, Not noted": the first
key unticked "Not noted", the day was refused "the field keeps 02/12/2026" (today,
which she never chose), and Enter stored today as the day of the loss; a Backspace
alone did the same. Real dialog on a real journal, keys typed one at a time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from journal.domain.body.log import RecoveryDetails
from journal.storage.body.repository import BodyRepository
from journal.ui.body.area import BodyArea
from journal.ui.common.local_time import say_day, to_qdate, today_local
from tests.ui.body import support as support

body_area = support.body_area


@pytest.fixture
def day_first(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Days written day first ("31/11/2026"), as in Britain; set before the dialog is made."""
    was = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(was)


def _focused() -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None, "nothing has the keyboard focus"
    return focused


def _open_on_the_day(qtbot, area: BodyArea, journal) -> QDialog:  # type: ignore[no-untyped-def]
    """Recovery details with nothing noted, opened from the timeline, focus Tabbed on
    from "Day of the loss: not noted" to its day."""
    support.store(journal, recovery=RecoveryDetails())
    area.refresh()
    area.tabs.setCurrentWidget(area.timeline)
    area.timeline.details_button.setFocus()
    dialog = area.edit_recovery()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert _focused() is dialog.loss_date.not_noted  # type: ignore[attr-defined]
    qtbot.keyClick(_focused(), Qt.Key.Key_Tab)
    assert _focused() is dialog.loss_date.edit  # type: ignore[attr-defined]
    return dialog


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    for char in text:
        qtbot.keyClick(_focused(), char)


def _stored(journal) -> RecoveryDetails:  # type: ignore[no-untyped-def]
    return BodyRepository(journal.db).recovery()


def test_a_day_no_month_has_leaves_it_not_noted_and_enter_saves_nothing(  # type: ignore[no-untyped-def]
    day_first, qtbot, body_area, journal, a11y_events
):
    dialog = _open_on_the_day(qtbot, body_area, journal)
    field = dialog.loss_date  # type: ignore[attr-defined]
    _type(qtbot, "31/11/2026")
    assert field.not_noted.isChecked()
    assert field.value() is None
    note = dialog.notes.note("loss_date")  # type: ignore[attr-defined]
    assert note.text() == (
        "There is no day 31 in November 2026: November 2026 has 30 days. “31/11/2026” stays "
        "here as you typed it, and nothing is saved from this field until it is a real "
        "date. Please check the day."
    )
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)  # said again; the dialog stays open
    assert dialog.isVisible()
    assert field.edit.lineEdit().text() == "31/11/2026"  # kept as typed (issue 10)
    assert _stored(journal) == RecoveryDetails()
    dialog.reject()


def test_a_backspace_in_a_not_noted_day_notes_nothing(  # type: ignore[no-untyped-def]
    day_first, qtbot, body_area, journal, a11y_events
):
    dialog = _open_on_the_day(qtbot, body_area, journal)
    qtbot.keyClick(_focused(), Qt.Key.Key_Backspace)
    assert dialog.loss_date.not_noted.isChecked()  # type: ignore[attr-defined]
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(journal) == RecoveryDetails()


def test_a_day_typed_is_taken_even_today_and_saving_says_what_was_stored(  # type: ignore[no-untyped-def]
    day_first, qtbot, body_area, journal, a11y_events
):
    dialog = _open_on_the_day(qtbot, body_area, journal)
    today = today_local()
    _type(qtbot, to_qdate(today).toString("dd/MM/yyyy"))  # the day the field showed
    assert not dialog.loss_date.not_noted.isChecked()  # type: ignore[attr-defined]
    a11y_events.clear()
    qtbot.keyClick(_focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _stored(journal) == RecoveryDetails(loss_date=today)
    said = (
        f"Recovery details saved. Day of the loss: {say_day(today)}. Kind: Not noted. "
        "Treatment: Not noted. Bleeding stopped on: not noted. "
        "First period after: not noted."
    )
    qtbot.waitUntil(lambda: said in a11y_events.announcements(assertive=False))

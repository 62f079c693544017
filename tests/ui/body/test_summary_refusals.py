"""The doctor-summary dialog's refusals (issue 10, items 1 and 3, a break test at
1024x600 and 1366x768, 100-200 % text).

A refused "From" day put a line under it that pushed every field below it down:
between a Tab and a click the form moved, a passphrase typed for its field landed in
"Anything to add", and was printed in the unencrypted PDF. A day's note now shows once
it moves nothing the person is using (the passphrase's notes keep their room), and a
PDF whose added words hold the passphrase typed in the dialog is refused beside them,
nothing written. "That passphrase did not match" was said below the fold at 1024x600
and 200 % text: it is said under the passphrase, in view, with the focus there."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal.domain.body.temperature import TemperatureUnit
from journal.settings import FONT_SCALE
from journal.storage.body.repository import BodyRepository
from journal.ui.body.export_dialog import NOT_MATCHED, PASSPHRASE_IN_TEXT, ExportDialog
from journal.ui.common.fit import DialogBody
from journal.ui.common.local_time import today_local
from tests.conftest import PASSPHRASE

SCREENS = [QRect(0, 0, 1024, 600), QRect(0, 0, 1366, 768)]


def _where(widget: QWidget) -> tuple[int, int, int, int]:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()).getRect()


def _in_content(dialog: ExportDialog, widget: QWidget) -> tuple[int, int, int, int]:
    """Where ``widget`` is in the dialog's scrolling content (scrolling moves none)."""
    body = dialog.findChild(DialogBody)
    assert body is not None and body.widget() is not None
    return QRect(widget.mapTo(body.widget(), QPoint(0, 0)), widget.size()).getRect()


def _dialog(qtbot, window, monkeypatch, screen: QRect, scale: int, asked: list[str]):  # type: ignore[no-untyped-def]
    """The summary dialog over ``window`` on ``screen`` at ``scale`` % text, shown,
    active and settled; the places it is asked to save to are noted in ``asked``."""
    from tests.ui.accessibility.screens import settle

    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(screen))
    monkeypatch.setattr(QScreen, "geometry", lambda _screen: QRect(screen))
    window.settings.set(FONT_SCALE, scale)
    journal = window.journal
    dialog = ExportDialog(
        BodyRepository(journal.db),
        journal.check_passphrase,
        TemperatureUnit.CELSIUS,
        today_local() - timedelta(days=13),
        window,
    )

    def choose(name: str, _filter: str) -> Path | None:
        asked.append(name)
        return None

    dialog.choose_path = choose
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    settle()
    return dialog


@pytest.mark.parametrize(
    ("screen", "scale"),
    [(SCREENS[0], 200), (SCREENS[0], 150), (SCREENS[1], 100)],
    ids=["1024x600-200", "1024x600-150", "1366x768-100"],
)
def test_a_refused_day_moves_no_field_below_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch, screen: QRect, scale: int
) -> None:
    from tests.ui.accessibility.screens import settle

    dialog = _dialog(qtbot, unlocked_window, monkeypatch, screen, scale, [])
    # No blank room kept under the days while nothing is refused (issue 10): From and
    # To as close as two rows of a form, To's label between them where the form puts
    # labels above their fields (a narrow screen).
    line = dialog.fontMetrics().lineSpacing()
    top, height = _in_content(dialog, dialog.start)[1::2]
    assert _in_content(dialog, dialog.end)[1] - (top + height) < 2 * line
    fields = (dialog.end, dialog.notes, dialog.extra, dialog.passphrase)
    places = [_in_content(dialog, widget) for widget in fields]
    buttons = (dialog.pdf_button, dialog.csv_button, dialog.close_button)
    before = [_where(button) for button in buttons]
    size = dialog.size()
    # A day after today typed in From, then Tab to To, below it: refused, heard with
    # From and over it, but its line waits while it would push To down under the caret.
    dialog.start.setFocus()
    qtbot.waitUntil(dialog.start.hasFocus)
    qtbot.keyClick(dialog.start, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    later = QDate.currentDate().addDays(3)
    qtbot.keyClicks(dialog.start, later.toString(dialog.start.displayFormat()))
    qtbot.keyClick(dialog.start, Qt.Key.Key_Tab)
    assert dialog.end.hasFocus()
    note = dialog.notes_on_fields.note("start")
    qtbot.waitUntil(lambda: "after today" in dialog.start.accessibleDescription())
    assert dialog.start.toolTip() == dialog.start.accessibleDescription()
    settle()
    assert not note.isVisible()
    assert [_in_content(dialog, widget) for widget in fields] == places, "a field moved"
    assert [_where(button) for button in buttons] == before, "a button moved"
    assert dialog.size() == size
    # Back in From (Shift+Tab): said right under it now, whole and in view.
    qtbot.keyClick(dialog.end, Qt.Key.Key_Backtab)
    assert dialog.start.hasFocus()
    qtbot.waitUntil(lambda: "after today" in note.text())
    settle()
    assert note.isVisible() and note.height() >= note.heightForWidth(note.width())
    assert not note.visibleRegion().isEmpty()


def test_the_passphrase_in_the_added_words_is_refused_and_nothing_written(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch
) -> None:
    asked: list[str] = []
    dialog = _dialog(qtbot, unlocked_window, monkeypatch, SCREENS[0], 100, asked)
    dialog.extra.setFocus()
    qtbot.keyClicks(dialog.extra, f"Ask about iron {PASSPHRASE}")
    dialog.passphrase.setFocus()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    note = dialog.notes_on_fields.note("extra")
    assert note.text() == PASSPHRASE_IN_TEXT and not note.visibleRegion().isEmpty()
    assert QApplication.focusWidget() is dialog.extra
    assert dialog.extra.accessibleDescription() == PASSPHRASE_IN_TEXT  # heard with it
    QApplication.processEvents()
    assert asked == []  # no place asked for: nothing written
    assert dialog.passphrase.text() == PASSPHRASE  # nothing typed is lost


def test_a_passphrase_not_matched_is_said_in_view_with_the_focus_there(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, monkeypatch
) -> None:
    dialog = _dialog(qtbot, unlocked_window, monkeypatch, SCREENS[0], 200, [])
    body = dialog.findChild(DialogBody)
    assert body is not None and body.verticalScrollBar().maximum() > 0  # the form scrolls
    dialog.start.setFocus()  # the top of the form in view
    body.verticalScrollBar().setValue(0)
    dialog.passphrase.setText("not the passphrase")
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    def saying() -> list[QLabel]:
        return [each for each in dialog.findChildren(QLabel) if each.text() == NOT_MATCHED]

    qtbot.waitUntil(lambda: bool(saying()), timeout=30_000)
    QApplication.processEvents()
    (note,) = saying()
    view = body.viewport()
    shown = QRect(note.mapTo(dialog, QPoint(0, 0)), note.size())
    assert QRect(view.mapTo(dialog, QPoint(0, 0)), view.size()).contains(shown), shown
    assert QApplication.focusWidget() is dialog.passphrase
    assert note is dialog.notes_on_fields.note("passphrase")  # under its field


def test_a_day_refused_in_the_other_body_dialogs_moves_nothing_below_it(  # type: ignore[no-untyped-def]
    qtbot,
) -> None:
    """The same kind in Recovery details and Appointment: a day typed that no day has,
    refused as its field is left, moves no field or button below it while the focus is
    there, and is said under the field once the focus is back in it."""
    from journal.domain.body.log import RecoveryDetails
    from journal.ui.body.appointment_dialog import AppointmentDialog
    from journal.ui.body.recovery_dialog import RecoveryDialog
    from tests.ui.accessibility.screens import settle

    recovery = RecoveryDialog(RecoveryDetails())
    appointment = AppointmentDialog()
    for dialog, field, below in (
        (recovery, recovery.loss_date.edit, (recovery.kind, recovery.first_period)),
        (appointment, appointment.when, (appointment.place, appointment.questions)),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitActive(dialog)
        settle()
        before = [_where(widget) for widget in below]
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(field, "31 Nov 2026")
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        settle()
        # Heard with the field at once; its line waits while it would push the field
        # the focus went to (`FieldNote.reveal`), then shows once back in the field.
        assert "“31 Nov 2026”" in field.accessibleDescription(), dialog.windowTitle()
        assert not field.note.text(), dialog.windowTitle()  # type: ignore[attr-defined]
        assert [_where(widget) for widget in below] == before, dialog.windowTitle()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        assert field.hasFocus(), dialog.windowTitle()
        assert "“31 Nov 2026”" in field.note.text(), dialog.windowTitle()  # type: ignore[attr-defined]

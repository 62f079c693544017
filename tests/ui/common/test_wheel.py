"""The mouse wheel scrolls the page; it never changes an answer, focused or not."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDateTime, QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QScrollArea,
    QTabBar,
    QWidget,
)

from journal.domain.body.log import BodyLog, RecoveryDetails
from journal.domain.body.temperature import TemperatureUnit
from journal.storage.body.repository import BodyRepository
from journal.ui.common.wheel import guarded_field
from tests.ui.body.support import now

NOTCH = 120  # one click of a mouse wheel, in eighths of a degree


def turn_wheel(widget: QWidget, notches: int) -> None:
    """A real wheel event over the middle of ``widget``, as Qt delivers one."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, notches * NOTCH),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value_of(field: QWidget) -> object:
    if isinstance(field, QComboBox):
        return field.currentIndex()
    if isinstance(field, QAbstractSpinBox):
        return field.text()
    if isinstance(field, QAbstractSlider):
        return field.value()
    if isinstance(field, QTabBar):
        return field.currentIndex()
    raise AssertionError(type(field).__name__)


def body_form_in_window(qtbot, window):  # type: ignore[no-untyped-def]
    areas = {area.area_id: area for area in window.areas}
    body = areas["body"]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    body.tabs.setCurrentIndex(0)
    return body


def test_wheel_over_bleeding_and_discharge_scrolls_the_form_instead(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    window = unlocked_window
    window.resize(900, 520)  # a short window, so the form has to scroll
    body = body_form_in_window(qtbot, window)
    form = body.form
    scroll = window.page_scroll  # the page's one scroll (the form grows with its content)
    assert isinstance(scroll, QScrollArea)
    bar = scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    body.tabs.tabBar().setFocus()

    for field in (form.bleeding, form.discharge):
        scroll.ensureWidgetVisible(field)
        before = bar.value()
        turn_wheel(field, -1)  # scrolling down the page
        assert form.bleeding.currentText() == form.discharge.currentText() == "Not noted"
        assert bar.value() > before or bar.value() == bar.maximum(), field.accessibleName()
        bar.setValue(0)
        scroll.ensureWidgetVisible(field)
        before = bar.value()
        turn_wheel(field, 1)
        assert form.bleeding.currentText() == form.discharge.currentText() == "Not noted"
        assert bar.value() < before or bar.value() == 0

    bar.setValue(bar.maximum() // 2)
    turn_wheel(form.discharge, -1)
    assert bar.value() > bar.maximum() // 2, "the form did not scroll"
    assert not form.has_content()


def test_the_wheel_over_a_tab_bar_scrolls_the_page_and_keeps_the_tab(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """Scrolling the Body log up with the pointer passing over its tabs showed the
    Timeline in place of the form (Qt's tab bar steps its tab on the wheel)."""
    window = unlocked_window
    window.resize(900, 520)
    body = body_form_in_window(qtbot, window)
    bar = window.page_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    tabs = body.tabs.tabBar()
    window.page_scroll.ensureWidgetVisible(tabs)
    bar.setValue(0)
    turn_wheel(tabs, -1)  # down the page
    assert body.tabs.currentIndex() == 0  # the form, as it was
    assert bar.value() > 0
    turn_wheel(tabs, 1)
    assert body.tabs.currentIndex() == 0 and bar.value() == 0
    qtbot.keyClick(tabs, Qt.Key.Key_Right)  # the keys still change the tab
    assert body.tabs.currentIndex() == 1


def _tabbed(qtbot, form):  # type: ignore[no-untyped-def]
    form.clots.setFocus()
    qtbot.waitUntil(form.clots.hasFocus)
    qtbot.keyClick(form.clots, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(form.bleeding.hasFocus)  # the person tabbed there


def _clicked(qtbot, form):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(form.bleeding, Qt.MouseButton.LeftButton)  # opens its list
    qtbot.waitUntil(lambda: form.bleeding.view().isVisible())
    qtbot.keyClick(form.bleeding.view(), Qt.Key.Key_Escape)  # and closes it, unchanged
    qtbot.waitUntil(lambda: not form.bleeding.view().isVisible())


def _stepped(qtbot, form):  # type: ignore[no-untyped-def]
    _tabbed(qtbot, form)
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Down)  # "Spotting", chosen with the keys


def _after_shortcuts(qtbot, form):  # type: ignore[no-untyped-def]
    _tabbed(qtbot, form)
    control = Qt.KeyboardModifier.ControlModifier
    for key in (Qt.Key.Key_Minus, Qt.Key.Key_Plus, Qt.Key.Key_0):
        qtbot.keyClick(QApplication.focusWidget(), key, control)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)


@pytest.mark.parametrize(
    "focused", [_tabbed, _clicked, _stepped, _after_shortcuts], ids=lambda f: f.__name__[1:]
)
def test_the_wheel_over_a_focused_answer_scrolls_the_page_and_changes_nothing(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, focused
):
    """Break test 39, finding 1 (serious): a drop-down the person had tabbed to, or
    clicked, kept the wheel, so scrolling the page with the pointer resting on it
    turned "Bleeding" to "Spotting" and "Clots" to "Large" unseen, and a warning sign
    she never logged was saved. Now the wheel scrolls the page whatever has the focus;
    the keys, a click and the list still change the answer."""
    window = unlocked_window
    window.resize(900, 520)  # a short window, so the page has to scroll
    form = body_form_in_window(qtbot, window).form
    bar = window.page_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    focused(qtbot, form)
    assert form.bleeding.hasFocus()
    answer = form.bleeding.currentIndex()
    bar.setValue(0)
    window.page_scroll.ensureWidgetVisible(form.bleeding)
    before = bar.value()
    turn_wheel(form.bleeding, -1)  # scrolling down the page
    assert form.bleeding.currentIndex() == answer
    assert bar.value() > before or bar.value() == bar.maximum()
    turn_wheel(form.bleeding, 2)
    assert form.bleeding.currentIndex() == answer
    qtbot.keyClick(form.bleeding, Qt.Key.Key_Down)  # the keys still change it
    assert form.bleeding.currentIndex() == answer + 1


def test_the_wheel_over_a_time_after_a_save_changes_nothing(qtbot, unlocked_window):  # type: ignore[no-untyped-def]
    """After "Save this log" Solace puts the focus on the time field; with the pointer
    resting there, turning the wheel to scroll moved the next log years back. Clicked
    into, or stepped with an arrow, the time takes no wheel either."""
    window = unlocked_window
    window.resize(900, 520)
    form = body_form_in_window(qtbot, window).form
    qtbot.keyClicks(form.note, "a note")
    qtbot.keyClick(form.save_button, Qt.Key.Key_Space)
    qtbot.waitUntil(form.time.hasFocus)  # Solace's own choice, after the save
    # A moment the wheel could step back from: "now" at a whole hour (09:00) has no
    # minute below it, so a turn below would change nothing in any case.
    yesterday = form.time.dateTime().addDays(-1).date()
    form.time.setDateTime(QDateTime(yesterday, QTime(10, 30)))
    shown = form.time.text()
    turn_wheel(form.time, -3)
    assert form.time.text() == shown
    qtbot.mouseClick(form.time.lineEdit(), Qt.MouseButton.LeftButton)
    turn_wheel(form.time, -1)
    assert form.time.text() == shown
    qtbot.keyClick(form.time, Qt.Key.Key_Up)  # an arrow steps it, as before
    stepped = form.time.text()
    assert stepped != shown
    turn_wheel(form.time, -1)
    assert form.time.text() == stepped


def _dialogs(window, store):  # type: ignore[no-untyped-def]
    from journal.ui.body.appointment_dialog import AppointmentDialog
    from journal.ui.body.export_dialog import ExportDialog
    from journal.ui.body.past_logs import LogEditDialog
    from journal.ui.body.recovery_dialog import RecoveryDialog
    from journal.ui.entries.prompts import PromptPicker
    from journal.ui.entries.remembrance import RemembranceDialog
    from journal.ui.lock.security_dialogs import (
        ChangePassphraseDialog,
        NewRecoveryKeyDialog,
        RemoveJournalDialog,
        RotateKeyDialog,
    )
    from journal.ui.shell.settings_dialog import SettingsDialog

    journal = window.journal
    areas = {a.area_id: a for a in window.areas}
    return [
        SettingsDialog(window.settings, window),
        ChangePassphraseDialog(journal, window),
        RotateKeyDialog(journal, window),
        NewRecoveryKeyDialog(journal, window),
        RemoveJournalDialog(store, journal.folder, "Test journal", window),
        RecoveryDialog(RecoveryDetails(), window),
        AppointmentDialog(window),
        ExportDialog(
            BodyRepository(journal.db),
            journal.check_passphrase,
            TemperatureUnit.CELSIUS,
            date.today(),
            window,
        ),
        LogEditDialog(BodyLog("a log", now()), TemperatureUnit.CELSIUS, window),
        PromptPicker(areas["journal"].prompts, areas["journal"].prompt_store, window),
        RemembranceDialog(areas["journal"].remembrance, window),
    ]


def _check_every_field(qtbot, root: QWidget, focus_home: QWidget) -> int:  # type: ignore[no-untyped-def]
    fields = [w for w in root.findChildren(QWidget) if guarded_field(w) is w]
    for field in fields:
        # Focus elsewhere, focus Solace gave the field itself (a dialog opening on
        # it), and the person's own (a key pressed in it): the wheel changes nothing.
        def stepped(field: QWidget = field) -> None:
            field.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.keyClick(field, Qt.Key.Key_Up)  # a key it acts on: the person's own

        for focus_given in (focus_home.setFocus, field.setFocus, stepped):
            focus_given()
            before = value_of(field)
            for notches in (-1, 1, 1, -2, 3):
                turn_wheel(field, notches)
                assert value_of(field) == before, (
                    f"{type(field).__name__} {field.accessibleName()!r} in {type(root).__name__}"
                )
        assert field.focusPolicy() != Qt.FocusPolicy.WheelFocus, field.accessibleName()
    return len(fields)


def test_no_field_in_the_window_or_its_dialogs_changes_on_the_wheel(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
):
    window = unlocked_window
    checked = 0
    for index, area in enumerate(window.areas):
        window.navigation.setCurrentRow(index)
        checked += _check_every_field(qtbot, area, window.navigation)
    checked += _check_every_field(qtbot, window.lock_screen, window.navigation)
    for dialog in _dialogs(window, store):
        assert isinstance(dialog, QDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        home = QWidget(dialog)
        home.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        checked += _check_every_field(qtbot, dialog, home)
        dialog.close()
    assert checked >= 20  # the walk really found the combo boxes, spin boxes and dates


def test_a_dialog_opening_on_a_field_does_not_give_it_the_wheel(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, store
):
    """Break test 10 (session 7), 0c: Qt gives a dialog's first field the focus "by
    Tab" as the dialog opens, and the wheel then moved "Change this log…" and "Day of
    the loss" two years back. A key the field ignores pressed there (F2, Insert)
    does not choose it either: F2 then the wheel had moved "Change this log…" a year
    back and turned Settings' idle lock to "Never" (re-test of session 32, finding 1)."""
    window = unlocked_window
    opened_on_a_field = 0
    for dialog in _dialogs(window, store):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()  # as a window manager does: the field really has the focus
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # noqa: B023
        focused = dialog.focusWidget()
        field = guarded_field(focused) if focused is not None else None
        if field is not None:
            assert field.hasFocus()
            opened_on_a_field += 1
            before = value_of(field)
            turn_wheel(field, -2)
            for key in (Qt.Key.Key_F2, Qt.Key.Key_Insert):
                qtbot.keyClick(QApplication.focusWidget(), key)
                turn_wheel(field, -2)
            assert value_of(field) == before, f"{type(dialog).__name__} {field.accessibleName()!r}"
        dialog.close()
    assert opened_on_a_field >= 2  # "Change this log…" and "Recovery details"


def test_the_wheel_over_a_dialogs_field_never_scrolls_the_page_behind_it(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    """Break test 10 of session 12, finding 9: over the drop-downs of "Recovery
    details…" (modal), the wheel changed nothing, but the Timeline behind the dialog
    scrolled from "Your recovery" down to the warning signs."""
    from journal.ui.body.recovery_dialog import RecoveryDialog
    from tests.ui.shell.test_fits_any_screen import _body_with_a_banner

    window = unlocked_window
    window.resize(1366, 768)
    _body_with_a_banner(window)  # a warning sign: the Timeline is taller than the window
    body = {area.area_id: area for area in window.areas}["body"]
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    body.tabs.setCurrentWidget(body.timeline)
    QApplication.processEvents()
    bar = window.page_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the page behind can scroll
    bar.setValue(0)
    dialog = body.edit_recovery()  # as "Recovery details…" opens it, over the Timeline
    assert isinstance(dialog, RecoveryDialog)
    qtbot.waitExposed(dialog)
    fields = [w for w in dialog.findChildren(QComboBox) if w.isVisible()]
    assert fields
    for field in fields:
        turn_wheel(field, -2)
    assert bar.value() == 0
    dialog.close()

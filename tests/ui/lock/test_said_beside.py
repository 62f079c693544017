"""On the lock screen, what a page's main button still needs is said next to what is
missing, with Enter and with a click alike (break test 10 of session 17: finding 7, an
empty name was said under the buttons, 280 px from Name; finding 8 and the lead's L1,
the recovery key's Continue was grey and disabled until the tick, so Enter did nothing
and said nothing)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.ui.lock.test_screen import make_window


def _y(widget) -> int:  # type: ignore[no-untyped-def]
    return widget.mapToGlobal(QPoint(0, 0)).y()


def test_an_empty_name_and_an_unticked_key_are_said_beside_them(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    win = make_window(qtbot, data_dir)
    win.activateWindow()
    qtbot.waitActive(win)
    screen = win.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    create = screen.create_page
    create.name.setFocus()
    qtbot.keyClick(create.name, Qt.Key.Key_Return)  # every field empty
    assert create.name_error.isVisible() and "give the journal a name" in create.name_error.text()
    assert not create.error.isVisible() or not create.error.text()
    # Right under Name, above the passphrase's fields; the focus in Name.
    assert _y(create.name) < _y(create.name_error) < _y(create.passphrase.first)
    assert win.focusWidget() is create.name
    qtbot.keyClicks(create.name, "Our journal")
    assert not create.name_error.text()
    qtbot.keyClicks(create.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(create.passphrase.second, PASSPHRASE)
    qtbot.keyClick(create.passphrase.second, Qt.Key.Key_Return)

    page = screen.key_page
    qtbot.waitUntil(lambda: screen.currentWidget() is page, timeout=UNLOCK_WAIT_MS)
    button = page.continue_button
    # The main button, as on every page: filled (the default), never disabled.
    assert button.isEnabled() and button.isDefault()
    page.key.setFocus()
    qtbot.keyClick(page.key, Qt.Key.Key_Return)  # before the tick
    assert screen.currentWidget() is page
    assert page.needed.isVisible() and "I have written it down" in page.needed.text()
    assert _y(page.confirm) < _y(page.needed) < _y(button)
    assert win.focusWidget() is page.confirm
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a click says it too
    assert screen.currentWidget() is page and "I have written it down" in page.needed.text()
    qtbot.keyClick(page.confirm, Qt.Key.Key_Space)
    assert page.confirm.isChecked() and not page.needed.text()
    with qtbot.waitSignal(win.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.confirm, Qt.Key.Key_Return)
    win.lock()


def test_the_create_card_keeps_still_as_refusals_and_the_work_line_appear(qtbot, data_dir) -> None:  # type: ignore[no-untyped-def]
    """The lead's walk of session 17, L3, and break test 10 of session 17, finding 7:
    each message re-centred the card and moved "Create journal"."""
    win = make_window(qtbot, data_dir)
    win.resize(1024, 600)
    win.activateWindow()
    qtbot.waitActive(win)
    screen = win.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    create = screen.create_page
    qtbot.waitUntil(lambda: screen.currentWidget() is create)
    QApplication.processEvents()
    button = create.create_button
    at = button.mapToGlobal(QPoint(0, 0))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # nothing typed: said beside Name
    QApplication.processEvents()
    assert create.name_error.text() and button.mapToGlobal(QPoint(0, 0)) == at
    qtbot.keyClicks(create.name, "Our journal")
    qtbot.keyClicks(create.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(create.passphrase.second, PASSPHRASE)
    QApplication.processEvents()
    qtbot.waitUntil(create.ready)  # rated at a pause, as she reaches for the button
    QApplication.processEvents()
    at = button.mapToGlobal(QPoint(0, 0))
    create.set_busy(True)  # as the key work starts
    QApplication.processEvents()
    assert create.busy.isVisible() and button.mapToGlobal(QPoint(0, 0)) == at
    create.set_busy(False)


def test_the_create_card_keeps_no_blank_band_under_name_while_nothing_is_refused(  # type: ignore[no-untyped-def]
    qtbot, data_dir
) -> None:
    """Break test 16 of session 20, L8: about 150 px were left blank between Name and
    Passphrase (the room kept for the name's refusal); the refusal now takes room only
    when it is said, and the card grows at its top, so "Create journal" stays put."""
    win = make_window(qtbot, data_dir)
    win.resize(1024, 700)
    win.activateWindow()
    qtbot.waitActive(win)
    screen = win.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    create = screen.create_page
    qtbot.waitUntil(lambda: screen.currentWidget() is create)
    QApplication.processEvents()
    name_bottom = create.name.mapTo(create, QPoint(0, create.name.height())).y()
    gap = create.passphrase.first.mapTo(create, QPoint(0, 0)).y() - name_bottom
    assert not create.name_error.isVisible()
    assert gap < 3 * create.fontMetrics().height()  # the rows' spacing, no kept band
    button = create.create_button
    at = button.mapToGlobal(QPoint(0, 0))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # nothing typed: said beside Name
    QApplication.processEvents()
    assert create.name_error.isVisible() and button.mapToGlobal(QPoint(0, 0)) == at

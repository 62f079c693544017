"""What the lock screen says to a person on the keyboard alone (break test 15, minor
items b, j and k): Enter with nothing typed asks for it instead of calling the
journal damaged; Enter on a page whose main button is still off says what is
missing; Escape goes Back, as it cancels a dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.accessibility.conftest import Recorder


def test_enter_in_an_empty_passphrase_field_asks_for_the_passphrase(  # type: ignore[no-untyped-def]
    qtbot, window, a11y_events: Recorder
):
    page = window.lock_screen.unlock_page
    page.passphrase.setFocus()
    qtbot.waitUntil(page.passphrase.hasFocus)
    a11y_events.clear()
    qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    heard = a11y_events.announcements(assertive=True)
    assert heard == ["Please type your passphrase."]
    assert page.error.isVisible() and "damaged" not in page.error.text()
    assert not window.lock_screen.busy  # nothing was tried
    assert QApplication.focusWidget() is page.passphrase


def test_enter_in_an_empty_recovery_key_field_asks_for_the_key_and_escape_goes_back(  # type: ignore[no-untyped-def]
    qtbot, window, a11y_events: Recorder
):
    screen = window.lock_screen
    screen.unlock_page.recovery_button.setFocus()
    qtbot.keyClick(screen.unlock_page.recovery_button, Qt.Key.Key_Return)
    page = screen.recovery_page
    assert screen.currentWidget() is page
    qtbot.waitUntil(page.key.hasFocus)
    a11y_events.clear()
    qtbot.keyClick(page.key, Qt.Key.Key_Return)
    assert a11y_events.announcements(assertive=True) == [
        "Please type the recovery key you wrote down."
    ]
    assert not screen.busy and screen.currentWidget() is page
    qtbot.keyClick(page.key, Qt.Key.Key_Escape)
    assert screen.currentWidget() is screen.unlock_page


def test_enter_on_create_says_what_is_missing_and_escape_goes_back(  # type: ignore[no-untyped-def]
    qtbot, data_dir, a11y_events: Recorder
):
    from tests.ui.lock.test_enter import _window

    win = _window(qtbot, data_dir)
    screen = win.lock_screen
    screen.welcome_page.create_button.setFocus()
    qtbot.keyClick(screen.welcome_page.create_button, Qt.Key.Key_Return)
    create = screen.create_page
    qtbot.keyClicks(create.passphrase.first, "copper kettle winter harbour")
    create.name.setFocus()
    a11y_events.clear()
    qtbot.keyClick(create.name, Qt.Key.Key_Return)  # no name yet
    heard = a11y_events.announcements(assertive=True)
    assert heard == ["Please give the journal a name, then press Create journal."]
    qtbot.keyClicks(create.name, "Ours")
    a11y_events.clear()
    qtbot.keyClick(create.name, Qt.Key.Key_Return)  # the passphrase typed once
    heard = a11y_events.announcements(assertive=True)
    assert heard == [
        "Please type the passphrase again in the second field. Then press Create journal."
    ]
    assert screen.currentWidget() is create and not screen.busy
    qtbot.keyClick(create.name, Qt.Key.Key_Escape)
    assert screen.currentWidget() is screen.welcome_page
    win.lock()

"""Keys typed while a lock saves, checks and closes the journal are not used, and the
lock screen says so once, calmly (issue 15).

The lock does its work on the GUI thread, the window unable to answer until the lock
screen is shown: what a person typed meanwhile (the passphrase, often, to go straight
back in) was queued, then went into the lock screen's passphrase field, or was lost
without a word with the process a lock replaces (`hard_lock`). The keys are posted to
the window before the lock runs, as the window system queues them while it works."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from journal.storage.lock.keys import LIGHT_KDF
from journal.ui.shell.main_window import KEYS_WHILE_LOCKING, LOCKED_SAVED, MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.accessibility.conftest import Recorder
from tests.ui.shell.test_stale_input import _type_into_the_window

SAID = f"{LOCKED_SAVED} {KEYS_WHILE_LOCKING}"


def test_keys_typed_while_it_locks_go_into_no_field_and_are_said_once(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    a11y_events.clear()
    _type_into_the_window(window)  # typed as Ctrl+L's lock begins
    window.lock()
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    for _ in range(3):
        QApplication.processEvents()

    assert page.passphrase.text() == ""  # not "horse battery staple"
    assert page.error.text() == SAID and page.error.kind == "status"
    assert a11y_events.announcements(assertive=False).count(SAID) == 1
    assert SAID not in a11y_events.announcements(assertive=True)
    # Typed once the lock screen is shown, the passphrase goes into its field.
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    assert page.passphrase.text() == PASSPHRASE


def test_a_lock_that_replaces_the_process_hands_it_over(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    window.replaces_process = lambda: True  # as `journal.app` sets it
    _type_into_the_window(window)
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()
    assert window.lock_notice == SAID  # for the fresh process (`hard_lock`)
    window.replaces_process = lambda: False
    window.lock_here()  # as when the process could not be replaced
    assert window.lock_screen.unlock_page.passphrase.text() == ""


def test_the_fresh_process_says_it_calmly_once(  # type: ignore[no-untyped-def]
    qtbot, store, settings, a11y_events: Recorder
):
    created, _ = store.create("Test journal", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    a11y_events.clear()
    fresh = MainWindow(store, settings, LIGHT_KDF)  # as `journal.app` builds it
    qtbot.addWidget(fresh)
    fresh.show_lock_notice(SAID)  # handed over by the process it replaced
    fresh.show()
    page = fresh.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    assert a11y_events.announcements(assertive=False) == [SAID]
    assert page.error.text() == SAID and page.error.kind == "status"


def test_the_ctrl_of_ctrl_l_delivered_late_is_no_key_not_used(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window, a11y_events: Recorder
):
    """Break test 15 of session 18, re-test R2: with a screen reader running, Qt hands
    each key to it first and delivers it afterwards; the Ctrl of the Ctrl+L that locked
    came during the lock, and "Keys pressed while Solace was locking were not used"
    was said though no key had been pressed after Ctrl+L."""
    window = unlocked_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
        QCoreApplication.postEvent(window.windowHandle(), event)
    a11y_events.clear()
    window.lock()
    page = window.lock_screen.unlock_page
    qtbot.waitUntil(page.passphrase.hasFocus, timeout=5000)
    assert page.error.text() == LOCKED_SAVED
    assert KEYS_WHILE_LOCKING not in " ".join(a11y_events.announcements())

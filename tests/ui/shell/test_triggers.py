"""Lock triggers: idle on the wall clock, and the lock screen obeying every trigger."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage.lock.keys import LIGHT_KDF
from journal.storage.lock.store import JournalStore
from journal.ui.shell import idle
from journal.ui.shell.session_events import SessionEvents
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def screen_lock(qtbot, window) -> None:
    """What the desktop's screen lock (or sleep) does: SessionEvents asks to lock."""
    qtbot.waitUntil(lambda: window._session_events is not None)
    window._session_events.lock_requested.emit()


def test_a_computer_that_slept_past_the_idle_limit_locks_on_waking(
    qtbot, unlocked_window, monkeypatch
):
    monkeypatch.setattr(idle, "CHECK_EVERY_MS", 20)
    window = unlocked_window
    now = [1_000_000.0]
    window.idle.wall_clock = lambda: now[0]
    window.idle.set_interval_ms(5 * 60_000)
    now[0] += 6 * 60  # asleep for six minutes: Qt's timers and the monotonic clock stood still
    with qtbot.waitSignal(window.locked, timeout=2_000):
        pass
    assert window.is_locked


def test_a_typed_passphrase_is_wiped_by_screen_lock_and_idle(qtbot, window, monkeypatch):
    page = window.lock_screen.unlock_page
    assert not window.lock_action.isEnabled()  # nothing typed yet: nothing to lock
    qtbot.keyClicks(page.passphrase, "half of my passph")
    assert window.lock_action.isEnabled()
    with qtbot.waitSignal(window.locked, timeout=2_000):  # the app replaces the process
        screen_lock(qtbot, window)
    assert page.passphrase.text() == ""

    monkeypatch.setattr(idle, "CHECK_EVERY_MS", 20)
    qtbot.keyClicks(page.passphrase, "typed then walked away")
    window.idle.set_interval_ms(60)
    qtbot.waitUntil(lambda: page.passphrase.text() == "", timeout=3_000)
    screen = window.lock_screen
    qtbot.keyClicks(screen.recovery_page.key, "ABCD-EFGH")
    screen_lock(qtbot, window)
    assert screen.recovery_page.key.text() == ""


def test_a_journal_waiting_for_a_new_passphrase_is_locked_by_ctrl_l(qtbot, data_dir):
    from journal.settings import Settings
    from journal.ui.shell.main_window import MainWindow

    store = JournalStore(data_dir)
    created, recovery = store.create("Mine", PASSPHRASE, LIGHT_KDF)
    created.confirm_recovery_key()
    created.lock()
    window = MainWindow(store, Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    screen = window.lock_screen
    screen.recovery_page.key.setText(recovery)
    screen.recovery_page.unlock_button.click()
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.new_passphrase_page, timeout=10_000)
    waiting = screen._pending
    qtbot.keyClicks(screen.new_passphrase_page.passphrase.first, "someone else's choice")
    with qtbot.waitSignal(window.locked, timeout=2_000):  # Ctrl+L: a hard lock
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not waiting.is_open
    assert screen.currentWidget() is screen.unlock_page
    assert screen.new_passphrase_page.passphrase.first.text() == ""
    assert not screen.holds_journal and window.is_locked


def test_a_new_journal_showing_its_recovery_key_is_locked_and_the_key_replaced(
    qtbot, data_dir, monkeypatch
):
    from journal.settings import Settings
    from journal.ui.shell.main_window import MainWindow

    monkeypatch.setattr(idle, "CHECK_EVERY_MS", 20)
    store = JournalStore(data_dir)
    window = MainWindow(store, Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    screen = window.lock_screen
    screen.show_create()
    qtbot.keyClicks(screen.create_page.name, "Mine")
    screen.create_page.passphrase.first.setText(PASSPHRASE)
    screen.create_page.passphrase.second.setText(PASSPHRASE)
    screen.create_page.create_button.click()
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    shown = screen.key_page.key.text()
    assert shown
    with qtbot.waitSignal(window.locked, timeout=3_000):  # a hard lock
        window.idle.set_interval_ms(60)  # walked away with the key on screen
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.unlock_page, timeout=3_000)
    assert screen.key_page.key.text() == ""
    assert not screen.holds_journal

    window.idle.set_interval_ms(0)
    screen.unlock_page.passphrase.setText(PASSPHRASE)
    screen.unlock_page.unlock_button.click()
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    assert screen.key_page.key.text() not in ("", shown)
    assert "not confirmed" in screen.key_page.reason.text()
    screen.key_page.confirm.setChecked(True)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.mouseClick(screen.key_page.continue_button, Qt.MouseButton.LeftButton)
    window.lock()
    reopened = store.unlock(store.journals()[0].folder, PASSPHRASE)
    assert not reopened.needs_new_recovery_key  # confirmed now: no new key next time
    reopened.lock()


def test_an_unexpected_error_setting_up_a_trigger_is_logged_and_skipped(qtbot, caplog):
    class BrokenBus:
        def connect(self, *args: object) -> bool:
            raise ValueError("wrong argument values")

    events = SessionEvents()
    caplog.set_level(logging.WARNING)
    events._listen(BrokenBus(), "", "/x", "org.example.X", "Changed", "_on_lock()")
    assert events.triggers == []
    assert "ValueError" in caplog.text


def test_ctrl_l_locks_from_a_modal_dialog(qtbot, unlocked_window):
    from journal.ui.lock.recovery_key_dialog import RecoveryKeyDialog

    window = unlocked_window
    shown = RecoveryKeyDialog("ABCD-EFGH-IJKL-MNOP", "Test journal", window)
    shown.open()  # modal: the main window's own shortcuts are blocked behind it
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    with qtbot.waitSignal(window.locked, timeout=2_000):
        qtbot.keyClick(shown, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.is_locked


def test_a_passphrase_change_under_way_completes_before_the_lock(qtbot, data_dir):
    from journal.settings import Settings
    from journal.storage.lock.keys import KdfParams
    from journal.ui.lock.security_dialogs import ChangePassphraseDialog
    from journal.ui.shell.main_window import MainWindow

    store = JournalStore(data_dir)  # a key derivation slow enough to lock in the middle
    created, _ = store.create("Mine", PASSPHRASE, KdfParams(2, 32 * 1024, 1))
    created.confirm_recovery_key()
    created.lock()
    window = MainWindow(store, Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    window.lock_screen.unlock_page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        window.lock_screen.unlock_page.unlock_button.click()
    change = ChangePassphraseDialog(window.journal, window)
    change.open()
    qtbot.keyClicks(change.current, PASSPHRASE)
    qtbot.keyClicks(change.new.first, "a wholly new passphrase of mine")
    qtbot.keyClicks(change.new.second, "a wholly new passphrase of mine")
    qtbot.keyClick(change.new.second, Qt.Key.Key_Return)  # the change starts...
    screen_lock(qtbot, window)  # ...and the desktop locks while it runs
    folder = store.journals()[0].folder
    assert store.check_passphrase(folder, "a wholly new passphrase of mine")
    assert not store.check_passphrase(folder, PASSPHRASE)


def test_a_passphrase_typed_in_a_lock_screen_dialog_is_locked_away(qtbot, window):
    from journal.ui.lock.security_dialogs import RemoveJournalDialog

    screen = window.lock_screen
    remove = RemoveJournalDialog(screen.store, screen.unlock_page.chosen_folder(), "Mine", window)
    remove.open()
    qtbot.keyClicks(remove.passphrase, "not submitted")
    with qtbot.waitSignal(window.locked, timeout=2_000):  # the process is replaced
        screen_lock(qtbot, window)
    assert not remove.isVisible()


def test_back_at_the_window_after_a_lock_the_passphrase_has_the_focus(qtbot, window):
    from PySide6.QtCore import QEvent

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    passphrase = window.lock_screen.unlock_page.passphrase
    passphrase.clearFocus()  # as when the desktop's lock screen took the keyboard
    assert QApplication.focusWidget() is None
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert QApplication.focusWidget() is passphrase


def test_new_journal_asks_for_the_create_page_only_once(qtbot, unlocked_window):
    unlocked_window.new_journal()
    assert unlocked_window.after_lock == ""  # the next lock lands on the unlock page

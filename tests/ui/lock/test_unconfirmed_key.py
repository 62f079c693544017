"""A recovery key shown but never confirmed as written down stops opening the journal
when its window closes or the journal locks over it, as the question before closing
says (break test 14 of session 7, finding 1: it kept opening the journal, so whoever
glimpsed it could set a new passphrase, while Solace said no recovery key worked).

Each test unlocks through the lock screen's "Use recovery key…" with the key that was
on screen, as the tester did, and sees it refused; the passphrase still opens the
journal, and a new key is shown then with the true reason.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from journal.errors import WrongRecoveryKey
from journal.storage.lock.journal import RECOVERY_KEY_WITHDRAWN
from journal.ui.common.confirm import Question
from journal.ui.lock.recovery_key_dialog import LEAVE_DETAIL, RecoveryKeyDialog
from journal.ui.lock.security_dialogs import NewRecoveryKeyDialog, SecurityAction
from journal.ui.shell.main_window import MainWindow
from journal.ui.shell.settings_dialog import NO_RECOVERY_KEY
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def try_recovery_key(qtbot, window: MainWindow, key: str) -> str:  # type: ignore[no-untyped-def]
    """Type ``key`` into the lock screen's "Use recovery key…" page and unlock; the
    error said there, or "" once the journal opened (the new passphrase page)."""
    screen = window.lock_screen
    screen.show_start()
    qtbot.mouseClick(screen.unlock_page.recovery_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.recovery_page.key, key)
    qtbot.mouseClick(screen.recovery_page.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: screen.currentWidget() is screen.new_passphrase_page
        or screen.recovery_page.error.isVisible(),
        timeout=UNLOCK_WAIT_MS,
    )
    if screen.currentWidget() is screen.new_passphrase_page:
        return ""
    return screen.recovery_page.error.text()


def unlock_to_key_page(qtbot, window: MainWindow) -> str:  # type: ignore[no-untyped-def]
    """Unlock with the passphrase; the reason shown with the new key that follows."""
    screen = window.lock_screen
    screen.show_start()
    qtbot.keyClicks(screen.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    return screen.key_page.reason.text()


def test_close_anyway_on_a_new_recovery_key_stops_it_opening_the_journal(
    qtbot, unlocked_window
):  # type: ignore[no-untyped-def]
    """Settings > New recovery key…, the key shown, Escape, "Close anyway": the box said
    the key would stop working, and it does, at once and after the lock."""
    window = unlocked_window
    window.show_settings()
    settings = window.settings_dialog
    assert settings is not None and not settings.recovery_note.isVisible()
    shown_keys: list[str] = []
    details: list[str] = []

    def drive() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, NewRecoveryKeyDialog) and not modal.busy.isVisible():
            modal.passphrase.setText(PASSPHRASE)
            modal.start()
        elif isinstance(modal, RecoveryKeyDialog) and modal.question is None:
            shown_keys.append(modal.page.recovery_key)
            qtbot.keyClick(modal.page.key, Qt.Key.Key_Escape)  # asks first
        elif isinstance(modal, Question):
            details.append(modal.informativeText())
            modal.yes_button.click()  # "Close anyway"
            return
        QTimer.singleShot(20, drive)

    QTimer.singleShot(0, drive)
    window._security_action(SecurityAction.NEW_RECOVERY_KEY)
    (key,) = shown_keys
    # Settings says so for as long as it is true (break test 14 of session 9, finding 2).
    assert settings.recovery_note.isVisible() and settings.recovery_note.text() == NO_RECOVERY_KEY
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()

    said = try_recovery_key(qtbot, window, key)
    assert said == WrongRecoveryKey().message and "closed without being confirmed" in said
    assert details == [LEAVE_DETAIL] and "stops opening it too" in LEAVE_DETAIL
    assert unlock_to_key_page(qtbot, window) == RECOVERY_KEY_WITHDRAWN


def test_a_lock_over_a_new_journal_s_first_key_stops_it_opening_the_journal(
    qtbot, data_dir
):  # type: ignore[no-untyped-def]
    """A journal just made, its first key on the lock screen, Ctrl+L (or the screen
    locking) before "I have written it down": whoever saw the key cannot open it."""
    from journal.settings import Settings
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.lock.store import JournalStore

    window = MainWindow(JournalStore(data_dir), Settings(data_dir), LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    screen = window.lock_screen
    qtbot.mouseClick(screen.welcome_page.create_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.create_page.name, "Sam")
    qtbot.keyClicks(screen.create_page.passphrase.first, PASSPHRASE)
    qtbot.keyClicks(screen.create_page.passphrase.second, PASSPHRASE)
    qtbot.waitUntil(screen.create_page.ready)
    qtbot.mouseClick(screen.create_page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)
    key = screen.key_page.recovery_key
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()  # Ctrl+L

    said = try_recovery_key(qtbot, window, key)
    assert said == WrongRecoveryKey().message and "closed without being confirmed" in said
    assert unlock_to_key_page(qtbot, window) == RECOVERY_KEY_WITHDRAWN
    window.lock()


def test_a_key_that_opened_the_journal_is_never_withdrawn(qtbot, data_dir):  # type: ignore[no-untyped-def]
    """The person who unlocked with their recovery key (a forgotten passphrase) and was
    locked before choosing a new passphrase still holds a way in: that key is theirs.
    A key a crash left on screen unconfirmed is not (note 8, #14: it opened the
    journal after a kill -9 until the next unlock replaced it; whoever glimpsed it
    could choose a new passphrase): it is refused, as after "Close anyway"."""
    from journal.settings import LAST_JOURNAL, Settings
    from journal.storage.lock.keys import LIGHT_KDF
    from journal.storage.lock.store import JournalStore

    store = JournalStore(data_dir)
    created, glimpsed = store.create("Sam", PASSPHRASE, LIGHT_KDF)  # never confirmed
    created.lock()  # as a crash leaves it: no withdrawal
    kept, key = store.create("Kim", PASSPHRASE, LIGHT_KDF)
    kept.confirm_recovery_key()  # "I have written it down"
    kept.lock()
    settings = Settings(data_dir)
    window = MainWindow(store, settings, LIGHT_KDF)
    qtbot.addWidget(window)
    window.show()
    settings.set(LAST_JOURNAL, created.header.journal_id)  # the chosen journal: Sam
    assert try_recovery_key(qtbot, window, glimpsed) == WrongRecoveryKey().message
    settings.set(LAST_JOURNAL, kept.header.journal_id)  # Kim
    window.lock_screen.recovery_page.key.clear()  # the refused key stays typed there
    assert try_recovery_key(qtbot, window, key) == ""
    with qtbot.waitSignal(window.locked, timeout=10_000):
        window.lock()
    assert try_recovery_key(qtbot, window, key) == ""
    window.lock()

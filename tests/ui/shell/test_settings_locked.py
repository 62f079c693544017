"""Settings opened on the lock screen offers no key actions, and an unlock finishing
behind it gives the journal's own Settings (break test 14, finding 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from journal.ui.lock.security_dialogs import SecurityAction
from tests.conftest import PASSPHRASE

KEY_ACTIONS = {action.value for action in SecurityAction}


def shown_buttons(dialog) -> set[str]:  # type: ignore[no-untyped-def]
    return {
        b.text().replace("&", "") for b in dialog.findChildren(QPushButton) if b.isVisibleTo(dialog)
    }


def test_settings_on_the_lock_screen_offers_no_key_actions_and_follows_an_unlock(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_dialog is not None)
    locked = window.settings_dialog
    assert not KEY_ACTIONS & shown_buttons(locked)  # no journal is open to change
    assert not locked.body_log.isVisibleTo(locked)

    gone: list[bool] = []
    locked.destroyed.connect(lambda: gone.append(True))
    page = window.lock_screen.unlock_page
    page.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        page.unlock_button.click()  # the unlock finishes behind the open Settings
    qtbot.waitUntil(lambda: bool(gone))  # the lock screen's Settings is gone
    journal_settings = window.settings_dialog
    assert journal_settings is not None
    qtbot.waitUntil(journal_settings.isVisible)
    assert shown_buttons(journal_settings) >= KEY_ACTIONS
    assert journal_settings.body_log.isVisibleTo(journal_settings)
    journal_settings.reject()

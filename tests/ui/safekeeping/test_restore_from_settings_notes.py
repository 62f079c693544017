"""A restore started from Settings (Settings > Restore… > "Close and choose a
backup…") locks the journal and closes Settings on purpose: no later session says that
Settings "was closed and nothing in it was saved" (break test 16 of session 20, M2)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.ui.safekeeping.backup import BackupsPanel
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS


def test_settings_closed_for_a_restore_is_not_said_lost_at_the_next_unlock(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    panel.restore_requested.emit()  # the yes to "Close your journal to restore a backup?"
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(RestoreDialog)), timeout=10_000
    )
    (dialog,) = [d for d in window.findChildren(RestoreDialog) if d.isVisible()]
    dialog.reject()  # she changes her mind: the journal is opened again
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)
    qtbot.wait(50)  # the notes given back once the window shows the journal
    said = " ".join(window.notices.texts())
    assert "nothing in it was saved" not in said
    assert "Settings" not in said

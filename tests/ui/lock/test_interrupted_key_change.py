"""After a rotation cut short by a crash, the replacement recovery key's page gives
the true reason (break test 14, finding 3): Solace was interrupted while it was
re-encrypting the journal; no key was ever on screen to confirm."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.lock.test_interrupted_key_change import cut


def test_the_key_page_after_an_interrupted_rotation_says_it_was_interrupted(
    qtbot, window, store, data_dir
):  # type: ignore[no-untyped-def]
    folder = store.journals()[0].folder
    cut(data_dir, folder, "rotate-after-rekey", PASSPHRASE)  # killed mid-rotation

    screen = window.lock_screen
    qtbot.keyClicks(screen.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)

    said = screen.key_page.reason.text()
    assert screen.key_page.reason.isVisible()
    assert "interrupted while it was re-encrypting this journal" in said
    assert "no longer opens this journal" in said
    assert "not confirmed" not in said and "on screen" not in said
    assert "!" not in said
    assert screen.key_page.key.text()  # the new key, to write down


@pytest.mark.parametrize("where", ["rotate-at-check", "rotate-before-write"])
def test_a_rotation_killed_before_it_began_is_told_after_the_unlock(
    qtbot, window, store, data_dir, where
):  # type: ignore[no-untyped-def]
    """Break test 14 of session 6, finding 3: the journal opened with no word, though
    the old recovery key and copies still opened it. A window now says so, and stays
    until it is closed. Killed in the first seconds after OK, during the passphrase
    check (session 11, finding 7), it said nothing at all."""
    from PySide6.QtWidgets import QMessageBox

    folder = store.journals()[0].folder
    cut(data_dir, folder, where, PASSPHRASE)

    screen = window.lock_screen
    qtbot.keyClicks(screen.unlock_page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(screen.unlock_page.passphrase, Qt.Key.Key_Return)
    box = window.findChild(QMessageBox, "keyChangeNote")
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    said = box.text()
    assert said.startswith("Rotating the encryption key was interrupted before it began")
    assert "nothing changed" in said and "old recovery key" in said
    assert "your passphrase, your old recovery key and any copies" in said
    assert "Rotate encryption key… in Settings" in said
    assert "!" not in said
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())


def test_a_new_recovery_key_killed_before_it_began_is_shown_after_the_unlock(
    qtbot, window, store, data_dir
):  # type: ignore[no-untyped-def]
    """Break test 14 of session 6, finding 4: the old recovery key silently stayed the
    one in force. The next unlock now makes the new key asked for, and says why."""
    folder = store.journals()[0].folder
    cut(data_dir, folder, "recovery-key-before-write", PASSPHRASE)

    screen = window.lock_screen
    qtbot.keyClicks(screen.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.currentWidget() is screen.key_page, timeout=UNLOCK_WAIT_MS)

    said = screen.key_page.reason.text()
    assert screen.key_page.reason.isVisible()
    assert "interrupted just as it began making the new recovery key" in said
    assert "the recovery key you had before no longer does" in said
    assert screen.key_page.key.text()

"""After a rotation cut short by a crash, the replacement recovery key's page gives
the true reason (break test 14, finding 3): Solace was interrupted while it was
re-encrypting the journal; no key was ever on screen to confirm."""

from __future__ import annotations

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

"""The day's backup copy taken at a lock runs off the GUI thread: the window goes on
painting under a cover that says it, with a moving busy line (issue 12: at 100k
entries the copy froze the window for seconds). Keys pressed meanwhile are held, then
dropped and said, as every key pressed during a lock is (issue 15)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from journal.storage.safekeeping.backups import list_backups
from journal.ui.shell.main_window import KEYS_WHILE_LOCKING
from tests.storage.safekeeping.helpers import write_entries


def test_the_window_paints_and_says_the_backup_while_it_is_taken_at_lock(  # type: ignore[no-untyped-def]
    qtbot, unlocked_window
):
    window = unlocked_window
    folder = window.journal.folder
    write_entries(window.journal, 20)
    assert list_backups(folder) == []  # today's backup is due at this lock
    seen: list[tuple[bool, str, bool]] = []
    passphrase = window.lock_screen.unlock_page.passphrase

    def during_the_lock() -> None:
        cover = window.lock_cover
        seen.append((cover.isVisible(), cover.said.text(), cover.busy.isVisible()))
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
        QApplication.postEvent(passphrase, key)  # typed while the copy is taken
        assert window.lock()  # asked again meanwhile (the screen locked): that lock

    # Fires only when the GUI thread's event loop runs while the lock works: before,
    # the copy kept it, and the timer fired only once the lock had returned.
    QTimer.singleShot(0, during_the_lock)
    locks: list[bool] = []
    window.locked.connect(lambda: locks.append(True))
    with qtbot.waitSignal(window.locked, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert seen, "the window did not run its event loop while the lock worked"
    ((covered, said, busy),) = seen
    assert locks == [True]  # one lock, said once
    assert covered and "backup copy" in said and busy
    assert len(list_backups(folder)) == 1  # the copy was made
    assert not window.lock_cover.isVisible()  # the lock screen replaced the cover
    assert passphrase.text() == ""  # the key pressed meanwhile did not go in
    assert KEYS_WHILE_LOCKING in window.lock_notice  # and it was said

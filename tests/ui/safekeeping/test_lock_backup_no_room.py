"""A backup at lock that finds no room is said on the lock screen itself, calmly, and
once after the next unlock when that screen was not seen (break test 16 of session
11, finding 11f: the log said "the backup at lock failed: DiskFull", the lock screen
said nothing, and the person heard of it only a minute after the next unlock).

The full disk is a file-size limit (RLIMIT_FSIZE, as in tests/ui/shell/
test_full_disk.py): the backup's new copy of the database cannot grow past 4 KB,
while the journal's own file, written nowhere past that, stays whole.
"""

from __future__ import annotations

import resource
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt

from journal.domain.safekeeping.rotation import Reason
from journal.storage.safekeeping.backups import list_backups, no_room_for
from journal.ui.safekeeping.at_lock import NOT_MADE, UNSEEN
from journal.ui.shell.main_window import LOCKED_SAVED, MainWindow
from tests.conftest import PASSPHRASE, UNLOCK_WAIT_MS
from tests.storage.safekeeping.helpers import write_entries


@contextmanager
def disk_full(limit_bytes: int = 4096) -> Iterator[None]:
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def checkpoint(journal) -> None:  # type: ignore[no-untyped-def]
    """Every commit into the database file, none left in its log: the lock writes
    nothing to the journal's own file past the limit."""
    with journal.db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def unlock(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = window.lock_screen.unlock_page
    qtbot.keyClicks(page.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.opened, timeout=UNLOCK_WAIT_MS):
        qtbot.keyClick(page.passphrase, Qt.Key.Key_Return)


def test_the_lock_screen_says_calmly_that_only_the_backup_copy_was_not_made(
    qtbot, unlocked_window
):
    window = unlocked_window
    folder = window.journal.folder
    write_entries(window.journal, 20)
    checkpoint(window.journal)
    with disk_full(), qtbot.waitSignal(window.locked, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert list_backups(folder) == [] and no_room_for(folder)
    said = window.lock_screen.unlock_page.error
    assert said.isVisible() and said.kind == "status"  # calm, not an error
    text = said.text()
    assert text.startswith(LOCKED_SAVED + " " + NOT_MADE)
    assert "because the disk is full (it needs about " in text
    assert "Your journal itself is saved and unchanged" in text
    assert "please free some space" in text
    assert window.lock_notice == text  # handed to the process that replaces this one

    unlock(qtbot, window)  # seen on the lock screen: not said again
    assert window.notices.texts() == []
    daily = window.daily_backup
    with disk_full(), qtbot.assertNotEmitted(daily.told):
        daily.run_now()  # a minute later, still no room: Settings says it, no note
        qtbot.waitUntil(lambda: not daily.busy, timeout=30_000)
    assert window.notices.texts() == []
    with qtbot.waitSignal(window.locked, timeout=10_000):  # room again
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert NOT_MADE not in window.lock_screen.unlock_page.error.text()
    assert [b.reason for b in list_backups(folder)] == [Reason.DAILY] and not no_room_for(folder)


def test_a_backup_not_made_as_the_window_closed_is_said_once_after_the_next_unlock(
    qtbot, unlocked_window, store, settings
):
    from journal.storage.lock.keys import LIGHT_KDF

    window = unlocked_window
    folder = window.journal.folder
    write_entries(window.journal, 20)
    checkpoint(window.journal)
    with disk_full():
        window.close()  # no lock screen to be seen: the process ends
    assert list_backups(folder) == [] and no_room_for(folder)

    again = MainWindow(store, settings, LIGHT_KDF)  # the next start
    qtbot.addWidget(again)
    again.show()
    assert NOT_MADE not in again.lock_screen.unlock_page.error.text()
    unlock(qtbot, again)
    (note,) = again.notices.texts()
    assert note.startswith(UNSEEN + ", because the disk is full (it needs about ")
    assert "Your journal itself is saved and unchanged" in note
    daily = again.daily_backup
    with disk_full(), qtbot.assertNotEmitted(daily.told):
        daily.run_now()  # told once: not again a minute later
        qtbot.waitUntil(lambda: not daily.busy, timeout=30_000)
    assert again.notices.texts() == [note]
    again.lock()

"""What a restore did is heard once the journal it brought back is open (break test
15 of session 12, finding 9: the note "Your journal was restored from …" was told
behind the lock screen, where nothing is said, and never heard)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from journal.storage.lock.store import JournalStore
from tests.conftest import PASSPHRASE
from tests.storage.safekeeping.helpers import write_entries
from tests.ui.accessibility.conftest import Recorder
from tests.ui.safekeeping.test_restore_flow import restore_dialog


def test_the_restore_s_result_is_said_once_the_journal_is_open(  # type: ignore[no-untyped-def]
    qtbot, store: JournalStore, window, tmp_path, a11y_events: Recorder
):
    from journal.storage.safekeeping.status import back_up_to

    (info,) = store.journals()
    journal = store.unlock(info.folder, PASSPHRASE)
    write_entries(journal, 2)
    archive = back_up_to(journal, tmp_path / "kept.solacebackup")
    journal.lock()
    window.activateWindow()
    restore = window.lock_screen.unlock_page.restore_button
    restore.setFocus()
    qtbot.keyClick(restore, Qt.Key.Key_Return)
    dialog = restore_dialog()
    dialog.choose_file(archive)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    a11y_events.clear()
    with qtbot.waitSignal(window.opened, timeout=30_000):
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    (note,) = window.notices.texts()
    assert note.startswith("Your journal was restored from the backup file")
    assert note in a11y_events.announcements(assertive=False)

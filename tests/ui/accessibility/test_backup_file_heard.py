"""Choosing a backup file in Restore is heard, and the focus goes on to the passphrase
(break test 15 of session 11, finding 12: nothing was said and the focus went back to
"Choose a backup file…", as if the choice had failed). Qt's file chooser is answered
here (see `test_file_places.Choosers`); the backup file and the dialog are real."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from journal.storage.lock.store import JournalStore
from journal.ui.common.local_time import say_moment
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE
from tests.ui.accessibility.conftest import Recorder
from tests.ui.safekeeping.test_file_places import Choosers


def test_a_chosen_backup_file_is_said_and_the_passphrase_is_next(  # type: ignore[no-untyped-def]
    qtbot, window, store: JournalStore, tmp_path, monkeypatch, a11y_events: Recorder
):
    from journal.storage.safekeeping.restore import backup_made
    from journal.storage.safekeeping.status import back_up_to

    folder = window.lock_screen.unlock_page.chosen_folder()
    journal = store.unlock(folder, PASSPHRASE)
    archive = back_up_to(journal, tmp_path / "before-the-move.solacebackup")
    journal.lock()
    choosers = Choosers(monkeypatch)
    choosers.answer = str(archive)
    restore = window.lock_screen.unlock_page.restore_button
    restore.setFocus()
    qtbot.keyClick(restore, Qt.Key.Key_Return)
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.file_button.setFocus()
    a11y_events.clear()
    qtbot.keyClick(dialog.file_button, Qt.Key.Key_Space)
    made = backup_made(archive)
    assert made is not None
    said = f"Backup file chosen: before-the-move.solacebackup, from {say_moment(made)}."
    assert said in a11y_events.announcements(assertive=False)
    assert QApplication.focusWidget() is dialog.passphrase
    # named, with when it was made (break test 16 of session 25, F6)
    assert (
        dialog.choices.currentItem()
        .text()
        .startswith("Backup file: before-the-move.solacebackup, from ")
    )
    dialog.reject()

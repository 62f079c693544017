"""The Restore dialog names the journal a restore replaces (break test 16c of session
26, finding 6): with two journals on one computer, the lock screen's Restore a backup…
said "in place of your journal" while the chooser that said which one was behind the
dialog. Now its first words, shown and said as it opens, carry the journal's name as
the lock screen lists it. Real SQLCipher journals, the dialog opened with keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from journal.domain.safekeeping.rotation import Reason
from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import PASSPHRASE, locked_journals
from tests.ui.lock.test_focus_after_dialog import open_dialog
from tests.ui.lock.test_screen import make_window


def test_restore_from_the_lock_screen_names_the_journal_chosen(qtbot, data_dir):  # type: ignore[no-untyped-def]
    locked_journals(data_dir, ("Mine", "Fresh"))
    window = make_window(qtbot, data_dir)
    page = window.lock_screen.unlock_page
    page.journal_choice.setFocus()
    qtbot.keyClick(page.journal_choice, Qt.Key.Key_Home)  # "Fresh", listed first
    assert page.journal_choice.currentText() == "Fresh"

    dialog = open_dialog(qtbot, window, page.restore_button)
    assert isinstance(dialog, RestoreDialog)
    said = " ".join(w.text() for w in dialog.findChildren(QLabel) if w.isVisible())
    assert "in place of your journal \u201cFresh\u201d as it is now" in said
    assert "Mine" not in said
    assert "\u201cFresh\u201d" in dialog.accessibleDescription()  # said as it opens
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=5000)


def test_a_backup_file_of_another_journal_here_is_said_to_replace_that_one(  # type: ignore[no-untyped-def]
    qtbot, data_dir, tmp_path
):
    """The lead's walk of session 28: with "Fresh" chosen and a backup file of "Mine"
    picked, the first words still said the restore puts it "in place of your journal
    “Fresh”", above a note saying it replaces "Mine"."""
    from journal.storage.safekeeping.status import back_up_to

    store = locked_journals(data_dir, ("Mine", "Fresh"))
    mine = next(info for info in store.journals() if info.name == "Mine")
    opened = store.unlock(mine.folder, PASSPHRASE)
    made = back_up_to(opened, tmp_path / "mine.backup")
    opened.lock()
    fresh = next(info for info in store.journals() if info.name == "Fresh")
    opened = store.unlock(fresh.folder, PASSPHRASE)
    opened.backup(Reason.DAILY)  # one kept of "Fresh", listed under the file
    opened.lock()
    dialog = RestoreDialog(store, fresh.folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert "your journal \u201cFresh\u201d" in dialog.intro.text()

    dialog.choose_file(made)
    assert "your journal \u201cMine\u201d" in dialog.intro.text()
    assert "Fresh" not in dialog.intro.text()
    assert "\u201cMine\u201d" in dialog.accessibleDescription()
    dialog.choices.setFocus()
    qtbot.keyClick(dialog.choices, Qt.Key.Key_Down)  # back to a backup of "Fresh"
    assert "your journal \u201cFresh\u201d" in dialog.intro.text()

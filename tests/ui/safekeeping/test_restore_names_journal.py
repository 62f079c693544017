"""The Restore dialog names the journal a restore replaces (break test 16c of session
26, finding 6): with two journals on one computer, the lock screen's Restore a backup…
said "in place of your journal" while the chooser that said which one was behind the
dialog. Now its first words, shown and said as it opens, carry the journal's name as
the lock screen lists it. Real SQLCipher journals, the dialog opened with keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from journal.ui.safekeeping.restore_dialog import RestoreDialog
from tests.conftest import locked_journals
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

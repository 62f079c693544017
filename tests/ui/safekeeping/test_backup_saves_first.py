"""A backup file holds what was typed the moment before (it is saved first, as a lock
saves it), and when those words cannot be saved the result says they are in no backup
(break test 16c of session 26, finding 3: on a full disk "Back up now…" said "Your
journal itself is unchanged" under an editor saying "Not saved yet", and a person could
not tell whether the entry being written was kept). Real SQLCipher journals; the full
disk is a file-size limit (`disk_full`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from journal.storage.entries.repository import EntryRepository
from journal.ui.safekeeping.backup import NOT_IN_BACKUP, BackupsPanel
from tests.ui.shell.test_full_disk import WORDS, disk_full, write_unsaved


def panel_of(qtbot, window) -> BackupsPanel:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=5000)
    panel = window.settings_dialog.findChild(BackupsPanel)
    assert panel is not None
    return panel


def stored_bodies(window) -> list[str]:  # type: ignore[no-untyped-def]
    repo = EntryRepository(window.journal.db)
    found = [repo.get(item.id) for item in repo.summaries_page(0, 100)]
    return [entry.body for entry in found if entry is not None]


def test_back_up_now_saves_the_words_just_typed_first(qtbot, unlocked_window, tmp_path):
    window = unlocked_window
    write_unsaved(qtbot, window)  # no pause: the autosave has not run
    assert WORDS not in stored_bodies(window)
    panel = panel_of(qtbot, window)
    (tmp_path / "usb").mkdir()
    panel.back_up_to(tmp_path / "usb" / "journal")
    assert WORDS in stored_bodies(window)  # saved before the backup was started
    qtbot.waitUntil(lambda: not panel.working, timeout=20_000)
    assert (tmp_path / "usb" / "journal.backup").is_file()
    assert "was backed up to" in panel.message.text()
    assert NOT_IN_BACKUP not in panel.message.text()


def test_back_up_now_on_a_full_disk_says_the_unsaved_words_are_in_no_backup(
    qtbot, unlocked_window, tmp_path
):
    window = unlocked_window
    write_unsaved(qtbot, window)
    panel = panel_of(qtbot, window)
    (tmp_path / "usb").mkdir()
    with disk_full(4096):  # the database cannot grow, nor a backup file be written
        panel.back_up_to(tmp_path / "usb" / "journal")
        qtbot.waitUntil(lambda: not panel.working, timeout=20_000)
    said = panel.message.text()
    assert "not enough free space" in said
    assert said.endswith(NOT_IN_BACKUP)
    entries = next(a for a in window.areas if a.area_id == "journal")
    assert entries.editor.body.toPlainText() == WORDS  # still in the window
    assert "Not saved yet" in entries.editor.status.text()


def test_an_export_holds_the_words_just_typed(qtbot, unlocked_window):
    window = unlocked_window
    write_unsaved(qtbot, window)
    panel = panel_of(qtbot, window)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert WORDS in stored_bodies(window)  # saved before the export dialog opened
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QDialog) and dialog.windowTitle() == "Export your journal"
    dialog.reject()

"""Cancel closes the import dialog while a file is still being read for the preview
(break test 16 of session 12, finding 1: Cancel was enabled and focused but did
nothing for the whole reading, 46 s for a 20 KB zip holding a 20 MB month file)."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from journal.storage.entries.repository import EntryRepository
from journal.ui.safekeeping import import_dialog
from journal.ui.safekeeping.backup import BackupsPanel


def test_cancel_closes_the_dialog_while_the_preview_still_reads(qtbot, unlocked_window, tmp_path):
    slow = tmp_path / "backup.zip"  # a month file that takes seconds to read
    with zipfile.ZipFile(slow, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2024-01.txt", "a" * (1024 * 1024))
    window = unlocked_window
    window.show_settings()
    panel = window.settings_dialog.findChild(BackupsPanel)
    dialog = panel.show_import()
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.choose(slow)
    assert dialog.working  # still reading
    cancel = dialog.footer.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.isEnabled()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert closed == [0]  # closed at once, nothing written
    qtbot.waitUntil(lambda: not import_dialog._LEFT, timeout=120_000)  # the reading ended
    assert panel.message.text() == ""  # its result dropped, nothing said or added
    assert EntryRepository(window.journal.db).count() == 0


def test_cancel_while_an_export_is_written_says_why_it_waits(qtbot, unlocked_window, tmp_path):
    from journal.ui.safekeeping.export_dialog import STILL_WRITING
    from tests.conftest import PASSPHRASE
    from tests.storage.safekeeping.helpers import write_entries

    write_entries(unlocked_window.journal, 400)
    unlocked_window.show_settings()
    panel = unlocked_window.settings_dialog.findChild(BackupsPanel)
    dialog = panel.show_export()
    dialog.choose_folder(tmp_path)
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert dialog.working
    cancel = dialog.footer.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.text() == STILL_WRITING
    qtbot.waitUntil(lambda: not dialog.working, timeout=120_000)
